// A unit name with a stray word after it: "Phối hợp chặt chẽ Sở Khoa học và
// Công nghệ đê hỗ trợ …" (a typo of "để") cuts the name at the verb and keeps
// the typo in it. A name that is a known unit (units.yaml, or a name this plan
// uses on its own elsewhere) followed by one or two lower-case words that do
// not qualify a name (a level such as "tỉnh", "cấp huyện", "liên quan") is that
// unit; the caller says so with the line. Pure.
import { areaWordsOf, nameKey } from '../core/text.js';
import type { UnitRegistry } from '../core/units.js';
import { startsUnit } from './unit-list.js';

/** Lower-case words that do belong after a name: places and levels ("Công an tỉnh"), relations ("… liên quan", "UBND các xã có rừng"). */
const QUALIFIERS = new RegExp(`^(?:${areaWordsOf()}|cấp|cấp \\S+|liên quan|trực thuộc|cơ sở|trung ương|địa phương|thôn|bản|ấp|tổ|khu phố|(?:có|thuộc|trên|tại|ở|ven|vùng|giáp)(?: \\S+)?)$`, 'u');

export interface StrayWords {
  /** The known name the written one starts with. */
  known: string;
  /** The words after it, as written. */
  stray: string;
}

/** For each name of `names` that is a known unit plus stray words, the unit and the words. */
export function strayWordNames(names: readonly string[], registry: UnitRegistry | undefined): Map<string, StrayWords> {
  const usedAlone = new Set(names.map(nameKey));
  const out = new Map<string, StrayWords>();
  for (const name of new Set(names)) {
    if (registry?.lookup(name)) continue;
    const words = name.split(/\s+/);
    for (const k of [1, 2]) {
      if (words.length - k < 2) break;
      const known = words.slice(0, -k).join(' ');
      const stray = words.slice(-k).join(' ');
      if (!words.slice(-k).every((w) => /^\p{Ll}+$/u.test(w)) || QUALIFIERS.test(stray)) continue;
      // An official name (a unit head, capitalised), not a descriptive group ("các đơn vị …") that lower-case words extend.
      if (!startsUnit(known) || /^(?:các|những)\s/iu.test(known)) continue;
      if (registry?.lookup(known) || usedAlone.has(nameKey(known))) {
        out.set(name, { known, stray });
        break;
      }
    }
  }
  return out;
}
