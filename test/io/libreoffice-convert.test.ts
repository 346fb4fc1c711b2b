// convertOldOffices against a stand-in soffice (no LibreOffice needed): the time limit of a call grows with its
// files, and why a file was not converted is said in the user's language.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callLimit, convertOldOffices } from '../../src/io/libreoffice.js';
import { writeStandInSoffice } from '../stand-in-soffice.js';

let bin: string;
let env: Record<string, string>;
const calls = () => (existsSync(path.join(bin, 'calls')) ? readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n').length : 0);

beforeAll(() => {
  bin = mkdtempSync(path.join(os.tmpdir(), 'plan-soffice-limit-'));
  // Each call is logged with its number of files; each file takes the seconds it holds (SLEEP n), writes no output
  // when it holds NOTHING, and ends a call of more than one file with a crash when it holds CRASH, or, when it holds
  // HALF, with half its output written and a hang until the call is killed.
  writeStandInSoffice(
    bin,
    `set -- $files
echo "call $#" >> '${bin}/calls'
for f in $files; do
  read -r word arg < "$f"
  [ "$word" = SLEEP ] && sleep "$arg"
  [ "$word" = NOTHING ] && continue
  [ "$word" = CRASH ] && [ $# -gt 1 ] && exit 134
  b=\${f##*/}
  [ "$word" = HALF ] && [ $# -gt 1 ] && echo conv > "$out/\${b%.*}.$to" && exec sleep 60
  echo converted > "$out/\${b%.*}.$to"
done
`,
  );
  env = { PATH: `${bin}:/usr/bin:/bin` };
});

afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe('convertOldOffices', () => {
  it('gives a call of many files a longer limit than a call of one', () => {
    expect(callLimit(120_000, 1)).toBe(120_000);
    expect(callLimit(120_000, 40)).toBe(120_000 + 39 * 30_000);
    expect(callLimit(120_000, 0)).toBe(120_000);
  });

  it('converts forty files that together outlast one file’s limit in one call, none stopped', () => {
    rmSync(path.join(bin, 'calls'), { force: true });
    // The first file sleeps 0.6 s: past one file's limit (0.4 s) whatever the load, and the call's limit
    // (0.4 + 39 × 0.1 = 4.3 s) leaves 3.7 s for forty files written by a shell, however slow its start.
    const files = Array.from({ length: 40 }, (_, i) => ({ bytes: Buffer.from(i === 0 ? 'SLEEP 0.6\n' : 'FAST\n'), from: 'doc' as const }));
    const results = convertOldOffices(files, env, 400);
    expect(results.map((r) => r.ok)).toEqual(Array(40).fill(true));
    // One call: with one limit for the whole call it was stopped, then each file converted alone (41 calls).
    expect(calls()).toBe(1);
  });

  it('after a call that fails as a whole, converts again alone only the files it left without output', () => {
    rmSync(path.join(bin, 'calls'), { force: true });
    // The call crashes at the third file: the first two are written, the last two are not.
    const files = ['FAST', 'FAST', 'CRASH', 'FAST'].map((word) => ({ bytes: Buffer.from(`${word}\n`), from: 'doc' as const }));
    const results = convertOldOffices(files, env, 5000);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    // The whole call, then one call for each of the two files without output (not four more).
    expect(readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n')).toEqual(['call 4', 'call 1', 'call 1']);
  });

  it('after a call killed at its limit, converts every file again alone: an output it left may be half written', () => {
    rmSync(path.join(bin, 'calls'), { force: true });
    // The call writes the first file, half the second, then hangs until it is stopped (1 + 2 × 0.25 s).
    const files = ['FAST', 'HALF', 'FAST'].map((word) => ({ bytes: Buffer.from(`${word}\n`), from: 'doc' as const }));
    const results = convertOldOffices(files, env, 1000);
    expect(results.map((r) => (r.ok ? r.bytes.toString() : r))).toEqual(['converted\n', 'converted\n', 'converted\n']);
    expect(readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n')).toEqual(['call 3', 'call 1', 'call 1', 'call 1']);
  });

  it('says in Vietnamese why a file was not converted: no output, or stopped at the limit', () => {
    const [nothing] = convertOldOffices([{ bytes: Buffer.from('NOTHING\n'), from: 'odt' }], env, 5000);
    expect(nothing).toEqual({ ok: false, reason: 'failed', detail: { vi: 'LibreOffice không ghi ra tệp .docx', en: 'LibreOffice wrote no .docx' } });
    const [stopped] = convertOldOffices([{ bytes: Buffer.from('SLEEP 3\n'), from: 'xls' }], env, 200);
    expect(stopped).toEqual({ ok: false, reason: 'failed', detail: { vi: 'bị dừng sau 0,2 giây (SIGTERM)', en: 'stopped after 0.2 s (SIGTERM)' } });
  });
});
