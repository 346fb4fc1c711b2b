// The Word template filler: every tag checked against the view's fields with
// the file and paragraph named, docxtemplater's own errors translated, and a
// filled document readable by pandoc. Templates are edited as a clerk would,
// by changing the shipped .docx's XML.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { checkTemplateFields, DocxTemplateError, fillByEngine, fillDocx, fillFast } from '../../src/render/docx-template.js';
import { REPORT_FIELDS, reportProperties, reportView } from '../../src/render/report-view.js';
import { buildConsolidatedReport, buildUnitReport } from '../../src/core/report.js';
import type { Unit } from '../../src/core/units.js';
import { SHEET_FIELDS, sheetView } from '../../src/render/sheet-view.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildSheets } from '../../src/core/sheet.js';
import type { TemplateSpec } from '../../src/core/templates.js';
import { buildWording, COMMON_SPEC, parseTemplate, REPORT_SPEC, SHEET_SPEC } from '../../src/core/templates.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const shipped = (name: string) => ({ file: `templates/vi/${name}.docx`, bytes: readFileSync(path.join(ROOT, 'templates', 'vi', `${name}.docx`)) });

function wording(name: string, spec: TemplateSpec) {
  const file = `templates/vi/${name}.txt`;
  return buildWording(spec, [parseTemplate(file, readFileSync(path.join(ROOT, file), 'utf8'), spec)], file).wording;
}

/** Phòng Dân tộc's sheet from the seed, as the template receives it. */
function seedSheetView() {
  const plan = parsePlan('plans/kh-pbgdpl-2024-son-dong.yaml', readFileSync(path.join(ROOT, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8')).value!;
  const registry = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans/units.yaml'), 'utf8')).value!;
  const s = buildSheets([plan], registry, { madeOn: { year: 2024, month: 5, day: 21 }, calendar: buildWorkCalendar() }).sheets.find((x) => x.unit.name === 'Phòng Dân tộc')!;
  return sheetView(s, { common: wording('common', COMMON_SPEC), sheet: wording('sheet', SHEET_SPEC) });
}

/** The template with its document.xml changed. */
function edited(name: string, change: (xml: string) => string) {
  const zip = new PizZip(shipped(name).bytes);
  zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
  return { file: `mau/${name}.docx`, bytes: zip.generate({ type: 'uint8array' }) };
}

describe('the shipped Word templates', () => {
  it('use only fields the views have', () => {
    expect(checkTemplateFields(shipped('sheet'), SHEET_FIELDS)).toEqual([]);
    expect(checkTemplateFields(shipped('report'), REPORT_FIELDS)).toEqual([]);
  });
  it('are byte for byte what templates/make-docx-templates.js writes (the committed files are current)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-tpl-'));
    execFileSync(process.execPath, [path.join(ROOT, 'templates', 'make-docx-templates.js'), dir]);
    for (const name of ['sheet', 'report']) {
      expect(Buffer.compare(readFileSync(path.join(dir, `${name}.docx`)), Buffer.from(shipped(name).bytes)), name).toBe(0);
    }
  });
});

describe('a misspelt field', () => {
  it('is named with its file, paragraph, the paragraph text and the nearest field', () => {
    const t = edited('sheet', (xml) => xml.replace('{number_line}', '{number_lne}'));
    const problems = checkTemplateFields(t, SHEET_FIELDS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.vi).toMatch(/^mau\/sheet\.docx, thân văn bản, đoạn \d+ \("\{number_lne\}"\): trường "number_lne" không có trong dữ liệu của văn bản; có phải "number_line"\?/);
    expect(problems[0]!.message.en).toContain('field "number_lne" is not in the document\'s data; did you mean "number_line"?');
  });
  it('inside a loop over an empty list is found too (checked before filling)', () => {
    const t = edited('sheet', (xml) => xml.replace('{report}', '{bao_cao}'));
    expect(checkTemplateFields(t, SHEET_FIELDS).map((p) => p.message.en)).toEqual([expect.stringContaining('field "bao_cao"')]);
  });
});

describe('docxtemplater errors', () => {
  it('an unclosed loop is translated and names the template', async () => {
    const t = edited('sheet', (xml) => xml.replace('{/sections}', ''));
    let error: unknown;
    try {
      await fillDocx(t, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocxTemplateError);
    const messages = (error as DocxTemplateError).problems.map((p) => p.message.vi);
    expect(messages.join('\n')).toContain('mau/sheet.docx: "{#sections}" chưa có "{/sections}" đóng lại');
  });
  it('a file that is not a .docx is a clear error', () => {
    expect(() => checkTemplateFields({ file: 'mau/sheet.docx', bytes: new TextEncoder().encode('not a zip') }, SHEET_FIELDS)).toThrow(DocxTemplateError);
  });
});

describe('filling', () => {
  it('a value the data lacks is an error, not a blank in a signed document', async () => {
    await expect(fillDocx(shipped('sheet'), { sections: [] })).rejects.toThrow(/field "national_name"/);
  });
  it('text with XML characters and Vietnamese comes out as written', async () => {
    const bytes = await fillDocx(shipped('sheet'), { ...seedSheetView(), opening: 'Thực hiện <Kế hoạch> & "Hòa giải"' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-fill-'));
    writeFileSync(path.join(dir, 'x.docx'), bytes);
    const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', path.join(dir, 'x.docx')], { encoding: 'utf8' });
    expect(text).toContain('Thực hiện <Kế hoạch> & "Hòa giải"');
  });
});

describe('the fast path', () => {
  const documentXml = (bytes: Uint8Array) => new PizZip(bytes).file('word/document.xml')!.asText();
  const plan = () => parsePlan('plans/kh-pbgdpl-2024-son-dong.yaml', readFileSync(path.join(ROOT, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8')).value!;
  const registry = () => parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans/units.yaml'), 'utf8')).value!;

  it('fills every seed sheet exactly as docxtemplater does, empty lists and all', async () => {
    const w = { common: wording('common', COMMON_SPEC), sheet: wording('sheet', SHEET_SPEC) };
    const views = buildSheets([plan()], registry(), { madeOn: { year: 2024, month: 11, day: 21 }, calendar: buildWorkCalendar() }).sheets.map((s) => sheetView(s, w));
    // A unit with nothing in a section, and a row with empty cells.
    views.push({ ...views[0]!, sections: views[0]!.sections.map((s) => ({ ...s, empty: 'Không có.', groups: [] })) });
    views.push({ ...views[1]!, sections: views[1]!.sections.map((s) => ({ ...s, groups: s.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, due: [], outputs: [] })) })) })) });
    const fast = await fillFast(shipped('sheet'), views, []);
    expect(fast, 'the shipped sheet template takes the fast path').toBeDefined();
    const engine = fillByEngine(shipped('sheet'), views);
    fast!.forEach((bytes, i) => {
      expect(documentXml(bytes), `view ${i}`).toBe(documentXml(engine[i]!));
    });
  });

  it('fills a unit report and the consolidated one exactly as docxtemplater does, bookmarks and properties included', async () => {
    const w = { common: wording('common', COMMON_SPEC), report: wording('report', REPORT_SPEC) };
    const options = { period: '6m' as const, year: 2024, madeOn: { year: 2024, month: 6, day: 10 }, calendar: buildWorkCalendar() };
    const reg = registry();
    const unit = buildUnitReport([plan()], reg, reg.lookup('Phòng Tư pháp') as Unit, options);
    const all = buildConsolidatedReport([plan()], reg, options);
    for (const r of [unit, all]) {
      const view = reportView(r, w);
      const fast = await fillFast(shipped('report'), [view], reportProperties(r));
      expect(fast).toBeDefined();
      const engine = fillByEngine(shipped('report'), [view], reportProperties(r));
      expect(documentXml(fast![0]!)).toBe(documentXml(engine[0]!));
      const props = new PizZip(fast![0]!).file('docProps/custom.xml')?.asText() ?? '';
      expect(props.includes('kehoach.kind'), r.kind).toBe(r.kind === 'unit');
      expect(documentXml(fast![0]!).includes('w:name="kehoach_task_1"'), r.kind).toBe(r.kind === 'unit');
    }
  });
  it('mends what a fill empties exactly as docxtemplater does, wherever the pieces meet (property)', async () => {
    // Loops next to tables, inside cells and around them; an emptied text element.
    const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const list = (name: string, item = para('{.}')) => `${para(`{#${name}}`)}${item}${para(`{/${name}}`)}`;
    const table = (...cells: string[]) =>
      `<w:tbl><w:tblPr/><w:tblGrid>${cells.map(() => '<w:gridCol w:w="2000"/>').join('')}</w:tblGrid><w:tr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${c}</w:tc>`).join('')}</w:tr></w:tbl>`;
    const body = [
      table(para('{a}')),
      list('l1'),
      table(list('cells'), `${table(para('{a}'))}${list('l2')}`, `<w:p/>${list('l2')}`),
      list('opt', table(para('{a}'))),
      para('{e}'),
      list('l3', table(para('{.}'))),
      table(para('{a}')),
      list('l4'),
    ].join('');
    const template = edited('sheet', (xml) => xml.replace(/<w:body>[\s\S]*(?=<w:sectPr)/, `<w:body>${body}`));
    const items = fc.array(fc.constantFrom('x', 'Hòa & <giải>'), { maxLength: 2 });
    const view = fc.record({
      page_label: fc.constant('Trang '),
      a: fc.constantFrom('', 'Sơn Động', '"a" & b'),
      e: fc.constantFrom('', 'e'),
      l1: items,
      cells: items,
      l2: items,
      opt: fc.boolean(),
      l3: items,
      l4: items,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(view, { minLength: 1, maxLength: 4 }), async (views) => {
        const fast = await fillFast(template, views, []);
        expect(fast, 'the fast path is taken').toBeDefined();
        const engine = fillByEngine(template, views);
        fast!.forEach((bytes, i) => {
          expect(documentXml(bytes), JSON.stringify(views[i])).toBe(documentXml(engine[i]!));
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('a clerk’s older wording file', () => {
  it('names where a moved key went ("no deliverables" is worded once, in common.txt)', () => {
    for (const [file, key, spec] of [
      ['mau/report.txt', 'no_outputs', REPORT_SPEC],
      ['mau/sheet.txt', 'outputs_none', SHEET_SPEC],
    ] as const) {
      const parsed = parseTemplate(file, `${key}: (không ghi)\n`, spec);
      expect(parsed.diagnostics.map((d) => [d.code, d.help?.vi])).toEqual([['unknown-template-key', 'khóa này đã chuyển sang common.txt: "no_outputs"; chuyển dòng này sang đó']]);
    }
    expect(parseTemplate('mau/common.txt', 'no_outputs: (không ghi)\n', COMMON_SPEC).diagnostics).toEqual([]);
  });
});
