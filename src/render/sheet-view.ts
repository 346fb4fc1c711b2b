// An assignment sheet as its one document: a Công văn from the plan's issuer
// to the unit ("Số: …/UBND-TP", "V/v giao nhiệm vụ …", "Kính gửi"), every
// cell worded. The Markdown and the DOCX (Word template) forms both print this
// view, so they cannot say different things. Pure.
import { formatVi } from '../core/dates.js';
import { localized } from '../core/diagnostic.js';
import type { PlanRef } from '../core/document.js';
import type { Sheet, SheetDuty, SheetTask } from '../core/sheet.js';
import { sheetCounts } from '../core/sheet.js';
import type { Wording } from '../core/templates.js';
import { citedNumber } from '../core/text.js';
import type { BlankField, OfficialView } from './document-view.js';
import { closingView, headView, OFFICIAL_FIELDS, overdueText, rowMaySplit, symbolOf } from './document-view.js';
import { dueLines, evidenceList, planCitation, planShort, statusText } from './document-text.js';

export interface SheetWording {
  common: Wording;
  sheet: Wording;
}

export interface TaskRowView {
  no: string;
  id: string;
  title: string;
  others: string[];
  due: string[];
  outputs: string[];
  /** The status, then "quá hạn 12 ngày" when late. */
  status: string[];
  /** The row may break across pages (rowMaySplit): the template's row that may. */
  split: boolean;
}

export interface DutyRowView {
  no: string;
  report: string;
  to: string;
  due: string[];
  submitted: string[];
}

/** Rows of one plan; `plan` names it when the sheet draws on several plans. */
export interface RowGroup<R> {
  plan: string;
  rows: R[];
}

export interface SectionView<R> {
  heading: string;
  /** "Không có." when the section has no rows, else empty. */
  empty: string;
  groups: RowGroup<R>[];
}

export interface SheetView extends OfficialView {
  plans_heading: string;
  plans: string[];
  opening: string;
  cols: { no: string; task: string; others: string; due: string; outputs: string; status: string };
  duty_cols: { no: string; report: string; to: string; due: string; submitted: string };
  /** Lead, then support. */
  sections: SectionView<TaskRowView>[];
  duties: SectionView<DutyRowView>;
  closing: string;
}

export function sheetView(s: Sheet, w: SheetWording, blanks: BlankField[] = []): SheetView {
  const { common, sheet } = w;
  const unit = s.unit.name;
  const counts = sheetCounts(s);
  const many = s.plans.length > 1;
  const first = s.plans[0]!;
  const symbol = [symbolOf(s.from, blanks, localized('số văn bản', 'document number')), symbolOf(s.drafter, blanks, localized('số văn bản, "Lưu"', 'document number, archive line'))]
    .filter(Boolean)
    .join('-');
  const head = headView(
    {
      from: s.from,
      symbol,
      numberKey: 'number_line',
      subject: many ? sheet.text('subject_many', { count: s.plans.length }) : sheet.text('subject_one', { number: citedNumber(first.number) }),
      planPlace: s.planPlace,
      madeOn: s.madeOn,
    },
    sheet,
    common,
    blanks,
  );
  const closing = closingView({ to: [s.addressee], archiveSymbol: s.drafter?.symbol ?? '', signer: s.from }, common, blanks);
  const group = <T extends { plan: PlanRef }, R>(rows: readonly T[], toRow: (r: T, no: number) => R): RowGroup<R>[] => {
    const groups: RowGroup<R>[] = [];
    let current: PlanRef | undefined;
    rows.forEach((r, i) => {
      if (r.plan !== current || groups.length === 0) {
        current = r.plan;
        groups.push({ plan: many ? planShort(r.plan, common) : '', rows: [] });
      }
      groups[groups.length - 1]!.rows.push(toRow(r, i + 1));
    });
    return groups;
  };
  const section = <T extends { plan: PlanRef }, R>(heading: string, rows: readonly T[], toRow: (r: T, no: number) => R): SectionView<R> => ({
    heading,
    empty: rows.length ? '' : sheet.text('empty_section'),
    groups: group(rows, toRow),
  });
  const opening = many
    ? sheet.text('opening_many', { count: s.plans.length, issuer: s.from.name, unit, made_on: formatVi(s.madeOn) })
    : sheet.text('opening_one', { plan: planCitation(first, common), issuer: s.from.name, unit, made_on: formatVi(s.madeOn) });
  return {
    ...head,
    ...closing,
    title: '',
    summary: [],
    plans_heading: many ? sheet.text('plans_heading') : '',
    plans: many ? s.plans.map((p) => `${p.index}. ${planCitation(p, common)}`) : [],
    opening,
    cols: {
      no: sheet.text('col_no'),
      task: sheet.text('col_task'),
      others: sheet.text('col_others'),
      due: sheet.text('col_due'),
      outputs: sheet.text('col_outputs'),
      status: sheet.text('col_status'),
    },
    duty_cols: { no: sheet.text('col_no'), report: sheet.text('col_report'), to: sheet.text('col_to'), due: sheet.text('col_due'), submitted: sheet.text('col_submitted') },
    sections: [
      section(sheet.text('section_lead', { count: counts.lead }), s.lead, (t, no) => taskRow(t, no, w)),
      section(sheet.text('section_support', { count: counts.support }), s.support, (t, no) => taskRow(t, no, w)),
    ],
    duties: section(sheet.text('section_duties', { count: counts.duties }), s.duties, (d, no) => dutyRow(d, no, w)),
    closing: sheet.text('closing', { unit }),
  };
}

function taskRow(t: SheetTask, no: number, w: SheetWording): TaskRowView {
  const { common, sheet } = w;
  const others = [
    ...(t.otherLead.length ? [sheet.text('others_lead', { names: t.otherLead.join('; ') })] : []),
    ...(t.otherSupport.length ? [sheet.text('others_support', { names: t.otherSupport.join('; ') })] : []),
  ];
  const row = {
    no: String(no),
    id: t.id,
    title: t.title,
    others: others.length ? others : [sheet.text('others_none')],
    due: dueLines(t.due, common),
    outputs: t.outputs.length
      ? t.outputs.map((o) => `- ${o.evidence.length ? sheet.text('output_delivered', { output: o.text, evidence: evidenceList(o, common) }) : o.text}`)
      : [common.text('no_outputs')],
    status: [statusText(t.status, common), ...overdueText(t.overdue, common)],
  };
  return { ...row, split: rowMaySplit([[row.no], [`${row.id} ${row.title}`], row.others, row.due, row.outputs, row.status], TASK_ROW_CHARS, TASK_ROW_MAX_WHOLE) };
}

/**
 * Characters per line of the task table's columns (landscape, 12 pt Times: the widths of
 * templates/make-docx-templates.js sheetBody less the cells' margins, ~5.4 pt a letter), and the
 * tallest row kept whole: about a quarter of the page's body (~34 lines), so a page is left at most
 * that much empty by a row moved whole to the next.
 */
const TASK_ROW_CHARS = [4, 44, 23, 16, 25, 11];
const TASK_ROW_MAX_WHOLE = 8;

function dutyRow(d: SheetDuty, no: number, w: SheetWording): DutyRowView {
  const { common, sheet } = w;
  return {
    no: String(no),
    report: d.title,
    to: d.to,
    due: dueLines(d.due, common),
    submitted: [
      ...(d.submissions.length
        ? d.submissions.map((s) => (s.number ? sheet.text('submitted_number', { date: formatVi(s.date), number: s.number }) : sheet.text('submitted', { date: formatVi(s.date) })))
        : [sheet.text('not_submitted')]),
      ...overdueText(d.overdue, common),
    ],
  };
}

/** Every field name a sheet's Word template may use, at any depth (see templates/README.md). */
export const SHEET_FIELDS: readonly string[] = [
  ...OFFICIAL_FIELDS,
  ...['plans_heading', 'plans', 'opening', 'cols', 'duty_cols', 'sections', 'duties', 'closing', 'heading', 'empty', 'groups', 'plan', 'rows'],
  ...['no', 'id', 'title', 'others', 'due', 'outputs', 'status', 'split', 'task', 'report', 'to', 'submitted'],
];
