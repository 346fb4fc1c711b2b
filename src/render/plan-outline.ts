// plan show: a plan as an outline for people (ids, titles, lead units,
// deadlines with the day a day off moves them to, delivered documents, duties).
import chalk from 'chalk';
import { formatVi } from '../core/dates.js';
import { type Lang, tr } from '../core/diagnostic.js';
import type { Due, Evidence, Output, Plan, Task } from '../core/model.js';
import { STATUS_LABELS } from '../core/model.js';
import { citedNumber } from '../core/text.js';
import type { TimedOccurrence } from '../core/schedule.js';
import { deadlineFirst, resolveTimed } from '../core/schedule.js';
import type { DateRules } from './plan-json.js';

/** Dates past which a line stops listing them ("trước ngày 20 hằng tháng" has twelve a year). */
const MAX_DATES = 4;

/**
 * The written deadline and the days it resolves to, as show --json has them:
 * "trước ngày 05/02/2024 → 05/02/2024"; a limit a day off moves says why
 * ("→ 17/11/2025 (15/11/2025 là thứ Bảy)"). Only ongoing: as written.
 */
function dueLine(due: Due, plan: Plan, lang: Lang, rules: DateRules, eventDate?: Task['eventDate']): string {
  if (!due.parsed.ok) return due.text;
  const timed = resolveTimed(due.parsed.deadline, plan, { ...rules, ...(eventDate ? { eventDate } : {}) });
  const ordered = deadlineFirst(timed);
  const dates = ordered.slice(0, MAX_DATES).map((o) => resolvedText(o, lang));
  if (ordered.length > MAX_DATES) dates.push(tr(lang, `… (${ordered.length} hạn)`, `… (${ordered.length} dates)`));
  // "30/06/2025 → 30/06/2025" says nothing the written date did not.
  return dates.length === 0 || (dates.length === 1 && dates[0] === due.text.trim()) ? due.text : `${due.text} → ${dates.join('; ')}`;
}

function resolvedText(o: TimedOccurrence, lang: Lang): string {
  const end = `${formatVi(o.effective)}${o.moved ? ` (${tr(lang, o.movedReason?.vi ?? '', o.movedReason?.en ?? '')})` : ''}`;
  // A limit's own window ("năm 2024" from 01/01) is its last day, as sheets show it.
  if (!o.start || o.kind === 'due') return end;
  if (o.kind === 'peak') return tr(lang, `cao điểm ${formatVi(o.start)}–${end}`, `peak ${formatVi(o.start)}–${end}`);
  return `${formatVi(o.start)}–${end}`;
}

function evidenceLine(e: Evidence, lang: Lang): string {
  const dated = e.date ? `${e.number} ${tr(lang, 'ngày', 'of')} ${formatVi(e.date)}` : e.number;
  return e.title ? `${dated} (${e.title})` : dated;
}

/** "☑ Kế hoạch: 12/KH-UBND ngày 01/03/2024": a deliverable with the documents that fulfil it. */
function deliveredLine(o: Output, lang: Lang): string {
  return `☑ ${o.text}: ${o.evidence.map((e) => evidenceLine(e, lang)).join('; ')}`;
}

export function renderPlanOutline(p: Plan, lang: Lang, rules: DateRules): string {
  const out: string[] = [];
  out.push(chalk.bold(`${p.file}: ${tr(lang, 'Kế hoạch số', 'Plan no.')} ${citedNumber(p.number)} — ${p.title}`));
  out.push(`${p.issuer.name}, ${p.place}, ${p.dateText}`);
  const walk = (tasks: Task[], depth: number) => {
    for (const t of tasks) {
      const pad = '  '.repeat(depth);
      const status = t.statusGiven ? ` [${STATUS_LABELS[t.status][lang]}]` : '';
      out.push(`${pad}${chalk.bold(t.id)} ${t.title.length > 90 ? `${t.title.slice(0, 89)}…` : t.title}${status}`);
      if (t.lead.length) out.push(`${pad}   ${tr(lang, 'Chủ trì', 'Lead')}: ${t.lead.map((r) => r.text).join('; ')}`);
      if (t.due) out.push(`${pad}   ${tr(lang, 'Thời hạn', 'Due')}: ${dueLine(t.due, p, lang, rules, t.eventDate)}`);
      for (const o of t.outputs.filter((x) => x.evidence.length > 0)) out.push(`${pad}   ${deliveredLine(o, lang)}`);
      walk(t.tasks, depth + 1);
    }
  };
  for (const g of p.groups) {
    out.push('');
    out.push(chalk.underline(`${g.id}. ${g.title}`));
    walk(g.tasks, 1);
  }
  if (p.duties.length) {
    out.push('');
    out.push(chalk.underline(tr(lang, 'Nghĩa vụ báo cáo', 'Reporting duties')));
    for (const d of p.duties) out.push(`  ${chalk.bold(d.id)} ${d.title} — ${dueLine(d.due, p, lang, rules)}; ${tr(lang, 'gửi', 'to')} ${d.to}`);
  }
  return `${out.join('\n')}\n`;
}
