// The units registry: canonical units, groups that stand for many units, and
// vague phrases that name nobody. Plans refer to all three by name or alias.
import type { Diagnostic } from './diagnostic.js';
import { localized } from './diagnostic.js';
import type { Signer } from './model.js';
import { buildSigner } from './model.js';
import type { UnitsFileInput } from './schema.js';
import type { LEVELS } from './schema.js';
import { nameProblem, revealName, skeleton, type NameProblem } from './confusables.js';
import { slugify } from './slug.js';
import { areaWordsOf, closest, nameKey, nfc, plainKey, viCollator } from './text.js';

export type Level = (typeof LEVELS)[number];

export interface Unit {
  kind: 'unit';
  name: string;
  aliases: string[];
  level?: Level;
  /** Abbreviation in document numbers: "UBND", "TP". */
  symbol?: string;
  /** Full name as header lines: ["Ủy ban nhân dân", "huyện Sơn Động"]. */
  fullName?: string[];
  /** The superior body, as written (a unit's name or a full name). */
  parent?: string;
  /** Place in the date line of its documents. */
  place?: string;
  signer?: Signer;
  sample: boolean;
  /** Names a whole set of bodies the plan does not list ("Các sở, ban, ngành"): one sheet addressed to them all. */
  collective?: boolean;
}

export interface UnitGroup {
  kind: 'group';
  name: string;
  aliases: string[];
  /** Canonical names of the member units (unknown members are dropped and reported). */
  members: string[];
  sample: boolean;
}

export interface VagueRef {
  kind: 'vague';
  name: string;
}

export type UnitEntry = Unit | UnitGroup | VagueRef;

const NOBODY: readonly Unit[] = [];

const LEVEL_RANK: Record<Level, number> = { central: 4, province: 3, district: 2, commune: 1 };

/** A unit of a higher level than the issuer: a plan cannot give it work. */
export function aboveIssuer(level: Level | undefined, issuer: Level): boolean {
  return level !== undefined && LEVEL_RANK[level] > LEVEL_RANK[issuer];
}

/**
 * Kinds of bodies that, written in the plural, name everyone of that kind: "các sở, ban, ngành", "UBND các xã, phường",
 * "Ủy ban nhân dân xã, phường, đặc khu", "các thôn, tổ dân phố", "các doanh nghiệp viễn thông", "các đơn vị thuộc Bộ".
 */
const AREA = areaWordsOf();
/** The kinds a list of kinds is written with ("các sở, ban, ngành, đoàn thể", "Các Cục, Vụ thuộc Bộ"). */
export const LISTED_KINDS = 'sở|ban|ngành|đoàn thể|cục|vụ';
const KINDS = `${LISTED_KINDS}|bộ|chi cục|(?:cơ quan|đơn vị)(?:,\\s*\\S+)*\\s+(?:trực\\s+)?thuộc|phòng|hội|trường|trung tâm|trạm|doanh nghiệp|nhà mạng|chủ đầu tư|hạt kiểm lâm|thôn|bản|ấp|tổ dân phố|khu phố|${AREA}`;
/**
 * A kind word that begins another noun or a verb names no body: "các trường hợp vi phạm", "các hội nghị", "các bộ hồ sơ",
 * "báo cáo" (no newspaper "Báo …"), "ban hành", "Phòng, chống thiên tai". The one list, for a name of many bodies here and
 * for where a unit name starts in the import's lists.
 */
export const NOT_A_BODY =
  '(?:báo cáo|ban hành|phòng,? chống|phòng ngừa|phòng cháy|hội nghị|hội thảo|hội thi|hội diễn|hội viên|trường hợp|trường thi|đoàn kết|vụ việc|viện dẫn|ngành nghề|ngành hàng|bộ luật|bộ hồ sơ|bộ tiêu chí|bộ chỉ số)(?=[\\s,;.:]|$)';
const MANY = new RegExp(
  `^(?:(?:các|những)\\s+(?!${NOT_A_BODY})(?:${KINDS})(?:,\\s*(?:${KINDS}))*|(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân|công an|trạm y tế)\\s+(?:(?:các|cấp)\\s+(?:${AREA})(?:,\\s*(?:${AREA}))*|(?:${AREA})(?:,\\s*(?:${AREA}))+))(?=\\s|,|$)`,
  'iu',
);

/**
 * A name for every body of a kind ("Các sở, ban, ngành tỉnh Lào Cai", "UBND các xã, phường trên địa bàn tỉnh"): the one
 * rule for a unit that stands for many bodies, in units.yaml and in the import. Names right after an area word make it a
 * list of those places ("Các xã An Lạc, Tân Lập"); a name after a qualifier or another kind says whose the set is.
 */
export function namesMany(name: string): boolean {
  const text = nfc(name);
  const set = MANY.exec(text);
  return set !== null && !(AREA_LAST.test(set[0]) && /^\s+\p{Lu}/u.test(text.slice(set[0].length)));
}
const AREA_LAST = new RegExp(`(?:^|\\s)(?:${AREA})$`, 'iu');

/** A unit that stands for many bodies: marked `collective` in units.yaml, or named so ("UBND các huyện, thành phố"). */
export function isCollective(unit: Unit): boolean {
  return unit.collective === true || namesMany(unit.name);
}

/**
 * A name as a person typed it: the entry it names exactly (case, Unicode form and
 * tone placement aside), else the one entry it names once diacritics are
 * dropped ("phong tu phap"), else every entry it could mean, else nothing.
 */
export type UnitMatch = { kind: 'exact'; entry: UnitEntry } | { kind: 'plain'; entry: UnitEntry } | { kind: 'ambiguous'; candidates: UnitEntry[] } | { kind: 'none' };

export interface UnitRegistry {
  readonly units: readonly Unit[];
  readonly groups: readonly UnitGroup[];
  readonly vague: readonly VagueRef[];
  lookup(reference: string): UnitEntry | undefined;
  /** lookup, forgiving missing diacritics when exactly one entry fits. */
  match(reference: string): UnitMatch;
  /** The concrete units a reference stands for: itself, a group's members, or none for vague phrases (one shared list per entry). */
  expand(entry: UnitEntry): readonly Unit[];
  /** Known names and aliases close to an unknown reference. */
  suggest(reference: string): string[];
}

export function buildUnitRegistry(input: UnitsFileInput, file: string): { registry: UnitRegistry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, UnitEntry>();
  const units: Unit[] = [];
  const groups: UnitGroup[] = [];
  const vague: VagueRef[] = [];

  const named: { name: string; entry: UnitEntry; path: (string | number)[] }[] = [];
  const register = (entry: UnitEntry, names: string[], path: (string | number)[]) => {
    names.forEach((n, i) => {
      named.push({ name: n, entry, path: i === 0 ? [...path, 'name'] : [...path, 'aliases', i - 1] });
      const key = nameKey(n);
      const other = byKey.get(key);
      if (other && other !== entry) {
        diagnostics.push({
          file,
          severity: 'error',
          code: 'duplicate-unit',
          path: i === 0 ? [...path, 'name'] : [...path, 'aliases', i - 1],
          message: localized(`tên "${n}" đã dùng cho "${other.name}"`, `the name "${n}" is already used by "${other.name}"`),
          help: localized('mỗi tên hoặc tên gọi khác chỉ được chỉ một đơn vị', 'each name or alias must name one entry only'),
        });
        return;
      }
      byKey.set(key, entry);
    });
  };

  // Names become file names of sheets and reports: no path pieces, and no two
  // units that differ only in diacritics (almost always one unit typed twice).
  const bySlug = new Map<string, string>();
  const checkName = (name: string, path: (string | number)[]) => {
    if (/[\\/]|\.\.|[\u0000-\u001f]/.test(name)) {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'unsafe-unit-name',
        path,
        message: localized(`tên đơn vị "${name}" có ký tự "/", "\\" hoặc ".."`, `unit name "${name}" contains "/", "\\" or ".."`),
        help: localized(
          'viết "và" hoặc dấu gạch ngang thay cho "/"; tên đơn vị được dùng làm tên tệp phiếu giao việc',
          'write "và" or a dash instead of "/"; unit names become the file names of sheets',
        ),
      });
    }
  };

  input.units.forEach((u, i) => {
    checkName(nfc(u.name), ['units', i, 'name']);
    const slug = slugify(nfc(u.name));
    const twin = bySlug.get(slug);
    if (twin !== undefined && nameKey(twin) !== nameKey(u.name)) {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'unit-name-collision',
        path: ['units', i, 'name'],
        message: localized(`"${u.name}" chỉ khác "${twin}" ở dấu hoặc ký tự đặc biệt`, `"${u.name}" differs from "${twin}" only in diacritics or punctuation`),
        help: localized(
          `nếu là một đơn vị, gộp lại và ghi tên kia vào aliases; nếu là hai đơn vị, đặt tên phân biệt rõ (phiếu giao việc của cả hai sẽ cùng tên tệp "${slug}")`,
          `if it is one unit, merge them and list the other spelling under aliases; if two, name them distinctly (both sheets would be named "${slug}")`,
        ),
      });
    } else bySlug.set(slug, nfc(u.name));
    const unit: Unit = {
      kind: 'unit',
      name: nfc(u.name),
      aliases: (u.aliases ?? []).map(nfc),
      ...(u.level ? { level: u.level } : {}),
      ...(u.symbol ? { symbol: nfc(u.symbol) } : {}),
      ...(u.fullName ? { fullName: (typeof u.fullName === 'string' ? [u.fullName] : u.fullName).map(nfc) } : {}),
      ...(u.parent ? { parent: nfc(u.parent) } : {}),
      ...(u.place ? { place: nfc(u.place) } : {}),
      ...(u.signer ? { signer: buildSigner(u.signer) } : {}),
      sample: u.sample ?? false,
      ...(u.collective ? { collective: true } : {}),
    };
    units.push(unit);
    register(unit, [unit.name, ...unit.aliases], ['units', i]);
  });

  (input.groups ?? []).forEach((g, i) => {
    const group: UnitGroup = { kind: 'group', name: nfc(g.name), aliases: (g.aliases ?? []).map(nfc), members: [], sample: g.sample ?? false };
    groups.push(group);
    register(group, [group.name, ...group.aliases], ['groups', i]);
  });

  (input.vague ?? []).forEach((v, i) => {
    const entry: VagueRef = { kind: 'vague', name: nfc(v) };
    vague.push(entry);
    const key = nameKey(v);
    const other = byKey.get(key);
    if (other) {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'duplicate-unit',
        path: ['vague', i],
        message: localized(`tên "${v}" đã dùng cho "${other.name}"`, `the name "${v}" is already used by "${other.name}"`),
      });
    } else byKey.set(key, entry);
    named.push({ name: entry.name, entry, path: ['vague', i] });
  });
  diagnostics.push(...lookAlikeNames(named, file));

  // Members resolve after every unit is known, so order in the file does not matter.
  (input.groups ?? []).forEach((g, gi) => {
    const group = groups[gi]!;
    g.members.forEach((m, mi) => {
      const entry = byKey.get(nameKey(m));
      if (entry?.kind === 'unit') {
        if (!group.members.includes(entry.name)) group.members.push(entry.name);
        return;
      }
      diagnostics.push({
        file,
        severity: 'error',
        code: 'unknown-member',
        path: ['groups', gi, 'members', mi],
        message: entry
          ? localized(`"${m}" không phải một đơn vị cụ thể (là ${entry.kind === 'group' ? 'nhóm' : 'cách gọi chung'})`, `"${m}" is not a concrete unit (it is a ${entry.kind})`)
          : localized(`thành viên "${m}" không có trong danh sách units`, `member "${m}" is not listed under units`),
        ...suggestHelp(
          m,
          units.map((u) => u.name),
        ),
      });
    });
  });

  const byPlainKey = new Map<string, Set<UnitEntry>>();
  for (const [key, entry] of byKey) {
    const plain = plainKey(key);
    byPlainKey.set(plain, (byPlainKey.get(plain) ?? new Set()).add(entry));
  }

  const unitByName = new Map(units.map((u) => [u.name, u]));
  // Made once: a province's checks and schedule expand a task's lead units some 100,000 times.
  const expandOnce = (entry: UnitEntry): readonly Unit[] => (entry.kind === 'unit' ? [entry] : entry.kind === 'group' ? entry.members.map((n) => unitByName.get(n)!) : NOBODY);
  const expanded = new Map<UnitEntry, readonly Unit[]>();
  for (const e of [...units, ...groups]) expanded.set(e, expandOnce(e));
  const allNames = [...byKey.values()].flatMap((e) => (e.kind === 'vague' ? [e.name] : [e.name, ...e.aliases]));

  const registry: UnitRegistry = {
    units,
    groups,
    vague,
    lookup: (reference) => byKey.get(nameKey(reference)),
    match: (reference) => {
      const exact = byKey.get(nameKey(reference));
      if (exact) return { kind: 'exact', entry: exact };
      const plain = [...(byPlainKey.get(plainKey(reference)) ?? [])];
      if (plain.length === 1) return { kind: 'plain', entry: plain[0]! };
      if (plain.length > 1) return { kind: 'ambiguous', candidates: plain.sort((a, b) => viCollator.compare(a.name, b.name)) };
      return { kind: 'none' };
    },
    expand: (entry) => expanded.get(entry) ?? expandOnce(entry),
    suggest: (reference) => closest(reference, allNames),
  };
  return { registry, diagnostics };
}

export function suggestHelp(wanted: string, names: string[]): Pick<Diagnostic, 'help'> {
  const near = closest(wanted, names);
  if (near.length === 0) return {};
  const list = near.map((n) => `"${n}"`).join(', ');
  return { help: localized(`có phải ý bạn là ${list}?`, `did you mean ${list}?`) };
}

export const EMPTY_REGISTRY: UnitRegistry = buildUnitRegistry({ units: [] }, '').registry;

/**
 * Names a clerk cannot tell apart: Latin mixed with Cyrillic or Greek, hidden
 * characters, or two entries whose names have the same TR39 skeleton. Both
 * spellings are shown with the odd characters as <U+…>.
 */
function lookAlikeNames(named: readonly { name: string; entry: UnitEntry; path: (string | number)[] }[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bySkeleton = new Map<string, { name: string; entry: UnitEntry }>();
  for (const n of named) {
    const problem = nameProblem(n.name);
    if (problem) out.push({ file, severity: 'error', path: n.path, ...nameProblemMessage(n.name, problem) });
    const key = skeleton(n.name);
    const twin = bySkeleton.get(key);
    if (!twin) {
      bySkeleton.set(key, n);
      continue;
    }
    // Same entry, or the same name in another case or tone placement (a duplicate, reported as such).
    if (twin.entry === n.entry || nameKey(twin.name) === nameKey(n.name)) continue;
    out.push({
      file,
      severity: 'error',
      code: 'confusable-names',
      path: n.path,
      message: localized(
        `tên "${revealName(n.name)}" trông giống hệt "${revealName(twin.name)}" nhưng là chữ khác`,
        `the name "${revealName(n.name)}" looks the same as "${revealName(twin.name)}" but is spelt with other characters`,
      ),
      help: localized('gõ lại tên bằng bàn phím tiếng Việt (Unikey); nếu là một đơn vị, gộp lại', 'type the name again with a Vietnamese keyboard; if it is one unit, merge the entries'),
    });
  }
  return out;
}

/** The error for a look-alike name, in units.yaml or in a plan. */
export function nameProblemMessage(name: string, problem: NameProblem): Pick<Diagnostic, 'code' | 'message' | 'help'> {
  const shown = revealName(name);
  return problem === 'invisible'
    ? {
        code: 'invisible-character',
        message: localized(`tên "${shown}" có ký tự vô hình`, `the name "${shown}" holds an invisible character`),
        help: localized('xoá ký tự <U+…> (thường do dán từ trang web hoặc Word)', 'delete the <U+…> character (it usually comes from pasting from the web or Word)'),
      }
    : {
        code: 'mixed-script-name',
        message: localized(`tên "${shown}" trộn chữ Latin với chữ Kirin hoặc Hy Lạp trông giống hệt`, `the name "${shown}" mixes Latin letters with look-alike Cyrillic or Greek ones`),
        help: localized('gõ lại các chữ <U+…> bằng bàn phím tiếng Việt (Unikey)', 'type the <U+…> letters again with a Vietnamese keyboard'),
      };
}
