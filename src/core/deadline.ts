// The deadline grammar: what clerks write under "Thời gian thực hiện" turned
// into a typed Deadline, then into calendar dates for a plan's years.
//
// The text is tokenised once (numbers, words, punctuation), words are folded
// (lower case, no diacritics, đ → d) so "hằng năm" = "hàng năm" = "hang nam",
// and a small recursive-descent parser combines the pieces: prefixes
// ("trước ngày", "chậm nhất", "trong"), points (day, month, quarter, half,
// year), windows ("từ … đến …", "01/11 - 09/11/2024"), ongoing and event
// phrases, lists joined by "và" / "," / ";" and a "cao điểm" peak.
//
// Readings chosen (DOMAIN.md §2):
// - day before month, always: "05/02" is 5 February; year-first numerals like
//   "2024/02/05" are refused rather than guessed;
// - "trước ngày X" is read as "by X" (inclusive); resolveDeadline's
//   strictBefore option gives X − 1 instead. "chậm nhất ngày X" is always by X;
// - Bộ luật Dân sự 2015 Điều 146: đầu tháng = day 1, giữa tháng = 15th,
//   cuối tháng = last day; đầu năm = 01/01, giữa năm = 30/06, cuối năm = 31/12;
// - a point without a year recurs every year of the plan, but not before the
//   plan's date (resolveDeadline's since): a plan signed in October owes no
//   report due that June;
// - in "ngày 20/5 và 15/11/2024" or "tháng 11, 12/2013" a year written on the
//   last item of a list also dates the earlier items of the same unit.

import type { CalendarDate } from './dates.js';
import { addDays, compareDates, daysInMonth, weekday } from './dates.js';
import { lunarNewYear } from './lunar.js';
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { countEn } from './text.js';

export type Point =
  | { unit: 'day'; year?: number; month: number; day: number }
  | { unit: 'month'; year?: number; month: number }
  | { unit: 'quarter'; year?: number; quarter: 1 | 2 | 3 | 4 }
  | { unit: 'half'; year?: number; half: 1 | 2 }
  | { unit: 'year'; year: number };

export type Window = { kind: 'window'; text: string; from: Point; to: Point };

/** "hằng tháng" or "hằng quý": which day of which month a recurring limit falls on. */
export type Every =
  | { unit: 'month'; day: number }
  /** monthInQuarter 1–3 ("tháng đầu / giữa / cuối quý"); next: of the following quarter. */
  | { unit: 'quarter'; day: number; monthInQuarter: 1 | 2 | 3; next?: boolean };

export type Deadline =
  | {
      kind: 'ongoing';
      text: string;
      /** "từ ngày 01/7/2025", "từ quý III/2025 trở đi": ongoing from a start, with no end. */
      from?: Point;
    }
  | {
      kind: 'event';
      text: string;
      offsetDays?: number;
      /** "trong vòng 3 tháng kể từ …": months, counted to the same day of the month (or its last day). */
      offsetMonths?: number;
      /** "10 ngày làm việc": offsetDays counts Monday–Friday only (public holidays are not known here). */
      workingDays?: boolean;
      /** "trong vòng 24 giờ": the limit as written, in hours; offsetDays is the days it reaches into (24 giờ → 1). */
      offsetHours?: number;
      /** "kể từ ngày 05/02/2024": the event's date when the text gives it. */
      since?: CalendarDate;
    }
  | {
      kind: 'by';
      text: string;
      point: Point;
      /** Written "trước …", "chậm nhất …", "hạn chót …". */
      before?: boolean;
      /** Which word made it `before`: only "trước" ('truoc') can be read strictly as X − 1. */
      marker?: 'truoc' | 'cham-nhat';
    }
  | Window
  | {
      kind: 'combined';
      text: string;
      parts: Deadline[];
      peak?: Window;
      /** "trước ngày 20 hằng tháng": the parts are that day of each month (of each quarter). */
      every?: Every;
    };

export type DeadlineParse =
  | {
      ok: true;
      deadline: Deadline;
      /** Words before the time that were read past ("Hoàn thành lắp đặt xong trước ngày 01/01/2030"). */
      prose?: { offset: number; length: number };
    }
  | { ok: false; message: Localized; help: Localized; offset?: number; length?: number };

export interface Occurrence {
  kind: 'due' | 'window' | 'peak';
  due: CalendarDate;
  /** Windows and peaks: the first day. A due month, quarter, half or year: the first day of that period. */
  start?: CalendarDate;
  /** The deadline this came from: for a combined deadline, the part or the peak window. */
  source: Deadline;
}

// ---------------------------------------------------------------- tokens

type TokKind = 'num' | 'word' | 'punct' | 'end';

interface Tok {
  kind: TokKind;
  /** Folded word, digits as written, or the punctuation character (every dash is "-"). */
  key: string;
  /** Numbers only. */
  value: number;
  start: number;
  end: number;
  /** Whitespace right before this token. */
  spaced: boolean;
}

const TOKEN_RE = /([\s\u200b-\u200d\u2060]+)|([0-9]+)|([\p{L}\p{M}]+)|([\s\S])/uy;
const COMBINING_RE = /[\u0300-\u036f]/g;
const D_STROKE_RE = /[đð]/g;
const DASH_CHARS = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212';
/** Emphasis and quotes left by format conversion ("(*trước ngày 20/5*)"). */
const IGNORED_CHARS = '*_"`\u201c\u201d\u201e\u00ab\u00bb';
const TRAILING_PUNCT = '.;,:-';
const LEADING_PUNCT = '-+\u2022.;,:';

// Deadlines use few words; folding each once keeps 30,000 parses cheap.
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 4096;

function fold(word: string): string {
  const hit = FOLD_CACHE.get(word);
  if (hit !== undefined) return hit;
  let key = word.toLowerCase();
  for (let k = 0; k < key.length; k++) {
    if (key.charCodeAt(k) > 127) {
      key = key.normalize('NFD').replace(COMBINING_RE, '').replace(D_STROKE_RE, 'd');
      break;
    }
  }
  if (FOLD_CACHE.size < FOLD_CACHE_MAX) FOLD_CACHE.set(word, key);
  return key;
}

function tokenize(s: string): Tok[] {
  const toks: Tok[] = [];
  let spaced = true;
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < s.length) {
    const m = TOKEN_RE.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      spaced = true;
      continue;
    }
    if (m[2] !== undefined) {
      toks.push({ kind: 'num', key: m[2], value: Number(m[2]), start, end, spaced });
    } else if (m[3] !== undefined) {
      toks.push({ kind: 'word', key: fold(m[3]), value: 0, start, end, spaced });
    } else {
      const ch = m[4]!;
      if (IGNORED_CHARS.includes(ch)) continue;
      toks.push({ kind: 'punct', key: DASH_CHARS.includes(ch) ? '-' : ch, value: 0, start, end, spaced });
    }
    spaced = false;
  }
  // Bullets in front and sentence punctuation behind are not part of the deadline.
  let first = 0;
  while (first < toks.length && toks[first]!.kind === 'punct' && LEADING_PUNCT.includes(toks[first]!.key)) first++;
  let last = toks.length;
  while (last > first && toks[last - 1]!.kind === 'punct' && TRAILING_PUNCT.includes(toks[last - 1]!.key)) last--;
  const out = first === 0 && last === toks.length ? toks : toks.slice(first, last);
  const endAt = out.length ? out[out.length - 1]!.end : s.length;
  out.push({ kind: 'end', key: '', value: 0, start: endAt, end: endAt, spaced: true });
  return out;
}

// ---------------------------------------------------------------- messages

const GENERAL_HELP = localized(
  'Các dạng được hiểu: thường xuyên; năm 2024; 05/02/2024; trước ngày 20/5; tháng 6/2024; quý I/2024; ' +
    '6 tháng đầu năm 2024; từ ngày 01/11 đến ngày 09/11/2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024; ' +
    'khi có yêu cầu; trong vòng 30 ngày kể từ … (ngày viết trước tháng).',
  'Accepted forms: thường xuyên (ongoing); năm 2024; 05/02/2024; trước ngày 20/5; tháng 6/2024; quý I/2024; ' +
    '6 tháng đầu năm 2024; từ ngày 01/11 đến ngày 09/11/2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024; ' +
    'khi có yêu cầu (on request); trong vòng 30 ngày kể từ … (day before month).',
);

const MONTH_EN = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/** A mistake the text cannot be read around: reported as it is, never retried. */
class HardError {
  constructor(
    readonly message: Localized,
    readonly start: number,
    readonly end: number,
    readonly help: Localized = GENERAL_HELP,
    /** Nothing was understood here (as opposed to an impossible date or a misplaced year). */
    readonly unreadable = false,
  ) {}
}

function quote(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------- parser

type Sep = '' | ';' | ',' | 'va' | 'juxt';

interface Part {
  d: Deadline;
  /** Token range. */
  a: number;
  b: number;
  sep: Sep;
  /** "hằng năm", "định kỳ 6 tháng": says only that the neighbouring yearless point recurs. */
  recurrence?: boolean;
  peak?: boolean;
}

interface PointItem {
  point?: Point;
  /** "ngày 01" in "từ ngày 01 đến ngày 09/11/2024": month and year come from the end. */
  partialDay?: number;
  a: number;
  b: number;
}

interface Points {
  items: PointItem[];
  /** "tháng 3-6/2024", "quý I - III": the two items are the ends of a window. */
  range: boolean;
}

type Marker = 'truoc' | 'cham-nhat' | undefined;

const QUARTER_WORDS: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4 };
const ROMAN_LIKE_RE = /^[ivx]+$/;
const ROMAN_QUARTERS = new Set(['i', 'ii', 'iii', 'iv']);
const RECURRING_UNITS = new Set(['nam', 'quy', 'qui', 'thang', 'tuan', 'ngay']);
const WEEKDAY_WORDS = new Set(['hai', 'ba', 'tu', 'nam', 'sau', 'bay']);
/** The stems and branches of a lunar year's name ("Bính Ngọ"), folded. */
const CAN = new Set(['giap', 'at', 'binh', 'dinh', 'mau', 'ky', 'canh', 'tan', 'nham', 'quy']);
const CHI = new Set(['ty', 'suu', 'dan', 'mao', 'thin', 'ti', 'ngo', 'mui', 'than', 'dau', 'tuat', 'hoi']);

class Parser {
  i = 0;
  /** The phrase says "hằng tháng" / "mỗi tháng" somewhere: a bare "ngày 20" is that day of each month. */
  readonly monthly: boolean;
  /** The first words read past before a time (offsets into the text). */
  prose: { start: number; end: number } | undefined;

  constructor(
    private readonly src: string,
    private readonly toks: Tok[],
    private readonly quoted: string,
  ) {
    this.monthly = toks.some((t, k) => (t.key === 'hang' || t.key === 'moi') && toks[k + 1]?.key === 'thang' && toks[k + 2]?.kind !== 'num');
  }

  // -- token helpers

  private t(o = 0): Tok {
    const k = this.i + o;
    return this.toks[k < this.toks.length ? k : this.toks.length - 1]!;
  }

  private isW(o: number, key: string): boolean {
    const t = this.t(o);
    return t.kind === 'word' && t.key === key;
  }

  /** Consumes the words a [b [c]] when they come next. */
  private eat(a: string, b?: string, c?: string): boolean {
    if (!this.isW(0, a)) return false;
    if (b !== undefined && !this.isW(1, b)) return false;
    if (c !== undefined && !this.isW(2, c)) return false;
    this.i += c !== undefined ? 3 : b !== undefined ? 2 : 1;
    return true;
  }

  /** "24h" written for "24 giờ": an "h" right after the number, not a clock time's ("13h30"). */
  private eatHourMark(): boolean {
    const h = this.t();
    const next = this.t(1);
    if (h.kind !== 'word' || h.key !== 'h' || h.spaced || (next.kind === 'num' && !next.spaced)) return false;
    this.i++;
    return true;
  }

  private isP(o: number, ch: string): boolean {
    const t = this.t(o);
    return t.kind === 'punct' && t.key === ch;
  }

  private eatP(ch: string): boolean {
    if (!this.isP(0, ch)) return false;
    this.i++;
    return true;
  }

  private isNum(o: number, maxLen: number): boolean {
    const t = this.t(o);
    return t.kind === 'num' && t.key.length <= maxLen;
  }

  /**
   * The "/" of 05/02. A "-" or "." separates a date only when written tight
   * (a spaced dash is a range, a spaced dot ends a sentence); "/" may be spaced.
   */
  private dateSep(o: number): string | undefined {
    const t = this.t(o);
    if (t.kind !== 'punct') return undefined;
    if (t.key === '/') return t.key;
    if (t.spaced || this.t(o + 1).spaced) return undefined;
    return t.key === '-' || t.key === '.' ? t.key : undefined;
  }

  private atEnd(inParens: boolean): boolean {
    const t = this.t();
    return t.kind === 'end' || (inParens && t.kind === 'punct' && t.key === ')');
  }

  private slice(a: number, b: number): string {
    if (b <= a) return '';
    return this.src.slice(this.toks[a]!.start, this.toks[b - 1]!.end);
  }

  private span(a: number, b: number): [number, number] {
    const first = this.toks[Math.min(a, this.toks.length - 1)]!;
    return [first.start, b > a ? this.toks[b - 1]!.end : first.start];
  }

  private hard(vi: string, en: string, a: number, b: number, help?: Localized): HardError {
    const [start, end] = this.span(a, b);
    return new HardError(localized(`Thời hạn “${this.quoted}”: ${vi}`, `Deadline “${this.quoted}”: ${en}`), start, end, help);
  }

  /** Nothing here reads: point at the piece up to the next separator. */
  unreadable(a: number): HardError {
    let b = a;
    let depth = 0;
    for (; b < this.toks.length - 1; b++) {
      const t = this.toks[b]!;
      if (t.kind !== 'punct') continue;
      if (t.key === '(') depth++;
      else if (t.key === ')') depth--;
      else if (depth <= 0 && (t.key === ';' || t.key === ',')) break;
    }
    if (b === a && a < this.toks.length - 1) b = a + 1;
    const piece = this.slice(a, b);
    const whole = a === 0 && b >= this.toks.length - 1;
    const [start, end] = this.span(a, b);
    const vi = whole || !piece ? `Không hiểu thời hạn “${this.quoted}”.` : `Không hiểu thời hạn “${this.quoted}”: không đọc được “${piece}”.`;
    const en = whole || !piece ? `Cannot read the deadline “${this.quoted}”.` : `Cannot read the deadline “${this.quoted}”: “${piece}” is not understood.`;
    return new HardError(localized(vi, en), start, end, GENERAL_HELP, true);
  }

  // -- lists

  parseList(inParens: boolean): Part[] {
    const parts: Part[] = [];
    let sep: Sep = '';
    for (;;) {
      this.skipFillers();
      if (this.atEnd(inParens)) {
        // Nothing at all, or a dangling "và".
        if (parts.length === 0 || sep !== '') throw this.unreadable(Math.max(0, this.i - 1));
        break;
      }
      const at = this.i;
      const paren = this.isP(0, '(');
      // "6 tháng cuối năm 2026 (dự kiến tháng 10/2026)": the period is what is promised, the month in brackets only an
      // estimate of when within it; it is kept in the text, never a deadline of its own (overdue from 1/11 would be wrong).
      const estimate = parts.length > 0 && paren && this.isW(1, 'du') && this.isW(2, 'kien') ? this.bracketEnd() : undefined;
      if (estimate !== undefined) {
        this.i = estimate;
        if (this.atEnd(inParens)) break;
        sep = this.eatSeparator() || 'juxt';
        continue;
      }
      let got = this.tryItem(inParens);
      if (!Array.isArray(got)) {
        // A remark after a time: "tháng 6/2026 (sơ kết)", "năm 2025: hoàn thành 50%".
        const end = parts.length > 0 ? this.remarkEnd() : undefined;
        if (end !== undefined) {
          this.i = end;
          if (this.atEnd(inParens)) break;
          sep = this.eatSeparator() || 'juxt';
          continue;
        }
        // Words before this item's time: "và duy trì thường xuyên", "vào dịp Ngày Pháp luật 09/11".
        const found = this.afterProse(inParens, at);
        if (!found) throw got ?? this.unreadable(at);
        got = found;
      }
      if (sep === 'juxt') {
        // Side by side without a separator only where it reads naturally:
        // "hằng năm (trước ngày 15/11)", "ngày 20/5 hằng năm", "năm 2024 cao điểm …".
        const prev = parts[parts.length - 1]!;
        if (!(paren || prev.d.kind === 'ongoing' || got[0]!.d.kind === 'ongoing' || got[0]!.peak)) throw this.unreadable(at);
      }
      got[0]!.sep = sep;
      for (const p of got) parts.push(p);
      if (this.atEnd(inParens)) break;
      sep = this.eatSeparator() || 'juxt';
    }
    return parts;
  }

  private tryItem(inParens: boolean): Part[] | HardError | null {
    const at = this.i;
    try {
      return this.parseItem(inParens);
    } catch (e) {
      if (!(e instanceof HardError && e.unreadable)) throw e;
      this.i = at;
      return e;
    }
  }

  /** Just after the ")" that closes the "(" here, or undefined when none does. */
  private bracketEnd(): number | undefined {
    let depth = 0;
    for (let k = this.i; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.kind === 'end') return undefined;
      if (t.kind !== 'punct') continue;
      if (t.key === '(') depth++;
      else if (t.key === ')' && --depth === 0) return k + 1;
    }
    return undefined;
  }

  /** Where a "(…)" or ": …" holding no date ends ("(đối với cấp xã)", ": hoàn thành 100%"). */
  private remarkEnd(): number | undefined {
    const paren = this.isP(0, '(');
    if (!paren && !this.isP(0, ':')) return undefined;
    let depth = 0;
    for (let k = this.i; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.kind === 'end') return paren ? undefined : k;
      if (t.kind === 'num' && this.toks[k + 1]?.key !== '%') return undefined;
      if (t.kind !== 'punct') continue;
      if (t.key === '(') depth++;
      else if (t.key === ')') {
        depth--;
        if (paren && depth === 0) return k + 1;
        if (depth < 0) return paren ? undefined : k;
      } else if (t.key === ';' && !paren && depth === 0) return k;
    }
    return undefined;
  }

  /**
   * An item whose time comes after a few words: the first place in it from which an item
   * reads to the item's end. The words skipped hold no number.
   */
  private afterProse(inParens: boolean, at: number): Part[] | null {
    for (let k = at + 1; k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.kind === 'end' || (t.kind === 'punct' && (t.key === ';' || (inParens && t.key === ')')))) break;
      if (!((t.kind === 'word' && TIME_OPENERS.has(t.key)) || t.kind === 'num' || (t.kind === 'punct' && t.key === '('))) continue;
      this.i = k;
      const got = this.tryItem(inParens);
      const ends = this.atEnd(inParens) || this.isP(0, ';') || this.isP(0, ',') || this.isP(0, '.') || this.isW(0, 'va');
      if (Array.isArray(got) && ends && !relatesTime(this.src, this.toks.slice(at, k))) {
        this.prose ??= { start: this.toks[at]!.start, end: t.start };
        return got;
      }
      if (t.kind === 'num') break;
    }
    this.i = at;
    return null;
  }

  private eatSeparator(): Sep {
    // A full stop between items ("Thường xuyên.; Tháng 12/2025.") ends one like ";".
    if (this.eatP('.')) {
      if (!this.eatP(';')) this.eatP(',');
      this.eat('va');
      return ';';
    }
    if (this.eatP(';')) {
      this.eat('va');
      return ';';
    }
    if (this.eatP(',')) return this.eat('va') ? 'va' : ',';
    if (this.eat('va') || this.eatP('&') || this.eatP('+')) return 'va';
    return '';
  }

  /** Words that carry no date: labels pasted with the value, "trong đó", "dự kiến". */
  private skipFillers(): void {
    for (;;) {
      const at = this.i;
      if (this.eat('thoi', 'gian') || this.eat('thoi', 'han') || this.eat('tien', 'do')) {
        if (this.eat('thuc', 'hien') || this.eat('hoan', 'thanh')) {
          this.eatP(':');
          continue;
        }
        // Any other label ends with its colon within a few words: "Thời hạn ban hành:", "Thời gian:".
        let k = 0;
        while (k < 3 && this.t(k).kind === 'word') k++;
        const colon = [...Array(k + 1).keys()].find((j) => this.isP(j, ':'));
        if (colon === undefined) {
          this.i = at;
          return;
        }
        this.i += colon + 1;
        continue;
      }
      // "báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12": which report, not when.
      if (this.eat('bao', 'cao')) {
        if (this.isNum(0, 2) && this.isW(1, 'thang') && !this.isW(2, 'dau') && !this.isW(2, 'cuoi')) this.i += 2;
        else if ((this.isW(0, 'nam') || this.isW(0, 'quy') || this.isW(0, 'thang')) && this.t(1).kind !== 'num') this.i++;
        this.eatP(':');
        continue;
      }
      if (this.eat('trong', 'do') || this.eat('du', 'kien') || this.eat('vao', 'khoang') || this.eat('khoang')) {
        this.eatP(':');
        this.eatP(',');
        continue;
      }
      return;
    }
  }

  private parseItem(inParens: boolean): Part[] | null {
    const at = this.i;
    if (this.eat('cao', 'diem')) {
      this.eatP(':');
      this.eat('la');
      const body = this.i;
      const span = this.parseSpan();
      if (span?.length !== 1) throw this.unreadable(body);
      const d = span[0]!.d;
      let w: Window;
      if (d.kind === 'window') w = d;
      else if (d.kind === 'by') w = { kind: 'window', text: d.text, from: d.point, to: d.point };
      else throw this.unreadable(body);
      return [{ d: w, a: at, b: this.i, sep: '', peak: true }];
    }
    if (this.eatP('(')) {
      const inner = this.parseList(true);
      if (!this.eatP(')')) throw this.hard('thiếu dấu “)” đóng ngoặc.', 'a “(” is never closed.', at, at + 1);
      return inner;
    }
    return this.parseEvent(inParens) ?? this.parseOngoing() ?? this.parseSpan();
  }

  // -- events

  private parseEvent(inParens: boolean): Part[] | null {
    const at = this.i;
    this.eat('ngay'); // "ngay sau khi": right after
    if (this.eat('sau', 'khi') || this.eat('truoc', 'khi') || this.eat('khi') || this.eat('theo')) {
      return this.eventRest(at, inParens, {});
    }
    this.i = at;
    const hadPrefix =
      this.eat('trong', 'vong') ||
      this.eat('trong', 'thoi', 'han') ||
      this.eat('trong', 'thoi', 'gian') ||
      this.eat('trong') ||
      this.eat('cham', 'nhat', 'la') ||
      this.eat('cham', 'nhat') ||
      this.eat('khong', 'qua') ||
      this.eat('toi', 'da') ||
      this.eat('sau');
    const n = this.t();
    if (n.kind !== 'num' || n.key.length > 4) {
      this.i = at;
      return null;
    }
    this.i++;
    const extra: Omit<Extract<Deadline, { kind: 'event' }>, 'kind' | 'text'> = {};
    let hourMark = false;
    if (this.eat('ngay', 'lam', 'viec')) {
      extra.offsetDays = n.value;
      extra.workingDays = true;
    } else if (this.eat('ngay')) extra.offsetDays = n.value;
    else if (this.eat('gio') || (hourMark = this.eatHourMark())) {
      // A report "trong vòng 24 giờ kể từ khi xảy ra thiên tai" is due by the end of the day the hours reach.
      extra.offsetHours = n.value;
      extra.offsetDays = Math.ceil(n.value / 24);
    } else if (this.eat('tuan')) extra.offsetDays = n.value * 7;
    else if (this.eat('thang')) extra.offsetMonths = n.value;
    else {
      this.i = at;
      return null;
    }
    const fromWords = this.eat('ke', 'tu') || this.eat('tinh', 'tu') || this.eat('tu');
    if (!fromWords && !this.eat('sau', 'khi') && !this.eat('sau')) {
      // "trong vòng 30 ngày": a time limit whose start the plan leaves to the event. "24h" counts hours only before the
      // event it counts from: "chậm nhất 17h" alone is a clock time.
      if (hadPrefix && !hourMark && this.atItemEnd(inParens)) return [{ d: { kind: 'event', text: this.slice(at, this.i), ...extra }, a: at, b: this.i, sep: '' }];
      this.i = at;
      return null;
    }
    if (fromWords) {
      // "kể từ ngày 05/02/2024" names the event's date: it can be resolved without eventDate.
      const dateAt = this.i;
      const item = this.parseDay();
      if (item?.point?.unit === 'day' && item.point.year !== undefined && this.atItemEnd(inParens)) {
        const p = item.point;
        extra.since = { year: p.year!, month: p.month, day: p.day };
      } else this.i = dateAt;
    }
    return this.eventRest(at, inParens, extra);
  }

  private atItemEnd(inParens: boolean): boolean {
    return this.atEnd(inParens) || this.isP(0, ';');
  }

  /** An event's description runs to the next ";" (it may hold commas and "và"). */
  private eventRest(at: number, inParens: boolean, extra: Omit<Extract<Deadline, { kind: 'event' }>, 'kind' | 'text'>): Part[] | null {
    let depth = 0;
    const bodyAt = this.i;
    for (;;) {
      const t = this.t();
      if (t.kind === 'end') break;
      if (t.kind === 'punct') {
        if (t.key === '(') depth++;
        else if (t.key === ')') {
          if (depth === 0 && inParens) break;
          depth--;
        } else if (t.key === ';' && depth <= 0) break;
      }
      this.i++;
    }
    if (this.i === bodyAt && extra.since === undefined) {
      this.i = at;
      return null;
    }
    return [{ d: { kind: 'event', text: this.slice(at, this.i), ...extra }, a: at, b: this.i, sep: '' }];
  }

  // -- ongoing

  private parseOngoing(): Part[] | null {
    const at = this.i;
    const make = (recurrence: boolean): Part[] => {
      const part: Part = { d: { kind: 'ongoing', text: this.slice(at, this.i) }, a: at, b: this.i, sep: '' };
      if (recurrence) part.recurrence = true;
      return [part];
    };
    if (this.eat('thuong', 'xuyen') || this.eat('lien', 'tuc') || this.eat('quanh', 'nam') || this.eat('ca', 'nam') || this.eat('cac', 'thang', 'trong')) {
      if (fold(this.slice(at, this.i)) === 'cac thang trong' && !this.eat('nam')) return this.reset(at);
      return make(false);
    }
    if (this.eatRecurringUnit()) return make(true);
    if (this.eat('dinh', 'ky') || this.eat('dinh', 'ki')) {
      // "định kỳ 6 tháng", "định kỳ 06 tháng/lần", "định kỳ hằng quý"
      if (this.isNum(0, 2) && this.t(1).kind === 'word' && RECURRING_UNITS.has(this.t(1).key) && !this.isW(2, 'dau') && !this.isW(2, 'cuoi')) {
        this.i += 2;
        if (this.isP(0, '/') && this.isW(1, 'lan')) this.i += 2;
      } else this.eatRecurringUnit();
      // "định kỳ hằng quý, 6 tháng, năm": several periods named after one "định kỳ".
      for (;;) {
        const save = this.i;
        if (!(this.eatP(',') || this.eat('va'))) break;
        if (!this.eatLooseRecurrence()) {
          this.i = save;
          break;
        }
      }
      return make(true);
    }
    if ((this.eat('cac') || this.eat('nhung')) && this.eat('nam')) {
      if (this.eat('tiep', 'theo') || this.eat('ke', 'tiep') || this.eat('tiep', 'sau') || this.eat('sau', 'do') || this.eat('sau')) return make(false);
    }
    this.i = at;
    return null;
  }

  /** "hằng quý", "6 tháng", "năm" in a list after "định kỳ" (not "năm 2025", not "6 tháng đầu năm"). */
  private eatLooseRecurrence(): boolean {
    const at = this.i;
    if (this.eatRecurringUnit()) return true;
    if (this.isNum(0, 2)) this.i++;
    const t = this.t();
    if (t.kind === 'word' && RECURRING_UNITS.has(t.key) && t.key !== 'ngay' && this.t(1).kind !== 'num' && !this.isW(1, 'dau') && !this.isW(1, 'cuoi')) {
      this.i++;
      return true;
    }
    this.i = at;
    return false;
  }

  /** "hằng năm", "hàng quý", "mỗi tháng". */
  private eatRecurringUnit(): boolean {
    if ((this.isW(0, 'hang') || this.isW(0, 'moi')) && this.t(1).kind === 'word' && RECURRING_UNITS.has(this.t(1).key)) {
      this.i += 2;
      return true;
    }
    return false;
  }

  // -- spans: prefixes, then a window or points

  private parsePrefixes(): Marker {
    let marker: Marker;
    for (;;) {
      if (this.eat('truoc')) {
        marker ??= 'truoc';
        continue;
      }
      if (this.eat('cham', 'nhat') || this.eat('muon', 'nhat') || this.eat('khong', 'muon', 'hon')) {
        marker = 'cham-nhat';
        this.eat('la');
        continue;
      }
      if (this.eat('han', 'chot')) {
        marker = 'cham-nhat';
        this.eat('la');
        this.eatP(':');
        continue;
      }
      if (this.eat('xong') || this.eat('hoan', 'thanh') || this.eat('vao') || this.eat('trong') || this.eat('tu', 'nay') || this.eat('den') || this.eat('toi') || this.eat('het')) {
        continue;
      }
      // "thứ Hai, ngày 06/7/2026", "chủ nhật", "sáng ngày …": the weekday and part of the day add nothing.
      if (this.isW(0, 'thu') && this.t(1).kind === 'word' && WEEKDAY_WORDS.has(this.t(1).key)) {
        this.i += 2;
        this.eatP(',');
        continue;
      }
      if (this.eat('chu', 'nhat') || this.eat('sang') || this.eat('chieu')) {
        this.eatP(',');
        continue;
      }
      // "trước 17 giờ ngày 05/02/2024", "17h00 ngày …": the hour does not change the day.
      if (this.isNum(0, 2) && (this.isW(1, 'gio') || this.isW(1, 'h'))) {
        this.i += 2;
        if (this.isNum(0, 2)) {
          this.i++;
          this.eat('phut') || this.eat('p');
        }
        this.eatP(',');
        continue;
      }
      return marker;
    }
  }

  private parseSpan(): Part[] | null {
    const at = this.i;
    const from = this.eat('ke', 'tu') || this.eat('bat', 'dau', 'tu') || this.eat('bat', 'dau', 'vao') || this.eat('bat', 'dau') || (!this.isW(1, 'nay') && this.eat('tu'));
    if (from) {
      const after = this.i;
      const w = this.windowAfter(at, true);
      if (w) return w;
      this.i = after;
      const open = this.openStart(at);
      if (open) return open;
      this.i = at;
      return null;
    }
    if (this.eat('trong', 'giai', 'doan') || this.eat('giai', 'doan') || this.eat('thoi', 'ky') || this.eat('thoi', 'ki')) {
      this.eatP(':');
      const inner = this.i;
      if (this.eat('tu')) {
        const w = this.windowAfter(at, true);
        if (w) return w;
        this.i = inner;
      }
    }
    const marker = this.parsePrefixes();
    const every = this.parseEveryDay(at, marker);
    if (every) return every;
    if (marker === 'truoc') {
      const beforeSchool = this.beforeSchoolYear(at);
      if (beforeSchool) return beforeSchool;
    }
    const pts = this.parsePoints(false);
    if (!pts) {
      this.i = at;
      return null;
    }
    const first = pts.items[0]!;
    if (pts.range) return [this.window(at, first, pts.items[1]!, this.i)];
    if (pts.items.length === 1) {
      // A bare range "01/11 - 09/11/2024", "2024 - 2026", "tháng 3 đến tháng 6/2024".
      const save = this.i;
      if (this.eatP('-') || this.eat('den') || this.eat('toi')) {
        this.eat('het');
        const end = this.parseBound();
        if (end?.point) return [this.window(at, first, end, this.i)];
      }
      this.i = save;
    }
    if (first.partialDay !== undefined) {
      this.i = at;
      return null;
    }
    const parts: Part[] = [];
    pts.items.forEach((item, k) => {
      const a = k === 0 ? at : item.a;
      const d: Deadline = { kind: 'by', text: this.slice(a, item.b), point: item.point! };
      if (marker) {
        d.before = true;
        d.marker = marker;
      }
      parts.push({ d, a, b: item.b, sep: k === 0 ? '' : ',' });
    });
    return parts;
  }

  /** After "từ" with no end: "từ ngày 01/7/2025", "từ quý III/2025 trở đi" — ongoing from then on. */
  private openStart(at: number): Part[] | null {
    this.parsePrefixes();
    const start = this.parseBound(false);
    if (!start?.point) return null;
    this.eat('tro', 'di') || this.eat('tro', 've', 'sau') || this.eat('ve', 'sau');
    return [{ d: { kind: 'ongoing', text: this.slice(at, this.i), from: start.point }, a: at, b: this.i, sep: '' }];
  }

  /**
   * "ngày 20 hằng tháng", "ngày 15 của tháng cuối quý", "ngày 10 tháng đầu quý sau", and a bare
   * "ngày 20" when the phrase says "hằng tháng" elsewhere: that day of each month (of each quarter),
   * as the twelve (four) yearly days it stands for.
   */
  private parseEveryDay(at: number, marker: Marker): Part[] | null {
    const start = this.i;
    this.eat('ngay');
    const n = this.t();
    if (n.kind !== 'num' || n.key.length > 2 || n.value < 1 || n.value > 31 || this.dateSep(1)) return this.reset(start);
    this.i++;
    this.eat('cua') || this.eat('trong');
    let every: Every | undefined;
    const here = this.i;
    if ((this.eat('hang') || this.eat('moi') || this.eat('cac')) && this.eat('thang')) every = { unit: 'month', day: n.value };
    else {
      this.i = here;
      if (this.eat('thang')) every = this.monthOfQuarter(n.value);
      else if (this.monthly && this.itemEndsHere()) every = { unit: 'month', day: n.value };
    }
    if (!every) return this.reset(start);
    const months = every.unit === 'month' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : [1, 4, 7, 10].map((m) => ((m - 1 + every.monthInQuarter - 1 + (every.next ? 3 : 0)) % 12) + 1);
    const text = this.slice(at, this.i);
    const parts: Deadline[] = months.map((month) => {
      const d: Deadline = { kind: 'by', text, point: { unit: 'day', month, day: n.value } };
      if (marker) {
        d.before = true;
        d.marker = marker;
      }
      return d;
    });
    return [{ d: { kind: 'combined', text, parts, every }, a: at, b: this.i, sep: '' }];
  }

  /** After "ngày 15 tháng": "cuối quý", "đầu của quý sau", "giữa mỗi quý". */
  private monthOfQuarter(day: number): Every | undefined {
    const which = this.eat('dau') ? 1 : this.eat('giua') ? 2 : this.eat('cuoi') ? 3 : undefined;
    if (which === undefined) return undefined;
    this.eat('tien'); // "tháng đầu tiên"
    this.eat('cua');
    this.eat('moi') || this.eat('hang') || this.eat('cac');
    if (!(this.eat('quy') || this.eat('qui'))) return undefined;
    const next = this.eat('sau') || this.eat('tiep', 'theo') || this.eat('ke', 'tiep') || this.eat('ke');
    return next ? { unit: 'quarter', day, monthInQuarter: which, next } : { unit: 'quarter', day, monthInQuarter: which };
  }

  private itemEndsHere(): boolean {
    const t = this.t();
    return t.kind === 'end' || (t.kind === 'punct' && (t.key === ';' || t.key === ',' || t.key === ')' || t.key === '.'));
  }

  /** After "từ": a start, "đến" / "-", an end. */
  private windowAfter(at: number, allowPartial: boolean): Part[] | null {
    const start = this.parseBound(allowPartial);
    if (!start) return null;
    if (!(this.eat('den') || this.eat('toi') || this.eatP('-'))) return null;
    this.eat('het');
    const end = this.parseBound();
    if (!end?.point) return null;
    return [this.window(at, start, end, this.i)];
  }

  private parseBound(allowPartial = true): PointItem | null {
    const at = this.i;
    this.eat('het');
    const pts = this.parsePoints(true);
    if (!pts || pts.range || pts.items.length !== 1) {
      this.i = at;
      return null;
    }
    const item = pts.items[0]!;
    if (item.partialDay !== undefined && !allowPartial) {
      this.i = at;
      return null;
    }
    return item;
  }

  /** Builds a window, filling a missing year (or month) of one end from the other. */
  private window(a: number, fromItem: PointItem, toItem: PointItem, b: number): Part {
    const to = toItem.point!;
    let from: Point;
    if (fromItem.partialDay !== undefined) {
      if (to.unit !== 'day') throw this.unreadable(fromItem.a);
      let month = to.month;
      let year = to.year;
      if (fromItem.partialDay > to.day) {
        month--;
        if (month === 0) {
          month = 12;
          if (year !== undefined) year--;
        }
      }
      from = withYear({ unit: 'day', month, day: fromItem.partialDay }, year);
      this.checkDay(from, fromItem.a, fromItem.b);
    } else from = fromItem.point!;
    let end = to;
    if (from.year === undefined && end.year !== undefined) {
      from = withYear(from, end.year);
      if (compareDates(startOf(from, end.year), endOf(end, end.year)) > 0) from = withYear(from, end.year - 1);
      this.checkDay(from, fromItem.a, fromItem.b);
    } else if (from.year !== undefined && end.year === undefined) {
      end = withYear(end, from.year);
      if (compareDates(endOf(end, from.year), startOf(from, from.year)) < 0) end = withYear(end, from.year + 1);
      this.checkDay(end, toItem.a, toItem.b);
    } else if (from.year !== undefined && end.year !== undefined) {
      if (compareDates(startOf(from, from.year), endOf(end, end.year)) > 0) {
        throw this.hard(
          `khoảng thời gian bắt đầu (${this.slice(fromItem.a, fromItem.b)}) sau khi kết thúc (${this.slice(toItem.a, toItem.b)}).`,
          `the period starts (${this.slice(fromItem.a, fromItem.b)}) after it ends (${this.slice(toItem.a, toItem.b)}).`,
          fromItem.a,
          toItem.b,
        );
      }
    }
    return { d: { kind: 'window', text: this.slice(a, b), from, to: end }, a, b, sep: '' };
  }

  // -- points

  /**
   * One point, or a list sharing a year ("tháng 11, 12/2013", "quý I và II/2024"),
   * or a range inside one unit ("tháng 3-6/2024"). `single` stops at one item
   * (window ends).
   */
  private parsePoints(single: boolean): Points | null {
    const at = this.i;
    this.checkYearFirst(0);
    const edge = this.parseEdge();
    if (edge) return { items: [edge], range: false };
    const schoolYear = this.parseSchoolYear();
    if (schoolYear) return schoolYear;
    const half = this.parseHalf(single);
    if (half) return half;
    const tet = this.parseTet();
    if (tet) return { items: [tet], range: false };
    if (this.eat('quy') || this.eat('qui')) {
      const r = this.parseUnitList(at, 'quarter', single);
      if (r) return r;
      this.i = at;
      return null;
    }
    if (this.eat('thang')) {
      const r = this.parseUnitList(at, 'month', single);
      if (r) return r;
      this.i = at;
      return null;
    }
    const day = this.parseDay();
    if (day) return { items: [day], range: false };
    this.i = at;
    const year = this.parseYear();
    if (year) return { items: [year], range: false };
    this.i = at;
    return null;
  }

  /** "đầu / giữa / cuối" + tháng, năm or quý (Bộ luật Dân sự Điều 146). */
  private parseEdge(): PointItem | null {
    const at = this.i;
    const which = this.eat('dau') ? 'dau' : this.eat('giua') ? 'giua' : this.eat('cuoi') ? 'cuoi' : undefined;
    if (!which) return null;
    if (this.eat('thang')) {
      const m = this.readMonth();
      if (m === undefined) return this.reset(at);
      const year = this.readYearSuffix();
      let point: Point;
      if (which === 'dau') point = withYear({ unit: 'day', month: m, day: 1 }, year);
      else if (which === 'giua') point = withYear({ unit: 'day', month: m, day: 15 }, year);
      // Without a year the last day depends on the year (February): keep the month.
      else point = year === undefined ? { unit: 'month', month: m } : { unit: 'day', year, month: m, day: daysInMonth(year, m) };
      return { point, a: at, b: this.i };
    }
    if (this.eat('quy') || this.eat('qui')) {
      if (which === 'giua') return this.reset(at);
      const q = this.readQuarter();
      if (q === undefined) return this.reset(at);
      const year = this.readYearSuffix();
      const month = which === 'dau' ? (q - 1) * 3 + 1 : q * 3;
      const day = which === 'dau' ? 1 : daysInMonth(2001, month);
      return { point: withYear({ unit: 'day', month, day }, year), a: at, b: this.i };
    }
    const saidYear = this.eat('nam');
    const year = this.readYear();
    if (!saidYear && year === undefined) return this.reset(at);
    const [month, day] = which === 'dau' ? [1, 1] : which === 'giua' ? [6, 30] : [12, 31];
    return { point: withYear({ unit: 'day', month, day }, year), a: at, b: this.i };
  }

  /** "năm học 2025-2026": September of the first year to May of the second (the school calendar). */
  private parseSchoolYear(): Points | null {
    const at = this.i;
    if (!this.eat('nam', 'hoc')) return null;
    const y1 = this.readYear();
    if (y1 === undefined || !(this.eatP('-') || this.eatP('/') || this.eat('den'))) return this.reset(at);
    const y2b = this.i;
    const y2 = this.readYear();
    if (y2 !== y1 + 1) return this.reset(at);
    return {
      items: [
        { point: { unit: 'month', year: y1, month: 9 }, a: at, b: y2b },
        { point: { unit: 'month', year: y2, month: 5 }, a: y2b, b: this.i },
      ],
      range: true,
    };
  }

  /**
   * "trước năm học 2026 - 2027": before the school year starts, so by 31 August of its first year. Not the
   * year's window (it is over by then), and no "trước" flag: a strict reading would move it a day earlier still.
   */
  private beforeSchoolYear(at: number): Part[] | null {
    const schoolYear = this.parseSchoolYear();
    const start = schoolYear?.items[0]?.point;
    if (start?.year === undefined) return null;
    const point: Point = { unit: 'day', year: start.year, month: 8, day: 31 };
    return [{ d: { kind: 'by', text: this.slice(at, this.i), point }, a: at, b: this.i, sep: '' }];
  }

  /** "6 tháng đầu năm 2024", "sáu tháng cuối năm", "nửa đầu năm 2024". */
  private parseHalf(single: boolean): Points | null {
    const at = this.i;
    const six = (this.t().kind === 'num' && this.t().value === 6 && this.t().key.length <= 2) || this.isW(0, 'sau');
    if (six && this.isW(1, 'thang') && (this.isW(2, 'dau') || this.isW(2, 'cuoi'))) {
      this.i += 2;
    } else if (!this.eat('nua')) return null;
    const half: 1 | 2 | undefined = this.eat('dau') ? 1 : this.eat('cuoi') ? 2 : undefined;
    if (!half) return this.reset(at);
    this.eat('nam');
    let year = this.readYear() ?? this.readYearSuffix();
    const first: PointItem = { point: withYear({ unit: 'half', half }, year), a: at, b: this.i };
    // "6 tháng đầu năm và cuối năm 2026": both halves, of the year written last.
    const save = this.i;
    if (!single && year === undefined && this.eat('va')) {
      const secondAt = this.i;
      if ((this.isNum(0, 2) || this.isW(0, 'sau')) && this.isW(1, 'thang')) this.i += 2;
      const other: 1 | 2 | undefined = half === 1 && this.eat('cuoi') ? 2 : half === 2 && this.eat('dau') ? 1 : undefined;
      if (other && this.eat('nam')) {
        year = this.readYear() ?? this.readYearSuffix();
        first.point = withYear(first.point!, year);
        return { items: [first, { point: withYear({ unit: 'half', half: other }, year), a: secondAt, b: this.i }], range: false };
      }
    }
    this.i = save;
    return { items: [first], range: false };
  }

  /** "Tết Nguyên đán 2026", "Tết Nguyên đán Bính Ngọ 2026": mùng 1 Tết of that year (Vietnamese calendar). */
  private parseTet(): PointItem | null {
    const at = this.i;
    if (!this.eat('tet')) return null;
    this.eat('nguyen', 'dan') || this.eat('am', 'lich') || this.eat('co', 'truyen');
    if (this.t().kind === 'word' && CAN.has(this.t().key) && this.t(1).kind === 'word' && CHI.has(this.t(1).key)) this.i += 2;
    const year = this.readYear() ?? this.readYearSuffix();
    if (year === undefined) return this.reset(at);
    const d = lunarNewYear(year);
    return { point: { unit: 'day', year, month: d.month, day: d.day }, a: at, b: this.i };
  }

  /** After "tháng" / "quý": one or more numbers, then an optional year for all. */
  private parseUnitList(at: number, unit: 'month' | 'quarter', single: boolean): Points | null {
    const read = () => (unit === 'month' ? this.readMonth() : this.readQuarter());
    const keyword = () => (unit === 'month' ? this.eat('thang') : this.eat('quy') || this.eat('qui'));
    const firstValue = read();
    if (firstValue === undefined) return null;
    const values: { v: number; a: number; b: number }[] = [{ v: firstValue, a: at, b: this.i }];
    let range = false;
    while (!single) {
      const save = this.i;
      const isRange = this.isP(0, '-') || this.isW(0, 'den') || this.isW(0, 'toi');
      const isList = this.isP(0, ',') || this.isW(0, 'va');
      if (!(isRange || isList) || range) break;
      this.i++;
      const itemAt = this.i;
      const withKeyword = keyword();
      // A bare number must be a month (or quarter), not the day of "20/5" nor a year.
      if (!withKeyword && !this.bareUnitNumberAhead(unit)) {
        this.i = save;
        break;
      }
      const v = read();
      if (v === undefined) {
        this.i = save;
        break;
      }
      values.push({ v, a: itemAt, b: this.i });
      if (isRange) range = true;
    }
    const year = this.readYearSuffix();
    const last = values[values.length - 1]!;
    last.b = this.i;
    const items = values.map(({ v, a, b }) => ({
      point: unit === 'month' ? withYear({ unit: 'month', month: v }, year) : withYear({ unit: 'quarter', quarter: v as 1 | 2 | 3 | 4 }, year),
      a,
      b,
    }));
    return { items, range };
  }

  private bareUnitNumberAhead(unit: 'month' | 'quarter'): boolean {
    const t = this.t();
    if (unit === 'quarter' && t.kind === 'word') return ROMAN_QUARTERS.has(t.key);
    if (t.kind !== 'num' || t.key.length > 2) return false;
    // "12/2013" continues a month list; "20/5" is a day.
    const sep = this.dateSep(1);
    if (sep && this.isNum(2, 2)) return false;
    return !this.isW(1, 'thang') && !this.isW(1, 'ngay');
  }

  private readMonth(): number | undefined {
    const t = this.t();
    if (t.kind !== 'num' || t.key.length > 2) return undefined;
    if (t.value < 1 || t.value > 12) {
      throw this.hard(`không có tháng ${t.key} (tháng từ 1 đến 12).`, `there is no month ${t.key} (months run from 1 to 12).`, this.i, this.i + 1);
    }
    this.i++;
    return t.value;
  }

  private readQuarter(): 1 | 2 | 3 | 4 | undefined {
    const t = this.t();
    if (t.kind === 'word') {
      const q = QUARTER_WORDS[t.key];
      if (q !== undefined) {
        this.i++;
        return q;
      }
      if (ROMAN_LIKE_RE.test(t.key)) {
        throw this.hard(`không có quý ${t.key.toUpperCase()} (quý từ I đến IV).`, `there is no quarter ${t.key.toUpperCase()} (quarters run from I to IV).`, this.i, this.i + 1);
      }
      return undefined;
    }
    if (t.kind !== 'num' || t.key.length > 2) return undefined;
    if (t.value < 1 || t.value > 4) {
      throw this.hard(`không có quý ${t.key} (quý từ 1 đến 4).`, `there is no quarter ${t.key} (quarters run from 1 to 4).`, this.i, this.i + 1);
    }
    this.i++;
    return t.value as 1 | 2 | 3 | 4;
  }

  /** "/2024", "-2024", ".2024" written tight, or "năm 2024". */
  private readYearSuffix(): number | undefined {
    if (this.dateSep(0) && this.t(1).kind === 'num' && this.t(1).key.length === 4) {
      this.i++;
      return this.readYear();
    }
    if (this.isW(0, 'nam') && this.t(1).kind === 'num' && this.t(1).key.length === 4) {
      this.i++;
      return this.readYear();
    }
    return undefined;
  }

  private readYear(): number | undefined {
    const t = this.t();
    if (t.kind !== 'num' || t.key.length !== 4) return undefined;
    this.checkYearFirst(0);
    if (t.value < MIN_YEAR || t.value > MAX_YEAR) {
      throw this.hard(`năm ${t.key} không hợp lý.`, `the year ${t.key} is not plausible.`, this.i, this.i + 1);
    }
    this.i++;
    return t.value;
  }

  /** "2024/02/05", "2024-02": a year first leaves day and month unclear. Refuse. */
  private checkYearFirst(o: number): void {
    const t = this.t(o);
    if (t.kind !== 'num' || t.key.length !== 4 || !this.dateSep(o + 1) || !this.isNum(o + 2, 2)) return;
    let b = this.i + o + 3;
    while (b + 1 < this.toks.length && this.dateSepAt(b) && this.toks[b + 1]!.kind === 'num') b += 2;
    const written = this.slice(this.i + o, b);
    throw this.hard(
      `“${written}” viết năm trước nên không rõ đâu là ngày, đâu là tháng.`,
      `“${written}” puts the year first, so day and month are unclear.`,
      this.i + o,
      b,
      localized(`Viết ngày trước, tháng sau, năm cuối, ví dụ 05/02/2024. ${GENERAL_HELP.vi}`, `Write day, month, then year, e.g. 05/02/2024. ${GENERAL_HELP.en}`),
    );
  }

  private dateSepAt(k: number): boolean {
    const save = this.i;
    this.i = k;
    const r = this.dateSep(0) !== undefined;
    this.i = save;
    return r;
  }

  /**
   * "05/02/2024", "5-2-2024", "05.02.2024", "ngày 5 tháng 2 năm 2024", "20/5",
   * "6/2024" (a month), or "ngày 01" alone (a window's start).
   */
  private parseDay(): PointItem | null {
    const at = this.i;
    const saidDay = this.eat('ngay');
    this.checkYearFirst(0);
    const dTok = this.t();
    if (dTok.kind !== 'num' || dTok.key.length > 2) return this.reset(at);
    this.i++;
    const sep1 = this.dateSep(0);
    if (sep1 && this.t(1).kind === 'num') {
      const second = this.t(1);
      if (second.key.length === 4) {
        // "6/2024": a month of a year.
        if (dTok.value < 1 || dTok.value > 12) {
          throw this.hard(`không có tháng ${dTok.key} (tháng từ 1 đến 12).`, `there is no month ${dTok.key} (months run from 1 to 12).`, this.i - 1, this.i + 2);
        }
        this.i++;
        const year = this.readYear()!;
        return { point: { unit: 'month', year, month: dTok.value }, a: at, b: this.i };
      }
      if (second.key.length > 2) return this.reset(at);
      // "01-09/11/2024": days 1 to 9 of November, so "01" stands alone before the dash.
      const sep2 = this.dateSep(2);
      if (sep1 === '-' && sep2 && sep2 !== '-' && this.t(3).kind === 'num') {
        return this.partialDay(at, dTok);
      }
      this.i += 2;
      const numAt = this.i - 3;
      let year: number | undefined;
      if (sep2 === sep1 && this.t(1).kind === 'num') {
        const third = this.t(1);
        if (third.key.length !== 4) {
          throw this.hard(`năm trong “${this.slice(numAt, this.i + 2)}” phải viết đủ 4 chữ số.`, `the year in “${this.slice(numAt, this.i + 2)}” must have 4 digits.`, numAt, this.i + 2);
        }
        this.i++;
        year = this.readYear();
      } else if (this.isW(0, 'nam') && this.t(1).kind === 'num') {
        this.i++;
        year = this.readYear();
        if (year === undefined) return this.reset(at);
      }
      const point = withYear({ unit: 'day', month: second.value, day: dTok.value }, year);
      this.checkDay(point, numAt, this.i);
      return { point, a: at, b: this.i };
    }
    if (this.isW(0, 'thang') && this.t(1).kind === 'num' && this.t(1).key.length <= 2) {
      const numAt = this.i - 1;
      this.i++;
      const month = this.t().value;
      this.i++;
      let year: number | undefined;
      if (this.eat('nam')) {
        year = this.readYear();
        if (year === undefined) return this.reset(at);
      }
      const point = withYear({ unit: 'day', month, day: dTok.value }, year);
      this.checkDay(point, numAt, this.i);
      return { point, a: at, b: this.i };
    }
    // A lone number is only a day when a window's end follows and supplies the month.
    if (this.isP(0, '-') || this.isW(0, 'den') || this.isW(0, 'toi')) return this.partialDay(at, dTok);
    if (saidDay && this.atEnd(false)) {
      throw this.hard(`“${this.slice(at, this.i)}” thiếu tháng.`, `“${this.slice(at, this.i)}” has no month.`, at, this.i);
    }
    return this.reset(at);
  }

  private partialDay(at: number, dTok: Tok): PointItem {
    if (dTok.value < 1 || dTok.value > 31) {
      throw this.hard(`không có ngày ${dTok.key} (một tháng có nhiều nhất 31 ngày).`, `there is no day ${dTok.key} (a month has at most 31 days).`, this.i - 1, this.i);
    }
    return { partialDay: dTok.value, a: at, b: this.i };
  }

  /** "năm 2024", "các năm 2024", "2024". */
  private parseYear(): PointItem | null {
    const at = this.i;
    if (this.eat('cac') || this.eat('nhung')) {
      if (!this.isW(0, 'nam')) return this.reset(at);
    }
    this.eat('nam');
    const year = this.readYear();
    if (year === undefined) return this.reset(at);
    return { point: { unit: 'year', year }, a: at, b: this.i };
  }

  private reset(at: number): null {
    this.i = at;
    return null;
  }

  /** A day that does not exist is an error, never rolled over. */
  private checkDay(p: Point, a: number, b: number): void {
    if (p.unit !== 'day') return;
    const written = this.slice(a, b);
    if (p.month < 1 || p.month > 12) {
      throw this.hard(
        `ngày “${written}” không có thật: không có tháng ${p.month} (tháng từ 1 đến 12; ngày viết trước tháng).`,
        `“${written}” is not a real date: there is no month ${p.month} (months run from 1 to 12; the day comes first).`,
        a,
        b,
      );
    }
    const named = p.year === undefined ? `${pad2(p.day)}/${pad2(p.month)}` : `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
    if (p.day < 1 || p.day > 31) {
      throw this.hard(
        `ngày “${written}” không có thật: không có ngày ${p.day} (một tháng có nhiều nhất 31 ngày).`,
        `“${written}” is not a real date: there is no day ${p.day} (a month has at most 31 days).`,
        a,
        b,
      );
    }
    const max = p.year === undefined ? (p.month === 2 ? 29 : daysInMonth(2001, p.month)) : daysInMonth(p.year, p.month);
    if (p.day > max) {
      const ofVi = p.year === undefined ? `tháng ${p.month}` : `tháng ${p.month}/${p.year}`;
      const ofEn = p.year === undefined ? MONTH_EN[p.month]! : `${MONTH_EN[p.month]} ${p.year}`;
      throw this.hard(`ngày ${named} không có thật (${ofVi} chỉ có ${max} ngày).`, `${named} does not exist (${ofEn} has ${max} days).`, a, b);
    }
  }

  // -- combining the parts

  finish(parts: Part[], text: string): Deadline {
    this.shareYears(parts);
    const kept = this.absorbRecurrence(parts);
    const merged = this.mergeOngoing(kept);
    const peaks = merged.filter((p) => p.peak);
    const rest = merged.filter((p) => !p.peak);
    let peak = peaks[0]?.d as Window | undefined;
    // Further peaks are kept as windows of their own.
    for (const extra of peaks.slice(1)) rest.push(extra);
    if (peak && peak.from.year === undefined && peak.to.year === undefined) {
      const year = singleYear(rest.map((p) => p.d));
      if (year !== undefined) {
        const p0 = peaks[0]!;
        const dated = this.window(p0.a, { point: peak.from, a: p0.a, b: p0.b }, { point: withYear(peak.to, year), a: p0.a, b: p0.b }, p0.b);
        peak = { ...(dated.d as Window), text: peak.text };
      }
    }
    if (!peak && rest.length === 1) return { ...rest[0]!.d, text } as Deadline;
    const combined: Deadline = { kind: 'combined', text, parts: rest.map((p) => p.d) };
    if (peak) combined.peak = peak;
    return combined;
  }

  /** "tháng 11 và tháng 12/2013", "trước ngày 20/5 và 15/11/2024": the last year (and "trước") apply to the run. */
  private shareYears(parts: Part[]): void {
    for (let j = parts.length - 1; j > 0; j--) {
      const cur = parts[j]!;
      const prev = parts[j - 1]!;
      if (cur.d.kind !== 'by' || prev.d.kind !== 'by' || (cur.sep !== ',' && cur.sep !== 'va')) continue;
      if (cur.d.point.unit !== prev.d.point.unit || cur.d.point.unit === 'year') continue;
      if (cur.d.point.year !== undefined && prev.d.point.year === undefined) {
        prev.d.point = withYear(prev.d.point, cur.d.point.year);
        this.checkDay(prev.d.point, prev.a, prev.b);
      }
    }
    for (let j = 1; j < parts.length; j++) {
      const cur = parts[j]!;
      const prev = parts[j - 1]!;
      if (cur.d.kind !== 'by' || prev.d.kind !== 'by' || (cur.sep !== ',' && cur.sep !== 'va')) continue;
      if (cur.d.point.unit !== prev.d.point.unit) continue;
      if (prev.d.before && !cur.d.before) {
        cur.d.before = true;
        if (prev.d.marker) cur.d.marker = prev.d.marker;
      }
    }
  }

  /** "hằng năm, ngày 20/05", "định kỳ 6 tháng (trước ngày 20/5)": the yearless point already recurs. */
  private absorbRecurrence(parts: Part[]): Part[] {
    const yearless = (p: Part | undefined) =>
      !!p &&
      !p.peak &&
      ((p.d.kind === 'by' && p.d.point.year === undefined) ||
        (p.d.kind === 'window' && p.d.from.year === undefined && p.d.to.year === undefined) ||
        (p.d.kind === 'combined' && p.d.every !== undefined));
    return parts.filter((p, k) => !(p.recurrence && (yearless(parts[k + 1]) || yearless(parts[k - 1]))));
  }

  /** "thường xuyên, liên tục": one ongoing deadline. */
  private mergeOngoing(parts: Part[]): Part[] {
    const out: Part[] = [];
    for (const p of parts) {
      const prev = out[out.length - 1];
      if (prev && prev.d.kind === 'ongoing' && p.d.kind === 'ongoing' && !prev.d.from && !p.d.from && p.sep !== ';') {
        out[out.length - 1] = { ...prev, d: { kind: 'ongoing', text: this.slice(prev.a, p.b) }, b: p.b };
      } else out.push(p);
    }
    return out;
  }
}

function withYear<P extends Point>(p: P, year: number | undefined): P {
  if (year === undefined) return p;
  return { ...p, year };
}

/** The one year all dated parts share, if there is exactly one. */
function singleYear(ds: Deadline[]): number | undefined {
  let year: number | undefined;
  for (const d of ds) {
    const ys = d.kind === 'by' ? [d.point.year] : d.kind === 'window' ? [d.from.year, d.to.year] : [];
    for (const y of ys) {
      if (y === undefined) continue;
      if (year !== undefined && year !== y) return undefined;
      year = y;
    }
  }
  return year;
}

// ---------------------------------------------------------------- parseDeadline

const COMBINING_MARK = (c: number) => (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff);

/**
 * NFC text and, when normalising changed it, where each NFC code unit came
 * from, so error offsets point into the text as the caller gave it.
 */
function normalizeWithMap(text: string): { s: string; map?: number[] } {
  const s = text.normalize('NFC');
  if (s === text) return { s };
  let out = '';
  const map: number[] = [];
  let k = 0;
  while (k < text.length) {
    let e = k + 1;
    while (e < text.length && COMBINING_MARK(text.charCodeAt(e))) e++;
    const chunk = text.slice(k, e).normalize('NFC');
    for (let c = 0; c < chunk.length; c++) map.push(k);
    out += chunk;
    k = e;
  }
  return { s: out, map };
}

export function parseDeadline(text: string): DeadlineParse {
  const raw = typeof text === 'string' ? text : '';
  const { s, map } = normalizeWithMap(raw);
  const toks = tokenize(s);
  const quoted = quote(s.trim());
  const origin = (n: number) => (map ? (n >= map.length ? raw.length : map[n]!) : n);
  const fail = (e: HardError): DeadlineParse => {
    const start = origin(e.start);
    const end = origin(e.end);
    return { ok: false, message: e.message, help: e.help, offset: start, length: Math.max(0, end - start) };
  };
  if (toks.length === 1) {
    const at = origin(toks[0]!.start);
    return {
      ok: false,
      message: localized(`Thời hạn “${quoted}” để trống: chưa ghi thời gian.`, `The deadline “${quoted}” is empty.`),
      help: GENERAL_HELP,
      offset: raw.trim() ? at : 0,
      length: 0,
    };
  }
  const whole = s.slice(toks[0]!.start, toks[toks.length - 1]!.end);
  const read = parseTokens(s, toks, quoted, whole);
  if (!(read instanceof HardError)) {
    const { prose } = read;
    const deadline = lastingFrom(whole, read.deadline) ?? read.deadline;
    return prose ? { ok: true, deadline, prose: { offset: origin(prose.start), length: origin(prose.end) - origin(prose.start) } } : { ok: true, deadline };
  }
  if (read.unreadable && read.start === toks[0]!.start) {
    const found = readPastProse(s, toks, whole);
    if (found) {
      const deadline = lastingFrom(whole, found.deadline) ?? found.deadline;
      return { ok: true, deadline, prose: { offset: origin(toks[0]!.start), length: origin(found.at) - origin(toks[0]!.start) } };
    }
  }
  return fail(read);
}

function parseTokens(s: string, toks: Tok[], quoted: string, whole: string): { deadline: Deadline; prose?: { start: number; end: number } } | HardError {
  const parser = new Parser(s, toks, quoted);
  try {
    const parts = parser.parseList(false);
    if (toks[parser.i]!.kind !== 'end') throw parser.unreadable(parser.i);
    const deadline = parser.finish(parts, whole);
    return parser.prose ? { deadline, prose: parser.prose } : { deadline };
  } catch (e) {
    if (e instanceof HardError) return e;
    throw e;
  }
}

/** Words that can open the time inside a sentence ("… xong trước ngày 01/01/2030"). Events are not looked for. */
const TIME_OPENERS = new Set([
  'thuong',
  'lien',
  'quanh',
  'truoc',
  'cham',
  'trong',
  'tu',
  'ke',
  'bat',
  'ngay',
  'thang',
  'quy',
  'qui',
  'nam',
  'hang',
  'moi',
  'dinh',
  'den',
  'dau',
  'giua',
  'cuoi',
  'xong',
  'vao',
  'han',
]);

/** Words that tie a time to something ("trước Tết …", "sau khi …"): prose holding them cannot be read past. */
const RELATION_WORDS = new Set(['trước', 'sau', 'từ', 'đến', 'tới', 'chậm', 'hạn', 'khi', 'kể']);

/** Compared as written, not folded: "từ" relates a time, "(đầu) tư" does not. */
function relatesTime(src: string, skipped: Tok[]): boolean {
  return skipped.some((t) => t.kind === 'word' && RELATION_WORDS.has(src.slice(t.start, t.end).toLowerCase()));
}

/**
 * A sentence that ends in a time ("Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày
 * 01/01/2030", "1,5 ngày (bắt đầu từ 13h30 thứ Hai ngày 06/7/2026)"): the first place from
 * which the rest reads as a deadline with a number in it. The text stays as written.
 */
function readPastProse(s: string, toks: Tok[], whole: string): { deadline: Deadline; at: number } | undefined {
  for (let k = 1; k < toks.length - 1; k++) {
    const t = toks[k]!;
    if (!(t.kind === 'word' && TIME_OPENERS.has(t.key))) continue;
    if (!toks.slice(k).some((x) => x.kind === 'num')) return undefined;
    let rest = s.slice(t.start, toks[toks.length - 1]!.end);
    // The time may close a parenthesis opened in the prose.
    const opened = (rest.match(/\(/g) ?? []).length;
    const closed = (rest.match(/\)/g) ?? []).length;
    if (closed > opened) rest = rest.replace(/\)\s*$/, '');
    const sub = tokenize(rest);
    const read = parseTokens(rest, sub, quote(rest.trim()), rest.slice(sub[0]!.start, sub[sub.length - 1]!.end));
    if (!(read instanceof HardError) && !relatesTime(s, toks.slice(0, k))) return { deadline: { ...read.deadline, text: whole }, at: t.start };
  }
  return undefined;
}

/**
 * "1,5 ngày (bắt đầu từ 13h30 thứ Hai ngày 06/7/2026)", "trong 02 ngày, bắt đầu từ ngày 06/7/2026": an event lasting
 * N days from a dated start is a window over those days (a part day counts whole: 1,5 days from a Monday afternoon
 * end on the Tuesday), not work ongoing from that day.
 */
function lastingFrom(whole: string, d: Deadline): Deadline | undefined {
  if (d.kind !== 'ongoing' || d.from?.unit !== 'day' || d.from.year === undefined) return undefined;
  const m = /^(?:trong(?:\s+vòng)?\s+)?(\d{1,3})(?:[,.](\d{1,2}))?\s+ngày[\s,(]*(?:bắt\s+đầu\s+)?từ\s/iu.exec(whole);
  if (!m) return undefined;
  const days = Math.ceil(Number(`${m[1]}.${m[2] ?? '0'}`));
  if (days < 1) return undefined;
  const { year, month, day } = d.from;
  const end = addDays({ year, month, day }, days - 1);
  return { kind: 'window', text: d.text, from: d.from, to: { unit: 'day', year: end.year, month: end.month, day: end.day } };
}

// ---------------------------------------------------------------- resolve

function startOf(p: Point, year: number): CalendarDate {
  switch (p.unit) {
    case 'day':
      return { year, month: p.month, day: Math.min(p.day, daysInMonth(year, p.month)) };
    case 'month':
      return { year, month: p.month, day: 1 };
    case 'quarter':
      return { year, month: (p.quarter - 1) * 3 + 1, day: 1 };
    case 'half':
      return { year, month: p.half === 1 ? 1 : 7, day: 1 };
    case 'year':
      return { year, month: 1, day: 1 };
  }
}

/** The last day of a point; a yearless 29/02 falls on 28/02 in common years. */
function endOf(p: Point, year: number): CalendarDate {
  switch (p.unit) {
    case 'day':
      return { year, month: p.month, day: Math.min(p.day, daysInMonth(year, p.month)) };
    case 'month':
      return { year, month: p.month, day: daysInMonth(year, p.month) };
    case 'quarter': {
      const month = p.quarter * 3;
      return { year, month, day: daysInMonth(year, month) };
    }
    case 'half':
      return p.half === 1 ? { year, month: 6, day: 30 } : { year, month: 12, day: 31 };
    case 'year':
      return { year, month: 12, day: 31 };
  }
}

/** Start and end of a window whose end falls in `toYear` (or wherever its years say). */
function placeWindow(w: Window, anchorYear: number): { start: CalendarDate; due: CalendarDate } {
  const { from, to } = w;
  if (from.year !== undefined && to.year !== undefined) return { start: startOf(from, from.year), due: endOf(to, to.year) };
  if (from.year !== undefined) {
    const start = startOf(from, from.year);
    let due = endOf(to, from.year);
    if (compareDates(due, start) < 0) due = endOf(to, from.year + 1);
    return { start, due };
  }
  const toYear = to.year ?? anchorYear;
  const due = endOf(to, toYear);
  let start = startOf(from, toYear);
  if (compareDates(start, due) > 0) start = startOf(from, toYear - 1);
  return { start, due };
}

function addMonths(d: CalendarDate, n: number): CalendarDate {
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

function addWorkingDays(d: CalendarDate, n: number): CalendarDate {
  let cur = d;
  let left = n;
  while (left > 0) {
    cur = addDays(cur, 1);
    const w = weekday(cur);
    if (w !== 0 && w !== 6) left--;
  }
  return cur;
}

export interface ResolveOptions {
  eventDate?: CalendarDate;
  strictBefore?: boolean;
  /** The plan's first day: a recurring limit (a point or window without a year) due before it does not exist. */
  since?: CalendarDate;
}

/**
 * The occurrences of a deadline in the years, in date order. The list is shared (never change it): the same
 * parsed deadline (one per phrase, see model.ts) resolves the same way for the same years and options in every
 * plan of a province, and each check asks again.
 */
export function resolveDeadline(d: Deadline, years: { from: number; to: number }, opts: ResolveOptions = {}): readonly Occurrence[] {
  return resolveDeadlineWith(d, years, !!opts.strictBefore, opts.eventDate, opts.since);
}

/** resolveDeadline with its options one by one (no options object for each of a province's 30,000 tasks). */
export function resolveDeadlineWith(
  d: Deadline,
  years: { from: number; to: number },
  strictBefore: boolean,
  eventDate: CalendarDate | undefined,
  since: CalendarDate | undefined,
): readonly Occurrence[] {
  // Remembered by numbers (the years, the reading of "trước", the event's and the plan's days), not by a key made of text.
  let byYears = resolved.get(d);
  if (!byYears) resolved.set(d, (byYears = new Map()));
  const yearsKey = (years.from * 10_000 + years.to) * 2 + (strictBefore ? 1 : 0);
  let byEvent = byYears.get(yearsKey);
  if (!byEvent) byYears.set(yearsKey, (byEvent = new Map()));
  const eventKey = eventDate ? dayNumber(eventDate) : -1;
  let entry = byEvent.get(eventKey);
  if (!entry) {
    byEvent.set(eventKey, (entry = { all: resolveOnce(d, years, optionsOf(strictBefore, eventDate), undefined), since: new Map() }));
  }
  const all = entry.all;
  if (!since) return all;
  const sinceKey = dayNumber(since);
  let kept = entry.since.get(sinceKey);
  if (!kept) {
    // Nothing before the plan's date to drop: the same list, sorted the same. Else resolved apart for that day.
    kept = all.every((o) => existsSince(o, since)) ? all : resolveOnce(d, years, optionsOf(strictBefore, eventDate), since);
    entry.since.set(sinceKey, kept);
  }
  return kept;
}

/** The options of a resolution, made only when one is not remembered. */
const optionsOf = (strictBefore: boolean | undefined, eventDate: CalendarDate | undefined): ResolveOptions => ({
  ...(eventDate ? { eventDate } : {}),
  ...(strictBefore ? { strictBefore: true } : {}),
});

/** A day as one number, for keys (days are whole numbers, months ≤ 12: no two days share one). */
const dayNumber = (d: CalendarDate) => (d.year * 100 + d.month) * 100 + d.day;

/** A deadline's occurrences for some years and reading of "trước" and an event's day: all of them, and those since a plan's day. */
interface ResolvedLimits {
  all: readonly Occurrence[];
  since: Map<number, readonly Occurrence[]>;
}

const resolved = new WeakMap<Deadline, Map<number, Map<number, ResolvedLimits>>>();

function resolveOnce(d: Deadline, years: { from: number; to: number }, opts: ResolveOptions, since: CalendarDate | undefined): readonly Occurrence[] {
  let out: Occurrence[] = [];
  collect(d, years, opts, out);
  if (since) out = out.filter((o) => existsSince(o, since));
  out.sort((a, b) => compareDates(a.due, b.due) || (a.start && b.start ? compareDates(a.start, b.start) : 0));
  return out;
}

function collect(d: Deadline, years: { from: number; to: number }, opts: ResolveOptions, out: Occurrence[]): void {
  switch (d.kind) {
    case 'ongoing':
      return;
    case 'event': {
      let due = opts.eventDate ?? d.since;
      if (!due) return;
      if (d.offsetMonths) due = addMonths(due, d.offsetMonths);
      if (d.offsetDays) due = d.workingDays ? addWorkingDays(due, d.offsetDays) : addDays(due, d.offsetDays);
      out.push({ kind: 'due', due, source: d });
      return;
    }
    case 'by': {
      const p = d.point;
      // Only "trước" can mean "the day before"; "chậm nhất" is the last day itself.
      const strict = !!opts.strictBefore && !!d.before && d.marker !== 'cham-nhat';
      const occurrence = (y: number): Occurrence => {
        if (strict) return { kind: 'due', due: addDays(startOf(p, y), -1), source: d };
        if (p.unit === 'day') return { kind: 'due', due: endOf(p, y), source: d };
        return { kind: 'due', due: endOf(p, y), start: startOf(p, y), source: d };
      };
      if (p.year !== undefined) out.push(occurrence(p.year));
      else for (let y = years.from; y <= years.to; y++) out.push(occurrence(y));
      return;
    }
    case 'window':
      pushWindow(d, 'window', years, out);
      return;
    case 'combined':
      for (const part of d.parts) collect(part, years, opts, out);
      if (d.peak) pushWindow(d.peak, 'peak', years, out);
      return;
  }
}

/**
 * Whether an occurrence exists for a plan whose first day is `since`: one of a
 * recurring limit (a point or window without a year, resolved in every year)
 * due before the plan was signed does not; a dated one is the plan's own words.
 */
export function existsSince(o: Occurrence, since: CalendarDate | undefined): boolean {
  if (!since || compareDates(o.due, since) >= 0) return true;
  const s = o.source;
  return !((s.kind === 'by' && s.point.year === undefined) || (s.kind === 'window' && s.from.year === undefined && s.to.year === undefined));
}

function pushWindow(w: Window, kind: 'window' | 'peak', years: { from: number; to: number }, out: Occurrence[]): void {
  if (w.from.year !== undefined || w.to.year !== undefined) {
    const { start, due } = placeWindow(w, 0);
    out.push({ kind, start, due, source: w });
    return;
  }
  for (let y = years.from; y <= years.to; y++) {
    const { start, due } = placeWindow(w, y);
    out.push({ kind, start, due, source: w });
  }
}

// ---------------------------------------------------------------- describe

function dayMonth(p: { day: number; month: number }): string {
  return `${pad2(p.day)}/${pad2(p.month)}`;
}

function pointVi(p: Point): string {
  const y = p.year === undefined ? '' : `/${p.year}`;
  switch (p.unit) {
    case 'day':
      return `ngày ${dayMonth(p)}${y}`;
    case 'month':
      return `tháng ${pad2(p.month)}${y}`;
    case 'quarter':
      return `quý ${ROMAN[p.quarter]}${y}`;
    case 'half':
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm${p.year === undefined ? '' : ` ${p.year}`}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

function pointEn(p: Point): string {
  switch (p.unit) {
    case 'day':
      return p.year === undefined ? dayMonth(p) : `${dayMonth(p)}/${p.year}`;
    case 'month':
      return p.year === undefined ? MONTH_EN[p.month]! : `${MONTH_EN[p.month]} ${p.year}`;
    case 'quarter':
      return p.year === undefined ? `Q${p.quarter}` : `Q${p.quarter} ${p.year}`;
    case 'half':
      return `the ${p.half === 1 ? 'first' : 'second'} half${p.year === undefined ? '' : ` of ${p.year}`}`;
    case 'year':
      return String(p.year);
  }
}

function windowYearless(w: Window): boolean {
  return w.from.year === undefined && w.to.year === undefined;
}

/** A short description, in a form parseDeadline reads back (vi) or in English. */
export function describeDeadline(d: Deadline, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? describeVi(d) : describeEn(d);
}

const QUARTER_MONTH_VI = ['', 'đầu', 'giữa', 'cuối'];
const QUARTER_MONTH_EN = ['', 'first', 'second', 'last'];

function everyVi(e: Every, before: string): string {
  if (e.unit === 'month') return `${before}ngày ${e.day} hằng tháng`;
  return `${before}ngày ${e.day} tháng ${QUARTER_MONTH_VI[e.monthInQuarter]} quý${e.next ? ' sau' : ''}`;
}

function everyEn(e: Every, before: boolean): string {
  const on = before ? 'by' : 'on';
  if (e.unit === 'month') return `${on} day ${e.day} of every month`;
  return `${on} day ${e.day} of the ${QUARTER_MONTH_EN[e.monthInQuarter]} month of ${e.next ? 'the next' : 'each'} quarter`;
}

function describeVi(d: Deadline): string {
  switch (d.kind) {
    case 'ongoing':
      return d.text || (d.from ? `từ ${pointVi(d.from)}` : 'thường xuyên');
    case 'event':
      return d.text || 'khi có sự kiện';
    case 'by': {
      const pre = d.before ? (d.marker === 'cham-nhat' ? 'chậm nhất ' : 'trước ') : '';
      const body = pre + pointVi(d.point);
      return d.point.year === undefined ? `hằng năm, ${body}` : body;
    }
    case 'window': {
      const body = `từ ${pointVi(d.from)} đến ${pointVi(d.to)}`;
      return windowYearless(d) ? `hằng năm, ${body}` : body;
    }
    case 'combined': {
      if (d.every) {
        const first = d.parts[0];
        const pre = first?.kind === 'by' && first.before ? (first.marker === 'cham-nhat' ? 'chậm nhất ' : 'trước ') : '';
        return everyVi(d.every, pre);
      }
      const parts = d.parts.map(describeVi);
      if (d.peak) parts.push(`cao điểm ${describeVi(d.peak)}`);
      return parts.join('; ');
    }
  }
}

function describeEn(d: Deadline): string {
  switch (d.kind) {
    case 'ongoing':
      if (d.from) return `ongoing from ${pointEn(d.from)}`;
      return !d.text || fold(d.text) === 'thuong xuyen' ? 'ongoing' : `ongoing (“${d.text}”)`;
    case 'event': {
      const after = d.offsetHours
        ? `${countEn(d.offsetHours, 'hour')} after`
        : d.offsetDays
          ? `${countEn(d.offsetDays, d.workingDays ? 'working day' : 'day')} after`
          : d.offsetMonths
            ? `${countEn(d.offsetMonths, 'month')} after`
            : 'upon';
      return `${after} an event (“${d.text}”)`;
    }
    case 'by': {
      const p = d.point;
      const body = d.before ? `by ${pointEn(p)}` : p.unit === 'day' ? `on ${pointEn(p)}` : `in ${pointEn(p)}`;
      return p.year === undefined ? `every year ${body}` : body;
    }
    case 'window': {
      const body = `from ${pointEn(d.from)} to ${pointEn(d.to)}`;
      return windowYearless(d) ? `every year ${body}` : body;
    }
    case 'combined': {
      if (d.every) {
        const first = d.parts[0];
        return everyEn(d.every, first?.kind === 'by' && !!first.before);
      }
      const parts = d.parts.map(describeEn);
      if (d.peak) parts.push(`peak ${describeEn(d.peak)}`);
      return parts.join('; ');
    }
  }
}
