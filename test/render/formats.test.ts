// Issue 12 point 4: the document formats live in one registry, --format takes a
// list (md,docx; both = md,docx), an unknown name is a usage error (exit 2)
// naming the formats there are, and each format writes its files from the same
// document model.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMAT_ALIASES, DOCUMENT_FORMATS, parseFormatList } from '../../src/render/formats.js';
import { hasStackTrace, runCli } from '../e2e/run-plan.js';

const AS_OF = '2024-05-21';
const names = (text: string) => {
  const r = parseFormatList(text, DOCUMENT_FORMATS, DOCUMENT_FORMAT_ALIASES);
  return r.ok ? r.formats.map((f) => f.name) : { unknown: r.unknown, allowed: r.allowed };
};

describe('parseFormatList', () => {
  it('reads a list in the order given, each format once; both is md,docx', () => {
    expect(names('md,docx')).toEqual(['md', 'docx']);
    expect(names('docx, MD')).toEqual(['docx', 'md']);
    expect(names('both')).toEqual(['md', 'docx']);
    expect(names('md,both')).toEqual(['md', 'docx']);
    expect(names('docx')).toEqual(['docx']);
  });

  it('names what it does not know, and what there is', () => {
    expect(names('md,pdf,odt')).toEqual({ unknown: ['pdf', 'odt'], allowed: ['md', 'docx', 'both'] });
    expect(names(',')).toEqual({ unknown: [','], allowed: ['md', 'docx', 'both'] });
  });

  it('every registered format has its own name and extension', () => {
    expect(new Set(DOCUMENT_FORMATS.map((f) => f.name)).size).toBe(DOCUMENT_FORMATS.length);
    for (const list of Object.values(DOCUMENT_FORMAT_ALIASES)) for (const n of list) expect(DOCUMENT_FORMATS.map((f) => f.name)).toContain(n);
  });
});

describe('--format on plan sheets and plan report', () => {
  const out = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-formats-')), 'out');

  it('an unknown format: exit 2 before anything is read or written, the allowed ones named, in Vietnamese and English', async () => {
    const dir = out();
    const vi = await runCli(['sheets', '--out', dir, '--format', 'md,pdf', '--as-of', AS_OF]);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('không có định dạng "pdf" cho --format; chọn trong: md, docx (both = md,docx)');
    expect(hasStackTrace(vi)).toBe(false);
    const en = await runCli(['--lang', 'en', 'report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--out', dir, '--format', 'html', '--as-of', AS_OF]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('no format "html" for --format; choose from: md, docx (both = md,docx)');
    expect(() => readdirSync(dir)).toThrow();
  });

  it('docx alone writes Word files and no Markdown but the index; md,docx writes both from the same model', async () => {
    const docxOnly = out();
    expect((await runCli(['sheets', '--unit', 'Phòng Tư pháp', '--out', docxOnly, '--format', 'docx', '--as-of', AS_OF])).code).toBe(0);
    expect(readdirSync(docxOnly).sort()).toEqual(['index.md', 'phong-tu-phap.docx']);
    expect(readFileSync(path.join(docxOnly, 'index.md'), 'utf8')).toContain('phong-tu-phap.docx');
    const both = out();
    expect((await runCli(['sheets', '--unit', 'Phòng Tư pháp', '--out', both, '--format', 'md,docx', '--as-of', AS_OF])).code).toBe(0);
    expect(readdirSync(both).sort()).toEqual(['index.md', 'phong-tu-phap.docx', 'phong-tu-phap.md']);
    // The same bytes as the default (both) and as docx alone.
    expect(readFileSync(path.join(both, 'phong-tu-phap.docx'))).toEqual(readFileSync(path.join(docxOnly, 'phong-tu-phap.docx')));
    const report = out();
    const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--out', report, '--format', 'md', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(readdirSync(report)).toEqual(['bao-cao-6m-2024-phong-tu-phap.md']);
  });
});
