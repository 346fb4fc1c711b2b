// text: plain text for people at a terminal (the agenda by day, the changes of
// a diff, a plan's outline, what plan collect found), coloured when the terminal takes colour.
import { tr } from '../core/diagnostic.js';
import { citedNumber } from '../core/text.js';
import { renderCollectText } from './collect-summary.js';
import { renderDiffTerminal } from './diff-terminal.js';
import type { OutputRenderers } from './outputs.js';
import { renderPlanOutline } from './plan-outline.js';
import { kindLabel, renderAgenda, shorten } from './schedule-table.js';

export const render: OutputRenderers = {
  agenda: ({ agenda, undated }, { lang, write }) => {
    write(renderAgenda(agenda, lang));
    if (undated.length > 0) {
      // Event deadlines have no date until the plan records the event: say which, so they are not forgotten; each
      // with its plan and title, as a bare "3" read like a count and task ids repeat across plans.
      write(`\n${tr(lang, 'Chưa tính được ngày (chờ ghi eventDate):', 'No date yet (waiting for eventDate):')}\n`);
      for (const u of undated) {
        write(`  - ${citedNumber(u.plan.number) || u.plan.file}, ${kindLabel(u, lang)} ${u.id}: ${shorten(u.title, 60)} (${tr(lang, 'thời hạn', 'due')} "${shorten(u.text, 60)}")\n`);
      }
    }
  },
  diff: ({ changes, title, periodName }, { lang, write }) => write(renderDiffTerminal(changes, lang, title, periodName)),
  show: ({ plans, rules }, { lang, write }) => write(plans.map((p) => renderPlanOutline(p, lang, rules)).join('\n')),
  collect: ({ sources, applied, periodName }, { lang, write }) => write(renderCollectText(sources, { lang, applied, periodName })),
};
