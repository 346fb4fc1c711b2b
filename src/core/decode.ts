// Bytes to text: clerks' files arrive as UTF-8 with or without BOM, UTF-16 from
// Word's "Unicode text", NFD from macOS or Unikey's "tổ hợp" mode, and now and
// then in a pre-Unicode Vietnamese font encoding. Everything leaves here as NFC.
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';

export type Decoded = { ok: true; text: string; notes: Localized[] } | { ok: false; code: string; message: Localized; help?: Localized };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): Decoded {
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
      return {
        ok: false,
        code: 'not-utf8',
        message: localized('tệp không phải UTF-8', 'the file is not valid UTF-8'),
        help: localized('lưu lại tệp với mã hoá UTF-8 (Notepad: Save As → Encoding: UTF-8)', 'save the file as UTF-8 (Notepad: Save As → Encoding: UTF-8)'),
      };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  const legacy = detectLegacyEncoding(text);
  if (legacy) {
    return {
      ok: false,
      code: 'legacy-encoding',
      message: localized(
        `văn bản có vẻ dùng bảng mã cũ ${legacy} thay vì Unicode`,
        `the text appears to use the legacy ${legacy} encoding, not Unicode`,
      ),
      help: localized(
        `chuyển sang Unicode trước (Unikey → Công cụ chuyển mã, nguồn ${legacy}, đích Unicode), rồi thử lại`,
        `convert it to Unicode first (Unikey → Conversion tool, source ${legacy}, target Unicode), then try again`,
      ),
    };
  }
  return { ok: true, text: text.normalize('NFC'), notes };
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
