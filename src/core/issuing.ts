// Who issues a generated document and how its header, number, place and
// signature read, from data only: the unit's entry in units.yaml (full name,
// symbol, place, signer, superior), else what the plan says. Pure.
import type { CalendarDate } from './dates.js';
import { daysBetween } from './dates.js';
import type { DueView } from './document.js';
import { lastDue } from './document.js';
import type { Plan, Signer, Status } from './model.js';
import type { Unit, UnitRegistry } from './units.js';

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

function nameLines(unit: Unit | undefined, written: string): string[] {
  return unit?.fullName ?? [written];
}

/** A superior named by a unit of the registry shows that unit's full name on one line. */
function superiorLines(written: string | undefined, registry: UnitRegistry): string[] {
  if (!written) return [];
  const entry = registry.lookup(written);
  return [entry?.kind === 'unit' ? nameLines(entry, entry.name).join(' ') : written];
}

export function partyOfUnit(unit: Unit, registry: UnitRegistry, fallbackSuperior?: string): Party {
  return {
    name: unit.name,
    superior: superiorLines(unit.parent ?? fallbackSuperior, registry),
    lines: nameLines(unit, unit.name),
    ...(unit.symbol ? { symbol: unit.symbol } : {}),
    ...(unit.place ? { place: unit.place } : {}),
    ...(unit.signer ? { signer: unit.signer } : {}),
    unit,
  };
}

/** The plan's issuer: its units.yaml entry when listed; the plan's own signer comes first (it names the person). */
export function planIssuer(plan: Plan, registry: UnitRegistry): Party {
  const entry = registry.lookup(plan.issuer.name);
  const unit = entry?.kind === 'unit' ? entry : undefined;
  const base: Party = unit ? partyOfUnit(unit, registry, plan.issuer.parent) : { name: plan.issuer.name, superior: superiorLines(plan.issuer.parent, registry), lines: [plan.issuer.name] };
  const signer = plan.signer ?? base.signer;
  return { ...base, ...(signer ? { signer } : {}) };
}

const THROUGH = /^(.*?)\s*\(\s*qua\s+([^()]+?)\s*\)\s*\.?$/iu;

/**
 * The unit that drafts for the issuer: the plan's `drafter`, else the one its
 * duties send reports through ("UBND huyện (qua Phòng Tư pháp)").
 */
export function planDrafter(plan: Plan, registry: UnitRegistry): Unit | undefined {
  const written = plan.drafter ?? plan.duties.map((d) => THROUGH.exec(d.to)?.[2]).find((x) => x !== undefined);
  if (!written) return undefined;
  const entry = registry.lookup(written);
  return entry?.kind === 'unit' ? entry : undefined;
}

/**
 * A recipient as a given unit writes it: "UBND huyện (qua Phòng Tư pháp)" is
 * "UBND huyện" for Phòng Tư pháp itself, which does not send through itself.
 */
export function recipientFor(to: string, self: Unit | undefined, registry: UnitRegistry): string {
  const m = THROUGH.exec(to);
  if (!m || !self) return to;
  return registry.lookup(m[2]!) === self ? m[1]! : to;
}

/** Days a still open item is past its last limit on `asOf` (0 when not late, done or stopped). */
export function overdueDays(due: DueView, status: Status, asOf: CalendarDate): number {
  if (status === 'done' || status === 'stopped') return 0;
  const last = lastDue(due);
  if (!last) return 0;
  return Math.max(0, daysBetween(last.effective, asOf));
}
