// text: plain text for people at a terminal (the agenda by day, the changes of
// a diff, a plan's outline, what plan collect found), coloured when the terminal takes colour.
import { tr } from '../core/diagnostic.js';
import { renderCollectText } from './collect-summary.js';
import { renderDiffTerminal } from './diff-terminal.js';
import type { OutputRenderers } from './outputs.js';
import { renderPlanOutline } from './plan-outline.js';
import { renderAgenda } from './schedule-table.js';

export const render: OutputRenderers = {
  agenda: ({ agenda, undated }, { lang, write }) => {
    write(renderAgenda(agenda, lang));
    if (undated.length > 0) {
      // Event deadlines have no date until the plan records the event: say which, so they are not forgotten.
      const ids = undated.map((u) => u.id).join(', ');
      write(`\n${tr(lang, `Chưa tính được ngày (chờ ghi eventDate): ${ids}`, `No date yet (waiting for eventDate): ${ids}`)}\n`);
    }
  },
  diff: ({ changes, title }, { lang, write }) => write(renderDiffTerminal(changes, lang, title)),
  show: ({ plans, rules }, { lang, write }) => write(plans.map((p) => renderPlanOutline(p, lang, rules)).join('\n')),
  collect: ({ sources, applied }, { lang, write }) => write(renderCollectText(sources, { lang, applied })),
};
