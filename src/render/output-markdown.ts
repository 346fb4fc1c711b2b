// md: Markdown to paste into a document, a review comment or a chat.
import { renderDiffMarkdown } from './diff-markdown.js';
import { overdueSentences } from './overdue-text.js';
import type { OutputRenderers } from './outputs.js';
import { overdueLines } from './schedule-table.js';
import { writeLines } from './stream.js';

export const render: OutputRenderers = {
  overdue: (view, { lang, write }) => {
    const said = overdueSentences(view, lang);
    if (view.items.length === 0) {
      write(`${said.none}\n`);
      return;
    }
    write(`**${said.heading}**\n\n`);
    writeLines(overdueLines(view.items, { lang, format: 'md', groupBy: view.groupBy, showPlan: view.showPlan }), write);
    if (said.movedNote) write(`${said.movedNote}\n`);
  },
  diff: ({ changes, title }, { lang, write }) => write(renderDiffMarkdown(changes, lang, title)),
};
