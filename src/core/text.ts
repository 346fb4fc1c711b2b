// Vietnamese text as data: normalisation, name keys that ignore case and tone
// placement, edit distance for suggestions, and the legal order of sub-items.

export function nfc(s: string): string {
  // normalize() copies every text into ICU to look at it; a plan's texts are already composed, and a text of
  // only these characters cannot change (none of them decomposes or composes with a neighbour under NFC:
  // test/core/text.test.ts tries each one and each pair).
  return NFC_STABLE.test(s) ? s : s.normalize('NFC');
}

/**
 * Characters NFC leaves as they are whatever stands beside them: Latin up to the spacing modifiers (below the
 * combining marks at U+0300), Vietnamese's precomposed letters (U+1E00–U+1EFF), and the general punctuation
 * Vietnamese text uses (dashes, quotes, "…", "‰"; not U+2000/U+2001, which NFC maps to other spaces).
 */
export const NFC_STABLE = /^[\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

/**
 * NFC_STABLE without the C0 and C1 controls but the line feed: a text of only these characters is composed, has no
 * CR, no control character a plan may not hold and nothing the fast YAML path leaves to `yaml` (test/core/text.test.ts
 * tries each character against those scans). A plan is such a text, so one pass over it answers what took three.
 */
const QUIET = /^[\n\x20-\x7e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;

/** A text quietText was asked to remember, until it is asked about again (decodeText's, by parseYaml). */
let remembered: string | undefined;

/**
 * Whether a text is only of QUIET's characters. `remember`: the text will be asked about once more (decodeText's text,
 * by parseYaml), which is then answered without a scan; it is kept only until then (a plan's result must not keep the
 * file's text alive), one text at a time: bounded, and invisible.
 */
export function quietText(s: string, remember = false): boolean {
  // The same string object mostly; an equal one answers the same.
  if (s === remembered) {
    remembered = undefined;
    return true;
  }
  if (!QUIET.test(s)) return false;
  if (remember) remembered = s;
  return true;
}

/**
 * The same text, as a string of its own. V8 keeps a piece of 13 characters or more cut from a string (slice,
 * a YAML scalar) as a view into the whole: a line or a memo key kept from a plan would keep its file's entire text
 * alive (in a province, ~30 MB of texts that every young-generation collection copied on the way to the old
 * generation). Joined to one character and cut again, it is flattened into a copy its own size.
 */
export function detached(s: string): string {
  return ` ${s}`.slice(1);
}

// Tone marks (huyền, sắc, hỏi, ngã, nặng). Vowel marks (ă, â, ê, ô, ơ, ư) and đ
// make different letters and are kept.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * A lookup key for a unit name: case-folded, NFC/NFD-blind, blind to where the
 * tone mark sits ("hòa" = "hoà", "ủy" = "uỷ"), dashes and spaces unified.
 * Tones themselves still count: "pháp" ≠ "phap".
 */
/** Sets a memo's entry, first forgetting every entry once it holds `limit`: bounded in a long-lived process, and cheap. */
export function rememberBounded<K, V>(memo: Map<K, V>, key: K, value: V, limit: number): void {
  if (memo.size >= limit) memo.clear();
  memo.set(key, value);
}

export function nameKey(s: string): string {
  // A province repeats the same few hundred unit names tens of thousands of times.
  let key = nameKeys.get(s);
  if (key === undefined) {
    key = detached(computeNameKey(s));
    rememberBounded(nameKeys, detached(s), key, 50_000);
  }
  return key;
}

const nameKeys = new Map<string, string>();

function computeNameKey(s: string): string {
  const words = s
    .normalize('NFD')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(/\s*&\s*/g, ' & ')
    .replace(/\s*-\s*/g, ' - ')
    .trim()
    .replace(/\s*[.;:,]+$/, '')
    .split(/\s+/);
  return words
    .map((w) => {
      const tones = w.match(TONE_MARKS);
      if (!tones) return w;
      // One tone per syllable; moved to the end so its position no longer matters.
      return w.replace(TONE_MARKS, '') + tones.join('');
    })
    .join(' ')
    .normalize('NFC');
}

/** The name key with no diacritics at all and đ as d: how names are typed on a keyboard without Vietnamese input. */
export function plainKey(s: string): string {
  return nameKey(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/** The name key without tones at all: for ranking near misses. */
export function looseKey(s: string): string {
  // Every unknown unit name is compared with every known one: the known names' keys are asked for again and again.
  let key = looseKeys.get(s);
  if (key === undefined) {
    key = detached(nameKey(s).normalize('NFD').replace(TONE_MARKS, '').normalize('NFC'));
    rememberBounded(looseKeys, detached(s), key, 50_000);
  }
  return key;
}

const looseKeys = new Map<string, string>();

export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Number.POSITIVE_INFINITY);
}

/**
 * The edit distance when it is at most `limit`, else `limit + 1`: the rows stop
 * as soon as none of them can come back under the limit (a row's smallest
 * entry never decreases), which is most of the work for names far apart.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  // At least one edit per character of difference in length.
  if (Math.abs(m - n) > limit) return limit + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[n]!, limit + 1);
}

/** Up to `max` candidates close to `wanted`, nearest first (elm-style near misses). */
export function closest(wanted: string, candidates: Iterable<string>, max = 3, key: (s: string) => string = looseKey): string[] {
  const w = key(wanted);
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const k = key(c);
    const limit = Math.max(2, Math.floor(Math.max(w.length, k.length) / 3));
    // A name holding the other is kept however far it is, and ranked by its exact distance.
    const contains = w.length >= 4 && (k.includes(w) || w.includes(k));
    const d = contains ? editDistance(w, k) : editDistanceWithin(w, k, limit);
    if (d <= limit || contains) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || viCollator.compare(x.c, y.c));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { c } of scored) {
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(c);
    if (out.length >= max) break;
  }
  return out;
}

// Made on first use: creating an ICU collator costs more than a whole `plan check` of a small plan.
let viCollatorMade: Intl.Collator | undefined;
let idCollatorMade: Intl.Collator | undefined;

/** Vietnamese order of names (Intl.Collator('vi')). */
export const viCollator = {
  compare: (a: string, b: string): number => (viCollatorMade ??= new Intl.Collator('vi')).compare(a, b),
};
const idCollator = {
  compare: (a: string, b: string): number => (idCollatorMade ??= new Intl.Collator('vi', { numeric: true })).compare(a, b),
};

/**
 * The administrative units a body is named after ("xã An Lạc", "thị xã Sơn Tây", "đặc khu Phú Quốc"), before and after the
 * 2025 reform, with the level each is; "thành phố" is a province's (a city under a province is a district's: the caller knows).
 */
export const AREA_LEVELS = {
  tỉnh: 'province',
  'thành phố': 'province',
  huyện: 'district',
  quận: 'district',
  'thị xã': 'district',
  xã: 'commune',
  phường: 'commune',
  'thị trấn': 'commune',
  'đặc khu': 'commune',
} as const;
export type AreaWord = keyof typeof AREA_LEVELS;

/**
 * The Government and its ministries, by name ("Bộ Tư pháp", "Thủ tướng Chính phủ"); "Bộ Chỉ huy Quân sự tỉnh" is a
 * province's, as is the command of a city run by the centre ("Bộ Tư lệnh Thành phố" of Hồ Chí Minh, "Bộ Tư lệnh Thủ đô").
 */
export const CENTRAL = /^(?:Bộ(?! Chỉ huy| đội| Tư lệnh (?:[Tt]hành phố|[Tt]hủ đô)(?=\s|$))|Thủ tướng|Chính phủ|Văn phòng Chính phủ|Thanh tra Chính phủ|Ngân hàng Nhà nước|Ủy ban Dân tộc)(?=\s|$)/u;
export const AREA_WORDS = Object.keys(AREA_LEVELS) as AreaWord[];
/** The area words of a level, as a regular-expression alternation ("xã|phường|thị trấn|đặc khu"). */
export function areaWordsOf(...levels: (typeof AREA_LEVELS)[AreaWord][]): string {
  return AREA_WORDS.filter((w) => levels.length === 0 || levels.includes(AREA_LEVELS[w])).join('|');
}

/** Sub-item letters in the order Vietnamese legal documents use (no f, j, w, z). */
export const LEGAL_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;
const LETTER_RANK = new Map<string, number>(LEGAL_LETTERS.map((l, i) => [l, i]));

export function isLegalLetter(s: string): boolean {
  return LETTER_RANK.has(nfc(s).toLowerCase());
}

/**
 * A group numbered as a part of the document ("III"), or as a part inside another ("II.III": group row III of the
 * task table in part II; "PL.III": of the appendix's table): its tasks are numbered afresh ("1") or after it ("III.1").
 */
export function isRomanGroupId(id: string): boolean {
  const parts = id.split('.');
  return parts.length <= 2 && isRoman(parts[parts.length - 1]!) && (parts.length === 1 || parts[0] === 'PL' || isRoman(parts[0]!));
}

/**
 * A Roman numeral for 1 to 39 ("IV", "XIV"), as parts of a document and counted things are numbered; the one test for
 * a group's id and for the importer ("C" is a lettered group, "IIII" no numeral).
 */
export function isRoman(s: string): boolean {
  return s !== '' && /^X{0,3}(?:IX|IV|V?I{0,3})$/.test(s);
}

const PLAIN_NUMBER = /^(?:0|[1-9][0-9]*)$/;

/** Compare document numbering: 1.6.d < 1.6.đ < 1.7 < 1.9 < 1.10. */
export function compareTaskIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const rx = LETTER_RANK.get(x.toLowerCase());
    const ry = LETTER_RANK.get(y.toLowerCase());
    if (rx !== undefined && ry !== undefined) return rx - ry;
    // Plain numbers (no leading zero) compare as the numeric collator would, without ICU.
    if (PLAIN_NUMBER.test(x) && PLAIN_NUMBER.test(y)) return x.length - y.length || (x < y ? -1 : 1);
    return idCollator.compare(x, y);
  }
  return pa.length - pb.length;
}

// Characters that act on a terminal or reorder text instead of showing: C0
// controls but tab and line ends, DEL, C1 controls (ESC, CSI…), and the bidi
// embeddings, overrides and isolates that can make a line read backwards.
const CONTROL_CHARS = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069`;
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`);
// Characters that show as nothing: zero-width spaces and joiners, word joiner,
// soft hyphen, BOM in the middle of text, invisible operators, LRM/RLM/ALM.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point is listed alone on purpose (U+034F, U+115F… are what is looked for, not parts of a cluster)
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]/;
const UNSAFE_GLOBAL = new RegExp(`${CONTROL.source}|${INVISIBLE.source}`, 'g');
const CONTROL_GLOBAL = new RegExp(CONTROL.source, 'g');

/** "<U+200B>": how an unprintable or invisible character is shown. */
export function codePointLabel(ch: string): string {
  return `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text safe to print or write into a document: control and bidi characters,
 * and characters that show as nothing, replaced by their code point label ("<U+0007>"), so
 * nothing a file holds can drive the terminal and look-alikes become visible.
 * Tabs and line ends stay.
 */
export function visible(s: string): string {
  return s.replace(UNSAFE_GLOBAL, codePointLabel);
}

/** A scan for control characters that also tells whether a text holds one of `chars` (a character class's body): made once, for findControlCharacters. */
export function controlsOr(chars: string): RegExp {
  // One character class, no alternative, no capture group to tell a control character from the others: each of those
  // made the scan 40–70 % slower.
  return new RegExp(`[${CONTROL_CHARS}${chars}]`, 'g');
}

/**
 * Offsets of the control characters in a text (none of which a plan may hold), and whether the text matches the
 * other characters of the scan (made by controlsOr; a control character counts as none), in the same pass over the text.
 */
export function findControlCharacters(text: string, scan: RegExp): { controls: { offset: number; char: string }[]; other: boolean } {
  const controls: { offset: number; char: string }[] = [];
  let other = false;
  let rx = scan;
  rx.lastIndex = 0;
  for (let m = rx.exec(text); m; m = rx.exec(text)) {
    if (rx === CONTROL_GLOBAL || CONTROL.test(m[0])) controls.push({ offset: m.index, char: m[0] });
    else {
      // Answered: the rest of the text is searched for control characters alone (a text of tabs matches at each).
      other = true;
      CONTROL_GLOBAL.lastIndex = m.index + 1;
      rx = CONTROL_GLOBAL;
    }
  }
  return { controls, other };
}

/** "1 item", "3 items", "2 duties": English counts (Vietnamese nouns do not change with the number). */
export function countEn(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * A title as it reads inside a sentence ("… về công tác phổ biến …"): its
 * first word lower-cased when it is an ordinary capitalised word, that is
 * when the word after it is lower-case too, past a comma ("Phòng, chống thiên tai").
 * Names and abbreviations keep their capitals ("Luật Hòa giải ở cơ sở", "Hà Nội …", "PBGDPL …").
 */
export function titleInSentence(title: string): string {
  const m = /^(\p{Lu})(\p{Ll}*,?\s+\p{Ll})/u.exec(title);
  return m ? `${m[1]!.toLocaleLowerCase('vi')}${title.slice(1)}` : title;
}

/** A document number not yet given, as a clerk writes it: "/KH-UBND" → "…/KH-UBND". */
export function citedNumber(number: string): string {
  return number.replace(/^\s*\//, '…/');
}

/**
 * Text that is joined to more words ("… (chủ trì)", "…; thời hạn: …"), without
 * the full stop, comma or semicolon that ended it on its own; an ellipsis stays.
 */
export function clause(text: string): string {
  return text.replace(/(?<!\.)[.;,:]\s*$/u, '').trimEnd();
}

/** Words for comparing texts a person typed: NFC, Vietnamese lower case, one space between words, trimmed. */
export function foldedText(t: string): string {
  return nfc(t).toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
}
