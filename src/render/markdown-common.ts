// Markdown building blocks for generated documents: the ND30 header as text,
// safe table cells. Pure string functions.
import { visible } from '../core/text.js';
import type { Plan } from '../core/model.js';
import type { Wording } from '../core/templates.js';

export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** A table cell: pipes escaped, line breaks as <br>, Markdown markers left as text. */
export function cell(lines: string | readonly string[]): string {
  const list = typeof lines === 'string' ? [lines] : lines;
  return list
    .map((l) => visible(l).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/([*_`[\]<>])/g, '\\$1'))
    .join('<br>');
}

/** Inline text outside tables: escape what would turn into formatting. */
export function inline(s: string): string {
  return visible(s).replace(/\\/g, '\\\\').replace(/([*_`[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  return out.join('\n');
}

/** Issuing body on the left, national name on the right, as Markdown lines. */
export function headerMarkdown(issuer: Plan['issuer'], numberLine: string, placeDate: string, common: Wording): string {
  const left = [...(issuer.parent ? [inline(upper(issuer.parent))] : []), `**${inline(upper(issuer.name))}**`, ...(numberLine ? [inline(numberLine)] : [])];
  const right = [`**${inline(common.text('national_name'))}**`, `**${inline(common.text('motto'))}**`];
  return [left.join('<br>\n'), right.join('<br>\n'), `*${inline(placeDate)}*`].join('\n\n');
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
