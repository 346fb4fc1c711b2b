// `plan fmt [paths…] [--check]`: rewrite plan files in the canonical layout
// (src/core/format.ts), or with --check only list the files that would change
// (for pre-commit hooks and CI). A file that does not read as a valid plan is
// refused with its located errors, never reformatted.
import { decodeText } from '../core/decode.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { formatPlanText } from '../core/format.js';
import { locateDiagnostics, type SourceFile } from '../core/load.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { tr } from './context.js';
import { displayPath, listPlanFiles } from '../io/files.js';
import { readFileLimited } from '../io/read-file.js';
import { replaceFileContent, withFileLock } from '../io/locked-edit.js';
import { countEn } from '../core/text.js';

interface FmtOptions {
  check?: boolean;
}

export async function run(args: unknown[], opts: FmtOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  const inputs = (args[0] as string[] | undefined) ?? [];
  const { files, problems } = listPlanFiles(inputs.length > 0 ? inputs : ['plans']);
  const refused: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const changed: string[] = [];
  let unchanged = 0;

  for (const absolute of files) {
    const file = displayPath(absolute);
    const read = readFileLimited(absolute, file);
    if (!read.ok) {
      refused.push(read.diagnostic);
      continue;
    }
    const bytes = Buffer.from(read.bytes);
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      refused.push({ file, severity: 'error', code: decoded.code, message: decoded.message, ...(decoded.help ? { help: decoded.help } : {}) });
      continue;
    }
    const result = formatPlanText(decoded.text, file);
    if (!result.ok) {
      sources.set(file, result.source);
      refused.push(...result.diagnostics);
      continue;
    }
    // Compare with the bytes on disk: a BOM, NFD text or legacy UTF-16 counts as a change.
    if (Buffer.from(result.text, 'utf8').equals(bytes)) {
      unchanged++;
      continue;
    }
    if (!opts.check) {
      // Under the file's lock, and only if nobody changed it since it was read (plan set meanwhile).
      const locked = await withFileLock(absolute, g.io.env, (real) => replaceFileContent(real, file, bytes, result.text), file);
      const written = locked.ok ? locked.value : locked;
      if (!written.ok) {
        refused.push({ file, severity: 'error', code: 'not-written', line: 1, column: 1, message: written.reason });
        continue;
      }
    }
    changed.push(file);
  }

  const out: string[] = [];
  const errors = [...problems, ...refused];
  if (errors.length > 0) {
    const located = locateDiagnostics(errors, sources);
    g.io.stderr.write(`${renderDiagnosticsPretty(located, (f) => sources.get(f), l)}\n`);
    const badFiles = new Set(located.filter((d) => d.severity === 'error').map((d) => d.file));
    g.io.stderr.write(
      `${tr(l, `không định dạng ${badFiles.size} tệp có lỗi (sửa lỗi rồi chạy lại): ${[...badFiles].join(', ')}`, `did not format ${countEn(badFiles.size, 'file')} with errors (fix them and run again): ${[...badFiles].join(', ')}`)}\n`,
    );
  }
  if (opts.check) {
    for (const f of changed) out.push(f);
    if (changed.length > 0)
      out.push(
        tr(
          l,
          `${changed.length} tệp chưa đúng định dạng chuẩn; chạy: plan fmt ${changed.map(quoteArg).join(' ')}`,
          `${countEn(changed.length, 'file')} not in canonical layout; run: plan fmt ${changed.map(quoteArg).join(' ')}`,
        ),
      );
    else if (errors.length === 0) out.push(tr(l, `${unchanged} tệp đã đúng định dạng chuẩn`, `${countEn(unchanged, 'file')} already in canonical layout`));
  } else {
    for (const f of changed) out.push(tr(l, `đã định dạng ${f}`, `formatted ${f}`));
    out.push(tr(l, `${changed.length} tệp được định dạng, ${unchanged} tệp không đổi`, `${countEn(changed.length, 'file')} formatted, ${unchanged} unchanged`));
  }
  if (out.length > 0) g.io.stdout.write(`${out.join('\n')}\n`);
  if (errors.some((d) => d.severity === 'error')) return 1;
  return opts.check && changed.length > 0 ? 1 : 0;
}

function quoteArg(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
