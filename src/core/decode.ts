// Bytes to text: clerks' files arrive as UTF-8 with or without BOM, UTF-16 from
// Word's "Unicode text", NFD from macOS or Unikey's "tổ hợp" mode, and now and
// then in a pre-Unicode Vietnamese font encoding. Everything leaves here as NFC.
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';

/** A stretch of the decoded text that looks typed in a legacy font encoding. */
export interface LegacyRun {
  start: number;
  end: number;
  encoding: string;
}

export type Decoded =
  | { ok: true; text: string; notes: Localized[]; legacy: LegacyRun[] }
  | { ok: false; code: string; message: Localized; help?: Localized; line?: number; column?: number };

/** Plans are tens of kilobytes; anything this big is a wrong file, and reading it would keep a hook waiting. */
export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The refusal for a file over MAX_PLAN_BYTES, at line 1. */
export function tooLarge(size: number): Extract<Decoded, { ok: false }> {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return {
    ok: false,
    code: 'file-too-large',
    line: 1,
    column: 1,
    message: localized(`tệp quá lớn (${mb(size)} MB), không đọc`, `the file is too large (${mb(size)} MB); not read`),
    help: localized(`một kế hoạch chỉ vài chục KB; tối đa ${mb(MAX_PLAN_BYTES)} MB. Có phải nhầm tệp?`, `a plan is a few dozen KB; the limit is ${mb(MAX_PLAN_BYTES)} MB. Is this the wrong file?`),
  };
}

export function decodeText(bytes: Uint8Array): Decoded {
  // Every reader (check, fmt, diff, set…) comes through here: parsing 20 MB of YAML takes minutes and gigabytes.
  if (bytes.length > MAX_PLAN_BYTES) return tooLarge(bytes.length);
  const notes: Localized[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    notes.push(localized('tệp mã hoá UTF-16 LE, đã đọc được', 'file is UTF-16 LE; read it'));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    notes.push(localized('tệp mã hoá UTF-16 BE, đã đọc được', 'file is UTF-16 BE; read it'));
  } else {
    if (looksBinary(bytes)) {
      return {
        ok: false,
        code: 'binary-file',
        message: localized('tệp không phải văn bản (có byte NUL)', 'the file is not text (it contains NUL bytes)'),
        help: localized('kế hoạch phải là tệp YAML văn bản UTF-8', 'a plan must be a UTF-8 YAML text file'),
      };
    }
    try {
      text = utf8.decode(bytes);
    } catch {
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
  const nfc = text.normalize('NFC');
  return { ok: true, text: nfc, notes, legacy: findLegacyRuns(nfc) };
}

function legacyProblem(legacy: string): Decoded {
  return {
    ok: false,
    code: 'legacy-encoding',
    message: localized(
      `văn bản có vẻ dùng bảng mã cũ ${legacy} thay vì Unicode`,
      `the text appears to use the legacy ${legacy} encoding, not Unicode`,
    ),
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

export function findLegacyRuns(text: string): LegacyRun[] {
  const runs: LegacyRun[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.length > 3 && !VIETNAMESE_UNICODE.test(line)) {
      const tcvnWords = line.match(TCVN3_LINE_WORDS)?.length ?? 0;
      const vniWords = line.match(VNI_LINE_WORDS)?.length ?? 0;
      const encoding = tcvnWords >= 2 ? 'TCVN3 (ABC)' : vniWords >= 2 ? 'VNI-Windows' : undefined;
      if (encoding) {
        const first = (encoding === 'VNI-Windows' ? VNI_LINE_WORDS : TCVN3_LINE_WORDS);
        first.lastIndex = 0;
        const at = first.exec(line)?.index ?? 0;
        runs.push({ start: start + at, end, encoding });
      }
    }
    start = end + 1;
  }
  return runs;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

// Characters that TCVN3 (ABC) and VNI put in Latin-1 positions for Vietnamese
// letters; Unicode Vietnamese text almost never has them and always has
// letters from U+1EA0–U+1EF9 or the combining marks.
const TCVN3_MARKERS = /[¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞ«ßâàáã¬äçåæè­éìêëíîñïðò¦óöôõøüúûý]/g;
const VNI_MARKERS = /[øùûõïôöòóñâäàåãèéêëìíîüÿ][a-z]?|[ÖÕÑ]/g;
const VNI_WORDS = /\b(Coäng|hoøa|Vieät|Nam|ñoäc|laäp|Keá|hoaïch|Ñoäc)\b/;
const TCVN3_WORDS = /(Céng|hßa|ViÖt|chñ|nghÜa|Ho¹ch|KÕ|ho¹ch|®éc)/;
const VIETNAMESE_UNICODE = /[\u1ea0-\u1ef9\u0110\u0111\u01a0\u01a1\u01af\u01b0]/;

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
