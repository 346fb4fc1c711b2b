// Markdown building blocks for generated documents: the ND30 header as text,
// safe table cells. Pure string functions.
import { visible } from '../core/text.js';
import type { ClosingView, OfficialView } from './document-view.js';

export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** A table cell: pipes escaped, line breaks as <br>, Markdown markers left as text. */
export function cell(lines: string | readonly string[]): string {
  const list = typeof lines === 'string' ? [lines] : lines;
  return list
    .map((l) =>
      visible(l)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, ' ')
        .replace(/([*_`[\]<>])/g, '\\$1'),
    )
    .join('<br>');
}

/** Inline text outside tables: escape what would turn into formatting. */
export function inline(s: string): string {
  return visible(s)
    .replace(/\\/g, '\\\\')
    .replace(/([*_`[\]<>|])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  return out.join('\n');
}

/** The header (issuing body and number on the left, national name on the right, place and date), then the type and summary or "V/v", then "Kính gửi". */
export function headMarkdown(v: OfficialView): string {
  const left = [...v.superior.map(inline), ...v.issuer.map((l) => `**${inline(l)}**`), inline(v.number_line), ...(v.subject ? [inline(v.subject)] : [])];
  const right = [`**${inline(v.national_name)}**`, `**${inline(v.motto)}**`];
  const out = [left.join('<br>\n'), right.join('<br>\n'), `*${inline(v.place_date)}*`];
  if (v.title) out.push(`# ${inline(v.title)}`);
  for (const s of v.summary) out.push(`**${inline(s)}**`);
  if (v.to_lines.length) out.push(v.to_lines.map(inline).join('<br>\n'));
  return out.join('\n\n');
}

/** Recipients on the left and the signature, as the closing of every document. */
export function closingMarkdown(v: ClosingView): string {
  return `${recipientsMarkdown(v.recipients_label, v.recipients)}\n\n${signatureMarkdown(v)}`;
}

export function recipientsMarkdown(label: string, lines: readonly string[]): string {
  return [`**_${inline(label)}_**`, '', ...lines.map((l) => `- ${inline(l)}`)].join('\n');
}

export function signatureMarkdown(lines: { authority: string; position: string; name: string }): string {
  const out = [lines.authority, lines.position].filter((l) => l.trim() !== '').map((l) => `**${inline(l)}**`);
  // The blank line stands for the space the signature and seal take.
  if (lines.name.trim()) out.push('', `**${inline(lines.name)}**`);
  return out.join('\n\n');
}
