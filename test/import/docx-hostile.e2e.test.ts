// Hostile and broken DOCX files through the built `plan import`: exit 1, one
// translated line naming the file and the reason, no stack trace, no library
// text, nothing written. (The reader's own limits and timings are in
// docx-limits.test.ts; here the process itself is under test, once per file, in
// Vietnamese; the English line comes from the same main() run in process, as
// the language changes the words and nothing of the process.)
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, runPlan } from '../e2e/run-plan.js';
import { docx, para, zip } from './docx-build.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-docx-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function bomb(): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const deflated = Buffer.concat([...Array.from({ length: 1536 }, () => piece), Buffer.from([0x03, 0x00])]);
  return zip([{ name: 'word/document.xml', data: { deflated, size: 1536 << 20, crc: 0 }, declaredSize: 1024 }]);
}

const good = docx(para('Cơ quan chủ trì: Phòng Tư pháp'));
const cases: [string, () => Buffer, RegExp, RegExp][] = [
  ['a zip bomb (1.5 MB → 1.5 GB)', bomb, /tệp DOCX hỏng: phần word\/document\.xml/, /damaged DOCX file: part word\/document\.xml/],
  [
    '2.5 million paragraphs',
    () => zip([{ name: 'word/document.xml', data: Buffer.from(`<w:document xmlns:w="w"><w:body>${'<w:p/>'.repeat(2_500_000)}</w:body></w:document>`) }]),
    /quá nhiều đoạn văn/,
    /too many paragraphs/,
  ],
  ['a truncated file', () => good.subarray(0, good.length >> 1), /tệp DOCX hỏng: cấu trúc zip/, /damaged DOCX file: the zip structure/],
  [
    'malformed XML',
    () => zip([{ name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="w"><w:body><w:p></w:body>') }]),
    /word\/document\.xml không phải XML hợp lệ \(dòng 1, cột \d+\)/,
    /not well-formed XML \(line 1, column \d+\)/,
  ],
];

describe('plan import refuses a hostile or broken DOCX', () => {
  it.each(cases)('%s', async (name, make, vi, en) => {
    const dir = mkdtempSync(path.join(tmp, 'case-'));
    const file = path.join(dir, 'ke-hoach.docx');
    writeFileSync(file, make());
    for (const [lang, message] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const args = ['--lang', lang, 'import', file, '-o', path.join(dir, 'out.yaml')];
      const r = lang === 'vi' ? runPlan(args) : await runCli(args);
      expect(r.code, name).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(file);
      expect(r.stderr).not.toMatch(/undefined|Corrupted|invalid|Error:|at .*\.js:\d+/);
      expect(hasStackTrace(r)).toBe(false);
      expect(readdirSync(dir)).toEqual(['ke-hoach.docx']);
    }
  });
});
