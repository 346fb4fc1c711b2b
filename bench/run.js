#!/usr/bin/env node
// `npm run bench`: the issue 8 measurements, medians over several runs, as
// ratios where a floor exists; writes bench/RESULTS.md (no timestamps).
//
//   node bench/run.js [--runs 7] [--big-runs 3] [--seed 8] [--no-sheets] [--only startup,check,growth,overdue,sheets]
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'plan.js');
const WORK = path.join(ROOT, 'bench', 'work');
const PROVINCE = path.join(WORK, 'province');
// The content cache of the province runs: "cold" runs use none (--no-cache), the others this one.
const CACHE = path.join(WORK, 'cache');
const CACHED = ['--cache-location', CACHE];
const AS_OF = '2024-06-30';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
if (process.argv.includes('--help')) {
  process.stdout.write(`node bench/run.js [options]  (rebuild first: npm run build)
  --runs N        runs of each start-up line (median), default 7
  --big-runs N    runs of each province line (median), default 3
  --seed N        the generated province's seed, default 8
  --sheets        also the DOCX/Markdown sheets of every unit (slow)
  --only LIST     only these groups, comma-separated: startup, check, growth, overdue, sheets;
                  prints the lines and leaves bench/RESULTS.md as it is
`);
  process.exit(0);
}
const ONLY = arg('--only', undefined)?.split(',');
const wanted = (group) => !ONLY || ONLY.includes(group);
const RUNS = Number(arg('--runs', '7'));
const BIG_RUNS = Number(arg('--big-runs', '3'));
const SEED = Number(arg('--seed', '8'));
const HAS_TIME = existsSync('/usr/bin/time');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Standard output goes to a file, as a clerk's `plan overdue --json > out.json` does, for our program and
// Taskwarrior alike: read through a pipe into this process, 57 MB of JSON cost the harness ~1.7 s of its own
// decoding, which timed the harness rather than either program.
const STDOUT_FILE = path.join(os.tmpdir(), `kehoach-bench-stdout-${process.pid}`);
process.on('exit', () => rmSync(STDOUT_FILE, { force: true }));

/** One run: wall time in ms (and peak memory in MB through /usr/bin/time when installed). */
function once(cmd, args, opts = {}) {
  const full = HAS_TIME ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const out = openSync(STDOUT_FILE, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(out);
  const rss = HAS_TIME ? Number(r.stderr.trim().split('\n').pop()) / 1024 : undefined;
  if (opts.expect !== undefined && !opts.expect.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { ms, rss, status: r.status };
}

function measure(cmd, args, runs, opts) {
  const all = Array.from({ length: runs }, () => once(cmd, args, opts));
  return { ms: median(all.map((r) => r.ms)), rss: Math.max(...all.map((r) => r.rss ?? 0)) || undefined };
}

/** Two commands measured alternately, so machine noise falls on both. */
function sideBySide(a, b, runs) {
  const ra = [];
  const rb = [];
  for (let i = 0; i < runs; i++) {
    ra.push(once(...a));
    rb.push(once(...b));
  }
  return [
    { ms: median(ra.map((r) => r.ms)), rss: Math.max(...ra.map((r) => r.rss ?? 0)) },
    { ms: median(rb.map((r) => r.ms)), rss: Math.max(...rb.map((r) => r.rss ?? 0)) },
  ];
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (mb) => (mb ? `${mb.toFixed(0)} MB` : '–');
const rows = [];
const row = (what, measured, target, verdict, note = '') => {
  rows.push(`| ${what} | ${measured} | ${target} | ${verdict} | ${note} |`);
  process.stdout.write(`${what}: ${measured} (${target}) ${verdict} ${note}\n`);
};
const ok = (b) => (b ? 'met' : '**not met**');

// --- the repository --------------------------------------------------------
process.stdout.write(`generating the province (seed ${SEED})…\n`);
const info = generate({ seed: SEED, out: PROVINCE });
rmSync(CACHE, { recursive: true, force: true });
const parts = ['part-1', 'part-2', 'part-3', 'part-4'].map((p) => path.join('plans', p));

// --- start-up ----------------------------------------------------------------
if (wanted('startup')) startUp();
function startUp() {
  const floor = measure(process.execPath, ['-e', ''], RUNS);
  const version = measure(process.execPath, [BIN, '--version'], RUNS, { expect: [0] });
  const seedCheck = measure(process.execPath, [BIN, 'check', '--as-of', '2024-01-15'], RUNS, { expect: [0] });
  row("`node -e ''` (floor)", fmtMs(floor.ms), '–', '–');
  row('`plan --version`', `${fmtMs(version.ms)} = ${(version.ms / floor.ms).toFixed(2)}× floor`, '≤ 2× floor', ok(version.ms <= 2 * floor.ms));
  row("`plan check plans/` on the seed, vs `node -e ''`", `${fmtMs(seedCheck.ms)} = ${(seedCheck.ms / floor.ms).toFixed(2)}× floor`, '≤ 1.6×', ok(seedCheck.ms <= 1.6 * floor.ms));
}

// --- the YAML floor: yaml's own parse of the same files, nothing else ----------
let whole;
if (wanted('check') || wanted('growth')) provinceCheck();
function provinceCheck() {
  const floorScript = `
  import { readFileSync, readdirSync } from 'node:fs';
  import { parse } from 'yaml';
  for (const p of ${JSON.stringify(parts)}) for (const f of readdirSync(p)) parse(readFileSync(p + '/' + f, 'utf8'));`;
  const floorFile = path.join(ROOT, 'bench', 'work', 'yaml-floor.mjs');
  writeFileSync(floorFile, floorScript.replace("from 'yaml'", `from ${JSON.stringify(path.join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js'))}`));
  const yamlFloor = measure(process.execPath, [floorFile], BIG_RUNS, { cwd: PROVINCE, expect: [0] });

  // --- plan check on the whole province -----------------------------------------
  whole = measure(process.execPath, [BIN, 'check', '--format', 'short', '--as-of', AS_OF, '--no-cache'], BIG_RUNS, { cwd: PROVINCE, expect: [0, 1] });
  // One run fills the cache; the measured ones find every file unchanged.
  once(process.execPath, [BIN, 'check', '--format', 'short', '--as-of', AS_OF, ...CACHED], { cwd: PROVINCE, expect: [0, 1] });
  const unchanged = measure(process.execPath, [BIN, 'check', '--format', 'short', '--as-of', AS_OF, ...CACHED], BIG_RUNS, { cwd: PROVINCE, expect: [0, 1] });
  row(
    `province \`plan check\` (${info.plans} plans, ${info.tasks} tasks, ${(info.bytes / 1048576).toFixed(1)} MB), cold`,
    `${fmtMs(whole.ms)}, ${fmtMb(whole.rss)}`,
    '≤ 1.5 s cold, ≤ 400 MB',
    ok(whole.ms <= 1500 && (whole.rss ?? 0) <= 400),
  );
  row('province `plan check` when nothing changed (content cache)', `${fmtMs(unchanged.ms)}, ${fmtMb(unchanged.rss)}`, '≤ 0.4 s', ok(unchanged.ms <= 400));
  row('YAML parse alone (yaml 2.9 `parse`), same files', `${fmtMs(yamlFloor.ms)}; check = ${(whole.ms / yamlFloor.ms).toFixed(2)}× it`, 'floor', '–');
}

// --- growth ------------------------------------------------------------------
if (wanted('growth')) growth();
function growth() {
  const quarter = measure(process.execPath, [BIN, 'check', '--format', 'short', '--as-of', AS_OF, '--no-cache', parts[0]], BIG_RUNS, { cwd: PROVINCE, expect: [0, 1] });
  const half = measure(process.execPath, [BIN, 'check', '--format', 'short', '--as-of', AS_OF, '--no-cache', parts[0], parts[1]], BIG_RUNS, { cwd: PROVINCE, expect: [0, 1] });
  const g1 = half.ms / quarter.ms;
  const g2 = whole.ms / half.ms;
  row(
    'growth ¼ → ½ → whole (`plan check`)',
    `${fmtMs(quarter.ms)} → ${fmtMs(half.ms)} → ${fmtMs(whole.ms)} (×${g1.toFixed(2)}, ×${g2.toFixed(2)})`,
    'linear (≤ 2.2× per doubling)',
    ok(g1 <= 2.2 && g2 <= 2.2),
  );
}

// --- overdue against Taskwarrior ------------------------------------------------
if (wanted('overdue')) overdueAgainstTaskwarrior();
function overdueAgainstTaskwarrior() {
  const task = spawnSync('task', ['--version'], { encoding: 'utf8' });
  if (task.status !== 0) {
    row('`plan overdue` vs `task overdue`', 'not measured: Taskwarrior is not installed (apt-get install taskwarrior)', 'ratio < 1.0', '–');
  } else {
    const tw = path.join(WORK, 'taskwarrior');
    rmSync(tw, { recursive: true, force: true });
    mkdirSync(path.join(tw, 'data'), { recursive: true });
    const rc = path.join(tw, 'taskrc');
    writeFileSync(rc, `data.location=${path.join(tw, 'data')}\nconfirmation=off\nverbose=nothing\nhooks=off\ngc=off\ncolor=off\nnews.version=${task.stdout.trim()}\n`);
    const env = { TASKRC: rc, TASKDATA: path.join(tw, 'data') };
    execFileSync('task', ['rc.verbose=nothing', 'import', path.join(PROVINCE, 'taskwarrior.json')], { env: { ...process.env, ...env }, stdio: 'ignore' });
    // Taskwarrior has no --as-of: its "today" is the machine's. Both list what is overdue by their own today;
    // plan gets the same day explicitly so the two lists cover the same tasks.
    const today = new Date().toISOString().slice(0, 10);
    try {
      // "Warm": one run of each form fills the cache (the model and the schedule rows of every plan).
      for (const form of [['--format', 'md'], ['--json'], []]) once(process.execPath, [BIN, 'overdue', ...form, '--as-of', today, ...CACHED], { cwd: PROVINCE, expect: [0, 1] });
      // The three overdue lines, each side by side with what Taskwarrior does for the same list.
      const md = sideBySide(
        [process.execPath, [BIN, 'overdue', '--format', 'md', '--as-of', today, ...CACHED], { cwd: PROVINCE, expect: [0, 1] }],
        ['task', ['rc.verbose=nothing', 'overdue'], { env, expect: [0, 1] }],
        BIG_RUNS,
      );
      row(
        `province \`plan overdue --format md\` (content cache warm) vs \`task overdue\` (${task.stdout.trim()}), same ${info.tasks} tasks`,
        `${fmtMs(md[0].ms)} vs ${fmtMs(md[1].ms)} = ${(md[0].ms / md[1].ms).toFixed(2)}×, ${fmtMb(md[0].rss)}`,
        '< 1.0×',
        ok(md[0].ms < md[1].ms),
      );
      const json = sideBySide(
        [process.execPath, [BIN, 'overdue', '--json', '--as-of', today, ...CACHED], { cwd: PROVINCE, expect: [0, 1] }],
        ['task', ['rc.verbose=nothing', 'export'], { env, expect: [0, 1] }],
        BIG_RUNS,
      );
      row(
        'province `plan overdue --json` vs `task export`',
        `${fmtMs(json[0].ms)} vs ${fmtMs(json[1].ms)} = ${(json[0].ms / json[1].ms).toFixed(2)}×, ${fmtMb(json[0].rss)}`,
        '< 1.0×',
        ok(json[0].ms < json[1].ms),
      );
      const table = measure(process.execPath, [BIN, 'overdue', '--as-of', today, ...CACHED], BIG_RUNS, { cwd: PROVINCE, expect: [0, 1] });
      row(
        'province `plan overdue` terminal table',
        `${fmtMs(table.ms)} = ${(table.ms / md[0].ms).toFixed(2)}× the Markdown, ${fmtMb(table.rss)}`,
        '≤ 2× the Markdown time, ≤ 400 MB',
        ok(table.ms <= 2 * md[0].ms && (table.rss ?? 0) <= 400),
      );
    } catch (e) {
      row('`plan overdue` vs `task overdue`', `not measured: ${String(e.message).split('\n')[0]}`, 'ratio < 1.0', '**not met**');
    }
  }
}

// --- sheets for all 500 units ---------------------------------------------------
if (!wanted('sheets')) {
  // Not asked for.
} else if (process.argv.includes('--no-sheets')) {
  row('`plan sheets --format docx`, all units (issues 8, 16)', 'not measured: run without --no-sheets', '≤ 15 s', '–');
} else {
  sheetsDocxAgainstMarkdown();
}

/**
 * All sheets as DOCX (Word template filled per unit) against the same sheets as Markdown: ≤ 15 s, ≤ 2×.
 * The two run alternately (--big-runs times each, medians), so machine noise falls on both.
 */
function sheetsDocxAgainstMarkdown() {
  const run = (format) => {
    const out = path.join(WORK, `sheets-${format}`);
    rmSync(out, { recursive: true, force: true });
    const r = once(process.execPath, [BIN, 'sheets', '--format', format, '--out', out, '--as-of', AS_OF], { cwd: PROVINCE });
    return { ...r, written: existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(`.${format}`) && f !== 'index.md').length : 0 };
  };
  const runs = { docx: [], md: [] };
  for (let i = 0; i < BIG_RUNS; i++) for (const format of ['docx', 'md']) runs[format].push(run(format));
  const failed = [...runs.docx, ...runs.md].find((r) => r.status !== 0);
  if (failed) {
    row('`plan sheets --format docx`, all units', `not measured: exit ${failed.status}`, '≤ 15 s', '–');
    return;
  }
  const summary = (rs) => ({ ms: median(rs.map((r) => r.ms)), rss: Math.max(...rs.map((r) => r.rss ?? 0)) || undefined, written: rs[0].written });
  const docx = summary(runs.docx);
  const md = summary(runs.md);
  row(`\`plan sheets --format docx\`, all units (${docx.written} files)`, `${fmtMs(docx.ms)}, ${fmtMb(docx.rss)}`, '≤ 15 s', ok(docx.ms <= 15000));
  row(`… the same sheets as Markdown (${md.written} files)`, `${fmtMs(md.ms)}, ${fmtMb(md.rss)}: DOCX ${(docx.ms / md.ms).toFixed(2)}× the Markdown time`, 'DOCX ≤ 2×', ok(docx.ms <= 2 * md.ms));
}

// --- RESULTS.md (a partial run leaves it alone) ------------------------------------
if (ONLY) process.exit(0);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const md = `# Benchmarks (issues 8 and 15)

Reproduce: \`npm run bench\` (= \`npm run build && node bench/run.js\`; options \`--runs ${RUNS} --big-runs ${BIG_RUNS} --seed ${SEED}\`).
The province is generated by \`bench/generate.js\` (seed ${SEED}): ${info.plans} plans, ${info.tasks} tasks, ${info.units} units,
${(info.bytes / 1048576).toFixed(1)} MB of YAML under \`bench/work/province\`.
Times are medians of ${RUNS} runs (start-up) or ${BIG_RUNS} runs (province); memory is the peak RSS from \`/usr/bin/time -f %M\`.
Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.versions.node}, ${os.platform()} ${os.release()}.

| What | Measured | Target | Verdict | Note |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

## Where the time goes, and the gaps

See the notes below the table (kept by hand; the table above is rewritten by every run).
`;
const resultsFile = path.join(ROOT, 'bench', 'RESULTS.md');
let notes = '';
if (existsSync(resultsFile)) {
  const old = (await import('node:fs')).readFileSync(resultsFile, 'utf8');
  const i = old.indexOf('<!-- notes -->');
  if (i !== -1) notes = old.slice(i);
}
writeFileSync(resultsFile, `${md}\n${notes || '<!-- notes -->\n'}`);
process.stdout.write(`wrote ${path.relative(process.cwd(), resultsFile)}\n`);
