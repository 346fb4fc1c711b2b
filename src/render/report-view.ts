// A report (core/report.ts) as its one document view: the Nghị định 30/2020
// header issued by its author ("Số: …/BC-TP"), "Kính gửi", the four sections,
// task by task with the answer areas plan collect reads back, the senders'
// tables of a consolidated report, the summary table, recipients and
// signature. The Markdown form and the DOCX form (templates/vi/report.docx)
// both print this view. Pure.
import { compareDates, formatVi } from '../core/dates.js';
import { localized } from '../core/diagnostic.js';
import type { Output, Status } from '../core/model.js';
import type { DocProperty } from '../core/report-markers.js';
import { END_BOOKMARK, markerProperties, reportMarkers, taskBookmark } from '../core/report-markers.js';
import type { Report, ReportTask } from '../core/report.js';
import type { Wording } from '../core/templates.js';
import { clause } from '../core/text.js';
import type { BlankField, OfficialView } from './document-view.js';
import { closingView, headView, OFFICIAL_FIELDS, overdueText, rowMaySplit, symbolOf } from './document-view.js';
import { dueInLine, dueLines, evidenceList, limitText, planCitation, statusText } from './document-text.js';

export interface ReportWording {
  common: Wording;
  report: Wording;
}

/**
 * Where a bookmark goes: the name between these two private-use characters at
 * the start of a heading's text. The DOCX writer turns it into w:bookmarkStart
 * around the paragraph, the Markdown writer into an HTML comment before it.
 */
export const BOOKMARK_OPEN = '\uE000';
export const BOOKMARK_CLOSE = '\uE001';
const mark = (name: string | undefined) => (name ? `${BOOKMARK_OPEN}${name}${BOOKMARK_CLOSE}` : '');

export interface ChecklistItemView {
  /** "☑" when the deliverable has its documents, else "☐". */
  box: string;
  text: string;
}

export interface TaskResultView {
  head: string;
  lines: string[];
}

export interface ReportTaskView {
  /** A bookmark mark (see BOOKMARK_OPEN) for a unit report's answer area; empty otherwise. */
  bookmark: string;
  heading: string;
  /** Consolidated: "Đơn vị chủ trì: …". */
  units: string;
  /** "Thời hạn: …", with "quá hạn 12 ngày" when late; empty when the plan gives no time. */
  due: string;
  status: string;
  outputs_label: string;
  outputs: ChecklistItemView[];
  results: TaskResultView[];
  /** "[Nội dung kết quả]" when no unit has reported yet. */
  placeholder: string;
}

export interface SenderRowView {
  no: string;
  unit: string;
  sent: string;
  number: string;
  plan_due: string;
}

export interface SenderTableView {
  heading: string;
  rows: SenderRowView[];
  /** "Không có." when there are no rows. */
  none: string;
}

export interface SummaryRowView {
  no: string;
  id: string;
  title: string;
  lead: string[];
  due: string[];
  status: string[];
  outputs: string[];
  /** The row may break across pages (rowMaySplit): the template's row that may. */
  split: boolean;
}

/**
 * Characters per line of the summary table's columns (portrait, 11 pt Times: the widths of
 * templates/make-docx-templates.js reportAppendix less the cells' margins, ~5 pt a letter), and the
 * tallest row kept whole: about a fifth of the page's body (~57 lines).
 */
const SUMMARY_ROW_CHARS = [4, 26, 14, 13, 11, 15];
const SUMMARY_ROW_MAX_WHOLE = 12;

export interface ReportView extends OfficialView {
  /** Italic lines under "Kính gửi": the period and its cut-off, a unit's due date, estimates. */
  notes: string[];
  opening: string;
  results_heading: string;
  /** Consolidated: the count by status; or "no tasks". */
  results_intro: string;
  tasks: ReportTaskView[];
  /** The mark of the end of the answer areas, on the heading of section II. */
  end_bookmark: string;
  problems_heading: string;
  problems_placeholder: string;
  next_heading: string;
  next_intro: string;
  next_items: string[];
  next_placeholder: string;
  proposals_heading: string;
  proposals_placeholder: string;
  /** Consolidated report with a duty for the period: who sent, who did not, who was late. */
  senders_heading: string;
  /** The date the plan gives the units for it, said to be theirs. */
  senders_due: string;
  sent: SenderTableView[];
  not_sent: SenderTableView[];
  late: SenderTableView[];
  /** Consolidated report without a duty for the period. */
  no_duty: string;
  /** After the signature, the appendix (Phụ lục) holds the summary table and a consolidated report's senders. */
  appendix_heading: string;
  /** "(Kèm theo Báo cáo số …/BC-UBND ngày 05/07/2024 của UBND xã An Lạc)". */
  appendix_note: string;
  table_heading: string;
  cols: { no: string; task: string; lead: string; due: string; status: string; outputs: string; unit: string; sent: string; number: string; plan_due: string };
  rows: SummaryRowView[];
  closing: string;
}

/** A task's time on one line: the written limit, the resolved dates after it when they add something. */
function dueLine(t: ReportTask, common: Wording): string {
  return t.due.text ? dueInLine(t.due, common) : '';
}

/** A deliverable, with the documents that fulfil it once it has them. */
function outputText(o: Output, w: ReportWording): string {
  return o.evidence.length ? w.report.text('output_delivered', { output: o.text, evidence: evidenceList(o, w.common) }) : o.text;
}

export function reportView(r: Report, w: ReportWording, blanks: BlankField[] = []): ReportView {
  const { common, report } = w;
  const period = report.text(`period_${r.period.code}`, { year: r.period.year });
  const year = r.period.year;
  const unit = r.author.name;
  // A unit's report goes out to be filled in and comes back (plan collect): it carries markers.
  const marks = r.kind === 'unit';
  const plan = r.plans.length === 1 ? planCitation(r.plans[0]!, common) : r.plans.map((p) => planCitation(p, common)).join('; ');
  const symbol = symbolOf(r.author, blanks, localized('số báo cáo', 'report number'));
  const head = headView({ from: r.author, symbol, numberKey: 'number_line', planPlace: r.planPlace, madeOn: r.madeOn }, report, common, blanks);
  // A consolidated report is drafted for the issuer by its drafting unit ("Lưu: VT, TP."); a unit's own report is its own draft ("Lưu: VT.").
  const archiveSymbol = r.kind === 'consolidated' ? symbolOf(r.drafter, blanks, localized('"Lưu: VT, …"', 'the archive line')) : '';
  const closing = closingView({ to: r.to, archiveSymbol, signer: r.author }, common, blanks);
  // A consolidated report goes where the plan's reportTo says (docs/format.md): without it, no "Kính gửi" to fill.
  if (r.kind === 'consolidated' && r.to.length === 0) {
    blanks.push({ what: localized('nơi nhận báo cáo tổng hợp ("Kính gửi")', 'where the consolidated report goes ("Kính gửi")'), where: localized('kế hoạch: "reportTo"', 'the plan: "reportTo"') });
  }

  const notes = [report.text('period_line', { period, year, from: formatVi(r.period.from), to: formatVi(r.period.to) })];
  if (r.period.unverified) notes.push(report.text('period_unverified'));
  const planDueText = r.planDue ? limitText(r.planDue.due, common) : '';
  if (r.planDue) {
    // The plan's due date is the units' own: a unit's report says it under the period; a consolidated report,
    // sent on to the superior, would read it as its own deadline, so it names it the units' in the appendix.
    if (r.kind === 'unit') notes.push(report.text('plan_due_line', { date: planDueText, report: r.planDue.duty.title.toLocaleLowerCase('vi') }));
    // Figures between the day the report is due (effective) and the cut-off are estimates, when it is made
    // before the cut-off: one made after it has them all.
    const due = r.planDue.due.effective;
    if (due.year === r.period.to.year && compareDates(due, r.period.to) < 0 && compareDates(r.madeOn, r.period.to) < 0)
      notes.push(report.text(r.kind === 'unit' ? 'estimate_note' : 'estimate_note_units', { date: formatVi(due), to: formatVi(r.period.to) }));
    // Said plainly where the clerk reads the due date; a report already sent (a submission recorded) has no such line.
    if (r.lateDays) notes.push(report.text('late_note', { date: formatVi(r.madeOn), days: r.lateDays }));
  }

  const tasks = r.tasks.map((t, i): ReportTaskView => {
    const role = r.kind === 'unit' ? ` ${report.text(t.role === 'lead' ? 'role_lead' : 'role_support')}` : '';
    const due = dueLine(t, common);
    const late = overdueText(t.overdue, common);
    return {
      bookmark: marks ? mark(taskBookmark(i)) : '',
      heading: `${report.text('task_heading', { no: i + 1, id: t.id, title: clause(t.title) })}${role}`,
      units: r.kind === 'consolidated' ? report.text('task_units', { lead: t.lead.join('; ') || '—', support: t.support.join('; ') || '—' }) : '',
      due: due ? report.text('task_due', { due: [due, ...late].join('; ') }) : '',
      status: report.text('task_status', { status: statusText(t.status, common) }),
      // No deliverables: one line "Sản phẩm: (kế hoạch không ghi)", no box to tick for nothing.
      outputs_label: t.outputs.length ? report.text('task_outputs') : `${report.text('task_outputs')} ${common.text('no_outputs')}`,
      outputs: t.outputs.map((o) => ({ box: o.evidence.length ? '☑' : '☐', text: outputText(o, w) })),
      // What the units reported (plan collect), each text under its unit's name.
      results: t.results.map((res) => ({
        head: report.text('result_unit', {
          unit: res.unit,
          role: report.text(res.role === 'lead' ? 'role_lead' : 'role_support'),
          status: res.status ? report.text('result_status', { status: statusText(res.status, common) }) : '',
        }),
        lines: (res.text ?? '').split('\n').filter(Boolean),
      })),
      placeholder: t.results.length === 0 ? report.text('results_placeholder') : '',
    };
  });

  const next = r.tasks.filter((t) => t.openAfter);
  const senderTables = sendersView(r, report, planDueText);
  return {
    ...head,
    ...closing,
    title: report.text('title'),
    summary: [report.text('summary', { plan })],
    notes,
    opening: report.text('opening', { plan, unit, period, year }),
    results_heading: report.text('section_results'),
    results_intro: r.tasks.length === 0 ? report.text('no_tasks') : r.kind === 'consolidated' ? report.text('status_counts', statusCounts(r.tasks)) : '',
    tasks,
    end_bookmark: marks ? mark(END_BOOKMARK) : '',
    problems_heading: report.text('section_problems'),
    problems_placeholder: report.text('problems_placeholder'),
    next_heading: report.text('section_next'),
    next_intro: next.length ? report.text('next_intro', { to: formatVi(r.period.to) }) : '',
    next_items: next.map((t) => report.text('next_item', { id: t.id, title: clause(t.title), due: dueLine(t, common) })),
    next_placeholder: report.text('next_placeholder'),
    proposals_heading: report.text('section_proposals'),
    proposals_placeholder: report.text('proposals_placeholder'),
    ...senderTables,
    appendix_heading: report.text('appendix_heading'),
    appendix_note: report.text('appendix_note', { symbol, date: formatVi(r.madeOn), unit }),
    table_heading: report.text('table_heading'),
    cols: {
      no: report.text('col_no'),
      task: report.text('col_task'),
      lead: report.text('col_lead'),
      due: report.text('col_due'),
      status: report.text('col_status'),
      outputs: report.text('col_outputs'),
      unit: report.text('col_unit'),
      sent: report.text('col_sent'),
      number: report.text('col_number'),
      plan_due: report.text('col_plan_due'),
    },
    rows: r.tasks.map((t, i) => {
      const row = {
        no: String(i + 1),
        id: t.id,
        title: t.title,
        lead: t.lead,
        due: dueLines(t.due, common),
        status: [statusText(t.status, common), ...overdueText(t.overdue, common)],
        outputs: t.outputs.length ? t.outputs.map((o) => `- ${o.evidence.length ? '☑ ' : ''}${outputText(o, w)}`) : [common.text('no_outputs')],
      };
      return { ...row, split: rowMaySplit([[row.no], [row.id, row.title], row.lead, row.due, row.status, row.outputs], SUMMARY_ROW_CHARS, SUMMARY_ROW_MAX_WHOLE) };
    }),
    closing: report.text('closing', { unit, period, year }),
  };
}

type SendersPart = Pick<ReportView, 'senders_heading' | 'senders_due' | 'sent' | 'not_sent' | 'late' | 'no_duty'>;

/** A consolidated report's tables of who sent the period's report; each table a one-item list (a template condition). */
function sendersView(r: Report, report: Wording, planDueText: string): SendersPart {
  const period = report.text(`period_${r.period.code}`, { year: r.period.year });
  const nothing = { senders_heading: '', senders_due: '', sent: [], not_sent: [], late: [], no_duty: '' };
  if (r.kind !== 'consolidated') return nothing;
  if (!r.planDue) return { ...nothing, no_duty: report.text('no_duty', { period }) };
  const { duty, to } = r.planDue;
  const none = report.text('none');
  const table = (key: string, list: typeof r.senders): SenderTableView[] => [
    {
      heading: report.text(key, { count: list.length }),
      rows: list.map((s, i) => ({ no: String(i + 1), unit: s.unit.name, sent: s.sent ? formatVi(s.sent) : '', number: s.number ?? '', plan_due: planDueText })),
      none: list.length ? '' : none,
    },
  ];
  return {
    senders_heading: report.text('senders_heading', { report: duty.title.toLocaleUpperCase('vi') }),
    senders_due: report.text('units_due_line', { date: planDueText, report: duty.title.toLocaleLowerCase('vi'), to }),
    sent: table(
      'sent_heading',
      r.senders.filter((s) => s.sent),
    ),
    not_sent: table(
      'not_sent_heading',
      r.senders.filter((s) => !s.sent),
    ),
    late: table(
      'late_heading',
      r.senders.filter((s) => s.late),
    ),
    no_duty: '',
  };
}

function statusCounts(tasks: readonly ReportTask[]): Record<'total' | Status, number> {
  const counts = { total: tasks.length, todo: 0, doing: 0, done: 0, stopped: 0 };
  for (const t of tasks) counts[t.status]++;
  return counts;
}

/** The document properties plan collect reads back: only a unit's report has them. */
export function reportProperties(r: Report): DocProperty[] {
  return r.kind === 'unit' ? markerProperties(reportMarkers(r)) : [];
}

/** Every field name a report's Word template may use, at any depth (see templates/README.md). */
export const REPORT_FIELDS: readonly string[] = [
  ...OFFICIAL_FIELDS,
  ...['notes', 'opening', 'results_heading', 'results_intro', 'tasks', 'end_bookmark', 'problems_heading', 'problems_placeholder', 'next_heading', 'next_intro', 'next_items', 'next_placeholder'],
  ...[
    'proposals_heading',
    'proposals_placeholder',
    'senders_heading',
    'senders_due',
    'sent',
    'not_sent',
    'late',
    'no_duty',
    'appendix_heading',
    'appendix_note',
    'table_heading',
    'cols',
    'rows',
    'closing',
  ],
  ...['bookmark', 'heading', 'units', 'due', 'status', 'outputs_label', 'outputs', 'box', 'text', 'results', 'head', 'lines', 'placeholder', 'none'],
  ...['no', 'id', 'title', 'lead', 'split', 'task', 'unit', 'sent', 'number', 'plan_due'],
];
