// Proposed additions to units.yaml, and the text that adds them. Pure: text in, text out.
import type { Document, YAMLMap } from 'yaml';
import type { LEVELS } from '../core/schema.js';
import { areaWordsOf, CENTRAL } from '../core/text.js';
import { namesMany } from '../core/units.js';
import { yaml } from '../vendor/libraries.js';

export interface UnitProposal {
  name: string;
  /** Other spellings found in the same document. */
  aliases?: string[];
  kind: 'unit' | 'vague' | 'alias';
  /** A whole set of bodies the plan does not list ("Các sở, ban, ngành"): a unit marked collective. */
  collective?: boolean;
  /** For kind 'alias': the listed unit this name is another spelling of. */
  aliasOf?: string;
  level?: (typeof LEVELS)[number];
}

/**
 * A guess at what an unknown name is: a phrase that names nobody in particular ("… có liên quan", "các cơ quan, đơn vị")
 * is vague; a name for every body of a kind ("Các sở, ban, ngành", "UBND các xã, phường") is a collective unit (one sheet
 * addressed to them all: its tasks reach someone, which a vague phrase's do not); others are units.
 */
export function proposeUnit(name: string): UnitProposal {
  const lower = name.toLowerCase();
  if (/liên quan|\bkhác$/u.test(lower)) return { name, kind: 'vague' };
  if (namesMany(name)) return { name, kind: 'unit', collective: true, ...levelOf(name) };
  if (/^các |^những /u.test(lower)) return { name, kind: 'vague' };
  return { name, kind: 'unit', ...levelOf(name) };
}

/** Only a city run by the centre has a command of its own, named after it without its name ("Bộ Tư lệnh Thành phố"). */
const CITY_COMMAND = /^bộ tư lệnh (?:thành phố|thủ đô)(?=\s|$)/u;

function levelOf(name: string): { level?: (typeof LEVELS)[number] } {
  const lower = name.toLowerCase();
  const word = (w: string) => new RegExp(`(^|\\s)(${w})(?=\\s|$)`, 'u').test(lower);
  const level =
    word(areaWordsOf('commune')) && /^(ubnd|ủy ban|uỷ ban)/u.test(lower)
      ? 'commune'
      : /^sở /u.test(lower) || word('tỉnh') || CITY_COMMAND.test(lower)
        ? 'province'
        : word(areaWordsOf('district'))
          ? 'district'
          : CENTRAL.test(name)
            ? 'central'
            : undefined;
  return level ? { level } : {};
}

const STAMP = ' thêm bởi plan import, cần kiểm tra (added by plan import, please check)';

/**
 * units.yaml text with the proposals added, edited through the yaml library's
 * document model: comments and every existing entry stay as they were (the
 * shipped file round-trips byte for byte), new entries go at the end of the
 * "units:" (or "vague:") list, the first one under a comment saying who added them.
 */
export function appendUnits(source: string, proposals: UnitProposal[]): string {
  if (proposals.length === 0) return source;
  const doc = yaml().parseDocument(source);
  if (!yaml().isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const root = doc.contents as unknown as YAMLMap<unknown, unknown>;
  for (const p of proposals) if (p.kind === 'alias' && p.aliasOf !== undefined) addAlias(doc, root, p.aliasOf, p.name);
  for (const kind of ['unit', 'vague'] as const) {
    const items = proposals.filter((p) => p.kind === kind);
    if (items.length === 0) continue;
    const key = kind === 'unit' ? 'units' : 'vague';
    const existing: unknown = root.get(key, true);
    const list = yaml().isSeq(existing) ? existing : doc.createNode([]);
    if (!yaml().isSeq(existing)) root.set(key, list);
    // An empty flow list ("units: []", as a new file starts) grows into block style, one name per line.
    if (list.items.length === 0) list.flow = false;
    // A vague phrase has no aliases: each spelling is its own entry.
    const values: unknown[] = items.flatMap((p): unknown[] =>
      kind === 'vague'
        ? [p.name, ...(p.aliases ?? [])]
        : [{ name: p.name, ...(p.aliases?.length ? { aliases: p.aliases } : {}), ...(p.level ? { level: p.level } : {}), ...(p.collective ? { collective: true } : {}) }],
    );
    values.forEach((v, i) => {
      // One line per name, whatever its characters: the library quotes what needs quoting.
      const node = doc.createNode(v);
      if (i === 0) node.commentBefore = STAMP;
      list.items.push(node);
    });
  }
  const out = doc.toString({ lineWidth: 0 });
  return source.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}

/** Another spelling of a listed unit or group goes into its aliases (a second entry would be a duplicate). */
function addAlias(doc: Document.Parsed, root: YAMLMap<unknown, unknown>, unitName: string, alias: string): void {
  for (const key of ['units', 'groups']) {
    const list: unknown = root.get(key, true);
    if (!yaml().isSeq(list)) continue;
    for (const item of list.items) {
      if (!yaml().isMap(item) || item.get('name') !== unitName) continue;
      const existing: unknown = item.get('aliases', true);
      if (yaml().isSeq(existing)) existing.items.push(doc.createNode(alias));
      else item.set('aliases', doc.createNode([alias]));
      return;
    }
  }
}
