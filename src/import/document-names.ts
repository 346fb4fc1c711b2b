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
