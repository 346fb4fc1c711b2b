// The content cache (src/core/cache.ts, src/io/cache.ts) may make runs faster,
// never different: every command's output with a cold cache, a warm one and
// none is the same on a generated province, and an edited file, a file edited
// behind an unchanged time, a changed units file or day, corrupt, foreign or
// half-missing entries and an unwritable cache folder all still give the
// result of reading the files.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { memoryCache } from '../helpers.js';
import { runCli } from '../e2e/run-plan.js';
import { type ContentCache, contentDigest, FileStore, type StoreCodec } from '../../src/core/cache.js';
import { overdueFromRows } from '../../src/core/schedule-rows.js';
import { assembleWorkspace, type FileInput, type HashedInput, type PlanChecker, type Workspace } from '../../src/core/workspace.js';
import { readWorkspaceFiles } from '../../src/io/files.js';
import { printRuns, renderDiagnosticsPretty, shortPrinter } from '../../src/render/diagnostics.js';

const AS_OF = ['--as-of', '2024-06-30'];
const NOW = new Date('2024-07-01T03:00:00Z');

let dir: string;
let cache: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-cache-'));
  generate({ seed: 15, plans: 8, out: dir });
  cache = path.join(dir, 'cache');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], opts: { now?: Date; cwd?: string } = {}) => runCli(args, { cwd: opts.cwd ?? dir, now: opts.now ?? NOW });
const withCache = (args: string[], location = cache) => [...args, '--cache-location', location];
const entries = (location = cache) => (existsSync(location) ? readdirSync(location).filter((f) => f.endsWith('.json')) : []);

/** What each file under plans/ holds, as one digest: the files a run without a cache reads. */
function plansDigest(): string {
  const hash = createHash('sha256');
  const plans = path.join(dir, 'plans');
  for (const f of readdirSync(plans, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(plans, f);
    if (statSync(file).isFile()) hash.update(`${f}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Runs without a cache, by their arguments and the files they read: a test that damages a store runs the same
 * command on the same files after each damage, and the run without a cache gives the same result each time.
 */
const plainRuns = new Map<string, Awaited<ReturnType<typeof run>>>();
async function plainRun(args: string[]) {
  const key = `${JSON.stringify(args)}\0${plansDigest()}`;
  let plain = plainRuns.get(key);
  if (plain === undefined) {
    plain = await run([...args, '--no-cache']);
    plainRuns.set(key, plain);
  }
  return plain;
}

/** The run without a cache, then with the cache (twice: writing it, reading it), all the same. */
async function sameWithCache(args: string[], location = cache): Promise<string> {
  const plain = await plainRun(args);
  for (const pass of ['cold or warm', 'warm']) {
    const cached = await run(withCache(args, location));
    expect(cached, `${args.join(' ')} (${pass})`).toEqual(plain);
  }
  return plain.stdout;
}

describe('the content cache changes no result', () => {
  const commands: Record<string, string[]> = {
    check: ['check', ...AS_OF],
    'check-short': ['check', '--format', 'short', ...AS_OF],
    'check-short-en': ['check', '--format', 'short', '--lang', 'en', ...AS_OF],
    'check-json': ['check', '--format', 'json', ...AS_OF],
    overdue: ['overdue', '--format', 'md', ...AS_OF],
    'overdue-json': ['overdue', '--json', ...AS_OF],
    agenda: ['agenda', ...AS_OF],
    show: ['show', '--json'],
  };
  for (const [name, args] of Object.entries(commands)) {
    it(`plan ${name} on a generated province: cold, warm, none`, async () => {
      await sameWithCache(args);
      // One model per plan, and one store of every file's result.
      expect(entries().filter((f) => f.endsWith('.plan.json')).length).toBe(8);
      expect(entries().filter((f) => f.startsWith('results-')).length).toBe(1);
    });
  }

  it('an edited plan is read again, even when its time and size stay the same', async () => {
    const part = path.join(dir, 'plans', 'part-1');
    const file = path.join(part, readdirSync(part).find((f) => f.endsWith('.yaml'))!);
    const original = readFileSync(file, 'utf8');
    const stat = statSync(file);
    await sameWithCache(['check', ...AS_OF]);
    // The same number of bytes, a status misspelt: a clerk's one-letter slip.
    const edited = original.replace(/status: done/, 'status: d0ne');
    expect(edited).not.toBe(original);
    expect(edited.length).toBe(original.length);
    writeFileSync(file, edited);
    utimesSync(file, stat.atime, stat.mtime);
    const after = await sameWithCache(['check', ...AS_OF]);
    expect(after).toContain('d0ne');
    writeFileSync(file, original);
    utimesSync(file, stat.atime, stat.mtime);
    await sameWithCache(['check', ...AS_OF]);
  });

  it('a run over part of the workspace keeps the other files’ results right', async () => {
    const part = path.join(dir, 'plans', 'part-1');
    const file = path.join(part, readdirSync(part).find((f) => f.endsWith('.yaml'))!);
    const original = readFileSync(file, 'utf8');
    const whole = await sameWithCache(['check', '--format', 'short', ...AS_OF]);
    await sameWithCache(['overdue', '--json', ...AS_OF]);
    // Part 1 read again (one file changed), the rest of the store carried over and written back.
    writeFileSync(file, `${original}# ghi chú\n`);
    await sameWithCache(['check', '--format', 'short', ...AS_OF, path.join('plans', 'part-1')]);
    await sameWithCache(['overdue', '--json', ...AS_OF, path.join('plans', 'part-1')]);
    writeFileSync(file, original);
    expect(await sameWithCache(['check', '--format', 'short', ...AS_OF])).toBe(whole);
    await sameWithCache(['overdue', '--json', ...AS_OF]);
  });

  it('a changed units file changes every plan’s result', async () => {
    const units = path.join(dir, 'plans', 'units.yaml');
    const original = readFileSync(units, 'utf8');
    const before = await sameWithCache(['check', '--format', 'short', ...AS_OF]);
    // Renaming a unit makes its name unknown in the plans that assign it.
    const name = /- name: (.+)/.exec(original)![1]!;
    writeFileSync(units, original.replace(`- name: ${name}`, `- name: ${name} (cũ)`));
    const after = await sameWithCache(['check', '--format', 'short', ...AS_OF]);
    expect(after).not.toBe(before);
    writeFileSync(units, original);
    expect(await sameWithCache(['check', '--format', 'short', ...AS_OF])).toBe(before);
  });

  it('records are checked against the clock’s day: another day, another entry', async () => {
    const days = [new Date('2020-01-01T03:00:00Z'), NOW];
    const outputs: string[] = [];
    for (const now of days) {
      const plain = await run(['check', '--format', 'short', ...AS_OF, '--no-cache'], { now });
      for (let i = 0; i < 2; i++) expect(await run(withCache(['check', '--format', 'short', ...AS_OF]), { now })).toEqual(plain);
      outputs.push(plain.stdout);
    }
    // In 2020 every record dated later is in the future.
    expect(outputs[0]).toContain('date-in-future');
    expect(outputs[1]).not.toContain('date-in-future');
  });

  it('corrupt, foreign and half-missing entries are read past, and rebuilt', async () => {
    // A cache of this run's entries only (the others' hold older days and units too).
    const own = path.join(dir, 'cache-corrupt');
    await sameWithCache(['show', '--json'], own);
    const [storeFile] = entries(own).filter((f) => f.startsWith('results-'));
    const models = entries(own).filter((f) => f.endsWith('.plan.json'));
    expect(models.length).toBe(8);
    const storePath = path.join(own, storeFile!);
    // An index line (each file's key and flags), then the values.
    const [headLine, bodyLine] = readFileSync(storePath, 'utf8').split('\n');
    const head = JSON.parse(headLine!) as { format: number; workspace: string; index: Record<string, [string, number]> };
    const store = JSON.parse(bodyLine!) as { texts: unknown[]; entries: Record<string, { key: string; value: { diagnostics: unknown[] } }> };
    const layout = (h: unknown, body: unknown) => `${JSON.stringify(h)}\n${JSON.stringify(body)}`;
    const files = Object.keys(store.entries).filter((f) => f.endsWith('.yaml') && !f.endsWith('units.yaml'));
    // One file's result under another file's key, one whose message points nowhere, one that is not a result.
    const tampered = structuredClone(store);
    tampered.entries[files[0]!]!.key = store.entries[files[1]!]!.key;
    tampered.entries[files[2]!]!.value.diagnostics = [{ message: 99999 }];
    tampered.entries[files[3]!]!.value = 'null' as never;
    // A kept diagnostic (fields, message, help, place) whose message or fields point nowhere.
    tampered.entries[files[4]!]!.value.diagnostics = [[0, 99999, null, 1, 1, null, null]];
    tampered.entries[files[5]!]!.value.diagnostics = [[99999, 0, null, 1, 1, null, null]];
    // A model gone, a model that is not one.
    rmSync(path.join(own, models[0]!));
    writeFileSync(path.join(own, models[1]!), 'null');
    const variants = [
      // Values spoilt behind a good index: read past when asked for (and made again).
      layout(head, tampered),
      `${JSON.stringify(head)}\n{"texts":[`,
      // An index that names another key, or is not one; a file's line without its count and summary, or with a summary not one.
      layout({ ...head, index: { ...head.index, [files[6]!]: ['0'.repeat(64), 3] } }, store),
      layout({ ...head, index: { ...head.index, [files[6]!]: head.index[files[6]!]!.slice(0, 2) as [string, number] } }, store),
      layout({ ...head, index: { ...head.index, [files[7]!]: [...head.index[files[7]!]!.slice(0, 2), [0, 'ba', 2, []]] as never } }, store),
      layout({ ...head, index: null }, store),
      '{"format":2,"workspace":"not it","entries":{',
      layout({ ...head, workspace: 'another' }, store),
      'null',
    ];
    for (const variant of variants) {
      writeFileSync(storePath, variant);
      for (const args of [
        ['show', '--json'],
        ['check', '--format', 'json', ...AS_OF],
        ['overdue', '--json', ...AS_OF],
      ])
        await sameWithCache(args, own);
      // Rebuilt: the store holds every file's result again.
      const [rebuiltHead, rebuiltBody] = readFileSync(storePath, 'utf8').split('\n');
      expect(Object.keys(JSON.parse(rebuiltBody!).entries).sort(), variant.slice(0, 80)).toEqual(Object.keys(store.entries).sort());
      expect(JSON.parse(rebuiltHead!).index, variant.slice(0, 80)).toEqual(head.index);
    }
  });

  it('a damaged or foreign rows store (bytes) is read past, and rebuilt', async () => {
    const own = path.join(dir, 'cache-rows');
    await sameWithCache(['overdue', '--json', ...AS_OF], own);
    const storeFile = readdirSync(own).find((f) => f.startsWith('rows-') && f.endsWith('.bin'))!;
    const storePath = path.join(own, storeFile);
    const good = readFileSync(storePath);
    // A line of JSON (the texts, and where each file's numbers are), then 32-bit numbers from a multiple of 4.
    const lineEnd = good.indexOf(0x0a);
    const head = JSON.parse(good.subarray(0, lineEnd).toString('latin1')) as { workspace: string; texts: string[]; index: Record<string, [string, string, number, number]> };
    const body = (lineEnd + 4) & ~3;
    const files = Object.keys(head.index);
    expect(files.length).toBe(8);
    const withHead = (h: unknown) => {
      const line = Buffer.from(`${JSON.stringify(h)}\n`, 'latin1');
      return Buffer.concat([line, Buffer.alloc(((line.length + 3) & ~3) - line.length), good.subarray(body)]);
    };
    /** The store with one number of a file's rows changed (its first run: 13 shared numbers, then the count). */
    const withNumber = (file: string, at: number, value: number) => {
      const spoilt = Buffer.from(good);
      spoilt.writeInt32LE(value, body + 4 * (head.index[file]![2] + at));
      return spoilt;
    };
    const variants: [string, Buffer][] = [
      ['cut inside a number', good.subarray(0, good.length - 2)],
      ['cut after a number', good.subarray(0, good.length - 4 * 50)],
      ['a run count past the end', withNumber(files[0]!, 13, 1e6)],
      ['a negative run count', withNumber(files[1]!, 13, -3)],
      ['a title not in the table', withNumber(files[2]!, 2, head.texts.length)],
      ['a unit not in the table', withNumber(files[3]!, 14, head.texts.length + 7)],
      ['one file under another file’s key', withHead({ ...head, index: { ...head.index, [files[4]!]: [head.index[files[5]!]![0], ...head.index[files[4]!]!.slice(1)] } })],
      ['numbers past the end', withHead({ ...head, index: { ...head.index, [files[6]!]: [...head.index[files[6]!]!.slice(0, 2), 1e7, 10] } })],
      ['another workspace', withHead({ ...head, workspace: 'another' })],
      ['texts that are not', withHead({ ...head, texts: [1, 2] })],
      ['not JSON', Buffer.from('{"format":1,\n\0\0\0\0')],
      ['nothing', Buffer.alloc(0)],
    ];
    for (const [what, variant] of variants) {
      writeFileSync(storePath, variant);
      await sameWithCache(['overdue', '--json', ...AS_OF], own);
      await sameWithCache(['overdue', '--format', 'md', ...AS_OF], own);
      // Rebuilt: every file's rows again.
      const rebuilt = readFileSync(storePath);
      const rebuiltHead = JSON.parse(rebuilt.subarray(0, rebuilt.indexOf(0x0a)).toString('latin1')) as typeof head;
      expect(Object.keys(rebuiltHead.index).sort(), what).toEqual([...files].sort());
      expect(
        Object.values(rebuiltHead.index)
          .map((e) => e[0])
          .sort(),
        what,
      ).toEqual(
        Object.values(head.index)
          .map((e) => e[0])
          .sort(),
      );
    }
  });

  it('what check --format short printed is kept as bytes; a foreign or cut store, or one whose lengths do not add up, is read past, and rebuilt', async () => {
    const own = path.join(dir, 'cache-printed');
    const args = ['check', '--format', 'short', ...AS_OF];
    const plain = await sameWithCache(args, own);
    const name = readdirSync(own).find((f) => f.startsWith('short-vi-') && f.endsWith('.bin'))!;
    const storePath = path.join(own, name);
    const good = readFileSync(storePath);
    // The index line (the workspace key, each file's key and length), then the bytes: every warning's line.
    // The bytes are not hashed (src/core/cache.ts PrintedStore says why): a byte changed in place is not looked for.
    const lineEnd = good.indexOf(10);
    const head = JSON.parse(good.subarray(0, lineEnd).toString('latin1')) as { workspace: string; files: [string, string, number][] };
    const body = good.subarray(lineEnd + 1);
    expect(head.files.length).toBe(9);
    expect(plain).toContain(body.toString('utf8'));
    const withHead = (h: object, b: Uint8Array = body) => Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), b]);
    const variants: [string, Uint8Array][] = [
      ['cut short', good.subarray(0, good.length - 100)],
      ['longer', Buffer.concat([good, Buffer.from('x')])],
      ['another workspace', withHead({ ...head, workspace: 'another' })],
      ['lengths that do not add up', withHead({ ...head, files: head.files.map(([f, k, n], i) => [f, k, i === 0 ? n + 1 : n]) })],
      ['a length not one', withHead({ ...head, files: head.files.map(([f, k, n], i) => [f, k, i === 0 ? -1 : n]) })],
      ['no index', body],
      ['not JSON', Buffer.from('null\n')],
    ];
    for (const [what, variant] of variants) {
      writeFileSync(storePath, variant);
      expect(await run(withCache(args, own)), what).toEqual(await plainRun(args));
      expect(readFileSync(storePath).equals(good), what).toBe(true);
    }
    // A file kept under another key prints what its result is now.
    const otherKey = head.files.map(([f, k, n], i): [string, string, number] => [f, i === 1 ? '0'.repeat(64) : k, n]);
    writeFileSync(storePath, withHead({ ...head, files: otherKey }));
    await sameWithCache(args, own);
    expect(readFileSync(storePath).equals(good)).toBe(true);
  });

  it('entries nobody has written for 30 days are removed by the next run that writes, and results stay the same', async () => {
    const own = path.join(dir, 'cache-old');
    await sameWithCache(['overdue', '--json', ...AS_OF], own);
    const made = entries(own);
    expect(made.length).toBeGreaterThan(8);
    // Entries of an older build or of a plan's older text (nothing reads them again), and one made today.
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    for (const name of ['an-old-build.plan.json', 'an-old-text.plan.json', 'made-today.plan.json']) writeFileSync(path.join(own, name), '{}');
    for (const name of [...made, 'an-old-build.plan.json', 'an-old-text.plan.json']) utimesSync(path.join(own, name), longAgo, longAgo);
    // A warm run writes nothing and removes nothing.
    await run(withCache(['check', ...AS_OF], own));
    expect(entries(own).length).toBe(made.length + 3);
    // A run that writes (here the results store, lost): the old entries go, today's stays, and every result is as without a cache.
    for (const name of entries(own).filter((f) => f.startsWith('results-'))) rmSync(path.join(own, name));
    await sameWithCache(['check', '--format', 'json', ...AS_OF], own);
    expect(entries(own)).toContain('made-today.plan.json');
    expect(entries(own)).not.toContain('an-old-build.plan.json');
    expect(entries(own)).not.toContain('an-old-text.plan.json');
    await sameWithCache(['overdue', '--json', ...AS_OF], own);
    await sameWithCache(['show', '--json'], own);
  });

  it('an unwritable cache folder only costs speed', async () => {
    // A folder that cannot be made: its parent is a file.
    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    await sameWithCache(['check', ...AS_OF], path.join(blocked, 'cache'));
    expect(readFileSync(blocked, 'utf8')).toBe('x');
  });

  it('keeps the cache in node_modules/.cache/kehoach, and writes none where there is no node_modules', async () => {
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'plan-nocache-'));
    try {
      cpSync(path.join(dir, 'plans'), path.join(fresh, 'plans'), { recursive: true });
      const plain = await run(['check', ...AS_OF], { cwd: fresh });
      expect(plain.code).toBe(0);
      expect(readdirSync(fresh)).toEqual(['plans']);
      mkdirSync(path.join(fresh, 'node_modules'));
      for (let i = 0; i < 2; i++) expect(await run(['check', ...AS_OF], { cwd: fresh })).toEqual(plain);
      // One of them (data-…) is the checked value of the generated calendar.yaml.
      expect(entries(path.join(fresh, 'node_modules', '.cache', 'kehoach')).length).toBe(10);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('a warm run prints code frames from the cache', () => {
  it('never decodes a file to show the lines its diagnostics point at', () => {
    const cache = memoryCache();
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const context = { today: { year: 2024, month: 7, day: 1 }, cache };
    const pretty = (ws: ReturnType<typeof assembleWorkspace>) => renderDiagnosticsPretty(ws.diagnostics, (f) => ws.sources.get(f), 'vi');
    const cold = pretty(assembleWorkspace(files, context));
    // Code frames of plan lines, not only headings.
    expect(cold).toMatch(/\n\d+ \| +\S/);
    const warm = assembleWorkspace(files, context);
    // The bytes were hashed when the workspace was assembled: spoiled now, any frame cut from them would show it.
    for (const input of [...files.plans, files.units]) if (input && 'bytes' in input) input.bytes.fill(0x78);
    expect(pretty(warm)).toBe(cold);
  });
});

describe('a cold run that shows code frames keeps the lines they point at', () => {
  it('prints them without decoding a file again; without code frames, no lines are kept', () => {
    const context = { today: { year: 2024, month: 7, day: 1 }, checkPlans: ((_, jobs, here) => jobs.map((_job, i) => here(i))) as PlanChecker };
    const pretty = (ws: Workspace) => renderDiagnosticsPretty(ws.diagnostics, (f) => ws.sources.get(f), 'vi');
    const expected = pretty(assembleWorkspace(readWorkspaceFiles([path.join(dir, 'plans')]), context));
    expect(expected).toMatch(/\n\d+ \| +\S/);
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const framed = assembleWorkspace(files, { ...context, codeFrames: true });
    const bare = assembleWorkspace(files, context);
    // Spoilt after checking: a frame cut from the bytes now would show it.
    for (const input of files.plans) if ('bytes' in input) input.bytes.fill(0x78);
    expect(pretty(framed)).toBe(expected);
    expect(pretty(bare)).not.toBe(expected);
  });
});

describe('kept diagnostics read only when asked for', () => {
  const context = (cache: ContentCache) => ({ today: { year: 2024, month: 7, day: 1 }, cache });
  const storeOf = (kept: Map<string, string>) => [...kept.keys()].find((k) => k.startsWith('results-'))!;

  it('whether anything is in error is known from the index; the values are read, and rebuilt, only for the diagnostics', () => {
    const cache = memoryCache();
    const { kept } = cache;
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const cold = assembleWorkspace(files, context(cache));
    const name = storeOf(kept);
    const good = kept.get(name)!;
    // The values spoilt behind a good index: a run that asks only hasErrors and the rows never notices.
    kept.set(name, `${good.slice(0, good.indexOf('\n'))}\nspoilt`);
    const warm = assembleWorkspace(files, context(cache));
    expect(warm.hasErrors).toBe(false);
    expect(warm.rows.length).toBe(cold.rows.length);
    expect(kept.get(name)).toMatch(/\nspoilt$/);
    // Asked for, they are made again from the files, the same, and kept again.
    expect(warm.diagnostics).toEqual(cold.diagnostics);
    expect(warm.summaries).toEqual(cold.summaries);
    expect(kept.get(name)).toBe(good);
  });

  it('a warm run takes the rows from the rows store: no model read, nothing written, the same rows', () => {
    const cache = memoryCache();
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const cold = assembleWorkspace(files, context(cache)).rows;
    expect(cache.keptBytes.size).toBe(1);
    const reads: string[] = [];
    const written: string[] = [];
    const watched: ContentCache = {
      ...cache,
      get: (key) => {
        reads.push(key);
        return cache.get(key);
      },
      set: (key) => void written.push(key),
      setBytes: (key) => void written.push(key),
    };
    const warm = assembleWorkspace(files, context(watched)).rows;
    expect(reads.filter((k) => k.endsWith('.plan'))).toEqual([]);
    expect(written).toEqual([]);
    // Read in place: the plans' items are numbers over the store's bytes, their texts the store's one table.
    expect(warm.every((r) => r.items instanceof Int32Array && r.texts === warm[0]!.texts)).toBe(true);
    expect(warm.map((r) => [r.file, r.number, r.items.length])).toEqual(cold.map((r) => [r.file, r.number, r.items.length]));
    // The same overdue list, row by row, on days early and late in the plans' year.
    for (const asOf of [
      { year: 2024, month: 3, day: 1 },
      { year: 2024, month: 12, day: 31 },
    ]) {
      const [a, b] = [overdueFromRows(warm, asOf), overdueFromRows(cold, asOf)];
      expect(a.length).toBeGreaterThan(0);
      expect(Array.from({ length: a.length }, (_, k) => a.at(k))).toEqual(Array.from({ length: b.length }, (_, k) => b.at(k)));
    }
  });

  it('a kept file in error is known to be, warm as cold', () => {
    const cache = memoryCache();
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const broken = { ...files, plans: files.plans.map((p, i) => (i === 2 && 'bytes' in p ? { file: p.file, bytes: Buffer.from('số: [\n') } : p)) };
    const cold = assembleWorkspace(broken, context(cache));
    expect(cold.hasErrors).toBe(true);
    const warm = assembleWorkspace(broken, context(cache));
    expect(warm.hasErrors).toBe(true);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
  });
});

describe("a results store's index", () => {
  it("has each value's flags and brief worked out once, when it is set; a store read back writes the lines it read", () => {
    let described = 0;
    const codec: StoreCodec<{ n: number }> = {
      accept: (value): value is { n: number } => typeof (value as { n?: unknown } | null)?.n === 'number',
      intern: (value) => value,
      flags(value) {
        described++;
        return value.n % 2;
      },
      brief(value) {
        described++;
        return [value.n];
      },
    };
    const saved = (store: FileStore<{ n: number }>) => {
      let entry = '';
      store.save((written) => {
        entry = written;
      });
      const lineEnd = entry.indexOf('\n');
      return { line: entry.slice(0, lineEnd), rest: () => entry.slice(lineEnd + 1) };
    };
    const store = FileStore.read('workspace', undefined, codec);
    store.set('a.yaml', 'k1', { n: 1 });
    store.set('b.yaml', 'k2', { n: 2 });
    expect(described).toBe(4);
    const first = saved(store);
    expect(described).toBe(4);
    const again = FileStore.read('workspace', first, codec);
    expect([again.flags('a.yaml', 'k1'), again.brief('a.yaml', 'k1'), again.flags('b.yaml', 'k2'), again.brief('b.yaml', 'k2')]).toEqual([1, [1], 0, [2]]);
    again.set('c.yaml', 'k3', { n: 3 });
    const second = saved(again);
    expect(described).toBe(6);
    expect(JSON.parse(second.line).index).toEqual({ 'a.yaml': ['k1', 1, [1]], 'b.yaml': ['k2', 0, [2]], 'c.yaml': ['k3', 1, [3]] });
    expect(JSON.parse(second.rest()).entries['a.yaml']).toEqual({ key: 'k1', value: { n: 1 } });
  });
});

describe('diagnostics in runs, and what is printed of them kept', () => {
  const context = (cache?: ContentCache) => ({ today: { year: 2024, month: 7, day: 1 }, ...(cache ? { cache } : {}) });
  const flat = (ws: Workspace) => ws.diagnosticRuns().flatMap((run) => [...run.diagnostics()]);
  const counts = (ws: Workspace) => ws.diagnosticRuns().reduce((sum, run) => ({ count: sum.count + run.count, errors: sum.errors + run.errors }), { count: 0, errors: 0 });
  const errorsOf = (ws: Workspace) => ({ count: ws.diagnostics.length, errors: ws.diagnostics.filter((d) => d.severity === 'error').length });
  const plansDir = () => path.join(dir, 'plans');

  it('give the diagnostics in their order, counted as they are, cold and warm: with a file in error, a diagnostic of no file read, one about a clean file', () => {
    const files = readWorkspaceFiles([plansDir()]);
    // A plan that does not parse, and a folder that is not there (a diagnostic of no file read).
    const broken = {
      ...files,
      plans: files.plans.map((p, i) => (i === 2 && 'bytes' in p ? { file: p.file, bytes: Buffer.from('số: [\n') } : p)),
      problems: [{ file: 'plans/missing', severity: 'error' as const, code: 'path-not-found', message: { vi: 'không có', en: 'none' } }],
    };
    // Found while looking for the files, about a plan that alone is clean: that plan's run is no longer its kept result alone.
    const aboutAPlan = { ...files, problems: [{ file: files.plans[4]!.file, severity: 'warning' as const, code: 'path-not-found', message: { vi: 'x', en: 'x' }, line: 1, column: 1 }] };
    for (const input of [files, broken, aboutAPlan]) {
      const cache = memoryCache();
      const plain = assembleWorkspace(input, context());
      for (const ws of [plain, assembleWorkspace(input, context(cache)), assembleWorkspace(input, context(cache))]) {
        expect(flat(ws)).toEqual(plain.diagnostics);
        expect(counts(ws)).toEqual(errorsOf(plain));
      }
      // Warm, each clean file is a run of its own: the file's key, whose diagnostics are all its own.
      const runs = assembleWorkspace(input, context(cache)).diagnosticRuns();
      const kept = runs.filter((run) => run.kept);
      const all = [files.units!.file, ...files.plans.map((p) => p.file)];
      expect(kept.map((run) => run.kept!.file)).toEqual(input === files ? all : input === broken ? all.filter((f) => f !== files.plans[2]!.file) : []);
      for (const run of kept) expect(run.diagnostics().every((d) => d.file === run.kept!.file && d.severity !== 'error')).toBe(true);
    }
  });

  it('a warm run prints no kept file again, and prints the same', () => {
    const cache = memoryCache();
    const files = readWorkspaceFiles([plansDir()]);
    let printed = 0;
    const counting = (print: ReturnType<typeof shortPrinter>) => (diags: Parameters<typeof print>[0]) => {
      printed++;
      return print(diags);
    };
    const short = (ws: Workspace, lang: 'vi' | 'en') => {
      const memo = ws.printedStore(`short-${lang}`);
      const bytes = printRuns(ws.diagnosticRuns(), counting(shortPrinter(lang)), memo);
      memo?.save();
      return Buffer.from(bytes).toString('utf8');
    };
    const plain = assembleWorkspace(files, context());
    const expected = { vi: shortPrinter('vi')(plain.diagnostics), en: shortPrinter('en')(plain.diagnostics) };
    expect(expected.vi).toContain('cảnh báo[');
    assembleWorkspace(files, context(cache));
    for (const lang of ['vi', 'en'] as const) {
      // The first warm run prints each file once, and keeps it; the next prints none.
      printed = 0;
      expect(short(assembleWorkspace(files, context(cache)), lang)).toBe(expected[lang]);
      expect(printed).toBe(9);
      printed = 0;
      expect(short(assembleWorkspace(files, context(cache)), lang)).toBe(expected[lang]);
      expect(printed).toBe(0);
    }
  });
});

describe('plan files only hashed (a run with a cache)', () => {
  const context = (cache: ContentCache) => ({ today: { year: 2024, month: 7, day: 1 }, cache });
  const summary = (ws: ReturnType<typeof assembleWorkspace>) => ({ diagnostics: ws.diagnostics, summaries: ws.summaries });

  it('are read in full only when their results are not kept', () => {
    const files = readWorkspaceFiles([path.join(dir, 'plans')], undefined, { hashOnly: true });
    const reads = new Map<string, number>();
    const counted = files.plans.map((p): FileInput | HashedInput =>
      'digest' in p
        ? {
            ...p,
            read: () => {
              reads.set(p.file, (reads.get(p.file) ?? 0) + 1);
              return p.read();
            },
          }
        : p,
    );
    expect(counted.every((p) => 'digest' in p)).toBe(true);
    const cache = memoryCache();
    const plain = summary(assembleWorkspace(readWorkspaceFiles([path.join(dir, 'plans')]), context(memoryCache())));
    expect(summary(assembleWorkspace({ ...files, plans: counted }, context(cache)))).toEqual(plain);
    expect([...reads.values()]).toEqual(counted.map(() => 1));
    reads.clear();
    const warm = assembleWorkspace({ ...files, plans: counted }, context(cache));
    expect(summary(warm)).toEqual(plain);
    expect(reads.size).toBe(0);
  });

  it('a file changed between its hash and its reading is kept under the bytes read, never the hash', () => {
    const files = readWorkspaceFiles([path.join(dir, 'plans')]);
    const [first, second] = files.plans as { file: string; bytes: Uint8Array }[];
    const cache = memoryCache();
    // Hashed as the first plan's bytes, read as the second's (edited meanwhile).
    const changed: HashedInput = { file: first!.file, digest: contentDigest(first!.bytes), read: () => ({ file: first!.file, bytes: second!.bytes }) };
    assembleWorkspace({ ...files, plans: [changed] }, context(cache));
    // The first plan's own bytes then find no result made from the second's.
    const own = assembleWorkspace({ ...files, plans: [first!] }, context(cache));
    expect(summary(own)).toEqual(summary(assembleWorkspace({ ...files, plans: [first!] }, context(memoryCache()))));
  });
});

describe('calendar.yaml and settings.yaml kept as their checked values', () => {
  const seedPlans = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'plans');
  const context = (cache?: ContentCache) => ({ today: { year: 2024, month: 1, day: 15 }, ...(cache ? { cache } : {}) });
  const dataKeys = (kept: Map<string, string>) => [...kept.keys()].filter((k) => k.startsWith('data-')).sort();
  const same = (ws: Workspace, without: Workspace) => {
    expect(ws.diagnostics).toEqual(without.diagnostics);
    expect(ws.calendar).toEqual(without.calendar);
    expect(ws.settings).toEqual(without.settings);
  };

  it('a clean file is kept and its kept value used; a spoilt, foreign or misshapen entry is read past and rebuilt', () => {
    const files = readWorkspaceFiles([seedPlans]);
    const without = assembleWorkspace(files, context());
    const cache = memoryCache();
    same(assembleWorkspace(files, context(cache)), without);
    const keys = dataKeys(cache.kept);
    expect(keys.length).toBe(2);
    const settingsKey = keys.find((k) => !cache.kept.get(k)!.includes('"years"'))!;
    const good = cache.kept.get(settingsKey)!;
    // The kept value is what a warm run uses: one kept under the right key is taken as the file's.
    const entry = JSON.parse(good) as { format: number; key: string; value: unknown };
    cache.kept.set(settingsKey, JSON.stringify({ ...entry, value: { strictBefore: true } }));
    expect(assembleWorkspace(files, context(cache)).settings.strictBefore).toBe(true);
    for (const spoilt of [
      'null',
      '{"format":',
      JSON.stringify({ ...entry, key: 'another' }),
      JSON.stringify({ ...entry, format: 1 }),
      JSON.stringify({ ...entry, value: { strictBefore: 'yes' } }),
      JSON.stringify({ format: entry.format, key: entry.key }),
    ]) {
      cache.kept.set(settingsKey, spoilt);
      same(assembleWorkspace(files, context(cache)), without);
      expect(cache.kept.get(settingsKey), spoilt).toBe(good);
    }
  });

  it('a file with diagnostics is not kept, and reads the same warm', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'plan-data-'));
    try {
      cpSync(seedPlans, work, { recursive: true });
      writeFileSync(path.join(work, 'calendar.yaml'), `${readFileSync(path.join(work, 'calendar.yaml'), 'utf8')}\nbogus: 1\n`);
      const files = readWorkspaceFiles([work]);
      const without = assembleWorkspace(files, context());
      expect(without.diagnostics.some((d) => d.file.endsWith('calendar.yaml'))).toBe(true);
      const cache = memoryCache();
      same(assembleWorkspace(files, context(cache)), without);
      same(assembleWorkspace(files, context(cache)), without);
      expect(dataKeys(cache.kept).length).toBe(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
