// The unit names a document states plainly, in its labels ("- Đơn vị chủ trì: …") and in the lead and support cells of
// its task tables, are known names for reading its sentences: "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý
// theo dõi, đôn đốc …" is that Cục, not "Cục Phổ biến, giáo dục pháp luật và Trợ" cut at the verb-like "giúp". Such a
// name counts as known only while recognising; units.yaml is still what decides which names are new. Pure.
import type { Unit, UnitEntry, UnitRegistry } from '../core/units.js';
import type { Block } from './blocks.js';
import { looksLikeUnit, unitNames } from './sentence.js';
import { tableRows, taskTableLayout } from './table.js';
import { trimListEnd } from './unit-list.js';
import { proposeUnit } from './units-append.js';
import { fold, labelledLine } from './words.js';

/** Names of the lead and support labels and table cells, as written. */
export function statedUnitNames(blocks: Block[], registry: UnitRegistry | undefined): string[] {
  const values: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      const layout = taskTableLayout(b.rows);
      if (layout) for (const r of tableRows(b.rows, layout)) values.push(...[r.cells.lead, r.cells.support].filter((v): v is string => v !== undefined));
      continue;
    }
    const label = labelledLine(b.text.replace(/^[-–—•+*]\s*/u, ''));
    if (label && (label.field === 'lead' || label.field === 'support')) values.push(label.value);
  }
  // Several per value ("Sở Tài chính; Sở Nội vụ"). Up to twelve syllables, as a label's piece is taken whole as a name; a
  // longer one may be a sentence ("các cơ quan chủ trì tham mưu ban hành văn bản …"), which a label cuts at its verb.
  return values
    .flatMap((v) => v.split(/\n+/))
    .flatMap((v) => unitNames(trimListEnd(v), registry))
    .filter((n) => {
      const words = n.split(/\s+/).length;
      return words >= 2 && words <= 12 && looksLikeUnit(n, registry);
    });
}

/** The registry, knowing the document's stated names besides its own (undefined when there is neither). */
export function withStatedNames(registry: UnitRegistry | undefined, names: string[]): UnitRegistry | undefined {
  const stated = new Map<string, Unit>();
  // With the level the import would propose for it: a stated "Bộ Tư pháp" is still above a province's authority.
  for (const name of names) {
    if (registry?.lookup(name)) continue;
    const level = proposeUnit(name).level;
    stated.set(fold(name), { kind: 'unit', name, aliases: [], sample: false, ...(level ? { level } : {}) });
  }
  if (stated.size === 0) return registry;
  const lookup = (reference: string): UnitEntry | undefined => registry?.lookup(reference) ?? stated.get(fold(reference));
  return {
    units: registry?.units ?? [],
    groups: registry?.groups ?? [],
    vague: registry?.vague ?? [],
    lookup,
    match: (reference) => registry?.match(reference) ?? { kind: 'none' },
    expand: (entry) => (registry && !stated.has(fold(entry.name)) ? registry.expand(entry) : entry.kind === 'unit' ? [entry] : []),
    suggest: (reference) => registry?.suggest(reference) ?? [],
  };
}

/** A short name the document defines once for a body it names in full. */
export interface Abbreviation {
  short: string;
  full: string;
  line: number;
}

/** "Phòng Văn hóa – Xã hội (Phòng VH-XH)", "… (sau đây gọi tắt là UBMTTQ xã)": the bracket after a name that shortens it. */
const DEFINITION = /\((?:(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s+)?([^()]{2,30})\)/giu;
/** Words a short form skips: connectives, and "Việt Nam" at the end of a front's name ("UBMTTQ" for "Ủy ban Mặt trận Tổ quốc Việt Nam"). */
const SKIPPED = new Set(['và', '-', '–', '&', ',']);

/**
 * The short names a document defines ("Phòng Văn hóa – Xã hội (Phòng VH-XH)", "Ủy ban Mặt trận Tổ quốc Việt Nam xã
 * (UBMTTQ xã)", "Phòng Tài nguyên và Môi trường (Phòng TN&MT)"): a bracket whose words are the name's words before it,
 * each capitalised short word ("VH-XH", "TN&MT", "UBMTTQ") standing for the initials of the words it replaces.
 */
export function definedAbbreviations(blocks: Block[]): Abbreviation[] {
  const found: Abbreviation[] = [];
  for (const b of blocks) {
    if (b.kind !== 'para') continue;
    for (const m of b.text.matchAll(DEFINITION)) {
      const short = m[1]!.trim();
      const parts = short.split(/\s+/);
      if (parts.length > 4 || !parts.some(isInitials)) continue;
      const before = b.text.slice(0, m.index).trim().split(/\s+/).slice(-14);
      // The shortest run of words before the bracket that the short name spells.
      for (let k = before.length - 1; k >= 0; k--) {
        const words = before.slice(k);
        if (!spells(parts, words)) continue;
        const full = words.join(' ').replace(/^[,;:(]+|[,;:]+$/gu, '');
        if (!found.some((a) => fold(a.short) === fold(short))) found.push({ short, full, line: b.line });
        break;
      }
    }
  }
  return found;
}

/** A short word of capitals standing for initials: "KT", "VH-XH", "TN&MT", "UBMTTQ" (not "Phòng", "xã"). */
function isInitials(word: string): boolean {
  return /^\p{Lu}{2,}(?:[-&]\p{Lu}{1,})*$/u.test(word);
}

/** Whether the short name's parts spell these words: a plain part is the same word, a part of initials the words' initials. */
function spells(parts: string[], words: string[]): boolean {
  let w = 0;
  const skip = () => {
    while (w < words.length && SKIPPED.has(words[w]!)) w++;
  };
  for (const part of parts) {
    if (!isInitials(part)) {
      skip();
      if (w >= words.length || fold(words[w]!) !== fold(part)) return false;
      w++;
      continue;
    }
    for (const letter of part.replace(/[-&]/g, '')) {
      skip();
      if (w >= words.length || fold(words[w]![0]!) !== fold(letter)) return false;
      w++;
    }
    // "UBMTTQ" for "Ủy ban Mặt trận Tổ quốc Việt Nam".
    if (fold(words.slice(w, w + 2).join(' ')) === 'viet nam') w += 2;
  }
  skip();
  return w === words.length && /^\p{Lu}/u.test(words[0]!);
}
