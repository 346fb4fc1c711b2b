// An assignment sheet as DOCX through the shared ND30 layout. Landscape: the
// six-column task table needs the width. Loaded only for --format docx|both.
import { formatVi } from '../core/dates.js';
import type { PlanRef } from '../core/document.js';
import type { Sheet } from '../core/sheet.js';
import { sheetCounts } from '../core/sheet.js';
import type { DocBlock, DocColumn, DocRow } from './docx-layout.js';
import { renderOfficialDocx } from './docx-layout.js';
import { placeDate, planCitation, planShort, signerLines } from './document-text.js';
import type { SheetWording } from './markdown-sheet.js';
import { dutyCells, taskCells } from './markdown-sheet.js';

export async function renderSheetDocx(s: Sheet, w: SheetWording): Promise<Uint8Array> {
  const { common, sheet } = w;
  const unit = s.unit.name;
  const counts = sheetCounts(s);
  const body: DocBlock[] = [];
  if (s.plans.length > 1) {
    body.push({ kind: 'heading', text: sheet.text('plans_heading') });
    for (const p of s.plans) body.push({ kind: 'paragraph', text: `${p.index}. ${planCitation(p, common)}` });
  }
  const opening = sheet.text('opening', { unit, made_on: formatVi(s.madeOn) });
  if (opening) body.push({ kind: 'paragraph', text: opening });

  const taskColumns: DocColumn[] = [
    { header: sheet.text('col_no'), width: 5, center: true },
    { header: sheet.text('col_task'), width: 36 },
    { header: sheet.text('col_others'), width: 18 },
    { header: sheet.text('col_due'), width: 13, center: true },
    { header: sheet.text('col_outputs'), width: 18 },
    { header: sheet.text('col_status'), width: 10, center: true },
  ];
  let n = 0;
  const taskRows = (rows: Sheet['lead']): DocRow[] =>
    withPlanRows(rows, w, (t) => {
      const c = taskCells(t, w);
      return { cells: [[String(++n)], [{ text: c.task[0]!, bold: true }, c.task[1]!], c.others, c.due, c.outputs, [c.status]] };
    });
  for (const [key, rows] of [['section_lead', s.lead], ['section_support', s.support]] as const) {
    body.push({ kind: 'heading', text: sheet.text(key, { count: key === 'section_lead' ? counts.lead : counts.support }) });
    n = 0;
    if (rows.length === 0) body.push({ kind: 'paragraph', text: sheet.text('empty_section') });
    else body.push({ kind: 'table', columns: taskColumns, rows: taskRows(rows) });
  }

  body.push({ kind: 'heading', text: sheet.text('section_duties', { count: counts.duties }) });
  if (s.duties.length === 0) body.push({ kind: 'paragraph', text: sheet.text('empty_section') });
  else {
    let k = 0;
    body.push({
      kind: 'table',
      columns: [
        { header: sheet.text('col_no'), width: 5, center: true },
        { header: sheet.text('col_report'), width: 35 },
        { header: sheet.text('col_to'), width: 25 },
        { header: sheet.text('col_due'), width: 15, center: true },
        { header: sheet.text('col_submitted'), width: 20 },
      ],
      rows: withPlanRows(s.duties, w, (d) => {
        const c = dutyCells(d, w);
        return { cells: [[String(++k)], [c.report], [c.to], c.due, c.submitted] };
      }),
    });
  }
  const closing = sheet.text('closing', { unit });
  if (closing) body.push({ kind: 'paragraph', text: closing });

  return renderOfficialDocx({
    landscape: true,
    header: {
      ...(s.issuer.parent ? { issuerParent: s.issuer.parent } : {}),
      issuerName: s.issuer.name,
      numberLine: sheet.text('number_line'),
      nationalName: common.text('national_name'),
      motto: common.text('motto'),
      placeDate: placeDate(s.place, s.madeOn, common),
    },
    title: sheet.text('title', { unit }),
    summary: [
      s.plans.length === 1 ? sheet.text('summary_one', { plan: planCitation(s.plans[0]!, common) }) : sheet.text('summary_many', { count: s.plans.length }),
      sheet.text('unit_line', { unit }),
    ],
    body,
    recipients: { label: common.text('recipients_label'), lines: sheet.list('recipients', { unit }) },
    signature: signerLines(s.signer, sheet),
    pageLabel: common.text('page_label'),
  });
}

/** A spanning row naming the plan (number and short title) before its rows. */
function withPlanRows<T extends { plan: PlanRef }>(rows: readonly T[], w: SheetWording, toRow: (r: T) => DocRow): DocRow[] {
  const out: DocRow[] = [];
  let current: PlanRef | undefined;
  for (const r of rows) {
    if (r.plan !== current) {
      current = r.plan;
      out.push({ span: planShort(r.plan, w.common) });
    }
    out.push(toRow(r));
  }
  return out;
}
