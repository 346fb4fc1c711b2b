// Diagnostics as a compiler prints them (pretty), one per line for editors
// and grep (short), or as JSON for tools. Pure functions of their input.
import chalk from 'chalk';
import type { Diagnostic, Lang } from '../core/diagnostic.js';
import { linesOfText } from '../core/lines.js';
import { visible } from '../core/text.js';
import type { DiagnosticRun, PrintedMemo } from '../core/workspace.js';

const SEVERITY_WORD = {
  vi: { error: 'lỗi', warning: 'cảnh báo', help: 'gợi ý' },
  en: { error: 'error', warning: 'warning', help: 'help' },
};

/** What code frames are cut from: a file's text, or (a result from the content cache) the lines its diagnostics show. */
export interface FrameSource {
  readonly text: string;
  readonly knownLines?: Readonly<Record<number, string>>;
}

export function renderDiagnosticsPretty(diags: readonly Diagnostic[], source: (file: string) => FrameSource | undefined, lang: Lang): string {
  const style = prettyStyle(lang);
  const shown = visibleOnce();
  let out = '';
  // Diagnostics come file by file: each file's lines are looked up once for its run of
  // diagnostics (a province has thousands), from the lines already known when they all are,
  // else cut from its text without splitting all of it.
  for (let i = 0; i < diags.length; ) {
    const file = diags[i]!.file;
    let j = i + 1;
    while (j < diags.length && diags[j]!.file === file) j++;
    const numbers: number[] = [];
    for (let k = i; k < j; k++) numbers.push(diags[k]!.line ?? 1);
    const lines = frameLines(source(file), numbers);
    for (; i < j; i++) out += `${i > 0 ? '\n' : ''}${renderOne(diags[i]!, lines[diags[i]!.line ?? 1], style, shown)}`;
  }
  return out;
}

function frameLines(source: FrameSource | undefined, numbers: readonly number[]): Readonly<Record<number, string>> {
  if (!source) return {};
  const known = source.knownLines;
  if (known && numbers.every((n) => known[n] !== undefined)) return known;
  return source.text ? linesOfText(source.text, numbers) : {};
}

/** The words and paints of one rendering, made once rather than once per diagnostic. */
function prettyStyle(lang: Lang) {
  const blue = chalk.blue;
  return {
    words: SEVERITY_WORD[lang],
    lang,
    paint: { error: chalk.red.bold, warning: chalk.yellow.bold },
    bold: chalk.bold,
    blue,
    arrow: blue('-->'),
    bar: blue('|'),
    equals: blue('='),
    help: chalk.bold(SEVERITY_WORD[lang].help),
  };
}

function renderOne(d: Diagnostic, src: string | undefined, style: ReturnType<typeof prettyStyle>, shown: (text: string) => string): string {
  const { words, lang, bar } = style;
  const paint = style.paint[d.severity];
  const line = d.line ?? 1;
  const col = d.column ?? 1;
  const gutter = ' '.repeat(String(line).length);
  let out = `${paint(`${words[d.severity]}[${d.code}]`)}${style.bold(`: ${shown(d.message[lang])}`)}\n${gutter}${style.arrow} ${shown(d.file)}:${line}:${col}\n`;
  if (src !== undefined && src.length > 0) {
    const raw = src.replace(/\t/g, ' ');
    const endCol = d.endLine === line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : raw.trimEnd().length + 1;
    const end = Math.max(col + 1, Math.min(endCol, raw.length + 1));
    // The line as it is safe to print; the caret under the same characters once escaped.
    const before = visible(raw.slice(0, col - 1));
    const marked = visible(raw.slice(col - 1, end - 1));
    out += `${gutter} ${bar}\n${style.blue(String(line))} ${bar} ${before}${marked}${visible(raw.slice(end - 1))}\n`;
    out += `${gutter} ${bar} ${' '.repeat(before.length)}${paint('^'.repeat(Math.max(1, marked.length)))}\n`;
  }
  if (d.help) out += `${gutter} ${style.equals} ${style.help}: ${shown(d.help[lang])}\n`;
  return out;
}

/** Prints diagnostics one per line; the texts made safe are remembered across calls (a province's files share their messages). */
export function shortPrinter(lang: Lang): (diags: readonly Diagnostic[]) => string {
  const words = SEVERITY_WORD[lang];
  // visible() works character by character, so the line's parts are made safe one by one (each text once).
  const shown = visibleOnce();
  return (diags) =>
    diags.map((d) => `${shown(d.file)}:${d.line ?? 1}:${d.column ?? 1}: ${words[d.severity]}[${shown(d.code)}]: ${shown(d.message[lang])}${d.help ? ` (${shown(d.help[lang])})` : ''}\n`).join('');
}

/**
 * Diagnostics printed run by run as UTF-8: a kept file's run as the memo has it, else printed
 * (and kept: what a run prints depends on its key, the format and the language alone).
 */
export function printRuns(runs: readonly DiagnosticRun[], print: (diags: readonly Diagnostic[]) => string, memo: PrintedMemo | undefined): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const run of runs) {
    let bytes = memo && run.kept ? memo.get(run.kept.file, run.kept.key) : undefined;
    if (!bytes) {
      bytes = Buffer.from(print(run.diagnostics()));
      if (memo && run.kept) memo.set(run.kept.file, run.kept.key, bytes);
    }
    const last = parts[parts.length - 1];
    // Kept runs printed in the order they are kept lie one after the other in one buffer: joined without a copy.
    if (last && last.buffer === bytes.buffer && last.byteOffset + last.byteLength === bytes.byteOffset)
      parts[parts.length - 1] = new Uint8Array(bytes.buffer, last.byteOffset, last.byteLength + bytes.byteLength);
    else parts.push(bytes);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** visible() for texts that repeat across diagnostics (file names, messages, helps): each worked out once per rendering. */
function visibleOnce(): (text: string) => string {
  const done = new Map<string, string>();
  return (text) => {
    let safe = done.get(text);
    if (safe === undefined) done.set(text, (safe = visible(text)));
    return safe;
  };
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
