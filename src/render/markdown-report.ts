// A report as Markdown, printed from the report's one document view
// (report-view.ts) that the DOCX form fills into its Word template, so
// reports read the same in git as on paper. Bookmarks and properties become
// HTML comments (core/report-markers.ts) so plan collect reads both. Pure.
import type { DocProperty } from '../core/report-markers.js';
import { markdownBookmark, markdownProperties } from '../core/report-markers.js';
import { cell, closingMarkdown, headMarkdown, inline, table } from './markdown-common.js';
import type { ReportView, SenderRowView, SenderTableView } from './report-view.js';
import { BOOKMARK_CLOSE, BOOKMARK_OPEN } from './report-view.js';

/** A heading line, after the comment standing for its bookmark when it has one. */
function marked(bookmark: string, line: string): string {
  const name = bookmark.startsWith(BOOKMARK_OPEN) ? bookmark.slice(1, bookmark.indexOf(BOOKMARK_CLOSE)) : '';
  return name ? `${markdownBookmark(name)}\n${line}` : line;
}

const italic = (s: string) => `*${inline(s)}*`;

function sendersMarkdown(out: string[], tables: readonly SenderTableView[], head: string[], row: (r: SenderRowView) => string[]): void {
  for (const t of tables) {
    out.push(`#### ${inline(t.heading)}`);
    out.push(t.none ? inline(t.none) : table(head.map(cell), t.rows.map(row)));
  }
}

export function renderReportMarkdown(v: ReportView, properties: readonly DocProperty[] = []): string {
  const out: string[] = [headMarkdown(v)];
  for (const n of v.notes) out.push(italic(n));
  out.push(inline(v.opening));

  out.push(`## ${inline(v.results_heading)}`);
  if (v.results_intro) out.push(inline(v.results_intro));
  for (const t of v.tasks) {
    out.push(marked(t.bookmark, `### ${inline(t.heading)}`));
    if (t.units) out.push(inline(t.units));
    if (t.due) out.push(inline(t.due));
    out.push(inline(t.status), inline(t.outputs_label));
    out.push(t.outputs.map((o) => `- [${o.box === '☑' ? 'x' : ' '}] ${inline(o.text)}`).join('\n'));
    for (const res of t.results) out.push(`**${inline(res.head)}**`, ...res.lines.map(inline));
    if (t.placeholder) out.push(italic(t.placeholder));
  }

  out.push(marked(v.end_bookmark, `## ${inline(v.problems_heading)}`), italic(v.problems_placeholder));
  out.push(`## ${inline(v.next_heading)}`);
  if (v.next_intro) out.push(inline(v.next_intro), ...v.next_items.map((i) => `- ${inline(i)}`));
  out.push(italic(v.next_placeholder));
  out.push(`## ${inline(v.proposals_heading)}`, italic(v.proposals_placeholder));
  out.push(inline(v.closing));
  out.push(closingMarkdown(v));

  // The appendix after the signature (Nghị định 30/2020: figures in a Phụ lục attached to the report).
  out.push('---', `## ${inline(v.appendix_heading)}`, italic(v.appendix_note));
  const c = v.cols;
  out.push(`### ${inline(v.table_heading)}`);
  out.push(
    table(
      [c.no, c.task, c.lead, c.due, c.status, c.outputs].map(cell),
      v.rows.map((r) => [r.no, `**${cell(r.id)}**<br>${cell(r.title)}`, cell(r.lead), cell(r.due), cell(r.status), cell(r.outputs)]),
    ),
  );
  if (v.no_duty) out.push(inline(v.no_duty));
  if (v.senders_heading) {
    out.push(`### ${inline(v.senders_heading)}`, italic(v.senders_due));
    sendersMarkdown(out, v.sent, [c.no, c.unit, c.sent, c.number], (r) => [r.no, cell(r.unit), cell(r.sent), cell(r.number)]);
    sendersMarkdown(out, v.not_sent, [c.no, c.unit], (r) => [r.no, cell(r.unit)]);
    sendersMarkdown(out, v.late, [c.no, c.unit, c.plan_due, c.sent], (r) => [r.no, cell(r.unit), cell(r.plan_due), cell(r.sent)]);
  }
  // Last, out of the reader's way: the properties a DOCX keeps in docProps/custom.xml.
  if (properties.length) out.push(markdownProperties(properties));
  return `${out.filter((p) => p !== '').join('\n\n')}\n`;
}
