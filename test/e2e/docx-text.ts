// A DOCX as a real reader sees it: pandoc to HTML, tags dropped, whitespace
// squashed, so text in tables and paragraphs can be searched in order.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function docxText(file: string): string {
  return plainText(execFileSync('pandoc', ['-f', 'docx', '-t', 'html', file], { encoding: 'utf8' }));
}

/**
 * Many DOCX at once, each as docxText gives it: one pandoc process reads them
 * all (docx-many.lua), since starting pandoc costs more than reading a sheet.
 */
export function docxTexts(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const html = execFileSync('pandoc', ['-f', 'markdown', '-t', 'html', '--lua-filter', MANY], {
    input: '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PLAN_DOCX_FILES: files.map((f) => path.resolve(f)).join('\n') },
  });
  const parts = html.split('<!--PLAN-DOCX-FILE-->').slice(1);
  if (parts.length !== files.length) throw new Error(`pandoc read ${parts.length} of ${files.length} documents`);
  return parts.map(plainText);
}

const MANY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'docx-many.lua');

function plainText(html: string): string {
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
