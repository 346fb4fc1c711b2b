// Diagnostics as a compiler prints them (pretty), one per line for editors
// and grep (short), or as JSON for tools. Pure functions of their input.
import chalk from 'chalk';
import type { Diagnostic, Lang } from '../core/diagnostic.js';

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
  const out: string[] = [`${paint(`${words[d.severity]}[${d.code}]`)}${chalk.bold(`: ${d.message[lang]}`)}`];
  const line = d.line ?? 1;
  const col = d.column ?? 1;
  const src = lines[line - 1];
  const gutter = ' '.repeat(String(line).length);
  out.push(`${gutter}${chalk.blue('-->')} ${d.file}:${line}:${col}`);
  if (src !== undefined && src.length > 0) {
    const shown = src.replace(/\t/g, ' ');
    const endCol = d.endLine === line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : shown.trimEnd().length + 1;
    const width = Math.max(1, Math.min(endCol, shown.length + 1) - col);
    out.push(`${gutter} ${chalk.blue('|')}`);
    out.push(`${chalk.blue(String(line))} ${chalk.blue('|')} ${shown}`);
    out.push(`${gutter} ${chalk.blue('|')} ${' '.repeat(col - 1)}${paint('^'.repeat(width))}`);
  }
  if (d.help) out.push(`${gutter} ${chalk.blue('=')} ${chalk.bold(words.help)}: ${d.help[lang]}`);
  return `${out.join('\n')}\n`;
}

export function renderDiagnosticsShort(diags: readonly Diagnostic[], lang: Lang): string {
  const words = SEVERITY_WORD[lang];
  return diags.map((d) => `${d.file}:${d.line ?? 1}:${d.column ?? 1}: ${words[d.severity]}[${d.code}]: ${d.message[lang]}${d.help ? ` (${d.help[lang]})` : ''}\n`).join('');
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
    message: d.message[lang],
    ...(d.help ? { help: d.help[lang] } : {}),
  }));
}
