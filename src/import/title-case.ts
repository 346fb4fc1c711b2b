// A plan's title as a sentence writes it. Some plans print their summary in
// capitals ("VỀ TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ
// MINH"); reports cite it inside a sentence ("… về triển khai …"), so the plan
// keeps it in sentence case, with the capitals the document's own text gives
// its words: names ("Luật Việc làm", "Thành phố Hồ Chí Minh", "Đồng Nai") and
// abbreviations ("UBND") as its mixed-case paragraphs write them. Pure.
import { bareWord, isAbbreviation } from './name-case.js';
import { isRoman } from '../core/text.js';
import { capitalize, isAllCaps } from './words.js';

/**
 * A Roman numeral for 1 to 39 ("quý IV", "lần thứ XV", "khóa XIV") and the words it counts after: kept in capitals only
 * after such a word, since elsewhere "VI", "XI" are Vietnamese words ("vi phạm", "xi măng").
 */
const COUNTED = new Set(['quý', 'thứ', 'đoạn', 'khóa', 'khoá', 'kỳ', 'đợt', 'phần', 'chương', 'mục', 'lục', 'hội', 'tập', 'cấp', 'loại', 'nhóm', 'vùng', 'hạng', 'bậc']);
/** A document named by its number is a name: "Nghị định số 30/2020/NĐ-CP", "Nghị quyết số 57-NQ/TW" (ND 30/2020 Phụ lục II). */
const NUMBERED_DOCUMENT =
  /(?<!\p{L})(?:bộ luật|luật|pháp lệnh|nghị định|nghị quyết|quyết định|thông tư liên tịch|thông tư|chỉ thị|kết luận|kế hoạch|công văn|thông báo|quy định|hướng dẫn|đề án|chương trình)(?= số \S*\d)/gu;
/** The longest run of title words looked up in the text at once. */
const LONGEST = 12;

const core = bareWord;
const key = (w: string) => core(w).toLocaleLowerCase('vi');

/** A word that starts a sentence or an item: its capital says nothing about the word. */
function startsSentence(tokens: readonly string[], i: number): boolean {
  if (i === 0) return true;
  const before = tokens[i - 1]!;
  return /[.:;!?]$/.test(before) || /^(?:[-+•*]|\d+[.)]|[a-zđ]\))$/u.test(before);
}

/**
 * An all-caps title in sentence case: each run of its words that the text writes
 * in mixed case takes that spelling (the longest run first; a run's first word
 * keeps its capital only where it does not start a sentence); a word with digits
 * ("30/2020/NĐ-CP", "2026"), an abbreviation the text also writes in capitals or
 * a Roman numeral that counts ("quý IV") stays as it is; every other word is lower
 * case, the first capitalised, and a document named by its number too ("Nghị định số …").
 * A title not in capitals is returned as it is.
 */
export function titleAsWritten(title: string, texts: readonly string[]): string {
  if (!isAllCaps(title)) return title;
  const words = title.split(/\s+/).filter(Boolean);
  const wanted = new Set(words.map(key));
  // Each mixed-case text as words, and where each title word occurs in them.
  const docs = texts.filter((t) => !isAllCaps(t)).map((t) => t.split(/\s+/).filter(Boolean));
  const at = new Map<string, [number, number][]>();
  docs.forEach((tokens, d) => {
    tokens.forEach((tok, i) => {
      const k = key(tok);
      if (!wanted.has(k)) return;
      const list = at.get(k);
      if (list) list.push([d, i]);
      else at.set(k, [[d, i]]);
    });
  });
  const capitals = new Set(docs.flatMap((tokens) => tokens.map(core).filter((w) => w.length >= 2 && isAllCaps(w))));
  const spelled = (w: string, as: string) => w.replace(core(w), core(as));
  // A word alone: capitalised when the text capitalises it wherever no sentence starts with it ("Hà" in "tỉnh Hà Tĩnh").
  const alone = (w: string): string | undefined => {
    const inside = (at.get(key(w)) ?? []).filter(([d, i]) => !startsSentence(docs[d]!, i)).map(([d, i]) => docs[d]![i]!);
    return inside.length > 0 && inside.every((t) => /^[^\p{L}]*\p{Lu}/u.test(t)) ? spelled(w, inside[0]!) : undefined;
  };
  const out = words.map((w) => w.toLocaleLowerCase('vi'));
  for (let i = 0; i < words.length; ) {
    let best: { tokens: string[]; start: number; length: number } | undefined;
    for (const [d, start] of at.get(key(words[i]!)) ?? []) {
      const tokens = docs[d]!;
      let n = 0;
      while (n < LONGEST && i + n < words.length && start + n < tokens.length && key(tokens[start + n]!) === key(words[i + n]!)) n++;
      // The longest run; of equal ones, one inside a sentence (its first word's capital is the word's).
      if (n >= 2 && (!best || n > best.length || (n === best.length && startsSentence(best.tokens, best.start) && !startsSentence(tokens, start)))) best = { tokens, start, length: n };
    }
    if (best) {
      for (let k = 0; k < best.length; k++) {
        const source = best.tokens[best.start + k]!;
        // The first word's capital is the sentence's, not the word's, at the start of a sentence.
        if (k > 0 || !startsSentence(best.tokens, best.start) || capitals.has(core(source))) out[i + k] = spelled(words[i + k]!, source);
        else out[i] = alone(words[i]!) ?? out[i]!;
      }
      i += best.length;
      continue;
    }
    const w = core(words[i]!);
    const counted = isRoman(w) && i > 0 && COUNTED.has(key(words[i - 1]!));
    if (/\d/.test(w) || isAbbreviation(w) || capitals.has(w) || counted) out[i] = words[i]!;
    else out[i] = alone(words[i]!) ?? out[i]!;
    i++;
  }
  out[0] = capitalize(out[0]!);
  return out.join(' ').replace(NUMBERED_DOCUMENT, capitalize);
}
