// plan sheets end to end on the shipped seed: golden Markdown, every DOCX read
// back by pandoc, all-or-nothing writes. UPDATE_GOLDEN=1 npx vitest run
// test/e2e/sheets.test.ts rewrites test/golden/sheets/ (review the diff!).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildSheets } from '../../src/core/sheet.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { docxText, docxTexts } from './docx-text.js';
import { hasStackTrace, ROOT, runCli } from './run-plan.js';
import { needs } from '../tools.js';

const withPandoc = needs('pandoc');

const AS_OF = '2024-05-21';
const GOLDEN = path.join(ROOT, 'test', 'golden', 'sheets');
const GOLDEN_FILES = ['phong-tu-phap.md', 'phong-dan-toc.md', 'ubnd-xa-an-lac.md', 'index.md'];

function seedSheets() {
  const plan = parsePlan('plans/kh-pbgdpl-2024-son-dong.yaml', readFileSync(path.join(ROOT, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8')).value!;
  const registry = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans/units.yaml'), 'utf8')).value!;
  return { registry, sheets: buildSheets([plan], registry, { madeOn: { year: 2024, month: 5, day: 21 }, calendar: buildWorkCalendar() }).sheets };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f, `${statSync(path.join(dir, f)).mtimeMs}:${readFileSync(path.join(dir, f)).toString('base64')}`]));
}

describe('plan sheets on the seed plan', () => {
  let out: string;
  const { registry, sheets } = seedSheets();

  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-sheets-')), 'out');
    const r = await runCli(['sheets', '--out', out, '--format', 'both', '--as-of', AS_OF]);
    // check's warnings about what the documents print come first; nothing is left blank.
    for (const code of ['incomplete-number', 'incomplete-date', 'place-spelling', 'lead-outside-authority']) expect(r.stderr).toContain(`cảnh báo[${code}]`);
    expect(r.stderr).not.toContain('Để trống');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi ${sheets.length} văn bản giao nhiệm vụ`);
    expect(r.stdout).toContain('Sở Tư pháp; UBND các huyện, thành phố');
  }, 60_000);

  it('writes an .md and a .docx for every concrete unit, nothing for vague references or groups', async () => {
    const files = readdirSync(out).sort();
    const expected = [...sheets.flatMap((s) => [`${s.slug}.md`, `${s.slug}.docx`]), 'index.md'].sort();
    expect(files).toEqual(expected);
    const names = sheets.map((s) => s.unit.name);
    for (const v of registry.vague) expect(names).not.toContain(v.name);
    for (const g of registry.groups) expect(names).not.toContain(g.name);
    expect(names).toContain('UBND xã Long Sơn');
  });

  it('matches the golden Markdown sheets byte for byte', async () => {
    for (const f of GOLDEN_FILES) {
      const actual = readFileSync(path.join(out, f), 'utf8');
      const golden = path.join(GOLDEN, f);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, actual);
      }
      expect(existsSync(golden), `missing golden ${f}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual, f).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('Markdown sheets hold the required tasks', async () => {
    const ptp = readFileSync(path.join(out, 'phong-tu-phap.md'), 'utf8');
    const led = ptp.slice(ptp.indexOf('## I.'), ptp.indexOf('## II.'));
    for (const id of ['1.6.b', '1.6.c', '1.6.đ', '1.7.a', '1.7.b', '1.7.c', '2.1.b', '2.3.a', '2.3.b', '2.3.c', '2.4.a', '2.4.b', '2.4.c']) expect(led).toContain(`**${id}**`);
    expect(readFileSync(path.join(out, 'phong-dan-toc.md'), 'utf8')).toContain('**1.6.d**');
    const commune = registry.expand(registry.lookup('UBND các xã, thị trấn')!);
    for (const c of commune) {
      const s = sheets.find((x) => x.unit === c)!;
      const md = readFileSync(path.join(out, `${s.slug}.md`), 'utf8');
      expect(md).toContain('**1.1**');
      for (const d of ['Kế hoạch thực hiện', 'Báo cáo kết quả thực hiện 6 tháng', 'Báo cáo kết quả thực hiện năm']) expect(md).toContain(`| ${d} |`);
    }
  });

  withPandoc(
    'every DOCX reads back with pandoc and holds what its sheet holds',
    () => {
      const texts = docxTexts(sheets.map((s) => path.join(out, `${s.slug}.docx`)));
      // Read together, a document reads as it does alone.
      expect(texts.at(-1)).toBe(docxText(path.join(out, `${sheets.at(-1)!.slug}.docx`)));
      for (const [i, s] of sheets.entries()) {
        const text = texts[i]!;
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
        // The place from units.yaml, not the plan's misspelt header (which stays as written).
        expect(text).toContain('Sơn Động, ngày 21 tháng 5 năm 2024');
        expect(text).not.toContain('Sơn Đông');
        expect(text).not.toContain('PHIẾU GIAO NHIỆM VỤ');
        // A Công văn: issuing body in full over two lines, number with symbols, V/v, Kính gửi.
        expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN SƠN ĐỘNG');
        expect(text).toContain('Số: /UBND-TP');
        expect(text).toContain('V/v giao nhiệm vụ thực hiện Kế hoạch số …/KH-UBND');
        expect(text).toContain(`Kính gửi: ${s.addressee}.`);
        expect(text).toContain('Như trên; - Lưu: VT, TP.');
        expect(text).not.toContain('[Họ và tên]');
        expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
        for (const t of [...s.lead, ...s.support]) {
          expect(text, `${s.slug} ${t.id}`).toContain(` ${t.id} `);
          expect(text, `${s.slug} ${t.id}`).toContain(squash(t.title));
        }
        for (const d of s.duties) expect(text).toContain(d.title);
        expect(text).toContain('Nơi nhận:');
        expect(text).toContain('Tổng Thị Hương Giang');
        if (s.unit.name === 'Phòng Tư pháp') expect(text).not.toContain('qua Phòng Tư pháp');
      }
    },
    400_000,
  );

  it('makes no sheet for Sở Tư pháp or "UBND các huyện, thành phố"; index.md says why', () => {
    const files = readdirSync(out);
    expect(files).not.toContain('so-tu-phap.md');
    expect(files).not.toContain('ubnd-cac-huyen-thanh-pho.docx');
    const index = readFileSync(path.join(out, 'index.md'), 'utf8');
    expect(index).toContain('- Sở Tư pháp: đơn vị cấp trên của UBND huyện Sơn Động, kế hoạch không giao việc được');
    // A name for many units (level province in units.yaml) is not called a superior: it is the districts a province addresses.
    expect(index).toContain('- UBND các huyện, thành phố: cách gọi chung các đơn vị mà văn bản cấp trên giao việc, kế hoạch của UBND huyện Sơn Động không giao việc được');
    expect(index).not.toContain('- UBND các huyện, thành phố: đơn vị cấp trên');
  });

  it("every run is Vietnamese (w:lang vi-VN): the styles' docDefaults say so and nothing overrides them", async () => {
    const { default: PizZip } = await import('pizzip');
    const zip = new PizZip(readFileSync(path.join(out, 'ubnd-xa-an-lac.docx')));
    const xml = zip.file('word/document.xml')!.asText();
    const styles = zip.file('word/styles.xml')!.asText();
    // Every run inherits docDefaults unless it or its style names another language (LibreOffice's reading: docx-pages.test.ts).
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="vi-VN" w:eastAsia="vi-VN"/);
    expect(styles.match(/<w:lang [^>]*>/g)).toHaveLength(1);
    expect((xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).length).toBeGreaterThan(100);
    // document.xml names the language itself too: on the fixed text (heading, title, signature).
    const named = xml.match(/<w:lang [^>]*>/g) ?? [];
    expect(named.length).toBeGreaterThan(10);
    for (const lang of named) expect(lang).toContain('w:val="vi-VN"');
    expect(xml).toMatch(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="vi-VN"[^>]*\/><\/w:rPr><w:t[^>]*>KẾ HOẠCH|<w:lang w:val="vi-VN"[^>]*\/><\/w:rPr><w:t[^>]*>ỦY BAN NHÂN DÂN/);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('refuses to run again without --force and changes nothing; --force rewrites', async () => {
    const before = snapshot(out);
    const again = await runCli(['sheets', '--out', out, '--format', 'both', '--as-of', AS_OF]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(hasStackTrace(again)).toBe(false);
    expect(snapshot(out)).toEqual(before);
    const forced = await runCli(['sheets', '--out', out, '--format', 'md', '--as-of', AS_OF, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('plan sheets --unit', () => {
  const fresh = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-sheets-')), 'out');

  it('takes any spelling of a unit', async () => {
    const out = fresh();
    const r = await runCli(['sheets', '--out', out, '--format', 'md', '--unit', 'phòng tư PHÁP', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.md', 'phong-tu-phap.md']);
  });
  it('takes a name typed without diacritics when one unit fits, and says which on stderr', async () => {
    const out = fresh();
    const r = await runCli(['sheets', 'plans', '--unit', 'phong tu phap', '--out', out, '--format', 'md', '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('--unit "phong tu phap": hiểu là "Phòng Tư pháp"\n');
    expect(readdirSync(out).sort()).toEqual(['index.md', 'phong-tu-phap.md']);
    expect(readFileSync(path.join(out, 'phong-tu-phap.md'), 'utf8')).toContain('Kính gửi: Phòng Tư pháp.');
    const en = await runCli(['--lang', 'en', 'overdue', '--unit', 'ubnd xa long son', '--as-of', AS_OF, '--json']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toBe('--unit "ubnd xa long son": taken as "UBND xã Long Sơn"\n');
    expect(() => JSON.parse(en.stdout)).not.toThrow();
  });
  it('a group gives the sheets of its members', async () => {
    const out = fresh();
    const r = await runCli(['sheets', '--out', out, '--format', 'md', '--unit', 'UBND các xã, thị trấn', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).filter((f) => f !== 'index.md')).toHaveLength(12);
  });
  it('a vague reference is explained, an unknown name gets a suggestion', async () => {
    const vague = await runCli(['sheets', '--out', fresh(), '--unit', 'các cơ quan, tổ chức có liên quan', '--as-of', AS_OF]);
    expect(vague.code).toBe(2);
    expect(vague.stderr).toContain('cách gọi chung');
    const unknown = await runCli(['sheets', '--out', fresh(), '--unit', 'Phong Tu Pha', '--as-of', AS_OF]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"Phòng Tư pháp"');
    expect(hasStackTrace(unknown)).toBe(false);
  });
  it('--out is required (usage error)', async () => {
    expect((await runCli(['sheets', '--as-of', AS_OF])).code).toBe(2);
  });
});
