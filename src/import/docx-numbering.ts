// Word's automatic numbering (word/numbering.xml): the label each numbered
// paragraph displays, counted in document order the way Word counts it.
// - w:num → w:abstractNum (through w:numStyleLink → numbering style → w:num
//   when the list is defined by a list style);
// - per level: w:start, w:numFmt, w:lvlText ("%1.%2."), w:lvlRestart, w:isLgl;
// - w:num's w:lvlOverride: w:startOverride restarts that level the first time
//   the num is used, a w:lvl inside it replaces the level's definition;
// - counters belong to the abstract list, so two w:num of one list continue
//   each other unless one restarts with an override;
// - a level restarts when a higher level is used (or per w:lvlRestart);
// - bullets display as "-", whatever glyph the font draws;
// - letters are read in the legal order a, b, c, d, đ, e (Word's own has no đ).
// Pure.
import { LEGAL_LETTERS } from '../core/text.js';
import type { StyleSheet } from './docx-styles.js';
import type { XmlElement } from './docx-xml.js';
import { child, childVal, children, intOf, isOn, parseTree } from './docx-xml.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: restart when a level with a smaller 1-based index is used; 0 = never. */
  restart?: number;
  /** Legal numbering: every level shown in decimal. */
  isLgl: boolean;
  /** The paragraph style this level belongs to (w:pStyle in the level). */
  pStyle?: string;
}

interface AbstractDef {
  levels: (LevelDef | undefined)[];
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

function levelOf(lvl: XmlElement): LevelDef {
  const restart = intOf(childVal(lvl, 'lvlRestart'));
  const pStyle = childVal(lvl, 'pStyle');
  const isLgl = child(lvl, 'isLgl');
  return {
    // An omitted w:start is 0 in the standard; Word always writes it.
    start: intOf(childVal(lvl, 'start')) ?? 0,
    numFmt: childVal(lvl, 'numFmt') ?? 'decimal',
    lvlText: childVal(lvl, 'lvlText') ?? '',
    ...(restart !== undefined ? { restart } : {}),
    isLgl: isLgl !== undefined && isOn(isLgl.attrs.val),
    ...(pStyle !== undefined ? { pStyle } : {}),
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, digits] of table) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/**
 * A counter value as Word writes it in a format. Letters run a…z, then aa…zz
 * (Word's lowerLetter has no đ); formats this reader does not know fall back
 * to decimal digits, which is what the clerk most likely sees.
 */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter':
    case 'upperLetter': {
      if (n < 1) return String(n);
      const letter = LETTERS[(n - 1) % 26]!.repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      if (n < 1 || n > 3999) return String(n);
      return numFmt === 'upperRoman' ? roman(n).toUpperCase() : roman(n);
    }
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/**
 * A letter of Word's automatic numbering read in the order of legal documents (a, b, c, d, đ, e, g …, Nghị định
 * 30/2020): Word has no "đ", so a clerk's fifth point shows "e)" on screen but is point đ, as the same plan typed by
 * hand says. Past the 23 letters, Word's own.
 */
function legalLetter(n: number, numFmt: 'lowerLetter' | 'upperLetter'): string {
  const letter = n >= 1 ? LEGAL_LETTERS[n - 1] : undefined;
  if (letter === undefined) return formatNumber(n, numFmt);
  return numFmt === 'upperLetter' ? letter.toUpperCase() : letter;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractDef>();
  private readonly nums = new Map<string, NumDef>();
  /** Counters per abstract list (index = level), unset = not used since its last restart. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly numsSeen = new Set<string>();

  constructor(
    xml: string | undefined,
    private readonly styles: StyleSheet,
  ) {
    if (!xml) return;
    const root = parseTree('word/numbering.xml', xml).children[0];
    for (const a of children(root, 'abstractNum')) {
      const id = a.attrs.abstractNumId;
      if (id === undefined) continue;
      const levels: (LevelDef | undefined)[] = [];
      for (const lvl of children(a, 'lvl')) {
        const i = intOf(lvl.attrs.ilvl);
        if (i !== undefined && i >= 0 && i < 9) levels[i] = levelOf(lvl);
      }
      const link = childVal(a, 'numStyleLink');
      this.abstracts.set(id, { levels, ...(link !== undefined ? { numStyleLink: link } : {}) });
    }
    for (const n of children(root, 'num')) {
      const id = n.attrs.numId;
      const abstractId = childVal(n, 'abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: LevelDef }>();
      for (const o of children(n, 'lvlOverride')) {
        const i = intOf(o.attrs.ilvl);
        if (i === undefined || i < 0 || i >= 9) continue;
        const start = intOf(childVal(o, 'startOverride'));
        const lvl = child(o, 'lvl');
        overrides.set(i, { ...(start !== undefined ? { start } : {}), ...(lvl ? { level: levelOf(lvl) } : {}) });
      }
      this.nums.set(id, { abstractId, overrides });
    }
  }

  /** The abstract list behind a num, following a list style's link (at most a few hops). */
  private abstractOf(numId: string): { id: string; def: AbstractDef } | undefined {
    let id = this.nums.get(numId)?.abstractId;
    for (let hops = 0; id !== undefined && hops < 5; hops++) {
      const def = this.abstracts.get(id);
      if (!def) return undefined;
      if (def.numStyleLink === undefined) return { id, def };
      const linkedNum = this.styles.numberingStyleNumId(def.numStyleLink);
      const next = linkedNum === undefined ? undefined : this.nums.get(linkedNum)?.abstractId;
      if (next === undefined || next === id) return { id, def };
      id = next;
    }
    return undefined;
  }

  private level(num: NumDef, abstract: AbstractDef, ilvl: number): LevelDef | undefined {
    return num.overrides.get(ilvl)?.level ?? abstract.levels[ilvl];
  }

  /** The level a paragraph of this style sits at when its numbering names no w:ilvl. */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    const i = this.abstractOf(numId)?.def.levels.findIndex((l) => l?.pStyle === styleId);
    return i !== undefined && i >= 0 ? i : undefined;
  }

  /**
   * Advance the list for a paragraph at (numId, ilvl) and return the label it
   * displays ("1.1.", "a)", "-"), or undefined for no label (numId 0, an
   * unknown list, a level with an empty text).
   */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    const abstract = this.abstractOf(numId);
    if (!num || !abstract || ilvl < 0 || ilvl > 8) return undefined;
    const lvl = this.level(num, abstract.def, ilvl);
    if (!lvl) return undefined;
    let counts = this.counters.get(abstract.id);
    if (!counts) this.counters.set(abstract.id, (counts = []));
    const startOf = (k: number) => num.overrides.get(k)?.start ?? this.level(num, abstract.def, k)?.start ?? 0;
    if (!this.numsSeen.has(numId)) {
      this.numsSeen.add(numId);
      for (const [k, o] of num.overrides) if (o.start !== undefined) counts[k] = undefined;
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = this.level(num, abstract.def, k)?.restart;
      // lvlRestart names a 1-based level; a value not above this level is ignored, 0 never restarts.
      const after = restart === undefined || restart > k ? k : restart;
      if (after !== 0 && ilvl < after) counts[k] = undefined;
    }
    if (lvl.numFmt === 'bullet') return '-';
    const label = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const shown = counts[k] ?? startOf(k);
      const fmt = lvl.isLgl ? 'decimal' : (this.level(num, abstract.def, k)?.numFmt ?? 'decimal');
      return fmt === 'lowerLetter' || fmt === 'upperLetter' ? legalLetter(shown, fmt) : formatNumber(shown, fmt);
    });
    const trimmed = label.trim();
    return trimmed === '' ? undefined : trimmed;
  }
}
