// md: Markdown to paste into a document, a review comment or a chat.
import { renderDiffMarkdown } from './diff-markdown.js';
import { overdueSentences } from './overdue-text.js';
import type { OutputRenderers } from './outputs.js';
import { writeOverdueMarkdown } from './schedule-table.js';
import { ByteWriter } from './stream.js';

export const render: OutputRenderers = {
  overdue: (view, { lang, write }) => {
    const said = overdueSentences(view, lang);
    if (view.items.length === 0) {
      write(`${said.none}\n`);
      return;
    }
    // 150,000 rows in a province: assembled as bytes, each distinct cell encoded once.
    const out = new ByteWriter(write);
    out.text(`**${said.heading}**\n\n`);
    writeOverdueMarkdown(view.items, { lang, format: 'md', groupBy: view.groupBy, showPlan: view.showPlan }, out);
    if (said.movedNote) out.text(`${said.movedNote}\n`);
    out.flush();
  },
  diff: ({ changes, title, periodName }, { lang, write }) => write(renderDiffMarkdown(changes, lang, title, periodName)),
};
