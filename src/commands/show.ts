// `plan show`: the resolved model, as an outline for people or JSON for tools.
import chalk from 'chalk';
import { formatIso, formatVi } from '../core/dates.js';
import type { Deadline } from '../core/deadline.js';
import { describeDeadline } from '../core/deadline.js';
import type { Lang } from '../core/diagnostic.js';
import type { Due, Evidence, Output, Plan, Task, UnitRef } from '../core/model.js';
import { STATUS_LABELS } from '../core/model.js';
import type { ScheduleOptions } from '../core/schedule.js';
import { resolveTimed } from '../core/schedule.js';
import type { UnitRegistry } from '../core/units.js';
import type { GlobalOptions } from './context.js';
import { tr } from './context.js';
import { loadValidWorkspace } from './workspace.js';
import { jsonWithList, writeLines } from '../render/stream.js';

export function run(args: unknown[], opts: { json?: boolean; units?: string }, g: GlobalOptions): number {
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  // Dates as every other command reads them: repository setting for "trước ngày", days off from calendar.yaml.
  const rules: DateRules = { calendar: ws.calendar, strictBefore: ws.settings.strictBefore, lang: g.lang };
  if (opts.json) {
    const plans = (function* () {
      for (const p of ws.plans) yield planJson(p, ws.registry, rules);
    })();
    writeLines(jsonWithList({}, 'plans', plans), (text) => g.io.stdout.write(text));
  } else {
    g.io.stdout.write(ws.plans.map((p) => outline(p, g.lang, rules)).join('\n'));
  }
  return 0;
}

/** How dates are read (as buildSchedule), and the language of the reasons a date moved. */
export type DateRules = ScheduleOptions & { lang: Lang };

function canonical(refs: UnitRef[], registry: UnitRegistry): string[] {
  return refs.map((r) => registry.lookup(r.text)?.name ?? r.text);
}

/** `due` is the effective date; `written` and `movedBecause` beside it when a day off moved it (as plan overdue --json). */
export function dueJson(due: Due | undefined, plan: Plan, rules: DateRules, eventDate?: Task['eventDate']): object | null {
  if (!due) return null;
  if (!due.parsed.ok) return { text: due.text, kind: 'invalid' };
  const d: Deadline = due.parsed.deadline;
  const dates = resolveTimed(d, plan.years, { ...rules, ...(eventDate ? { eventDate } : {}) }).map((o) => ({
    kind: o.kind,
    ...(o.start ? { start: formatIso(o.start) } : {}),
    due: formatIso(o.effective),
    ...(o.moved ? { written: formatIso(o.due), movedBecause: o.movedReason?.[rules.lang] } : {}),
  }));
  return { text: due.text, kind: d.kind, description: describeDeadline(d, 'vi'), dates };
}

function taskJson(t: Task, plan: Plan, registry: UnitRegistry, rules: DateRules): object {
  return {
    id: t.id,
    title: t.title,
    ...(t.body ? { body: t.body } : {}),
    ...(t.points.length ? { points: t.points } : {}),
    lead: canonical(t.lead, registry),
    support: canonical(t.support, registry),
    due: dueJson(t.due, plan, rules, t.eventDate),
    outputs: t.outputs.map((o) => (o.evidence.length ? { text: o.text, evidence: o.evidence.map((e) => ({ ...e, ...(e.date ? { date: formatIso(e.date) } : {}) })) } : o.text)),
    status: t.status,
    ...(t.done ? { done: formatIso(t.done) } : {}),
    ...(t.note ? { note: t.note } : {}),
    ...(t.progress.length
      ? { progress: t.progress.map((p) => ({ unit: registry.lookup(p.unit.text)?.name ?? p.unit.text, status: p.status, ...(p.done ? { done: formatIso(p.done) } : {}), ...(p.note ? { note: p.note } : {}) })) }
      : {}),
    tasks: t.tasks.map((c) => taskJson(c, plan, registry, rules)),
  };
}

export function planJson(p: Plan, registry: UnitRegistry, rules: DateRules): object {
  return {
    file: p.file,
    number: p.number,
    title: p.title,
    issuer: p.issuer,
    place: p.place,
    date: p.dateText,
    year: p.years.from === p.years.to ? p.years.from : null,
    years: p.years,
    groups: p.groups.map((g) => ({ id: g.id, title: g.title, tasks: g.tasks.map((t) => t.id) })),
    tasks: p.groups.flatMap((g) => g.tasks.map((t) => taskJson(t, p, registry, rules))),
    duties: p.duties.map((d) => ({
      id: d.id,
      title: d.title,
      by: canonical(d.by, registry),
      to: d.to,
      due: dueJson(d.due, p, rules),
      ...(d.period ? { period: d.period } : {}),
      submissions: d.submissions.map((s) => ({ unit: registry.lookup(s.unit.text)?.name ?? s.unit.text, date: formatIso(s.date), ...(s.year ? { year: s.year } : {}), ...(s.number ? { number: s.number } : {}) })),
    })),
    recipients: p.recipients,
    ...(p.signer ? { signer: p.signer } : {}),
  };
}

/** The written deadline, and for each limit a day off moves, the day it really ends. */
function dueLine(due: Due, plan: Plan, lang: Lang, rules: DateRules, eventDate?: Task['eventDate']): string {
  if (!due.parsed.ok) return due.text;
  const moved = resolveTimed(due.parsed.deadline, plan.years, { ...rules, ...(eventDate ? { eventDate } : {}) }).filter((o) => o.moved);
  const notes = moved.map((o) => tr(lang, `${o.movedReason?.vi}: hạn chuyển sang ${formatVi(o.effective)}`, `${o.movedReason?.en}: due ${formatVi(o.effective)}`));
  return notes.length ? `${due.text} (${notes.join('; ')})` : due.text;
}

function evidenceLine(e: Evidence, lang: Lang): string {
  const dated = e.date ? `${e.number} ${tr(lang, 'ngày', 'of')} ${formatVi(e.date)}` : e.number;
  return e.title ? `${dated} (${e.title})` : dated;
}

/** "☑ Kế hoạch: 12/KH-UBND ngày 01/03/2024": a deliverable with the documents that fulfil it. */
function deliveredLine(o: Output, lang: Lang): string {
  return `☑ ${o.text}: ${o.evidence.map((e) => evidenceLine(e, lang)).join('; ')}`;
}

function outline(p: Plan, lang: Lang, rules: DateRules): string {
  const out: string[] = [];
  out.push(chalk.bold(`${p.file}: ${tr(lang, 'Kế hoạch số', 'Plan no.')} ${p.number} — ${p.title}`));
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
    for (const d of p.duties) out.push(`  ${chalk.bold(d.id)} ${d.title} — ${dueLine(d.due, p, lang, rules)} → ${d.to}`);
  }
  return `${out.join('\n')}\n`;
}
