// Issue 15 (start-up): the built `plan` loads the `yaml` document model and zod
// only when a run needs them (src/vendor/libraries.ts). A check of well-formed
// plans takes the fast path and must not compile either; a file the structural
// pass rejects needs zod's wording, and `plan fmt` needs yaml's documents — both
// from the bundle's own dist/vendor/*.cjs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-plan.js';

/**
 * Runs `plan args…` through the built bundle in a fresh process; reports the exit code, which of yaml and zod
 * it loaded (not the other vendor files: a check of unit names reads the confusables table,
 * dist/vendor/unhomoglyph-data.json), and how many Intl.Segmenter it made (string-width makes one when it
 * is set up: dist/vendor/string-width.cjs, required when a terminal table first meets text that is not all
 * one-column characters).
 */
function run(args: string[], cwd: string): { code: number; loaded: string[]; out: string; segmenters: number } {
  const script = `
    import { createRequire } from 'node:module';
    let segmenters = 0;
    const Segmenter = Intl.Segmenter;
    Intl.Segmenter = class extends Segmenter { constructor(...a) { super(...a); segmenters++; } };
    import { loadCli } from ${JSON.stringify(path.join(ROOT, 'bin', 'load-cli.js'))};
    const { main } = loadCli();
    let out = '';
    const sink = { write: (t) => { out += typeof t === 'string' ? t : Buffer.from(t).toString(); }, isTTY: false };
    const code = await main(${JSON.stringify(args)}, { stdout: sink, stderr: sink, env: { ...process.env, NO_COLOR: '1' }, now: () => new Date('2024-06-01T00:00:00Z'), onSignal: () => {} });
    const loaded = Object.keys(createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))}).cache)
      .filter((f) => /[\\\\/]vendor[\\\\/](yaml|zod)\\.cjs$|[\\\\/]node_modules[\\\\/](yaml|zod)[\\\\/]/.test(f))
      // The bundle's own files by their place in dist/; a library's from node_modules whole (its files may be in a dist/ too).
      .map((f) => (/[\\\\/]node_modules[\\\\/]/.test(f) ? f : f.slice(f.lastIndexOf('/dist/') + 1)));
    process.stdout.write(JSON.stringify({ code, loaded, out, segmenters }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { code: number; loaded: string[]; out: string; segmenters: number };
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lazy-'));
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  return dir;
}

describe('libraries loaded on first use (built bundle)', () => {
  it('the bundle of the CLI holds no copy of yaml or zod: they exist only as dist/vendor/*.cjs', () => {
    const dist = path.join(ROOT, 'dist');
    // esbuild names each bundled file by its real path from the project ('// node_modules/yaml/…'); a node_modules
    // that is a link (a worktree sharing another's) gives another prefix ('// ../main/node_modules/yaml/…').
    const modules = path
      .relative(ROOT, realpathSync(path.join(ROOT, 'node_modules')))
      .split(path.sep)
      .join('/');
    const fileOf = (library: string) => new RegExp(`// ${modules.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${library}/`);
    const copies = readdirSync(dist).filter((f) => f.endsWith('.cjs') && fileOf('(?:yaml|zod)').test(readFileSync(path.join(dist, f), 'utf8')));
    expect(readdirSync(dist)).toContain('cli.cjs');
    expect(copies).toEqual([]);
    expect(readFileSync(path.join(dist, 'vendor', 'yaml.cjs'), 'utf8')).toMatch(fileOf('yaml/dist/compose'));
  });

  it('a check of the shipped plans loads neither yaml nor zod', () => {
    const r = run(['check', 'plans', '--no-cache'], workspace());
    expect(r.out).toMatch(/33 nhiệm vụ/);
    expect(r.code).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it("string-width is set up only when a terminal table meets text it alone can measure: Markdown, the agenda, show's text and a table of Vietnamese never do", () => {
    const dir = workspace();
    for (const args of [
      ['overdue', '--format', 'md'],
      ['agenda', '--as-of', '2024-05-01'],
      ['show', 'plans/kh-pbgdpl-2024-son-dong.yaml'],
      ['overdue', '--format', 'table'],
    ]) {
      const r = run([...args, '--no-cache'], dir);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.segmenters, args.join(' ')).toBe(0);
    }
    // A title with wide characters (two columns each) in the table: string-width measures it.
    const plan = path.join(dir, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('title: "Kế hoạch thực hiện"', 'title: "Kế hoạch 漢字 thực hiện"'));
    const table = run(['overdue', '--format', 'table', '--no-cache'], dir);
    expect(table.out).toMatch(/│ Kế hoạch 漢字 thực hiện {28}│/);
    expect(table.segmenters).toBeGreaterThan(0);
  });

  it('a plan the structural pass rejects loads zod from dist/vendor to word the mistake', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'plans', 'sai.yaml'), 'title: Kế hoạch sai\nyear: "hai nghìn"\ntasks: []\n');
    const r = run(['check', 'plans', '--no-cache'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/sai\.yaml:2/);
    expect(r.loaded).toContain('dist/vendor/zod.cjs');
  });

  it('plan fmt loads yaml from dist/vendor and formats', () => {
    const dir = workspace();
    const r = run(['fmt', '--check', 'plans'], dir);
    expect(r.code).toBe(0);
    expect(r.loaded).toContain('dist/vendor/yaml.cjs');
    expect(r.loaded.some((f) => f.includes('node_modules'))).toBe(false);
  });
});
