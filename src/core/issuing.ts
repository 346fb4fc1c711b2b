// Who issues a generated document and how its header, number, place and
// signature read, from data only: the unit's entry in units.yaml (full name,
// symbol, place, signer, superior), else what the plan says. Pure.
import type { CalendarDate } from './dates.js';
import { compareDates, daysBetween } from './dates.js';
import type { DueView } from './document.js';
import type { Plan, Signer, Status } from './model.js';
import { areaWordsOf, nameKey } from './text.js';
import type { Unit, UnitRegistry } from './units.js';
import { aboveIssuer } from './units.js';

/** An issuing body as its documents show it. */
export interface Party {
  /** The canonical name (units.yaml), or as the plan writes it. */
  name: string;
  /** The superior body's name, as header lines (not bold); empty when none. */
  superior: string[];
  /** Its own name as header lines (bold): units.yaml's fullName, else the name. */
  lines: string[];
  symbol?: string;
  place?: string;
  signer?: Signer;
  unit?: Unit;
}

/**
 * An administrative unit as a body's name ends with it, before and after the
 * 2025 reform: "xã An Lạc", "phường 12", "đặc khu Phú Quốc", "TP. Bắc Giang".
 * The name is capitalised words or a number; "huyện" alone names no place.
 */
const ADMIN_UNIT = new RegExp(`(?:^|\\s)(${areaWordsOf()}|TP\\.?)\\s+((?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\d+)(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\d+))*)$`, 'u');

/** The local-government bodies: each heads its area, so its documents have no superior line (Nghị định 30/2020). */
const LOCAL_GOVERNMENT = [
  { short: 'UBND', full: 'Ủy ban nhân dân', written: /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu },
  { short: 'HĐND', full: 'Hội đồng nhân dân', written: /^(?:HĐND|Hội đồng nhân dân)\s+/iu },
];

/** What a body's own name tells of its documents, for what units.yaml leaves out. */
interface NameFacts {
  /** A People's Committee or Council: its full name over two lines, its symbol, no superior. */
  localGovernment?: { lines: string[]; symbol: string };
  /** The place of its date line: the administrative unit it is named after. */
  place?: string;
}

export function factsOfName(name: string): NameFacts {
  const area = ADMIN_UNIT.exec(name);
  if (!area) return {};
  const kind = area[1]!.startsWith('TP') ? 'thành phố' : area[1]!;
  const own = area[2]!;
  // Nghị định 30/2020, Phụ lục I: a unit named by a number keeps its kind ("Phường 12, ngày …").
  const place = /^\d/.test(own) ? `${kind[0]!.toLocaleUpperCase('vi')}${kind.slice(1)} ${own}` : own;
  const body = LOCAL_GOVERNMENT.find((b) => b.written.test(name));
  // Only "UBND xã An Lạc" itself, not "Văn phòng UBND xã An Lạc" nor "UBND các xã, thị trấn".
  if (!body || name.replace(body.written, '').length !== area[0].trim().length) return { place };
  return { localGovernment: { lines: [body.full, `${kind} ${own}`], symbol: body.short }, place };
}

/** A body's own name as header lines: units.yaml's fullName, else a People's Committee's two lines, else the name. */
function nameLines(unit: Unit | undefined, written: string, facts: NameFacts): string[] {
  return unit?.fullName ?? facts.localGovernment?.lines ?? [written];
}

/**
 * A superior named by a unit of the registry shows that unit's full name on one line, a People's Committee or
 * Council as "UBND huyện Sơn Động" (Nghị định 30/2020, Phụ lục I: a superior's long name may shorten Ủy ban
 * nhân dân, Hội đồng nhân dân; its own name never is): written out, it broke inside the place in the header's
 * column ("ỦY BAN NHÂN DÂN HUYỆN / SƠN ĐỘNG").
 */
function superiorLines(written: string | undefined, registry: UnitRegistry): string[] {
  if (!written) return [];
  const entry = registry.lookup(written);
  // One units.yaml does not list (a plan's issuer written out, "Ủy ban nhân dân xã Tân Lập") is shortened alike.
  const line = entry?.kind === 'unit' ? nameLines(entry, entry.name, factsOfName(entry.name)).join(' ') : written;
  const body = LOCAL_GOVERNMENT.find((b) => b.written.test(line));
  return [body ? line.replace(body.written, `${body.short} `) : line];
}

/** A body's place: its own (`own`: units.yaml's, else its name's), else its superior's (a Phòng sits where its UBND does). */
function placeOf(own: string | undefined, superior: string | undefined, registry: UnitRegistry, seen: Set<string> = new Set()): string | undefined {
  if (own || !superior || seen.has(superior)) return own;
  seen.add(superior);
  const entry = registry.lookup(superior);
  const above = entry?.kind === 'unit' ? entry : undefined;
  return placeOf(above?.place ?? factsOfName(above?.name ?? superior).place, above?.parent, registry, seen);
}

/** A body as its documents show it, from its units.yaml entry when it has one, else from its name. */
function party(name: string, unit: Unit | undefined, superior: string | undefined, registry: UnitRegistry): Party {
  const facts = factsOfName(name);
  const symbol = unit?.symbol ?? facts.localGovernment?.symbol;
  const place = placeOf(unit?.place ?? facts.place, superior, registry);
  return {
    name,
    superior: superiorLines(superior, registry),
    lines: nameLines(unit, name, facts),
    ...(symbol ? { symbol } : {}),
    ...(place ? { place } : {}),
    ...(unit?.signer ? { signer: unit.signer } : {}),
    ...(unit ? { unit } : {}),
  };
}

/**
 * The issuer a unit without a `parent` is taken to belong to: the plan's, for
 * a unit of its level (a Phòng of the UBND huyện). A People's Committee has
 * no superior line, and a unit of another level (Công an xã in a district
 * plan) answers to someone the data does not name.
 */
export function assumedSuperior(unit: Unit, issuer: Plan['issuer']): string | undefined {
  if (factsOfName(unit.name).localGovernment) return undefined;
  return unit.level === undefined || unit.level === issuer.level ? issuer.name : undefined;
}

/** `fallbackSuperior`: the superior to show when units.yaml names no `parent`. */
export function partyOfUnit(unit: Unit, registry: UnitRegistry, fallbackSuperior?: string): Party {
  return party(unit.name, unit, unit.parent ?? fallbackSuperior, registry);
}

/** The plan's issuer: its units.yaml entry when listed; the plan's own signer comes first (it names the person). */
export function planIssuer(plan: Plan, registry: UnitRegistry): Party {
  const entry = registry.lookup(plan.issuer.name);
  const unit = entry?.kind === 'unit' ? entry : undefined;
  // An issuer units.yaml does not list: what the plan and its name say.
  const base = unit ? partyOfUnit(unit, registry, plan.issuer.parent) : party(plan.issuer.name, undefined, plan.issuer.parent, registry);
  const signer = plan.signer ?? base.signer;
  return { ...base, ...(signer ? { signer } : {}) };
}

const THROUGH = /^(.*?)\s*\(\s*qua\s+([^()]+?)\s*\)\s*\.?$/iu;

/**
 * The unit that drafts for the issuer: the plan's `drafter`, else the one its
 * duties send reports to the issuer through ("UBND huyện (qua Phòng Tư pháp)"),
 * else one they send reports through that is not above the issuer. A duty of
 * the issuer's own report going up ("UBND tỉnh (qua Sở Nội vụ)" in a xã's plan)
 * names its superior's office: the xã's letters were numbered "…/UBND-SNV".
 */
export function planDrafter(plan: Plan, registry: UnitRegistry): Unit | undefined {
  const unitOf = (written: string | undefined) => {
    const entry = written === undefined ? undefined : registry.lookup(written);
    return entry?.kind === 'unit' ? entry : undefined;
  };
  if (plan.drafter) return unitOf(plan.drafter);
  const through = plan.duties.flatMap((d) => {
    const m = THROUGH.exec(d.to);
    const unit = unitOf(m?.[2]);
    return m && unit ? [{ unit, toIssuer: isIssuer(m[1]!, plan, registry) }] : [];
  });
  return (through.find((t) => t.toIssuer) ?? through.find((t) => !aboveIssuer(t.unit.level, plan.issuer.level)))?.unit;
}

/**
 * A recipient as a given unit writes it: "UBND huyện (qua Phòng Tư pháp)" is
 * "UBND huyện" for Phòng Tư pháp, which does not send through itself; the
 * body addressed by its full name (addresseeName).
 */
export function recipientFor(to: string, self: Unit | undefined, plan: Plan, registry: UnitRegistry): string {
  const m = THROUGH.exec(to);
  if (!m) return addresseeName(to, plan, registry);
  const body = addresseeName(m[1]!, plan, registry);
  return self && registry.lookup(m[2]!) === self ? body : `${body} (qua ${m[2]!})`;
}

/**
 * A body as "Kính gửi" names it, in full as a clerk writes it (Nghị định
 * 30/2020: no abbreviation): a unit of units.yaml by its full name ("Ủy ban
 * nhân dân huyện Sơn Động"); the plan's issuer or its superior written short,
 * without their place ("UBND huyện", "Ủy ban nhân dân xã"), by theirs. Anything
 * else as written: a guess would address the wrong body.
 */
export function addresseeName(written: string, plan: Plan, registry: UnitRegistry): string {
  const entry = registry.lookup(written);
  if (entry?.kind === 'unit') return fullNameOf(entry.name, entry);
  for (const name of [plan.issuer.name, plan.issuer.parent]) {
    if (!name || !namesBody(written, name)) continue;
    const known = registry.lookup(name);
    return fullNameOf(name, known?.kind === 'unit' ? known : undefined);
  }
  return written;
}

/** Whether `written` names the body `name`: as written, or short without its place ("UBND huyện" for "UBND huyện Sơn Động"). */
function namesBody(written: string, name: string): boolean {
  const key = bodyKey(written);
  return bodyKey(name) === key || bodyKey(withoutPlace(name)) === key;
}

/** Whether `written` names the plan's issuer: its units.yaml entry, or its name as namesBody reads it. */
function isIssuer(written: string, plan: Plan, registry: UnitRegistry): boolean {
  const entry = registry.lookup(written);
  return (entry !== undefined && entry === registry.lookup(plan.issuer.name)) || namesBody(written, plan.issuer.name);
}

/** A body's own name on one line: units.yaml's fullName, a People's Committee's two lines, else the name. */
function fullNameOf(name: string, unit: Unit | undefined): string {
  return nameLines(unit, name, factsOfName(name)).join(' ');
}

/** "UBND huyện Sơn Động" → "UBND huyện": the name without the place it ends with. */
function withoutPlace(name: string): string {
  const area = ADMIN_UNIT.exec(name);
  return area ? name.slice(0, name.length - area[2]!.length).trimEnd() : name;
}

/** A name's key with "Ủy ban nhân dân" and "UBND" (and the Councils') read as one. */
function bodyKey(name: string): string {
  const body = LOCAL_GOVERNMENT.find((b) => b.written.test(name));
  return nameKey(body ? name.replace(body.written, `${body.short} `) : name);
}

/**
 * Days a still open item is late on `asOf`: from the earliest of its limits passed by then, as plan overdue counts
 * its most late occurrence ("trước ngày 20 hằng tháng" on 25/03 is late from 20/01); 0 when none passed, done or stopped.
 */
export function overdueDays(due: DueView, status: Status, asOf: CalendarDate): number {
  if (status === 'done' || status === 'stopped') return 0;
  const passed = due.occurrences.filter((o) => o.kind !== 'peak' && compareDates(o.effective, asOf) < 0);
  return passed.reduce((days, o) => Math.max(days, daysBetween(o.effective, asOf)), 0);
}
