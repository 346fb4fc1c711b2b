// The corpus plans as Word files made by two real writers — pandoc from the
// .txt (its lists become Word's automatic numbering and bullets) and
// LibreOffice re-saving that DOCX (its own numbering.xml and styles) — read
// back by the DOCX reader: every paragraph Word labels is a paragraph of the
// text, with the same number or roman numeral, the same words after it.
// Letters are Word's own run (a, b, c, d, e, f: Word has no đ) and bullets are
// "-", which the text may write as "+" or "•".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { textToBlocks } from '../../src/import/blocks.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { convertWithLibreOffice } from '../libreoffice.js';
import { needs } from '../tools.js';
import { repoRoot } from './helpers.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const haveCorpus = existsSync(corpus);
const withPandoc = needs('pandoc');
const withBoth = needs('pandoc', 'libreoffice');

// pandoc's Markdown reader also makes quotes curly and "..." an ellipsis.
const norm = (s: string) => s.replace(/…/g, '...').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
const MARKER = /^([-+•*–]|[a-zđ][).]|\(?[0-9]+(\.[0-9]+)*[.)]?|[IVXLC]+\.)\s+/u;

interface Mismatch {
  file: string;
  line: number;
  text: string;
}

/** What the DOCX reader makes of a file, read once: both tests read the pandoc files, the second the LibreOffice ones twice. */
const reads = new Map<string, ReturnType<typeof readDocx>>();
function read(file: string): ReturnType<typeof readDocx> {
  let r = reads.get(file);
  if (r === undefined) {
    r = readDocx(readFileSync(file));
    reads.set(file, r);
  }
  return r;
}

/** Labelled DOCX paragraphs that the text does not hold, and how many were labelled. */
async function compare(txt: string, docxFile: string): Promise<{ labelled: number; mismatches: Mismatch[] }> {
  const textParas = textToBlocks(readFileSync(txt, 'utf8').normalize('NFC')).flatMap((b) => (b.kind === 'para' ? [norm(b.text)] : []));
  const bodies = textParas.map((t) => t.replace(MARKER, ''));
  const { blocks } = await read(docxFile);
  const mismatches: Mismatch[] = [];
  let labelled = 0;
  for (const b of blocks) {
    if (b.kind !== 'para' || !b.label) continue;
    labelled++;
    const body = norm(b.text.slice(b.label.length));
    // A line the text continues lazily is joined to its item by pandoc: compare the start.
    const head = body.slice(0, 60);
    const numeric = /^(\(?[0-9]+(\.[0-9]+)*[.)]|[IVXLC]+\.)$/.test(b.label);
    const found = bodies.some((t, i) => (t === body || t.startsWith(head) || (t.length > 0 && body.startsWith(t.slice(0, 60)))) && (!numeric || textParas[i]!.startsWith(`${b.label} `)));
    if (!found) mismatches.push({ file: path.basename(docxFile), line: b.line, text: b.text.slice(0, 80) });
  }
  return { labelled, mismatches };
}

describe.skipIf(!haveCorpus)('corpus plans saved as DOCX read back with the labels Word shows (skipped only without ../shared/corpus)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-corpus-docx-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const plans = () =>
    readdirSync(corpus)
      .filter((f) => f.endsWith('.txt'))
      .sort();
  const pandocDocx = (f: string) => path.join(tmp, f.replace(/\.txt$/, '.docx'));
  const makePandoc = () => {
    const missing = plans().filter((f) => !existsSync(pandocDocx(f)));
    if (missing.length === 0) return;
    // One pandoc for every file (markdown-to-docx.lua): starting pandoc costs more than writing a plan.
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--lua-filter', path.join(import.meta.dirname, 'markdown-to-docx.lua')], {
      input: '',
      env: { ...process.env, PLAN_MARKDOWN_TO_DOCX: missing.map((f) => `${path.join(corpus, f)}\t${pandocDocx(f)}`).join('\n') },
    });
  };

  withPandoc('by pandoc', { timeout: 300_000 }, async () => {
    makePandoc();
    let labelled = 0;
    const mismatches: Mismatch[] = [];
    for (const f of plans()) {
      const r = await compare(path.join(corpus, f), pandocDocx(f));
      labelled += r.labelled;
      mismatches.push(...r.mismatches);
    }
    expect(labelled).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });

  withBoth('re-saved by LibreOffice (its own numbering definitions and styles)', { timeout: 600_000 }, async () => {
    makePandoc();
    const out = path.join(tmp, 'libreoffice');
    mkdirSync(out, { recursive: true });
    convertWithLibreOffice(plans().map(pandocDocx), 'docx', out, 540_000);
    let labelled = 0;
    const mismatches: Mismatch[] = [];
    for (const f of plans()) {
      const pandocRead = await read(pandocDocx(f));
      const loRead = await read(path.join(out, path.basename(pandocDocx(f))));
      const labels = (bs: typeof loRead.blocks) => bs.flatMap((b) => (b.kind === 'para' && b.label ? [b.text] : []));
      // The same paragraphs carry the same labels whichever program wrote the numbering.
      expect(labels(loRead.blocks), f).toEqual(labels(pandocRead.blocks));
      const r = await compare(path.join(corpus, f), path.join(out, path.basename(pandocDocx(f))));
      labelled += r.labelled;
      mismatches.push(...r.mismatches);
    }
    expect(labelled).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });
});
