// A returned Markdown report as collect reads it: the properties and
// bookmarks written as HTML comments (core/report-markers.ts), and the text of
// each block with Markdown's own marks taken off. Pure.
import type { ReturnedDocument, ReturnedParagraph } from '../core/collect.js';
import { markdownBookmarkName, readMarkdownProperties } from '../core/report-markers.js';

/** The words of a Markdown line: no heading marks, emphasis, list or checkbox marks, escapes. */
function plain(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/^\s*[-*+]\s+\[( |x|X)\]\s+/u, (_, x: string) => (x === ' ' ? '☐ ' : '☑ '))
    .replace(/^\s*[-*+]\s+/u, '')
    .replace(/(\*\*|__)(.*?)\1/gu, '$2')
    .replace(/(^|[^\\])[*_](\S(?:.*?\S)?)[*_]/gu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/gu, '$1')
    .trim();
}

export function readMarkdown(source: string): ReturnedDocument {
  const text = source
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
  const paragraphs: ReturnedParagraph[] = [];
  let pending: string[] = [];
  for (const raw of text.split('\n')) {
    const bookmark = markdownBookmarkName(raw);
    if (bookmark) {
      pending.push(bookmark);
      continue;
    }
    if (/^\s*<!--[\s\S]*-->\s*$/u.test(raw)) continue;
    // A table row: one paragraph per cell.
    const cells = /^\s*\|.*\|\s*$/u.test(raw)
      ? raw
          .trim()
          .slice(1, -1)
          .split(/(?<!\\)\|/u)
      : [raw];
    for (const cell of cells) {
      for (const part of cell.split(/<br\s*\/?>/iu)) {
        const line = plain(part);
        if (!line && pending.length === 0) continue;
        if (/^:?-{3,}:?$/u.test(line)) continue;
        paragraphs.push({ text: line, bookmarks: pending });
        pending = [];
      }
    }
  }
  if (pending.length) paragraphs.push({ text: '', bookmarks: pending });
  return { properties: readMarkdownProperties(text), paragraphs };
}
