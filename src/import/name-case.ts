// A body's name as the text of a plan writes it. The header prints the issuer in
// capitals ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"), as layout; the plan file keeps the
// name as a sentence writes it ("Ủy ban nhân dân tỉnh Nghệ An"), which is how
// units.yaml, the checks and the documents made from it spell names. Pure.
import { AREA_WORDS, nameKey } from '../core/text.js';
import { capitalize, isAllCaps } from './words.js';

/** Abbreviations a name or a title writes in capitals, whether or not the text spells them out. */
const ABBREVIATIONS = new Set(['UBND', 'HĐND', 'UBMTTQ', 'MTTQ', 'ĐBQH', 'TP', 'BCH', 'BCĐ', 'PBGDPL', 'KCN', 'CNTT', 'THPT', 'THCS', 'BHXH', 'BHYT', 'HTX', 'VN', 'ASEAN', 'COVID-19']);

/** A word without the punctuation around it ("TP." → "TP", "(UBND)" → "UBND"). */
export function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Whether a word, the punctuation around it aside, is one of those abbreviations. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(bareWord(word));
}

/** Names that are proper nouns whole ("Thủ tướng Chính phủ"). */
const PROPER = new Map([
  ['chính phủ', 'Chính phủ'],
  ['quốc hội', 'Quốc hội'],
]);
const PROPER_NAMES = [...PROPER.keys()];
/** Kinds written in sentence case before their level: "Ủy ban nhân dân tỉnh …". */
const LOCAL_BODIES = ['ủy ban nhân dân', 'uỷ ban nhân dân', 'hội đồng nhân dân'];
/** A body's kind: the word after it starts the name proper ("Sở Tư pháp", "Bộ Công an"). */
const HEAD_WORDS = ['sở', 'bộ', 'cục', 'tổng cục', 'chi cục', 'vụ', 'ban', 'văn phòng', 'thanh tra', 'trung tâm', 'phòng', 'viện', 'học viện', 'trường'];

/**
 * The name as written in capitals, spelt as the plan's own sentences spell it
 * when they name it whole ("Bộ Văn hóa, Thể thao và Du lịch"), else by the
 * rules of official names: the kind in sentence case, the name proper and each
 * of its parts after a comma or "và" capitalised, the place's words capitalised.
 * A name not in capitals is kept.
 */
export function nameAsWritten(name: string, texts: readonly string[]): string {
  if (!isAllCaps(name)) return name;
  // A joint plan's issuers on one line ("SỞ TƯ PHÁP - SỞ GIÁO DỤC VÀ ĐÀO TẠO"): each body is spelt on its own (the second
  // was "Sở giáo dục và Đào tạo", a part of one name after the dash).
  const sides = name.split(/(\s+[-–]\s+)/u);
  if (sides.length > 1 && sides.every((side, i) => i % 2 === 1 || startsBody(side))) return sides.map((side, i) => (i % 2 === 1 ? side : nameAsWritten(side, texts))).join('');
  return spelledIn(name, texts) ?? sentenceCase(name);
}

/** Whether a name in capitals begins with a kind of body ("SỞ …", "ỦY BAN NHÂN DÂN …"), not with a part of one ("XÃ HỘI"). */
function startsBody(name: string): boolean {
  const lower = name.toLocaleLowerCase('vi');
  return [...HEAD_WORDS, ...LOCAL_BODIES, 'ubnd', 'ủy ban', 'uỷ ban', 'hội', 'đoàn', 'liên đoàn', 'công an', 'bộ chỉ huy'].some((h) => lower === h || lower.startsWith(`${h} `));
}

function spelledIn(name: string, texts: readonly string[]): string | undefined {
  const wanted = name.split(/\s+/);
  const key = nameKey(name);
  const firstKey = nameKey(wanted[0]!);
  for (const text of texts) {
    if (isAllCaps(text)) continue;
    const words = text.split(/\s+/);
    for (let i = 0; i + wanted.length <= words.length; i++) {
      const first = words[i]!.replace(/^[(“"‘]+/u, '');
      if (nameKey(first) !== firstKey) continue;
      const candidate = [first, ...words.slice(i + 1, i + wanted.length)].join(' ').replace(/[.;:,)”"’]+$/u, '');
      if (nameKey(candidate) === key && /^\p{Lu}/u.test(candidate) && !isAllCaps(candidate)) return candidate;
    }
  }
  return undefined;
}

function sentenceCase(name: string): string {
  const words = name.split(/\s+/);
  const lower = words.map((w) => w.toLocaleLowerCase('vi'));
  const out = words.map((w, i) => (isAbbreviation(w) ? w : lower[i]!));
  const upper = (i: number) => {
    if (!isAbbreviation(words[i]!)) out[i] = capitalize(out[i]!);
  };
  const startsWith = (i: number, phrases: readonly string[]) => phrases.map((p) => p.split(' ')).find((p) => p.every((w, k) => lower[i + k] === w))?.length ?? 0;
  upper(0);
  let place = false;
  for (let i = 0; i < words.length; i++) {
    if (place) {
      upper(i);
      continue;
    }
    const proper = startsWith(i, PROPER_NAMES);
    if (proper) {
      PROPER.get(lower.slice(i, i + proper).join(' '))!
        .split(' ')
        .forEach((w, j) => {
          out[i + j] = w;
        });
      i += proper - 1;
      continue;
    }
    const local = startsWith(i, LOCAL_BODIES);
    if (local) {
      i += local - 1;
      continue;
    }
    // After a comma, "-" or "và" comes another part of the name, never a level ("Phòng Văn hóa - Xã hội").
    const partStart = i > 0 && (/[,-]$/.test(words[i - 1]!) || lower[i - 1] === 'và');
    if (partStart) {
      upper(i);
      continue;
    }
    const level = i > 0 ? startsWith(i, AREA_WORDS) : 0;
    if (level) {
      i += level - 1;
      place = true;
      continue;
    }
    const head = startsWith(i, HEAD_WORDS);
    if (head && i + head < words.length) {
      i += head;
      upper(i);
    }
  }
  return out.join(' ');
}
