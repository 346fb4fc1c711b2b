// table: the overdue list as a table for the terminal, fitted to its width
// (piped, at natural widths), the days late in red.
import { overdueSentences } from './overdue-text.js';
import type { OutputRenderers } from './outputs.js';
import { writeOverdueTable } from './overdue-table.js';
import { ByteWriter } from './stream.js';
import { wrapCell } from './text-table.js';

export const render: OutputRenderers = {
  overdue: (view, { lang, write, columns }) => {
    const said = overdueSentences(view, lang);
    if (view.items.length === 0) {
      write(`${said.none}\n`);
      return;
    }
    // Sentences around the table wrap to the terminal too.
    const fit = (text: string) => (columns === undefined ? text : wrapCell(text, columns).join('\n'));
    // 150,000 rows in a province (37 MB): assembled as bytes, as the Markdown.
    const out = new ByteWriter(write);
    out.text(`${fit(said.heading)}\n`);
    writeOverdueTable(view.items, { lang, format: 'table', groupBy: view.groupBy, showPlan: view.showPlan, ...(columns !== undefined ? { maxWidth: columns } : {}) }, out);
    if (said.movedNote) out.text(`${fit(said.movedNote)}\n`);
    out.flush();
  },
};
