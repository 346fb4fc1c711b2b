// Hostile and broken DOCX files (issue 13): refused quickly, within a small
// memory budget, with the project's own translated message — never a zip or
// XML library's text, never "undefined". The files are made here, not stored.
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DocxError } from '../../src/import/docx-error.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { docx, para, zip, type ZipEntry } from './docx-build.js';

/** Raw deflate of `mb` MiB of zeros, built from one compressed MiB repeated (a full flush makes the pieces independent). */
function zeros(mb: number): { deflated: Buffer; size: number; crc: number } {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  return { deflated: Buffer.concat([...Array.from({ length: mb }, () => piece), Buffer.from([0x03, 0x00])]), size: mb << 20, crc: 0 };
}

function withDocument(document: ZipEntry['data'], declaredSize?: number): Buffer {
  return zip([{ name: 'word/document.xml', data: document, ...(declaredSize !== undefined ? { declaredSize } : {}) }]);
}

/**
 * The refusal, the CPU time it took (user + system, all threads: the shared
 * test machine's load does not count) and the memory it added.
 */
async function refusal(bytes: Uint8Array): Promise<{ error: DocxError; ms: number; heapMb: number }> {
  const heapBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  let error: unknown;
  try {
    await readDocx(bytes);
  } catch (e) {
    error = e;
  }
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  const heapMb = (process.memoryUsage().rss - heapBefore) / 1048576;
  if (!(error instanceof DocxError)) throw new Error(`expected a DocxError, got ${String(error)}`);
  for (const text of [error.text.vi, error.text.en]) {
    expect(text).not.toMatch(/undefined|Corrupted|xmldom|invalid relative path|Error:/);
  }
  return { error, ms, heapMb };
}

describe('zip bombs', () => {
  it('1.5 GB declared: refused before inflating anything', async () => {
    const bomb = withDocument(zeros(1536));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { error, ms } = await refusal(bomb);
    expect(error.code).toBe('docx-too-large');
    expect(error.text.vi).toContain('word/document.xml');
    expect(ms).toBeLessThan(1000);
  });

  it('1.5 GB behind a header that claims 40 MB: inflating stops at the declared size', async () => {
    const { error, ms, heapMb } = await refusal(withDocument(zeros(1536), 40 << 20));
    expect(error.code).toBe('docx-corrupt');
    expect(ms).toBeLessThan(1500);
    expect(heapMb).toBeLessThan(200);
  });

  it('1.5 GB behind a header that claims 1 KB: refused at once', async () => {
    const { error, ms } = await refusal(withDocument(zeros(1536), 1024));
    expect(error.code).toBe('docx-corrupt');
    expect(ms).toBeLessThan(1000);
  });
});

describe('too many things', () => {
  it('2.5 million empty paragraphs (a few hundred KB zipped): refused at the paragraph cap, in well under 2 s', async () => {
    const xml = `<w:document xmlns:w="w"><w:body>${'<w:p/>'.repeat(2_500_000)}</w:body></w:document>`;
    const bytes = withDocument(Buffer.from(xml));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { error, ms } = await refusal(bytes);
    expect(error.code).toBe('docx-too-complex');
    expect(error.text.vi).toContain('đoạn văn');
    expect(ms).toBeLessThan(2000);
  });

  it('a long cell merged down many rows: the repeated text counts each time, so a small file cannot make a huge plan', async () => {
    const long = 'Phòng Tư pháp '.repeat(8000);
    const rows = Array.from(
      { length: 400 },
      (_, i) => `<w:tr><w:tc><w:tcPr><w:vMerge${i === 0 ? ' w:val="restart"' : ''}/></w:tcPr>${i === 0 ? para(long) : '<w:p/>'}</w:tc><w:tc>${para(String(i))}</w:tc></w:tr>`,
    );
    const bytes = docx(`<w:tbl>${rows.join('')}</w:tbl>`);
    expect(bytes.length).toBeLessThan(100 * 1024);
    const { error } = await refusal(bytes);
    expect(error.code).toBe('docx-too-complex');
    expect(error.text.vi).toContain('ký tự');
  });

  it('more zip entries than any document has', async () => {
    const entries: ZipEntry[] = Array.from({ length: 6000 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') }));
    const { error } = await refusal(zip(entries));
    expect(error.code).toBe('docx-too-complex');
  });
});

describe('broken and odd packages', () => {
  const good = docx(para('Cơ quan chủ trì: Phòng Tư pháp'));

  it('a truncated file: "tệp DOCX hỏng" with the reason', async () => {
    const { error } = await refusal(good.subarray(0, Math.floor(good.length / 2)));
    expect(error.code).toBe('docx-corrupt');
    expect(error.text.vi).toMatch(/^tệp DOCX hỏng: /);
    expect(error.text.en).toMatch(/^damaged DOCX file: /);
  });

  it('bytes that are not a zip at all', async () => {
    const { error } = await refusal(Buffer.from('PK\x03\x04 not really a zip'));
    expect(error.code).toBe('docx-corrupt');
  });

  it('malformed XML in the document: the part, line and column', async () => {
    const bytes = withDocument(Buffer.from('<w:document xmlns:w="w">\n<w:body><w:p></w:body></w:document>'));
    const { error } = await refusal(bytes);
    expect(error.code).toBe('docx-corrupt');
    expect(error.text.vi).toMatch(/word\/document\.xml .*dòng 2, cột \d+/);
  });

  it('entity declarations are not expanded (no billion laughs)', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    const { error } = await refusal(withDocument(Buffer.from(xml)));
    expect(error.code).toBe('docx-corrupt');
  });

  it('a zip without a Word document in it', async () => {
    const { error } = await refusal(zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }]));
    expect(error.code).toBe('docx-not-word');
    expect(error.text.vi).toContain('không phải tệp Word');
  });

  it('entry names that climb out ("../") or repeat', async () => {
    expect((await refusal(zip([{ name: '../../etc/x.xml', data: Buffer.from('<a/>') }]))).error.code).toBe('docx-corrupt');
    const twice: ZipEntry = { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="w"><w:body/></w:document>') };
    expect((await refusal(zip([twice, twice]))).error.code).toBe('docx-corrupt');
  });

  it('a document whose text is an embedded HTML part (altChunk): told to save it again in Word', async () => {
    const { error } = await refusal(docx('<w:altChunk r:id="rId5" xmlns:r="r"/>'));
    expect(error.code).toBe('docx-not-word');
    expect(error.text.vi).toContain('altChunk');
  });

  it('entry names written with Windows backslashes are read', async () => {
    const document = Buffer.from('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>');
    expect((await readDocx(zip([{ name: 'word\\document.xml', data: document }]))).blocks).toEqual([{ kind: 'para', text: 'Kế hoạch', line: 1 }]);
  });

  it('the same package, intact, reads', async () => {
    expect((await readDocx(good)).blocks).toEqual([{ kind: 'para', text: 'Cơ quan chủ trì: Phòng Tư pháp', line: 1 }]);
  });
});
