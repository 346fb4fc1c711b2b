// Diagnostics as a compiler prints them (pretty), one per line for editors
// and grep (short), or as JSON for tools. Pure functions of their input.
import chalk from 'chalk';
import type { Diagnostic, Lang } from '../core/diagnostic.js';
import { visible } from '../core/text.js';

export type DiagnosticFormat = 'pretty' | 'short' | 'json';

const SEVERITY_WORD = {
  vi: { error: 'lỗi', warning: 'cảnh báo', help: 'gợi ý' },
  en: { error: 'error', warning: 'warning', help: 'help' },
};

export function renderDiagnosticsPretty(diags: readonly Diagnostic[], sourceText: (file: string) => string | undefined, lang: Lang): string {
  // Each file is split into lines once, not once per diagnostic (a province has
  // thousands); diagnostics come file by file, so only the current file is kept.
  let current: { file: string; lines: string[] } | undefined;
  const linesOf = (file: string) => {
    if (current?.file !== file) {
      const text = sourceText(file);
      current = { file, lines: text ? text.split(/\r?\n/) : [] };
    }
    return current.lines;
  };
  return diags.map((d) => renderOne(d, linesOf(d.file), lang)).join('\n');
}

function renderOne(d: Diagnostic, lines: readonly string[], lang: Lang): string {
  const words = SEVERITY_WORD[lang];
  const paint = d.severity === 'error' ? chalk.red.bold : chalk.yellow.bold;
  const out: string[] = [`${paint(`${words[d.severity]}[${d.code}]`)}${chalk.bold(`: ${visible(d.message[lang])}`)}`];
  const line = d.line ?? 1;
  const col = d.column ?? 1;
  const src = lines[line - 1];
  const gutter = ' '.repeat(String(line).length);
  out.push(`${gutter}${chalk.blue('-->')} ${visible(d.file)}:${line}:${col}`);
  if (src !== undefined && src.length > 0) {
    const raw = src.replace(/\t/g, ' ');
    const endCol = d.endLine === line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : raw.trimEnd().length + 1;
    const end = Math.max(col + 1, Math.min(endCol, raw.length + 1));
    // The line as it is safe to print; the caret under the same characters once escaped.
    const before = visible(raw.slice(0, col - 1));
    const marked = visible(raw.slice(col - 1, end - 1));
    out.push(`${gutter} ${chalk.blue('|')}`);
    out.push(`${chalk.blue(String(line))} ${chalk.blue('|')} ${before}${marked}${visible(raw.slice(end - 1))}`);
    out.push(`${gutter} ${chalk.blue('|')} ${' '.repeat(before.length)}${paint('^'.repeat(Math.max(1, marked.length)))}`);
  }
  if (d.help) out.push(`${gutter} ${chalk.blue('=')} ${chalk.bold(words.help)}: ${visible(d.help[lang])}`);
  return `${out.join('\n')}\n`;
}

export function renderDiagnosticsShort(diags: readonly Diagnostic[], lang: Lang): string {
  const words = SEVERITY_WORD[lang];
  return diags.map((d) => `${visible(`${d.file}:${d.line ?? 1}:${d.column ?? 1}: ${words[d.severity]}[${d.code}]: ${d.message[lang]}${d.help ? ` (${d.help[lang]})` : ''}`)}\n`).join('');
}

export function diagnosticsToJson(diags: readonly Diagnostic[], lang: Lang): object[] {
  return diags.map((d) => ({
    file: d.file,
    line: d.line ?? 1,
    column: d.column ?? 1,
    endLine: d.endLine ?? d.line ?? 1,
    endColumn: d.endColumn ?? d.column ?? 1,
    severity: d.severity,
    code: d.code,
    message: visible(d.message[lang]),
    ...(d.help ? { help: visible(d.help[lang]) } : {}),
  }));
}
