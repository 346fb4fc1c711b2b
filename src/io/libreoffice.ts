// LibreOffice (headless) as a converter: `soffice --convert-to` with a private
// user profile, one start for every file of a call (the start is what costs).
// plan import converts an old Word file (.doc) with it; the tests read and write
// Office files with it (test/libreoffice.ts).
//
// A profile that has not recorded LibreOffice's version counts as a first start
// after an upgrade, and LibreOffice then runs its graphics self-tests
// (GraphicsRenderTests: ~5 s of CPU, most of a conversion); in headless mode it
// never records the version, so every start paid them. The profile made here
// records a last version above any real one, so no start runs them: the files
// are read and written exactly as before.
//
// A profile whose extensions folder lacks the installation's build id makes
// LibreOffice clear its extension cache and start itself a second time (exit 81,
// then a new soffice.bin): ~0.5 s of CPU, a third of a small conversion. The
// profile made here holds that id, read from LibreOffice's own versionrc as it
// reads it, so every call is one start.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Localized } from '../core/diagnostic.js';

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>99.9</value></prop></item>
</oor:items>
`;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where a program is on the PATH, as the shell finds it (the first executable file
 * of that name), or undefined. Looked up rather than run: `soffice --version`
 * starts LibreOffice (~0.5 s of CPU and seconds of wall time under load).
 */
export function commandPath(command: string, env: Env = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Each installation's build id, read once: keyed by the soffice found (a test puts its own first on the PATH). */
const buildIds = new Map<string, string | undefined>();

/** The installation's build id (program/versionrc beside the real soffice), or undefined when it cannot be read. */
function libreOfficeBuildId(soffice: string): string | undefined {
  if (!buildIds.has(soffice)) {
    let id: string | undefined;
    try {
      const program = path.dirname(realpathSync(soffice));
      id = /^buildid=(.+)$/m.exec(readFileSync(path.join(program, 'versionrc'), 'utf8'))?.[1]?.trim();
    } catch {
      // Not found: LibreOffice then starts twice, with the same result.
    }
    buildIds.set(soffice, id);
  }
  return buildIds.get(soffice);
}

/**
 * A private LibreOffice user profile in a new temporary folder (the caller removes it): one that spares a start the
 * graphics self-tests and the second start (see above). Pass it as `-env:UserInstallation=file://PROFILE`.
 */
export function libreOfficeProfile(soffice: string): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'plan-lo-'));
  mkdirSync(path.join(profile, 'user'));
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
  const id = libreOfficeBuildId(soffice);
  if (id !== undefined) {
    mkdirSync(path.join(profile, 'user', 'extensions'));
    writeFileSync(path.join(profile, 'user', 'extensions', 'buildid'), id);
  }
  return profile;
}

/**
 * `soffice --headless --convert-to TARGET --outdir OUT FILES…` in one start; the
 * outputs keep the inputs' base names. A profile of its own per call: LibreOffice
 * hands a job to any instance on the same profile (another plan import, a test).
 * Throws when soffice is not on the PATH, fails or outlasts the timeout.
 */
export function convertWithLibreOffice(files: readonly string[], target: string, outDir: string, timeout = 240_000, env: Env = process.env): void {
  const soffice = commandPath('soffice', env);
  if (soffice === undefined) throw new Error('soffice is not on the PATH');
  const profile = libreOfficeProfile(soffice);
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outDir, ...files], { stdio: 'pipe', timeout });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `detail`: why, in the user's language; LibreOffice's own message stays as it wrote it. */
export type Conversion = { ok: true; bytes: Buffer } | { ok: false; reason: 'no-soffice' } | { ok: false; reason: 'failed'; detail: Localized };

/**
 * Files LibreOffice makes a .docx/.xlsx of: Word/Excel 97–2003 (.doc, .xls), and its own OpenDocument
 * (.odt, .ods), what a unit that keeps LibreOffice's format saves.
 */
const CONVERSIONS = { doc: 'docx', odt: 'docx', xls: 'xlsx', ods: 'xlsx' } as const;

/** The `--convert-to` argument for each target format. */
const FILTERS = { docx: 'docx:MS Word 2007 XML', xlsx: 'xlsx:Calc MS Excel 2007 XML' } as const;

export type ConvertibleOffice = keyof typeof CONVERSIONS;

/**
 * Such files as the new formats' bytes (.doc, .odt → .docx; .xls, .ods → .xlsx), one Conversion per file in order,
 * converted by LibreOffice in a private temporary folder that is removed afterwards: one start per target format, as
 * `--convert-to` takes every file of that format in one call (a start costs ~1 s of CPU, a small file's conversion a
 * tenth of it). LibreOffice goes on past a file it cannot convert and writes nothing for it: that file alone fails. When
 * a call fails as a whole (crashed), the outputs it wrote are kept and each file it left without one is converted again
 * alone, so no file is refused for another's sake; after a call killed (stopped at the limit) every file is. `no-soffice` for every file when LibreOffice is not installed.
 * `timeout` is a call's limit for one file, and grows with the files of the call (callLimit): one limit for the
 * whole call stopped 40 files on a slow machine, which were then converted again one by one.
 */
export function convertOldOffices(files: readonly { bytes: Uint8Array; from: ConvertibleOffice }[], env: Env = process.env, timeout = 120_000): Conversion[] {
  if (files.length === 0) return [];
  if (commandPath('soffice', env) === undefined) return files.map(() => ({ ok: false, reason: 'no-soffice' }));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-office-'));
  try {
    // Named by position: two inputs never make the same output (a.doc and a.odt would both make a.docx).
    const inputs = files.map(({ bytes, from }, i) => {
      const input = path.join(dir, `${i}.${from}`);
      writeFileSync(input, bytes);
      return input;
    });
    const results: Conversion[] = [];
    for (const to of ['docx', 'xlsx'] as const) {
      const group = files.flatMap((f, i) => (CONVERSIONS[f.from] === to ? [i] : []));
      if (group.length === 0) continue;
      const filter = FILTERS[to];
      const out = path.join(dir, to);
      mkdirSync(out);
      // Nothing when the call succeeded; else why, and whether it was killed (at its limit): then LibreOffice may
      // have been writing an output, and none it left can be trusted.
      const convert = (which: readonly number[]): { why: Conversion; killed: boolean } | undefined => {
        const limit = callLimit(timeout, which.length);
        try {
          convertWithLibreOffice(
            which.map((i) => inputs[i]!),
            filter,
            out,
            limit,
            env,
          );
          return undefined;
        } catch (e) {
          return { why: failed(e, limit), killed: Boolean((e as { signal?: string }).signal) };
        }
      };
      const output = (i: number): Conversion => {
        try {
          return { ok: true, bytes: readFileSync(path.join(out, `${i}.${to}`)) };
        } catch {
          return { ok: false, reason: 'failed', detail: { vi: `LibreOffice không ghi ra tệp .${to}`, en: `LibreOffice wrote no .${to}` } };
        }
      };
      const all = convert(group);
      for (const i of group) {
        if (all === undefined || group.length === 1) {
          results[i] = all?.why ?? output(i);
          continue;
        }
        // What a call that failed by itself did write is kept: only the files it left without output start LibreOffice
        // again. After a killed call every file is converted again alone (a half-written .docx is no conversion).
        const written = all.killed ? undefined : output(i);
        results[i] = written?.ok ? written : (convert([i])?.why ?? output(i));
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The time limit of one call converting `files` files: `oneFile` for the start and the first file, a quarter of it
 * for each further one (30 s by default: a small file converts in a tenth of a start, ~0.1 s of CPU, so ten times
 * what a slow machine took where 40 files outlasted one limit; a hung LibreOffice still ends in bounded time).
 */
export function callLimit(oneFile: number, files: number): number {
  return oneFile + (Math.max(1, files) - 1) * (oneFile / 4);
}

/** Why a LibreOffice call failed, in one line. */
function failed(e: unknown, timeout: number): Conversion {
  const err = e as { signal?: string; status?: number | null; stderr?: Buffer; code?: string };
  if (err.signal)
    return { ok: false, reason: 'failed', detail: { vi: `bị dừng sau ${String(timeout / 1000).replace('.', ',')} giây (${err.signal})`, en: `stopped after ${timeout / 1000} s (${err.signal})` } };
  // LibreOffice's own words, as it wrote them (a clerk may search for them); else only its exit code.
  const said = (err.stderr?.toString('utf8') ?? '').trim().split('\n')[0]!.slice(0, 200);
  if (said) return { ok: false, reason: 'failed', detail: { vi: said, en: said } };
  if (typeof err.status === 'number') return { ok: false, reason: 'failed', detail: { vi: `LibreOffice thoát với mã ${err.status}`, en: `LibreOffice exited with code ${err.status}` } };
  const code = err.code ? ` (${err.code})` : '';
  return { ok: false, reason: 'failed', detail: { vi: `LibreOffice không chạy được${code}`, en: `LibreOffice could not run${code}` } };
}

/** An old Word file (.doc, Word 97–2003) as .docx bytes (convertOldOffices). */
export function docToDocx(bytes: Uint8Array, env: Env = process.env, timeout = 120_000): Conversion {
  return convertOldOffices([{ bytes, from: 'doc' }], env, timeout)[0]!;
}
