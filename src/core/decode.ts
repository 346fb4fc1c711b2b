// Bytes to text: clerks' files arrive as UTF-8 with or without BOM, UTF-16 from
// Word's "Unicode text", NFD from macOS or Unikey's "tổ hợp" mode, and now and
// then in a pre-Unicode Vietnamese font encoding. Everything leaves here as NFC.
import { isAscii, isUtf8, transcode } from 'node:buffer';
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { NFC_STABLE, nfc, quietText } from './text.js';

/** A stretch of the decoded text that looks typed in a legacy font encoding. */
export interface LegacyRun {
  start: number;
  end: number;
  encoding: string;
}

export type Decoded =
  | { ok: true; text: string; stable: boolean; notes: Localized[]; legacy: LegacyRun[] }
  | { ok: false; code: string; message: Localized; help?: Localized; line?: number; column?: number };

/** Plans are tens of kilobytes; anything this big is a wrong file, and reading it would keep a hook waiting. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** The refusal for a file over MAX_PLAN_BYTES, at line 1. */
export function tooLarge(size: number, limit = MAX_PLAN_BYTES): Extract<Decoded, { ok: false }> {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return {
    ok: false,
    code: 'file-too-large',
    line: 1,
    column: 1,
    message: localized(`tệp quá lớn (hơn ${mb(Math.max(size, limit))} MB), không đọc`, `the file is too large (over ${mb(Math.max(size, limit))} MB); not read`),
    help: localized(`một kế hoạch chỉ vài chục KB; tối đa ${mb(limit)} MB. Có phải nhầm tệp?`, `a plan is a few dozen KB; the limit is ${mb(limit)} MB. Is this the wrong file?`),
  };
}

export function decodeText(bytes: Uint8Array): Decoded {
  // Every reader (check, fmt, diff, set…) comes through here: parsing 20 MB of YAML takes minutes and gigabytes.
  if (bytes.length > MAX_PLAN_BYTES) return tooLarge(bytes.length);
  const notes: Localized[] = [];
  let text: string;
  const wide = detectWideEncoding(bytes);
  if (wide) {
    const decoded = decodeWide(bytes.subarray(wide.bom), wide.encoding);
    if (decoded === undefined) {
      return {
        ok: false,
        code: 'not-utf8',
        line: 1,
        column: 1,
        message: localized(`tệp có vẻ mã hoá ${wide.encoding} nhưng có chỗ hỏng`, `the file looks ${wide.encoding} but is damaged`),
        help: localized('lưu lại tệp với mã hoá UTF-8', 'save the file as UTF-8'),
      };
    }
    text = decoded;
    notes.push(localized(`tệp mã hoá ${wide.encoding}, đã đọc được`, `file is ${wide.encoding}; read it`));
  } else {
    if (looksBinary(bytes)) {
      return {
        ok: false,
        code: 'binary-file',
        message: localized('tệp không phải văn bản (có byte NUL)', 'the file is not text (it contains NUL bytes)'),
        help: localized('kế hoạch phải là tệp YAML văn bản UTF-8', 'a plan must be a UTF-8 YAML text file'),
      };
    }
    if (isUtf8(bytes)) {
      // A leading BOM is dropped, as TextDecoder did.
      text = utf8Text(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
    } else {
      // An old editor's TCVN3/VNI file is 8-bit: read it as Windows-1252 to recognise it,
      // unless it is mostly UTF-8 with a stray byte.
      const legacy = mostlyUtf8(bytes) ? undefined : detectLegacyEncoding(new TextDecoder('windows-1252').decode(bytes));
      if (legacy) return legacyProblem(legacy);
      const at = firstInvalidUtf8(bytes);
      return {
        ok: false,
        code: 'not-utf8',
        message: localized('tệp không phải UTF-8 (có byte không đọc được)', 'the file is not valid UTF-8 (a byte cannot be read)'),
        help: localized('lưu lại tệp với mã hoá UTF-8 (Notepad: Save As → Encoding: UTF-8)', 'save the file as UTF-8 (Notepad: Save As → Encoding: UTF-8)'),
        ...at,
      };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  const legacy = detectLegacyEncoding(text);
  if (legacy) return legacyProblem(legacy);
  // A quiet text (nearly every plan) has no CR and is NFC-stable; parseYaml asks again and is answered from memory.
  if (quietText(text, true)) return { ok: true, text, stable: true, notes, legacy: findLegacyRuns(text) };
  // Old Mac files end lines with CR alone; YAML would read the whole file as one line. Same length, so offsets hold.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  // The test nfc makes first (ICU's normalize checks a composed text ~6× slower), its answer kept: the model need not
  // test the pieces of a stable text again.
  const stable = NFC_STABLE.test(text);
  const composed = stable ? text : nfc(text);
  return { ok: true, text: composed, stable, notes, legacy: findLegacyRuns(composed) };
}

/**
 * Valid UTF-8 as text. ASCII stays a one-byte string; other text goes through transcode (simdutf) to UTF-16:
 * about 3× faster than V8's own UTF-8 decoder (Buffer toString, TextDecoder) on Vietnamese plans.
 */
function utf8Text(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString('latin1') : transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}

function legacyProblem(legacy: string): Decoded {
  return {
    ok: false,
    code: 'legacy-encoding',
    message: localized(`văn bản có vẻ dùng bảng mã cũ ${legacy} thay vì Unicode`, `the text appears to use the legacy ${legacy} encoding, not Unicode`),
    help: legacyHelp(legacy),
  };
}

export function legacyHelp(legacy: string): Localized {
  return localized(
    `chuyển sang Unicode trước (Unikey → Công cụ chuyển mã, nguồn ${legacy}, đích Unicode), rồi thử lại`,
    `convert it to Unicode first (Unikey → Conversion tool, source ${legacy}, target Unicode), then try again`,
  );
}

/** More well-formed multi-byte UTF-8 sequences than stray high bytes. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += need;
    } else bad++;
  }
  return good > bad;
}

/** 1-based line and column of the first byte that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } | Record<string, never> {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const lineStart = bytes.lastIndexOf(0x0a, i - 1) + 1;
      let line = 1;
      for (let k = 0; k < lineStart; k++) if (bytes[k] === 0x0a) line++;
      const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, column };
    }
    i += need + 1;
  }
  return {};
}

// Per line, for Unicode files with a pasted paragraph in a legacy font: the
// whole-file test above gives up as soon as any real Vietnamese letter appears.
const TCVN3_LINE_WORDS = /(Céng|hßa|ViÖt|chñ|nghÜa|Ho¹ch|KÕ|ho¹ch|®éc|huyÖn|NhiÖm|c«ng|t¸c|ph¸p|luËt|n¨m|S¬n|§éng|x·|tØnh|b¸o|c¸o)/g;
const VNI_LINE_WORDS = /(Coäng|hoøa|Vieät|ñoäc|laäp|Keá|hoaïch|Ñoäc|coâng|taùc|phaùp|luaät|naêm|huyeän|nhieäm|baùo|caùo|xaõ|tænh)/g;

// Every word of both lists has a letter of U+00A0–U+00FF: lines without one are never looked at.
const LATIN1_LETTER = /[\u00a0-\u00ff]/g;

/** The offset of the first Unicode Vietnamese letter at or after `from`, or the text's length. */
function nextVietnamese(text: string, from: number): number {
  VIETNAMESE_UNICODE_GLOBAL.lastIndex = from;
  return VIETNAMESE_UNICODE_GLOBAL.test(text) ? VIETNAMESE_UNICODE_GLOBAL.lastIndex - 1 : text.length;
}

export function findLegacyRuns(text: string): LegacyRun[] {
  const runs: LegacyRun[] = [];
  // Where the next Unicode Vietnamese letter at or after a line's first Latin-1 letter is: a line holding one there
  // (nearly every line of a plan has an à or é, and a ư or ế after it) is passed over, one search of the text in all.
  // Only a line without one there is walked back to its start: lastIndexOf, a call into V8's runtime, costs ~20×
  // indexOf, and took most of this function's time when each line's start was found so.
  let vietnamese = -1;
  LATIN1_LETTER.lastIndex = 0;
  while (LATIN1_LETTER.test(text)) {
    const at = LATIN1_LETTER.lastIndex - 1;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    LATIN1_LETTER.lastIndex = end + 1;
    if (vietnamese < at) vietnamese = nextVietnamese(text, at);
    if (vietnamese < end) continue;
    let start = at;
    while (start > 0 && text.charCodeAt(start - 1) !== 0x0a) start--;
    if (nextVietnamese(text, start) < at) continue;
    const line = text.slice(start, end);
    if (line.length > 3) {
      const tcvnWords = line.match(TCVN3_LINE_WORDS)?.length ?? 0;
      const vniWords = line.match(VNI_LINE_WORDS)?.length ?? 0;
      const encoding = tcvnWords >= 2 ? 'TCVN3 (ABC)' : vniWords >= 2 ? 'VNI-Windows' : undefined;
      if (encoding) {
        const first = encoding === 'VNI-Windows' ? VNI_LINE_WORDS : TCVN3_LINE_WORDS;
        first.lastIndex = 0;
        const word = first.exec(line)?.index ?? 0;
        runs.push({ start: start + word, end, encoding });
      }
    }
  }
  return runs;
}

type WideEncoding = 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE';

/**
 * UTF-16/32 by their byte-order mark, or without one by where the NUL bytes
 * fall: text that is mostly ASCII or Vietnamese has a zero high byte in
 * nearly every code unit, at a fixed position.
 */
function detectWideEncoding(bytes: Uint8Array): { encoding: WideEncoding; bom: number } | undefined {
  const a = bytes[0];
  const b = bytes[1];
  const c = bytes[2];
  const d = bytes[3];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'UTF-32 LE', bom: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'UTF-32 BE', bom: 4 };
  if (a === 0xff && b === 0xfe) return { encoding: 'UTF-16 LE', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'UTF-16 BE', bom: 2 };
  const n = Math.min(bytes.length, 8192) & ~3;
  if (n < 4) return undefined;
  // Every rule below needs NUL bytes: a UTF-8 plan has none, found by one native search instead of a count per byte.
  if (!hasNul(bytes, n)) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]!++;
  const quarter = n / 4;
  const mostly = (k: number) => zeros[k]! >= quarter * 0.9;
  const rarely = (k: number) => zeros[k]! <= quarter * 0.1;
  if (rarely(0) && mostly(2) && mostly(3)) return { encoding: 'UTF-32 LE', bom: 0 };
  if (mostly(0) && mostly(1) && rarely(3)) return { encoding: 'UTF-32 BE', bom: 0 };
  if (rarely(0) && rarely(2) && zeros[1]! + zeros[3]! >= quarter) return { encoding: 'UTF-16 LE', bom: 0 };
  if (rarely(1) && rarely(3) && zeros[0]! + zeros[2]! >= quarter) return { encoding: 'UTF-16 BE', bom: 0 };
  return undefined;
}

function decodeWide(bytes: Uint8Array, encoding: WideEncoding): string | undefined {
  if (encoding === 'UTF-16 LE' || encoding === 'UTF-16 BE') {
    try {
      return new TextDecoder(encoding === 'UTF-16 LE' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, encoding === 'UTF-32 LE');
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    parts.push(String.fromCodePoint(cp));
  }
  return parts.join('');
}

function looksBinary(bytes: Uint8Array): boolean {
  return hasNul(bytes, Math.min(bytes.length, 8192));
}

/**
 * Whether one of the first n bytes is NUL. Buffer's search (memchr) of the whole file passes a UTF-8 plan in about
 * a microsecond; the typed array's own indexOf, on a view cut for it, took ten times that.
 */
function hasNul(bytes: Uint8Array, n: number): boolean {
  const at = Buffer.prototype.indexOf.call(bytes, 0);
  return at !== -1 && at < n;
}

// Characters that TCVN3 (ABC) and VNI put in Latin-1 positions for Vietnamese
// letters; Unicode Vietnamese text almost never has them and always has
// letters from U+1EA0–U+1EF9 or the combining marks.
const TCVN3_MARKERS = /[¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞ«ßâàáã¬äçåæè­éìêëíîñïðò¦óöôõøüúûý]/g;
const VNI_MARKERS = /[øùûõïôöòóñâäàåãèéêëìíîüÿ][a-z]?|[ÖÕÑ]/g;
const VNI_WORDS = /\b(Coäng|hoøa|Vieät|Nam|ñoäc|laäp|Keá|hoaïch|Ñoäc)\b/;
const TCVN3_WORDS = /(Céng|hßa|ViÖt|chñ|nghÜa|Ho¹ch|KÕ|ho¹ch|®éc)/;
const VIETNAMESE_UNICODE = /[\u1ea0-\u1ef9\u0110\u0111\u01a0\u01a1\u01af\u01b0]/;
const VIETNAMESE_UNICODE_GLOBAL = new RegExp(VIETNAMESE_UNICODE.source, 'g');

/** "TCVN3 (ABC)", "VNI-Windows", or undefined for text that is (or may be) Unicode. */
export function detectLegacyEncoding(text: string): string | undefined {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (VIETNAMESE_UNICODE.test(sample)) return undefined;
  const tcvn = sample.match(TCVN3_MARKERS)?.length ?? 0;
  if (TCVN3_WORDS.test(sample) && tcvn >= 3) return 'TCVN3 (ABC)';
  if (VNI_WORDS.test(sample)) return 'VNI-Windows';
  const vni = sample.match(VNI_MARKERS)?.length ?? 0;
  const letters = sample.match(/[a-zA-Z]/g)?.length ?? 0;
  if (letters > 40 && tcvn / letters > 0.05) return 'TCVN3 (ABC)';
  if (letters > 40 && vni / letters > 0.08) return 'VNI-Windows';
  return undefined;
}
