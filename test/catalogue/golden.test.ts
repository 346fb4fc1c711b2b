// Issue 12 §5: a golden file per diagnostic code for the pretty output (gutter,
// caret, help), as hledger keeps one per error. For every code in the catalogue
// a real input makes the command that emits it (check, fmt, report…) show it,
// in process, with a fixed clock and no colour; the output must equal
// test/golden/diagnostics/<code>.txt and show the code itself.
// UPDATE_GOLDEN=1 npx vitest run test/catalogue/golden.test.ts rewrites the goldens.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/catalogue.js';
import { ROOT, runCli, type RunResult } from '../e2e/run-plan.js';
import { BAD } from '../hardening/corpus.js';

const GOLDEN = path.join(ROOT, 'test', 'golden', 'diagnostics');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** 01/03/2024, 09:00 in Việt Nam: the day every run takes as today. */
const NOW = new Date('2024-03-01T02:00:00Z');
const CHECK = ['check', '--as-of', '2024-03-01'];
const REPORT = ['report', '--period', '6m', '--year', '2024', '--consolidated', '--out', 'bao-cao', '--format', 'md', '--as-of', '2024-03-01', '--templates', 'mau'];

const VALID = readFileSync(path.join(BAD, 'files', '_valid.yaml'), 'utf8');

/** `text` with each `from` replaced by its `to`; a text that no longer holds `from` fails here, not in a golden. */
function edit(text: string, ...pairs: [from: string, to: string][]): string {
  return pairs.reduce((out, [from, to]) => {
    if (!out.includes(from)) throw new Error(`the plan no longer holds ${JSON.stringify(from)}`);
    return out.replace(from, to);
  }, text);
}

/** The corpus's valid plan with its deadlines moved off days off, so a golden shows only its own code. */
const OFF_DAY_DEADLINES: [from: string, to: string][] = [
  ['"trước ngày 30/6/2024"', '"trước ngày 28/6/2024"'],
  ['due: "09/11"', 'due: "08/11"'],
];
const BASE = edit(VALID, ...OFF_DAY_DEADLINES);

/** A corpus fixture's bytes with the same deadlines moved (same length: lines and columns stay). */
function fixtureBytes(name: string): Buffer {
  let bytes = readFileSync(path.join(BAD, 'files', name));
  for (const [from, to] of OFF_DAY_DEADLINES) {
    const at = bytes.indexOf(from);
    if (at >= 0) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(to), bytes.subarray(at + Buffer.byteLength(from))]);
  }
  return bytes;
}

/** BASE with `from` replaced by `to`. */
const valid = (...pairs: [from: string, to: string][]) => edit(BASE, ...pairs);

/** A units file small enough to read in a golden; VALID's units all resolve in it. */
function units(extraUnits = '', extraGroups = ''): string {
  return `units:
  - name: UBND huyện Sơn Động
    level: district
  - name: Phòng Tư pháp
    level: district
  - name: Phòng Nội vụ
    level: district
  - name: UBND xã An Lạc
    level: commune
  - name: UBND thị trấn An Châu
    level: commune
${extraUnits}groups:
  - name: UBND các xã, thị trấn
    members: [UBND xã An Lạc, UBND thị trấn An Châu]
${extraGroups}`;
}

function calendar(year2024: string): string {
  return `years:\n  2024:\n${year2024}`;
}

interface GoldenCase {
  /** plans/plan.yaml. */
  plan?: string | Uint8Array;
  /** A file of the bad-input corpus (test/fixtures/bad/files) put in plans/ under its own name. */
  fixture?: string;
  /** Replaces plans/units.yaml (text, or a corpus fixture's name ending in .yaml). */
  units?: string;
  /** Replaces plans/calendar.yaml. */
  calendar?: string;
  /** More files, relative to the workspace. */
  files?: Record<string, string | Uint8Array>;
  /** Anything files cannot say: links, pipes, locks, big files. */
  setup?: (dir: string) => void;
  args?: string[];
  env?: Record<string, string>;
  /** Run by another installation of the program (the case needs a broken install). */
  run?: (dir: string, args: string[]) => RunResult;
}

const PROGRESS_TASK = '        lead:\n          - UBND các xã, thị trấn\n        due: "08/11"\n';
/** Task 1.2 (led by the communes' group) with these progress lines. */
const withProgress = (lines: string): GoldenCase => ({ plan: valid([PROGRESS_TASK, `${PROGRESS_TASK}        progress:\n${lines}`]), units: units() });
/** The yearly report duty (owed by the communes' group) with these submissions. */
const withSubmissions = (lines: string): GoldenCase => ({ plan: valid(['    period: year\n', `    period: year\n    submissions:\n${lines}`]), units: units() });

/** Code → the input that makes the program emit it. */
const CASES: Record<string, GoldenCase> = {
  // Reading the file.
  'unreadable-file': { plan: BASE, args: ['check', '--as-of', '2024-03-01', 'plans/khong-co.yaml'] },
  'file-too-large': {
    setup: (dir) => writeFileSync(path.join(dir, 'plans', 'plan.yaml'), `${BASE}${'# chú thích dài\n'.repeat(Math.ceil((11 * 1024 * 1024) / 16))}`),
  },
  'binary-file': { plan: Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256) },
  'not-utf8': { fixture: 'latin1-bytes.yaml' },
  'legacy-encoding': { fixture: 'tcvn3-as-unicode.yaml' },
  'empty-file': { fixture: 'only-comments.yaml' },
  'yaml-version': { fixture: 'yaml-1-1.yaml' },
  'yaml-syntax': { fixture: 'unclosed-double-quote.yaml' },
  'bad-indent': { fixture: 'bad-indent.yaml' },
  'tab-indent': { fixture: 'tab-indent.yaml' },
  'duplicate-key': { fixture: 'duplicate-key.yaml' },
  'alias-bomb': { fixture: 'alias-bomb.yaml' },
  'too-deep': { plan: `title: ${'['.repeat(105)}${']'.repeat(105)}\n` },
  'not-a-file': { setup: (dir) => execFileSync('mkfifo', [path.join(dir, 'plans', 'plan.yaml')]) },
  'symlink-outside': { setup: (dir) => symlinkSync('/etc/passwd', path.join(dir, 'plans', 'plan.yaml')) },
  'too-many-errors': { plan: '"\n'.repeat(1000) },
  'undefined-anchor': { fixture: 'undefined-anchor.yaml' },
  'unknown-tag': { fixture: 'unknown-tag.yaml' },
  'control-character': { fixture: 'control-esc.yaml' },
  // The schema.
  'not-a-plan': { fixture: 'list-root.yaml' },
  'missing-key': { fixture: 'missing-title.yaml' },
  'unknown-key': { fixture: 'unknown-key.yaml' },
  'wrong-type': { fixture: 'wrong-type-lead.yaml' },
  'id-not-string': { fixture: 'id-number.yaml' },
  'invalid-date': { fixture: 'invalid-issue-date.yaml' },
  'invalid-period': { fixture: 'invalid-period.yaml' },
  'invalid-value': { fixture: 'invalid-status.yaml' },
  'out-of-range': { fixture: 'year-out-of-range.yaml' },
  'empty-list': { fixture: 'empty-groups.yaml' },
  'empty-value': { plan: valid(['title: "Công tác phổ biến, giáo dục pháp luật năm 2024"', 'title: ""']) },
  // Ids and numbering.
  'duplicate-id': { fixture: 'duplicate-id.yaml' },
  'malformed-id': { fixture: 'malformed-id.yaml' },
  'illegal-letter': { fixture: 'illegal-letter-id.yaml' },
  'id-numbering': { plan: valid(['- id: "1.2"', '- id: "2.2"']) },
  'id-order': { plan: valid(['- id: "1.1"', '- id: "1.3"']) },
  // Units.
  'units-not-found': { plan: BASE, setup: (dir) => rmSync(path.join(dir, 'plans', 'units.yaml')) },
  'unknown-unit': { fixture: 'unknown-unit.yaml' },
  'lead-outside-authority': { plan: valid(['          - Phòng Tư pháp\n', '          - Sở Tư pháp\n']), units: units('  - name: Sở Tư pháp\n    level: province\n') },
  'duplicate-unit': { plan: BASE, units: 'units-duplicate.yaml' },
  'unknown-member': { plan: BASE, units: units('', '  - name: các phòng\n    members: [Phòng Tư pháp, Phòng Không Có]\n') },
  'unsafe-unit-name': { plan: BASE, units: 'units-slash.yaml' },
  'unit-name-collision': { plan: BASE, units: 'units-slug-collision.yaml' },
  'mixed-script-name': { fixture: 'lookalike-lead.yaml' },
  'invisible-character': { plan: BASE, units: units('  - name: "Phòng Văn\\u200bhóa"\n    level: district\n') },
  'confusable-names': { plan: BASE, units: units('  - name: "Phòng Tư phá\\u0440"\n    level: district\n') },
  // The header.
  'incomplete-number': { plan: valid(['number: "12/KH-UBND"', 'number: "/KH-UBND"']) },
  'incomplete-date': { plan: valid(['date: "05/01/2024"', 'date: "01/2024"']) },
  'place-spelling': { plan: valid(['place: "Sơn Động"', 'place: "Sơn Đông"']) },
  // Tasks and deadlines.
  'missing-lead': { plan: valid(['        lead:\n          - Phòng Tư pháp\n', '']) },
  'missing-deadline': { plan: valid(['        due: "trước ngày 28/6/2024"\n', '']) },
  'missing-outputs': { plan: valid(['        outputs:\n          - Quyết định kiện toàn\n', '']) },
  'invalid-deadline': { fixture: 'invalid-deadline-date.yaml' },
  // Both forms: a time not read (one warning each), and none in the source (one warning for all such tasks).
  'unread-deadline': { plan: valid(['        due: "trước ngày 28/6/2024"', '        dueText: "theo chỉ đạo của cấp trên"'], ['        due: "08/11"', '        dueText: không ghi trong văn bản']) },
  'deadline-outside-period': { plan: valid(['due: "trước ngày 28/6/2024"', 'due: "30/06/2025"']) },
  'deadline-before-plan': { plan: valid(['due: "trước ngày 28/6/2024"', 'due: "03/01/2024"']) },
  'deadline-on-day-off': { plan: valid(['due: "trước ngày 28/6/2024"', 'due: "trước ngày 10/03/2024"']) },
  // Progress and submissions.
  'date-in-future': { plan: valid(['        outputs:\n          - Quyết định kiện toàn\n', '        outputs:\n          - Quyết định kiện toàn\n        status: done\n        done: "15/03/2024"\n']) },
  'done-without-date': { plan: valid(['        outputs:\n          - Quyết định kiện toàn\n', '        outputs:\n          - Quyết định kiện toàn\n        status: done\n']) },
  'done-date-without-status': {
    plan: valid(['        outputs:\n          - Quyết định kiện toàn\n', '        outputs:\n          - Quyết định kiện toàn\n        status: doing\n        done: "20/02/2024"\n']),
  },
  'deliverables-delivered': {
    plan: valid(['          - Quyết định kiện toàn\n', '          - text: Quyết định kiện toàn\n            evidence: [{number: 12/QĐ-UBND, date: "20/02/2024"}]\n']),
  },
  'duplicate-progress': withProgress('          - {unit: UBND xã An Lạc, status: done, done: "20/02/2024"}\n          - {unit: UBND xã An Lạc, status: doing}\n'),
  'progress-unit-not-on-task': withProgress('          - {unit: Phòng Nội vụ, status: doing}\n'),
  'duplicate-submission': withSubmissions('      - {unit: UBND xã An Lạc, date: "10/02/2024"}\n      - {unit: UBND xã An Lạc, date: "20/02/2024"}\n'),
  'submission-not-a-unit': withSubmissions('      - {unit: "UBND các xã, thị trấn", date: "20/02/2024"}\n'),
  'submission-unit-not-owing': withSubmissions('      - {unit: Phòng Tư pháp, date: "20/02/2024"}\n'),
  'submission-year-outside': withSubmissions('      - {unit: UBND xã An Lạc, date: "20/02/2024", year: 2025}\n'),
  // Writing: plan fmt finds the file locked by another command (PLAN_LOCK_WAIT=0: no wait).
  'not-written': {
    plan: valid(['title: "Nhiệm vụ trọng tâm"', 'title:   "Nhiệm vụ trọng tâm"']),
    setup: (dir) => {
      // The lock folder another command holds, dated ahead so that a slow run never finds it stale.
      const lock = path.join(dir, 'plans', '.plan.yaml.lock');
      mkdirSync(lock);
      const ahead = new Date(Date.now() + 3_600_000);
      utimesSync(lock, ahead, ahead);
    },
    args: ['fmt'],
    env: { PLAN_LOCK_WAIT: '0' },
  },
  // calendar.yaml.
  'calendar-date-outside-year': { plan: BASE, calendar: calendar('    off:\n      - {date: 02/01/2025, name: "Nghỉ"}\n') },
  'calendar-long-range': { plan: BASE, calendar: calendar('    off:\n      - {from: 01/01/2024, to: 31/03/2024, name: "Nghỉ"}\n') },
  'calendar-off-and-work': { plan: BASE, calendar: calendar('    off:\n      - {date: 16/03/2024, name: "Nghỉ"}\n    work:\n      - {date: 16/03/2024, name: "Làm bù"}\n') },
  'calendar-work-on-working-day': { plan: BASE, calendar: calendar('    work:\n      - {date: 06/03/2024, name: "Làm bù"}\n') },
  // Wording templates (--templates mau): a clerk's copy of report.txt.
  'bad-template-line': { plan: BASE, files: { 'mau/report.txt': 'tieu de BÁO CÁO\n' }, args: REPORT },
  'duplicate-template-key': { plan: BASE, files: { 'mau/report.txt': 'title: BÁO CÁO\ntitle: BÁO CÁO KẾT QUẢ\n' }, args: REPORT },
  'unknown-template-key': { plan: BASE, files: { 'mau/report.txt': 'tieude: BÁO CÁO\n' }, args: REPORT },
  'unknown-template-field': { plan: BASE, files: { 'mau/report.txt': 'opening: Thực hiện {{plan}}, {{don_vi}} báo cáo\n' }, args: REPORT },
  // A key missing from the shipped templates is a broken installation: a copy of the
  // program whose templates/vi/report.txt lost its title line, run as a process.
  'missing-template-key': { plan: BASE, files: { 'mau/report.txt': '# chỉ chú thích\n' }, args: REPORT, run: runBrokenInstall },
};

/** The built program copied into dir/cai-dat with "title:" removed from its shipped report.txt. */
function runBrokenInstall(dir: string, args: string[]): RunResult {
  const install = path.join(dir, 'cai-dat');
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(ROOT, part), path.join(install, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'));
  const report = path.join(install, 'templates', 'vi', 'report.txt');
  writeFileSync(report, readFileSync(report, 'utf8').replace(/^title:.*\n/m, ''));
  const r = spawnSync(process.execPath, [path.join(install, 'bin', 'plan.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', PLAN_LANG: '' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Codes shown in English too (--lang en): one golden per language is not required, a few prove the English form. */
const ENGLISH = ['unknown-unit', 'yaml-syntax', 'deadline-on-day-off', 'unknown-template-field', 'not-written'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(c: GoldenCase): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-golden-'));
  dirs.push(dir);
  const plans = path.join(dir, 'plans');
  mkdirSync(plans);
  const unitsText = c.units === undefined ? readFileSync(path.join(ROOT, 'plans', 'units.yaml')) : c.units.endsWith('.yaml') ? readFileSync(path.join(BAD, 'files', c.units)) : c.units;
  writeFileSync(path.join(plans, 'units.yaml'), unitsText);
  writeFileSync(path.join(plans, 'calendar.yaml'), c.calendar ?? readFileSync(path.join(ROOT, 'plans', 'calendar.yaml')));
  if (c.plan !== undefined) writeFileSync(path.join(plans, 'plan.yaml'), c.plan);
  if (c.fixture) writeFileSync(path.join(plans, c.fixture), fixtureBytes(c.fixture));
  for (const [file, content] of Object.entries(c.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  c.setup?.(dir);
  return dir;
}

/** What a golden holds: the command line, the exit code, stdout, and stderr when there is any. */
function transcript(args: string[], r: RunResult, dir: string): string {
  const parts = [`$ plan ${args.join(' ')}`, `exit ${r.code}`, '--- stdout', r.stdout];
  if (r.stderr) parts.push('--- stderr', r.stderr);
  const text = parts.join('\n');
  // A temporary folder's name must never reach a golden.
  expect(text, 'the output names the temporary folder').not.toContain(dir);
  expect(text).not.toContain(path.join(os.tmpdir(), 'plan-golden-'));
  return text.endsWith('\n') ? text : `${text}\n`;
}

function compare(file: string, text: string): void {
  if (UPDATE) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `missing golden ${path.relative(ROOT, file)}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

async function run(code: string, lang?: 'en'): Promise<{ text: string; result: RunResult }> {
  const c = CASES[code];
  if (!c) throw new Error(`no input for ${code}: add one to CASES in test/catalogue/golden.test.ts`);
  const dir = workspace(c);
  const args = [...(c.args ?? CHECK), ...(lang ? ['--lang', lang] : [])];
  const result = c.run ? c.run(dir, args) : await runCli(args, { cwd: dir, now: NOW, ...(c.env ? { env: c.env } : {}) });
  return { text: transcript(args, result, dir), result };
}

const goldenCodes = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => f.slice(0, -'.txt'.length))
        .sort()
    : [];

describe('a golden file per diagnostic code (pretty output)', () => {
  it('every catalogue code has an input here, and nothing else does', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(CATALOGUE).sort());
  });

  for (const code of Object.keys(CATALOGUE)) {
    it(code, async () => {
      const { text, result } = await run(code);
      // The golden must show its code, as the head of a diagnostic: "lỗi[code]: …".
      expect(result.stdout + result.stderr, `${code} does not appear in the output`).toContain(`[${code}]: `);
      compare(path.join(GOLDEN, `${code}.txt`), text);
    });
  }

  for (const code of ENGLISH) {
    it(`${code} in English (--lang en)`, async () => {
      const { text, result } = await run(code, 'en');
      expect(result.stdout + result.stderr).toContain(`[${code}]: `);
      compare(path.join(GOLDEN, 'en', `${code}.txt`), text);
    });
  }

  it('the goldens are exactly the catalogue codes (none missing, none stale)', () => {
    if (UPDATE) {
      // A code gone from the catalogue takes its golden with it.
      for (const [dir, keep] of [
        [GOLDEN, Object.keys(CATALOGUE)],
        [path.join(GOLDEN, 'en'), ENGLISH],
      ] as const) {
        for (const code of goldenCodes(dir)) if (!keep.includes(code)) rmSync(path.join(dir, `${code}.txt`));
      }
    }
    expect(goldenCodes(GOLDEN)).toEqual(Object.keys(CATALOGUE).sort());
    expect(goldenCodes(path.join(GOLDEN, 'en'))).toEqual([...ENGLISH].sort());
  });
});
