// A report (core/report.ts) laid out as an official document: header, title,
// the four sections, summary table, recipients, signature. Rendered to DOCX by
// docx-layout and to Markdown by markdown-official; wording from templates.
import { formatVi } from '../core/dates.js';
import type { Output, Status } from '../core/model.js';
import type { Report, ReportTask } from '../core/report.js';
import type { Wording } from '../core/templates.js';
import { END_BOOKMARK, markerProperties, reportMarkers, taskBookmark } from '../core/report-markers.js';
import type { DocBlock, OfficialDocument } from './docx-layout.js';
import { dueText, evidenceList, limitText, placeDate, planCitation, resolvedAddsNothing, statusText } from './document-text.js';

export interface ReportWording {
  common: Wording;
  report: Wording;
}

function dueLine(t: ReportTask, common: Wording): string {
  const d = dueText(t.due, common);
  if (!d.written) return '';
  return resolvedAddsNothing(d) || d.resolved.length === 0 ? d.written : `${d.written} (${d.resolved.join('; ')})`;
}

/** A deliverable, with the documents that fulfil it once it has them. */
function outputText(o: Output, w: ReportWording): string {
  return o.evidence.length ? w.report.text('output_delivered', { output: o.text, evidence: evidenceList(o, w.common) }) : o.text;
}

export function reportDocument(r: Report, w: ReportWording): OfficialDocument {
  const { common, report } = w;
  const period = report.text(`period_${r.period.code}`, { year: r.period.year });
  const year = r.period.year;
  const unit = r.author.name;
  // A unit's report goes out to be filled in and comes back (plan collect): it carries markers.
  const marks = r.kind === 'unit';
  const plan = r.plans.length === 1 ? planCitation(r.plans[0]!, common) : r.plans.map((p) => planCitation(p, common)).join('; ');
  const body: DocBlock[] = [];

  if (r.to.length) body.push({ kind: 'paragraph', text: common.text('to_one', { to: r.to.join('; ') }), center: true });
  body.push({ kind: 'paragraph', text: report.text('period_line', { period, year, from: formatVi(r.period.from), to: formatVi(r.period.to) }), italic: true });
  if (r.period.unverified) body.push({ kind: 'paragraph', text: report.text('period_unverified'), italic: true });
  const planDueText = r.planDue ? limitText(r.planDue.due, common) : '';
  if (r.planDue) {
    body.push({ kind: 'paragraph', text: report.text('plan_due_line', { date: planDueText, report: r.planDue.duty.title.toLocaleLowerCase('vi') }), italic: true });
    // Figures between the day the report is due (effective) and the cut-off are estimates.
    const due = r.planDue.due.effective;
    if (due.year === r.period.to.year && compare(due, r.period.to) < 0) {
      body.push({ kind: 'paragraph', text: report.text('estimate_note', { date: formatVi(due), to: formatVi(r.period.to) }), italic: true });
    }
  }
  body.push({ kind: 'paragraph', text: report.text('opening', { plan, unit, period, year }) });

  // I. Results, task by task.
  body.push({ kind: 'heading', text: report.text('section_results') });
  if (r.tasks.length === 0) body.push({ kind: 'paragraph', text: report.text('no_tasks') });
  else if (r.kind === 'consolidated') body.push({ kind: 'paragraph', text: report.text('status_counts', statusCounts(r.tasks)) });
  const notSent = r.senders.filter((s) => !s.sent).map((s) => s.unit.name);
  r.tasks.forEach((t, i) => {
    const role = r.kind === 'unit' ? ` ${report.text(t.role === 'lead' ? 'role_lead' : 'role_support')}` : '';
    body.push({ kind: 'subheading', text: `${report.text('task_heading', { no: i + 1, id: t.id, title: t.title })}${role}`, ...(marks ? { bookmark: taskBookmark(i) } : {}) });
    if (r.kind === 'consolidated') {
      body.push({ kind: 'paragraph', text: report.text('task_units', { lead: t.lead.join('; ') || '—', support: t.support.join('; ') || '—' }) });
    }
    const due = dueLine(t, common);
    if (due) body.push({ kind: 'paragraph', text: report.text('task_due', { due }) });
    body.push({ kind: 'paragraph', text: report.text('task_status', { status: statusText(t.status, common) }) });
    body.push({ kind: 'paragraph', text: report.text('task_outputs') });
    body.push({
      kind: 'checklist',
      items: t.outputs.length ? t.outputs.map((o) => ({ text: outputText(o, w), checked: o.evidence.length > 0 })) : [{ text: report.text('no_outputs') }],
    });
    // What the units reported (plan collect), each text under its unit's name.
    for (const res of t.results) {
      const role = report.text(res.role === 'lead' ? 'role_lead' : 'role_support');
      const status = res.status ? report.text('result_status', { status: statusText(res.status, common) }) : '';
      body.push({ kind: 'paragraph', text: report.text('result_unit', { unit: res.unit, role, status }), bold: true });
      for (const line of (res.text ?? '').split('\n').filter(Boolean)) body.push({ kind: 'paragraph', text: line });
    }
    if (t.results.length === 0) body.push({ kind: 'paragraph', text: report.text('results_placeholder'), italic: true });
  });

  // II–IV.
  body.push({ kind: 'heading', text: report.text('section_problems'), ...(marks ? { bookmark: END_BOOKMARK } : {}) });
  body.push({ kind: 'paragraph', text: report.text('problems_placeholder'), italic: true });
  body.push({ kind: 'heading', text: report.text('section_next') });
  const next = r.tasks.filter((t) => t.openAfter);
  if (next.length) {
    body.push({ kind: 'paragraph', text: report.text('next_intro', { to: formatVi(r.period.to) }) });
    for (const t of next) body.push({ kind: 'paragraph', text: `- ${report.text('next_item', { id: t.id, title: t.title, due: dueLine(t, common) })}` });
  }
  body.push({ kind: 'paragraph', text: report.text('next_placeholder'), italic: true });
  body.push({ kind: 'heading', text: report.text('section_proposals') });
  body.push({ kind: 'paragraph', text: report.text('proposals_placeholder'), italic: true });

  // Consolidated: who has and has not sent the period's report.
  if (r.kind === 'consolidated') {
    if (!r.planDue) body.push({ kind: 'paragraph', text: report.text('no_duty', { period }) });
    else {
      body.push({ kind: 'heading', text: report.text('senders_heading', { report: r.planDue.duty.title.toLocaleUpperCase('vi') }) });
      const unitCols = [
        { header: report.text('col_no'), width: 6, center: true },
        { header: report.text('col_unit'), width: 50 },
        { header: report.text('col_sent'), width: 20, center: true },
        { header: report.text('col_number'), width: 24 },
      ];
      const sentRows = r.senders.filter((s) => s.sent);
      body.push({ kind: 'subheading', text: report.text('sent_heading', { count: sentRows.length }) });
      if (sentRows.length) body.push({ kind: 'table', columns: unitCols, rows: sentRows.map((s, i) => ({ cells: [[String(i + 1)], [s.unit.name], [formatVi(s.sent!)], [s.number ?? '']] })) });
      else body.push({ kind: 'paragraph', text: report.text('none') });
      body.push({ kind: 'subheading', text: report.text('not_sent_heading', { count: notSent.length }) });
      if (notSent.length) body.push({ kind: 'table', columns: [unitCols[0]!, { ...unitCols[1]!, width: 94 }], rows: notSent.map((n, i) => ({ cells: [[String(i + 1)], [n]] })) });
      else body.push({ kind: 'paragraph', text: report.text('none') });
      const late = r.senders.filter((s) => s.late);
      body.push({ kind: 'subheading', text: report.text('late_heading', { count: late.length }) });
      if (late.length) {
        body.push({
          kind: 'table',
          columns: [unitCols[0]!, unitCols[1]!, { header: report.text('col_plan_due'), width: 20, center: true }, unitCols[2]!],
          rows: late.map((s, i) => ({ cells: [[String(i + 1)], [s.unit.name], [planDueText], [formatVi(s.sent!)]] })),
        });
      } else body.push({ kind: 'paragraph', text: report.text('none') });
    }
  }

  // The summary table.
  body.push({ kind: 'heading', text: report.text('table_heading') });
  body.push({
    kind: 'table',
    small: true,
    columns: [
      { header: report.text('col_no'), width: 6, center: true },
      { header: report.text('col_task'), width: 34 },
      { header: report.text('col_lead'), width: 20 },
      { header: report.text('col_due'), width: 14, center: true },
      { header: report.text('col_status'), width: 11, center: true },
      { header: report.text('col_outputs'), width: 20 },
    ],
    rows: r.tasks.map((t, i) => ({
      cells: [[String(i + 1)], [{ text: t.id, bold: true }, t.title], t.lead, [dueLine(t, common)], [statusText(t.status, common)], t.outputs.map((o) => `- ${o.evidence.length ? '☑ ' : ''}${outputText(o, w)}`)],
    })),
  });
  body.push({ kind: 'paragraph', text: report.text('closing', { unit, period, year }) });

  // Issued and signed by its author (units.yaml, the plan's signer first for the issuer); blanks only where no data exists.
  const signer = r.author.signer;
  const signature = { authority: signer?.authority ?? '', position: signer?.position ?? common.text('blank_position'), name: signer?.name ?? common.text('blank_name') };
  const archive = r.kind === 'consolidated' && r.drafter?.symbol ? common.text('archive', { symbol: r.drafter.symbol }) : common.text('archive_no_symbol');
  return {
    header: {
      ...(r.author.superior.length ? { issuerParent: r.author.superior.join(' ') } : {}),
      issuerName: r.author.lines.join(' '),
      numberLine: report.text('number_line', { symbol: r.author.symbol ?? '' }),
      nationalName: common.text('national_name'),
      motto: common.text('motto'),
      placeDate: placeDate(r.author.place ?? r.planPlace, r.madeOn, common),
    },
    title: report.text('title'),
    summary: [report.text('summary', { plan })],
    body,
    recipients: { label: common.text('recipients_label'), lines: [...(r.to.length ? [common.text('same_as_above')] : []), archive] },
    signature,
    pageLabel: common.text('page_label'),
    ...(marks ? { properties: markerProperties(reportMarkers(r)) } : {}),
  };
}

function statusCounts(tasks: readonly ReportTask[]): Record<'total' | Status, number> {
  const counts = { total: tasks.length, todo: 0, doing: 0, done: 0, stopped: 0 };
  for (const t of tasks) counts[t.status]++;
  return counts;
}

function compare(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
