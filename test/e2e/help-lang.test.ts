// Issue 14, point 4: every command's --help, and commander's own errors, wholly
// in Vietnamese by default and in English with --lang en. The commands are
// read from the program's own list, so commands added later are walked too.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-plan.js';

/** Command names as `plan --help` lists them (the program's own command list). */
async function commandNames(): Promise<string[]> {
  const help = (await runCli(['--lang', 'en', '--help'])).stdout;
  const section = help.slice(help.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!);
}

// Words of commander's or our UI in English. Option flags (--format), values a
// user types (key=value, command names, "quoted" choices, table/md…), file names and product
// names are stripped first: they are the same in both languages.
const ENGLISH_UI =
  /\b(Usage|Options|Commands|Arguments|Global|options|command|choices|default|preset|display|help for|paths?|files?|folders?|dir|date|name|format|error|unknown|missing|required|argument|Allowed|Expected|Did you mean|See|print|show|write|the|of|and|or|for|with|to|by|from|when|each)\b/;

function englishLeft(text: string, commands: readonly string[] = []): string | undefined {
  // Command names are typed as they are, like flags.
  const names = commands.length ? new RegExp(`(^|\\s)(${commands.join('|')})(?=\\s|$)`, 'gm') : /$^/;
  const stripped = text
    .replace(names, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/'[^'\n]*'/g, ' ')
    .replace(/(^|\s)-{1,2}[\w-]+/g, ' ')
    .replace(/\S+=\S*/g, ' ')
    .replace(/\S*[./]\S*/g, ' ');
  const m = ENGLISH_UI.exec(stripped);
  if (!m) return undefined;
  const line = stripped.split('\n').find((l) => ENGLISH_UI.test(l));
  return `"${m[0]}" in: ${line?.trim()}`;
}

const VIETNAMESE_UI = /Cách dùng|Tùy chọn|Tham số|Lệnh:|mặc định|chọn một trong|tùy_chọn|đường_dẫn|lỗi:|Xem:/;

const names = await commandNames();

describe('help in both languages', () => {
  it('the command list is read from the program', async () => {
    expect(names).toEqual(expect.arrayContaining(['check', 'overdue', 'sheets', 'report', 'diff', 'init', 'help']));
  });

  it('plan --help and every plan CMD --help: no English UI words in Vietnamese, no Vietnamese UI words in English', async () => {
    for (const args of [[], ...names.filter((n) => n !== 'help').map((n) => [n])]) {
      const vi = await runCli([...args, '--help']);
      expect(vi.code, `plan ${args.join(' ')} --help`).toBe(0);
      expect(vi.stdout).toContain('Cách dùng:');
      expect(englishLeft(vi.stdout, names), `plan ${args.join(' ')} --help`).toBeUndefined();
      const en = await runCli(['--lang', 'en', ...args, '--help']);
      expect(en.stdout).toContain('Usage:');
      expect(en.stdout, `plan --lang en ${args.join(' ')} --help`).not.toMatch(VIETNAMESE_UI);
    }
  });

  it("the word lists catch what they must: commander's own English help", async () => {
    expect(englishLeft('Usage: plan overdue [options] [paths...]\n  --format <format>  output (choices: "table", default: "table")')).toBeDefined();
    expect(englishLeft('Cách dùng: plan overdue [tùy_chọn] [đường_dẫn...]\n  --format <định_dạng>  cách in: table hoặc md (chọn một trong: "table", "md")')).toBeUndefined();
  });
});

describe("commander's errors in both languages", () => {
  const cases: [string[], string, string][] = [
    [['ovedue'], "lỗi: không có lệnh 'ovedue' (có phải ý bạn là overdue?)", "error: unknown command 'ovedue'"],
    [['overdue', '--frmat', 'md'], "lỗi: không có tùy chọn '--frmat' (có phải ý bạn là --format?)", "error: unknown option '--frmat'"],
    [['set'], 'lỗi: thiếu tham số bắt buộc <tệp>', "error: missing required argument 'file'"],
    [['overdue', '--group-by', 'x'], "lỗi: giá trị 'x' không hợp lệ cho '--group-by <cách>'; chọn một trong: none, item", "error: option '--group-by <what>' argument 'x' is invalid"],
    [['report', '--period', '6m'], "lỗi: thiếu tùy chọn bắt buộc '--out <thư_mục>'", "error: required option '--out <dir>' not specified"],
    [['overdue', '--as-of'], "lỗi: tùy chọn '--as-of <ngày>' cần một giá trị", "error: option '--as-of <date>' argument missing"],
    [['schema', 'a'], "lỗi: thừa tham số cho lệnh 'schema': cần 0, nhận 1", "error: too many arguments for 'schema'"],
  ];
  for (const [args, vi, en] of cases) {
    it(`plan ${args.join(' ')}`, async () => {
      const v = await runCli(args);
      expect(v.code).toBe(2);
      expect(v.stdout).toBe('');
      expect(v.stderr.split('\n')[0]).toBe(vi);
      expect(v.stderr).toMatch(/\nXem: plan( [a-z]+)? --help\n$/);
      expect(englishLeft(v.stderr.replace(/\(có phải ý bạn là [^)]*\)/, ''))).toBeUndefined();
      const e = await runCli(['--lang', 'en', ...args]);
      expect(e.code).toBe(2);
      expect(e.stderr).toContain(en);
      expect(e.stderr).not.toMatch(VIETNAMESE_UI);
    });
  }
});

describe('--units says where the units file is taken from when not given, as the other options say their defaults', () => {
  for (const command of ['check', 'set', 'submit', 'collect', 'diff']) {
    it(`plan ${command} --help`, async () => {
      for (const [lang, word] of [
        ['vi', 'mặc định'],
        ['en', 'default'],
      ] as const) {
        const help = (await runCli(['--lang', lang, command, '--help'])).stdout;
        // The option's description, over the lines commander wraps it onto.
        const units = /\n {2}--units <[^>]+>((?:.|\n)*?)\n {2}-/.exec(help)?.[1]?.replace(/\s+/g, ' ');
        expect(units, help).toBeDefined();
        expect(units).toContain(word);
        expect(units).toContain('units.yaml');
      }
    });
  }
});
