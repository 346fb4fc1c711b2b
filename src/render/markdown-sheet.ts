// An assignment sheet as Markdown: the same content as the DOCX, for reading
// in git and on the web. Pure.
import { formatVi } from '../core/dates.js';
import type { CalendarDate } from '../core/dates.js';
import type { PlanRef } from '../core/document.js';
import type { Sheet, SheetDuty, SheetTask } from '../core/sheet.js';
import { sheetCounts } from '../core/sheet.js';
import type { Wording } from '../core/templates.js';
import { dueText, evidenceList, placeDate, planCitation, planShort, resolvedAddsNothing, signerLines, statusText } from './document-text.js';
import { cell, headerMarkdown, inline, recipientsMarkdown, signatureMarkdown, table } from './markdown-common.js';

export interface SheetWording {
  common: Wording;
  sheet: Wording;
}

export function renderSheetMarkdown(s: Sheet, w: SheetWording): string {
  const { common, sheet } = w;
  const unit = s.unit.name;
  const out: string[] = [];
  out.push(headerMarkdown(s.issuer, sheet.text('number_line'), placeDate(s.place, s.madeOn, common), common));
  out.push(`# ${inline(sheet.text('title', { unit }))}`);
  const summary = s.plans.length === 1 ? sheet.text('summary_one', { plan: planCitation(s.plans[0]!, common) }) : sheet.text('summary_many', { count: s.plans.length });
  out.push(`**${inline(summary)}**`);
  out.push(`**${inline(sheet.text('unit_line', { unit }))}**`);
  if (s.plans.length > 1) {
    out.push(`## ${inline(sheet.text('plans_heading'))}`);
    out.push(s.plans.map((p) => `${p.index}. ${inline(planCitation(p, common))}`).join('\n'));
  }
  const opening = sheet.text('opening', { unit, made_on: formatVi(s.madeOn) });
  if (opening) out.push(inline(opening));

  const counts = sheetCounts(s);
  out.push(`## ${inline(sheet.text('section_lead', { count: counts.lead }))}`);
  out.push(taskTables(s.lead, w));
  out.push(`## ${inline(sheet.text('section_support', { count: counts.support }))}`);
  out.push(taskTables(s.support, w));
  out.push(`## ${inline(sheet.text('section_duties', { count: counts.duties }))}`);
  out.push(dutyTables(s.duties, w));

  const closing = sheet.text('closing', { unit });
  if (closing) out.push(inline(closing));
  out.push(recipientsMarkdown(common.text('recipients_label'), sheet.list('recipients', { unit })));
  out.push(signatureMarkdown(signerLines(s.signer, sheet)));
  return `${out.filter((p) => p !== '').join('\n\n')}\n`;
}

/** Rows grouped under their plan (the plan's number and short title as a heading). */
function byPlan<T extends { plan: PlanRef }>(rows: readonly T[]): [PlanRef, T[]][] {
  const groups: [PlanRef, T[]][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0] === r.plan) last[1].push(r);
    else groups.push([r.plan, [r]]);
  }
  return groups;
}

export function taskCells(t: SheetTask, w: SheetWording): { task: string[]; others: string[]; due: string[]; outputs: string[]; status: string } {
  const { common, sheet } = w;
  const others = [
    ...(t.otherLead.length ? [sheet.text('others_lead', { names: t.otherLead.join('; ') })] : []),
    ...(t.otherSupport.length ? [sheet.text('others_support', { names: t.otherSupport.join('; ') })] : []),
  ];
  const d = dueText(t.due, common);
  return {
    task: [t.id, t.title],
    others: others.length ? others : [sheet.text('others_none')],
    due: resolvedAddsNothing(d) ? [d.written] : [d.written, ...d.resolved.map((r) => `(${r})`)],
    outputs: t.outputs.length
      ? t.outputs.map((o) => `- ${o.evidence.length ? sheet.text('output_delivered', { output: o.text, evidence: evidenceList(o, common) }) : o.text}`)
      : [sheet.text('outputs_none')],
    status: statusText(t.status, common),
  };
}

function taskTables(rows: readonly SheetTask[], w: SheetWording): string {
  const { common, sheet } = w;
  if (rows.length === 0) return inline(sheet.text('empty_section'));
  const head = ['col_no', 'col_task', 'col_others', 'col_due', 'col_outputs', 'col_status'].map((k) => cell(sheet.text(k)));
  let n = 0;
  return byPlan(rows)
    .map(([plan, list]) => {
      const body = list.map((t) => {
        const c = taskCells(t, w);
        return [String(++n), `**${cell(c.task[0]!)}** ${cell(c.task[1]!)}`, cell(c.others), cell(c.due), cell(c.outputs), cell(c.status)];
      });
      return `### ${inline(planShort(plan, common))}\n\n${table(head, body)}`;
    })
    .join('\n\n');
}

export function dutyCells(d: SheetDuty, w: SheetWording): { report: string; to: string; due: string[]; submitted: string[] } {
  const { common, sheet } = w;
  const due = dueText(d.due, common);
  return {
    report: d.title,
    to: d.to,
    due: resolvedAddsNothing(due) ? [due.written] : [due.written, ...due.resolved.map((r) => `(${r})`)],
    submitted: d.submissions.length
      ? d.submissions.map((s) => (s.number ? sheet.text('submitted_number', { date: formatVi(s.date), number: s.number }) : sheet.text('submitted', { date: formatVi(s.date) })))
      : [sheet.text('not_submitted')],
  };
}

function dutyTables(rows: readonly SheetDuty[], w: SheetWording): string {
  const { common, sheet } = w;
  if (rows.length === 0) return inline(sheet.text('empty_section'));
  const head = ['col_no', 'col_report', 'col_to', 'col_due', 'col_submitted'].map((k) => cell(sheet.text(k)));
  let n = 0;
  return byPlan(rows)
    .map(([plan, list]) => {
      const body = list.map((d) => {
        const c = dutyCells(d, w);
        return [String(++n), cell(c.report), cell(c.to), cell(c.due), cell(c.submitted)];
      });
      return `### ${inline(planShort(plan, common))}\n\n${table(head, body)}`;
    })
    .join('\n\n');
}

export interface IndexEntry {
  sheet: Sheet;
  files: string[];
}

export function renderSheetIndexMarkdown(entries: readonly IndexEntry[], plans: readonly PlanRef[], madeOn: CalendarDate, w: SheetWording): string {
  const { common, sheet } = w;
  const head = ['index_col_unit', 'index_col_lead', 'index_col_support', 'index_col_duties', 'index_col_files'].map((k) => cell(sheet.text(k)));
  const rows = entries.map((e) => {
    const c = sheetCounts(e.sheet);
    return [cell(e.sheet.unit.name), String(c.lead), String(c.support), String(c.duties), e.files.map((f) => `[${f}](${encodeURI(f)})`).join(' · ')];
  });
  const summary = sheet.text('index_summary', { date: formatVi(madeOn), count: plans.length, plans: plans.map((p) => planShort(p, common)).join('; ') });
  return `# ${inline(sheet.text('index_title'))}\n\n${inline(summary)}\n\n${table(head, rows)}\n`;
}
