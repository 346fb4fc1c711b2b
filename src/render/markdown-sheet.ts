// An assignment sheet as Markdown, printed from the sheet's one document
// view (sheet-view.ts) that the DOCX form fills into its Word template. Pure.
import { formatVi } from '../core/dates.js';
import type { CalendarDate } from '../core/dates.js';
import type { PlanRef } from '../core/document.js';
import type { Sheet, UnitOutside } from '../core/sheet.js';
import { sheetCounts } from '../core/sheet.js';
import { isCollective } from '../core/units.js';
import { planShort } from './document-text.js';
import { cell, closingMarkdown, headMarkdown, inline, table } from './markdown-common.js';
import type { SectionView, SheetView, SheetWording } from './sheet-view.js';

export type { SheetWording } from './sheet-view.js';

export function renderSheetMarkdown(v: SheetView): string {
  const out: string[] = [headMarkdown(v)];
  if (v.plans_heading) out.push(`## ${inline(v.plans_heading)}`, v.plans.map(inline).join('\n\n'));
  out.push(inline(v.opening));
  const c = v.cols;
  for (const s of v.sections) {
    sectionMarkdown(out, s, [c.no, c.task, c.others, c.due, c.outputs, c.status], (r) => [r.no, `**${cell(r.id)}** ${cell(r.title)}`, cell(r.others), cell(r.due), cell(r.outputs), cell(r.status)]);
  }
  const d = v.duty_cols;
  sectionMarkdown(out, v.duties, [d.no, d.report, d.to, d.due, d.submitted], (r) => [r.no, cell(r.report), cell(r.to), cell(r.due), cell(r.submitted)]);
  out.push(inline(v.closing));
  out.push(closingMarkdown(v));
  return `${out.filter((p) => p !== '').join('\n\n')}\n`;
}

function sectionMarkdown<R>(out: string[], s: SectionView<R>, head: string[], row: (r: R) => string[]): void {
  out.push(`## ${inline(s.heading)}`);
  if (s.empty) out.push(inline(s.empty));
  for (const g of s.groups) {
    if (g.plan) out.push(`### ${inline(g.plan)}`);
    out.push(table(head.map(cell), g.rows.map(row)));
  }
}

export interface IndexEntry {
  sheet: Sheet;
  files: string[];
}

export function renderSheetIndexMarkdown(entries: readonly IndexEntry[], outside: readonly UnitOutside[], plans: readonly PlanRef[], madeOn: CalendarDate, w: SheetWording): string {
  const { common, sheet } = w;
  const head = ['index_col_unit', 'index_col_lead', 'index_col_support', 'index_col_duties', 'index_col_files'].map((k) => cell(sheet.text(k)));
  const rows = entries.map((e) => {
    const c = sheetCounts(e.sheet);
    return [cell(e.sheet.unit.name), String(c.lead), String(c.support), String(c.duties), e.files.map((f) => `[${f}](${encodeURI(f)})`).join(' · ')];
  });
  const summary = sheet.text('index_summary', { date: formatVi(madeOn), count: plans.length, plans: plans.map((p) => planShort(p, common)).join('; ') });
  const skipped = outside.length
    ? `\n## ${inline(sheet.text('index_outside_heading'))}\n\n${outside.map((o) => `- ${inline(sheet.text(isCollective(o.unit) ? 'index_outside_many' : 'index_outside_item', { unit: o.unit.name, issuer: o.issuer.name }))}`).join('\n')}\n`
    : '';
  return `# ${inline(sheet.text('index_title'))}\n\n${inline(summary)}\n\n${table(head, rows)}\n${skipped}`;
}
