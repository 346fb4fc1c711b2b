// Issue 12 point 4: the outputs of the commands that print a view are chosen
// through one registry (src/render/outputs.ts). A new format is one file plus
// its registration: a toy format, registered here, is taken by --format, listed
// in the help and in the refusal of an unknown name, and printed.
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS, type OutputFormat, outputFormatsFor } from '../../src/render/outputs.js';
import { hasStackTrace, runCli } from '../e2e/run-plan.js';

const AS_OF = '2024-06-30';

describe('the registry of output formats', () => {
  it("each format's file prints exactly the views its registration names", async () => {
    expect(new Set(OUTPUT_FORMATS.map((f) => f.name)).size).toBe(OUTPUT_FORMATS.length);
    for (const format of OUTPUT_FORMATS) {
      const { render } = await format.load();
      expect(Object.keys(render).sort(), format.name).toEqual([...format.views].sort());
    }
  });

  it("a command's formats keep the names its --format always took", () => {
    expect(outputFormatsFor('check').map((f) => f.name)).toEqual(['pretty', 'short', 'json']);
    expect(outputFormatsFor('overdue').map((f) => f.name)).toEqual(['table', 'md', 'json']);
    expect(outputFormatsFor('diff').map((f) => f.name)).toEqual(['text', 'md', 'json']);
    expect(outputFormatsFor('agenda').map((f) => f.name)).toEqual(['text', 'json']);
    expect(outputFormatsFor('show').map((f) => f.name)).toEqual(['text', 'json']);
    expect(outputFormatsFor('ics').map((f) => f.name)).toEqual(['ics']);
    expect(outputFormatsFor('collect').map((f) => f.name)).toEqual(['text', 'json']);
  });
});

describe('a new format is one file plus its registration', () => {
  const toy: OutputFormat = { name: 'toy', views: ['check', 'overdue'], load: () => import('./toy-output.js') };
  afterEach(() => {
    const at = OUTPUT_FORMATS.indexOf(toy);
    if (at !== -1) OUTPUT_FORMATS.splice(at, 1);
  });

  it('unregistered, --format toy is refused (exit 2) naming the formats there are, in Vietnamese and English', async () => {
    const vi = await runCli(['check', '--format', 'toy', '--as-of', AS_OF]);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toBe('');
    expect(vi.stderr).toBe('lỗi: không có định dạng "toy" cho --format; chọn trong: pretty, short, json\n');
    const en = await runCli(['--lang', 'en', 'overdue', '--format', 'toy', '--as-of', AS_OF]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: no format "toy" for --format; choose from: table, md, json\n');
    expect(hasStackTrace(en)).toBe(false);
  });

  it('registered, --format toy prints through its file, and help and refusals list it', async () => {
    OUTPUT_FORMATS.push(toy);
    // The toy prints the same view the json format does.
    const { summary } = JSON.parse((await runCli(['check', '--json', '--as-of', AS_OF])).stdout);
    const check = await runCli(['check', '--format', 'toy', '--as-of', AS_OF]);
    expect(check).toEqual({ code: 0, stdout: `toy check: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.plans} plans\n`, stderr: '' });
    const { items } = JSON.parse((await runCli(['overdue', '--json', '--as-of', AS_OF])).stdout);
    expect(items.length).toBeGreaterThan(0);
    const overdue = await runCli(['overdue', '--format', 'toy', '--as-of', AS_OF]);
    expect(overdue).toEqual({ code: 0, stdout: items.map((i: { id: string }) => `toy overdue: ${i.id}\n`).join(''), stderr: '' });
    expect((await runCli(['check', '--help'])).stdout).toContain('cách in: pretty, short, json, toy');
    expect((await runCli(['--lang', 'en', 'overdue', '--help'])).stdout).toContain('output: table, md, json, toy');
    expect((await runCli(['check', '--format', 'html', '--as-of', AS_OF])).stderr).toContain('chọn trong: pretty, short, json, toy');
  });
});

describe('--format and --json', () => {
  it('--json is --format json, byte for byte', async () => {
    for (const command of [['check', '--as-of', AS_OF], ['overdue', '--as-of', AS_OF], ['agenda', '--as-of', AS_OF], ['show'], ['diff', 'plans', 'plans']]) {
      const json = await runCli([...command, '--json']);
      expect(json.code, command[0]).toBe(0);
      expect(JSON.parse(json.stdout)).toBeTypeOf('object');
      expect(await runCli([...command, '--format', 'json'])).toEqual(json);
    }
  });

  it('plan ics prints its calendar through the registry; --format names the formats of its view', async () => {
    const r = await runCli(['ics', '-o', '-', '--format', 'ics'], { now: new Date('2024-06-30T00:00:00Z') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(await runCli(['ics', '-o', '-'], { now: new Date('2024-06-30T00:00:00Z') })).toEqual(r);
    expect((await runCli(['--lang', 'en', 'ics', '-o', '-', '--format', 'json'])).stderr).toBe('error: no format "json" for --format; choose from: ics\n');
  });

  it('--json with another --format is wrong usage, in either order (which one was meant is unclear)', async () => {
    for (const args of [
      ['check', '--json', '--format', 'short'],
      ['overdue', '--format', 'md', '--json'],
    ]) {
      const r = await runCli([...args, '--as-of', AS_OF]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`lỗi: tùy chọn '--json' không dùng cùng '--format <định_dạng>'\nXem: plan ${args[0]} --help\n`);
    }
    expect((await runCli(['--lang', 'en', 'check', '--format', 'short', '--json'])).stderr).toBe("error: option '--json' cannot be used with option '--format <format>'\nSee: plan check --help\n");
  });

  it('PLAN_LANG=en speaks English like --lang en: the output and the refusals of the command itself', async () => {
    const env = { PLAN_LANG: 'en' };
    expect((await runCli(['overdue', '--format', 'md', '--as-of', AS_OF], { env })).stdout).toBe((await runCli(['--lang', 'en', 'overdue', '--format', 'md', '--as-of', AS_OF])).stdout);
    expect((await runCli(['overdue', '--format', 'xml', '--as-of', AS_OF], { env })).stderr).toBe('error: no format "xml" for --format; choose from: table, md, json\n');
  });

  it('an empty --format asks for a value, naming the formats', async () => {
    const r = await runCli(['check', '--format', '', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('lỗi: --format cần một giá trị: pretty, short, json\n');
    expect((await runCli(['--lang', 'en', 'sheets', '--out', 'x', '--format', ' '])).stderr).toBe(
      'error: --format needs a value: md, docx (both = md,docx), several separated by commas, e.g. --format md,docx\n',
    );
  });

  it('one format at a time: a list is wrong usage', async () => {
    const r = await runCli(['overdue', '--format', 'md,json', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lỗi: --format "md,json": chỉ chọn một định dạng trong: table, md, json\n');
  });
});
