// Any official document description (the data docx-layout renders) as
// Markdown, so reports read the same in git as on paper. Pure.
import type { DocCell, OfficialDocument } from './docx-layout.js';
import { markdownBookmark, markdownProperties } from '../core/report-markers.js';
import { cell, inline, recipientsMarkdown, signatureMarkdown, table, upper } from './markdown-common.js';

function cellText(c: DocCell): string {
  return c.map((l) => (typeof l === 'string' ? cell(l) : l.bold ? `**${cell(l.text)}**` : cell(l.text))).join('<br>');
}

export function renderOfficialMarkdown(doc: OfficialDocument): string {
  const h = doc.header;
  const left = [...(h.issuerParent ? [inline(upper(h.issuerParent))] : []), `**${inline(upper(h.issuerName))}**`, ...(h.numberLine ? [inline(h.numberLine)] : [])];
  const out: string[] = [left.join('<br>\n'), `**${inline(h.nationalName)}**<br>\n**${inline(h.motto)}**`, `*${inline(h.placeDate)}*`];
  out.push(`# ${inline(doc.title)}`);
  const marked = (bookmark: string | undefined, line: string) => (bookmark ? `${markdownBookmark(bookmark)}\n${line}` : line);
  for (const s of doc.summary) out.push(`**${inline(s)}**`);
  for (const b of doc.body) {
    switch (b.kind) {
      case 'heading':
        out.push(marked(b.bookmark, `## ${inline(b.text)}`));
        break;
      case 'subheading':
        out.push(marked(b.bookmark, `### ${inline(b.text)}`));
        break;
      case 'paragraph':
        // A leading "- " stays a list item; the rest is escaped text.
        if (b.text.startsWith('- ')) out.push(`- ${inline(b.text.slice(2))}`);
        else out.push(b.italic ? `*${inline(b.text)}*` : b.bold ? `**${inline(b.text)}**` : inline(b.text));
        break;
      case 'checklist':
        out.push(b.items.map((i) => `- [${i.checked ? 'x' : ' '}] ${inline(i.text)}`).join('\n'));
        break;
      case 'table':
        out.push(
          table(
            b.columns.map((c) => cell(c.header)),
            b.rows.map((r) => ('span' in r ? [`**${cell(r.span)}**`, ...b.columns.slice(1).map(() => '')] : r.cells.map(cellText))),
          ),
        );
        break;
    }
  }
  out.push(recipientsMarkdown(doc.recipients.label, doc.recipients.lines));
  out.push(signatureMarkdown(doc.signature));
  // Last, out of the reader's way: the properties a DOCX keeps in docProps/custom.xml.
  if (doc.properties?.length) out.push(markdownProperties(doc.properties));
  return `${out.filter((p) => p !== '').join('\n\n')}\n`;
}
