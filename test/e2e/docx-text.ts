// A DOCX as a real reader sees it: pandoc to HTML, tags dropped, whitespace
// squashed, so text in tables and paragraphs can be searched in order.
import { execFileSync } from 'node:child_process';

export function docxText(file: string): string {
  const html = execFileSync('pandoc', ['-f', 'docx', '-t', 'html', file], { encoding: 'utf8' });
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .normalize('NFC');
}
