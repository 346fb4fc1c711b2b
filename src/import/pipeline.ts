// The whole import as one pure step: blocks (and the units file's text) in;
// the plan's YAML, the units file with the proposed names, and the errors
// `plan check` would report on both out. The command writes nothing when
// `errors` is not empty: import never leaves a file that check rejects.
import type { CalendarDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { parseUnits } from '../core/load.js';
import { assembleWorkspace } from '../core/workspace.js';
import { slugify } from '../core/slug.js';
import { nameKey } from '../core/text.js';
import type { UnitRegistry } from '../core/units.js';
import type { Block } from './blocks.js';
import type { ImportResult, RecognizeOptions } from './recognize.js';
import { recognizePlan } from './recognize.js';
import type { UnitProposal } from './units-append.js';
import { appendUnits, proposeUnit } from './units-append.js';
import { planToYaml } from './yaml-out.js';

export interface ImportInput {
  blocks: Block[];
  /** Text of units.yaml, when there is one. */
  unitsText?: string;
  unitsFile?: string;
  lineWord?: RecognizeOptions['lineWord'];
  /** Where the plan will be written, for diagnostics. */
  planFile?: string;
  /** The plan schema relative to the plan file, for the editor's comment; none when no schema file is there. */
  schemaPath?: string | undefined;
  source?: string;
  /** For the checks that compare with today (a plan dated in the future). */
  today?: CalendarDate;
}

export interface ImportOutput {
  result: ImportResult;
  yaml: string;
  /** Names the units file does not know, first line each, in order of appearance. */
  unknown: UnknownName[];
  proposals: UnitProposal[];
  /** units.yaml with the proposals added (what --write-units writes). */
  unitsAfter: string;
  /** Errors `plan check` would report on the plan (against unitsAfter) or on unitsAfter itself. */
  errors: Diagnostic[];
}

export function importPlan(input: ImportInput): ImportOutput {
  const unitsFile = input.unitsFile ?? 'plans/units.yaml';
  const before = input.unitsText !== undefined ? parseUnits(unitsFile, input.unitsText).value : undefined;
  const result = recognizePlan(input.blocks, { ...(before ? { registry: before } : {}), ...(input.lineWord ? { lineWord: input.lineWord } : {}) });
  const yaml = planToYaml(result.plan, { schemaPath: input.schemaPath, source: input.source ?? 'import' });
  const unknown = unknownNames(result, before);
  const proposals = unknown.map(
    (u): UnitProposal => (u.aliasOf ? { name: u.name, kind: 'alias', aliasOf: u.aliasOf } : { ...proposeUnit(u.name), ...(u.aliases.length ? { aliases: u.aliases } : {}) }),
  );
  const unitsAfter = appendUnits(input.unitsText ?? 'units: []\n', proposals);
  const errors = selfCheck(yaml, unitsAfter, { planFile: input.planFile ?? 'plan.yaml', unitsFile, ...(input.today ? { today: input.today } : {}) });
  return { result, yaml, unknown, proposals, unitsAfter, errors };
}

export interface UnknownName {
  name: string;
  line: number;
  aliases: string[];
  /** A listed unit this name spells differently only in punctuation or diacritics: the name becomes its alias. */
  aliasOf?: string;
}

/**
 * Unknown names, one entry per unit: a spelling that differs only in case or
 * tone placement is the same name; one that differs in diacritics or
 * punctuation ("UBND các phường, xã" / "UBND các phường xã") becomes an alias
 * of the first, never a second unit (units.yaml would refuse it).
 */
function unknownNames(result: ImportResult, registry: UnitRegistry | undefined): UnknownName[] {
  const known = new Map([...(registry?.units ?? []), ...(registry?.groups ?? [])].map((u) => [sameNameKey(u.name), u.name]));
  const bySlug = new Map<string, UnknownName>();
  // "Phòng KT" in the tasks of a plan that wrote "Phòng Kinh tế (Phòng KT)": the unit is the one named in full, and the
  // short name its alias (it was a unit "Phòng KT" of its own).
  const fullOf = new Map(result.abbreviations.map((a) => [nameKey(a.short), a.full]));
  for (const m of result.mentions) {
    if (registry?.lookup(m.name)) continue;
    const full = fullOf.get(nameKey(m.name));
    const listedFull = full === undefined ? undefined : registry?.lookup(full);
    const key = sameNameKey(full ?? m.name);
    const listed = listedFull?.name ?? known.get(key);
    const first = bySlug.get(key);
    if (listed !== undefined) {
      if (!first) bySlug.set(key, { name: m.name, line: m.line, aliases: [], aliasOf: listed });
      continue;
    }
    const name = full ?? m.name;
    const entry = first ?? { name, line: m.line, aliases: [] };
    if (!first) bySlug.set(key, entry);
    for (const spelling of full === undefined ? [m.name] : [name, m.name])
      if (nameKey(entry.name) !== nameKey(spelling) && !entry.aliases.some((a) => nameKey(a) === nameKey(spelling))) entry.aliases.push(spelling);
  }
  return [...bySlug.values()];
}

/** The official abbreviations written out, then the slug: "UBND xã A" and "Ủy ban nhân dân xã A" are one name. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bUBMTTQ(?:VN)?\b/gu, 'Ủy ban Mặt trận Tổ quốc'],
  [/\bUBND\b/gu, 'Ủy ban nhân dân'],
  [/\bHĐND\b/gu, 'Hội đồng nhân dân'],
  [/\bMTTQ(?:VN)?\b/gu, 'Mặt trận Tổ quốc'],
];
function sameNameKey(name: string): string {
  return slugify(ABBREVIATIONS.reduce((s, [re, full]) => s.replace(re, full), name.normalize('NFC')));
}

/** The errors `plan check` reports on this plan text with this units text (the one loader, src/core/workspace.ts). */
export function selfCheck(planYaml: string, unitsText: string, where: { planFile: string; unitsFile: string; today?: CalendarDate }): Diagnostic[] {
  const encode = (text: string) => new TextEncoder().encode(text);
  const ws = assembleWorkspace(
    { plans: [{ file: where.planFile, bytes: encode(planYaml) }], units: { file: where.unitsFile, bytes: encode(unitsText) }, unitsFile: where.unitsFile, dataDir: '.', problems: [] },
    where.today ? { today: where.today } : {},
  );
  return ws.diagnostics.filter((d) => d.severity === 'error');
}
