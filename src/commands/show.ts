// `plan show`: the resolved model, as an outline for people or JSON for tools.
import chalk from 'chalk';
import { formatIso } from '../core/dates.js';
import type { Deadline } from '../core/deadline.js';
import { describeDeadline, resolveDeadline } from '../core/deadline.js';
import type { Lang } from '../core/diagnostic.js';
import type { Due, Plan, Task, UnitRef } from '../core/model.js';
import { STATUS_LABELS } from '../core/model.js';
import type { UnitRegistry } from '../core/units.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { tr } from './context.js';
import { hasErrors, loadWorkspace } from './workspace.js';

export function run(args: unknown[], opts: { json?: boolean; units?: string }, g: GlobalOptions): number {
  const ws = loadWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {});
  const errors = ws.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(ws.diagnostics)) {
    process.stderr.write(renderDiagnosticsPretty(errors, (f) => ws.sources.get(f)?.text, g.lang));
    process.stderr.write(`${tr(g.lang, 'Kế hoạch có lỗi; sửa rồi chạy lại (xem plan check).', 'The plans have errors; fix them and run again (see plan check).')}\n`);
    return 1;
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ plans: ws.plans.map((p) => planJson(p, ws.registry)) }, null, 2)}\n`);
  } else {
    process.stdout.write(ws.plans.map((p) => outline(p, g.lang)).join('\n'));
  }
  return 0;
}

function canonical(refs: UnitRef[], registry: UnitRegistry): string[] {
  return refs.map((r) => registry.lookup(r.text)?.name ?? r.text);
}

export function dueJson(due: Due | undefined, plan: Plan, eventDate?: Task['eventDate']): object | null {
  if (!due) return null;
  if (!due.parsed.ok) return { text: due.text, kind: 'invalid' };
  const d: Deadline = due.parsed.deadline;
  const dates = resolveDeadline(d, plan.years, eventDate ? { eventDate } : {}).map((o) => ({
    kind: o.kind,
    ...(o.start ? { start: formatIso(o.start) } : {}),
    due: formatIso(o.due),
  }));
  return { text: due.text, kind: d.kind, description: describeDeadline(d, 'vi'), dates };
}

function taskJson(t: Task, plan: Plan, registry: UnitRegistry): object {
  return {
    id: t.id,
    title: t.title,
    ...(t.body ? { body: t.body } : {}),
    ...(t.points.length ? { points: t.points } : {}),
    lead: canonical(t.lead, registry),
    support: canonical(t.support, registry),
    due: dueJson(t.due, plan, t.eventDate),
    outputs: t.outputs.map((o) => (o.evidence.length ? { text: o.text, evidence: o.evidence.map((e) => ({ ...e, ...(e.date ? { date: formatIso(e.date) } : {}) })) } : o.text)),
    status: t.status,
    ...(t.done ? { done: formatIso(t.done) } : {}),
    ...(t.note ? { note: t.note } : {}),
    ...(t.progress.length
      ? { progress: t.progress.map((p) => ({ unit: registry.lookup(p.unit.text)?.name ?? p.unit.text, status: p.status, ...(p.done ? { done: formatIso(p.done) } : {}), ...(p.note ? { note: p.note } : {}) })) }
      : {}),
    tasks: t.tasks.map((c) => taskJson(c, plan, registry)),
  };
}

export function planJson(p: Plan, registry: UnitRegistry): object {
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
    tasks: p.groups.flatMap((g) => g.tasks.map((t) => taskJson(t, p, registry))),
    duties: p.duties.map((d) => ({
      id: d.id,
      title: d.title,
      by: canonical(d.by, registry),
      to: d.to,
      due: dueJson(d.due, p),
      ...(d.period ? { period: d.period } : {}),
      submissions: d.submissions.map((s) => ({ unit: registry.lookup(s.unit.text)?.name ?? s.unit.text, date: formatIso(s.date), ...(s.year ? { year: s.year } : {}), ...(s.number ? { number: s.number } : {}) })),
    })),
    recipients: p.recipients,
    ...(p.signer ? { signer: p.signer } : {}),
  };
}

function outline(p: Plan, lang: Lang): string {
  const out: string[] = [];
  out.push(chalk.bold(`${p.file}: ${tr(lang, 'Kế hoạch số', 'Plan no.')} ${p.number} — ${p.title}`));
  out.push(`${p.issuer.name}, ${p.place}, ${p.dateText}`);
  const walk = (tasks: Task[], depth: number) => {
    for (const t of tasks) {
      const pad = '  '.repeat(depth);
      const status = t.statusGiven ? ` [${STATUS_LABELS[t.status][lang]}]` : '';
      out.push(`${pad}${chalk.bold(t.id)} ${t.title.length > 90 ? `${t.title.slice(0, 89)}…` : t.title}${status}`);
      if (t.lead.length) out.push(`${pad}   ${tr(lang, 'Chủ trì', 'Lead')}: ${t.lead.map((r) => r.text).join('; ')}`);
      if (t.due) out.push(`${pad}   ${tr(lang, 'Thời hạn', 'Due')}: ${t.due.text}`);
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
    for (const d of p.duties) out.push(`  ${chalk.bold(d.id)} ${d.title} — ${d.due.text} → ${d.to}`);
  }
  return `${out.join('\n')}\n`;
}
