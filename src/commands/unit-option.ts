// --unit NAME as every command reads it: a unit or a group, by any alias, case
// or tone placement, or typed without diacritics when exactly one entry fits
// (the name taken is said on stderr, so piped output stays clean). An unknown
// or ambiguous name, or a vague phrase, is a mistake on the command line (exit 2).
import type { GlobalOptions } from './context.js';
import type { Unit, UnitGroup, UnitRegistry } from '../core/units.js';
import { usage } from './context.js';

export function entryFromOption(registry: UnitRegistry, name: string, g: GlobalOptions, unitsFile?: string): Unit | UnitGroup {
  const lang = g.lang;
  const found = registry.match(name);
  if (found.kind === 'none') {
    const near = registry
      .suggest(name)
      .map((n) => `"${n}"`)
      .join(', ');
    const where = unitsFile ?? 'units.yaml';
    usage(lang, {
      vi: `lỗi: --unit "${name}" không có trong ${where}${near ? `; có phải ý bạn là ${near}?` : ''}`,
      en: `error: --unit "${name}" is not in ${where}${near ? `; did you mean ${near}?` : ''}`,
    });
  }
  if (found.kind === 'ambiguous') {
    const list = found.candidates.map((e) => `"${e.name}"`).join(', ');
    usage(lang, {
      vi: `lỗi: --unit "${name}" (không dấu) khớp ${found.candidates.length} tên: ${list}; ghi rõ tên có dấu`,
      en: `error: --unit "${name}" (without diacritics) fits ${found.candidates.length} names: ${list}; write the name with its diacritics`,
    });
  }
  const entry = found.entry;
  if (entry.kind === 'vague') {
    usage(lang, {
      vi: `lỗi: --unit "${entry.name}" là cách gọi chung, không chỉ đích danh đơn vị nào`,
      en: `error: --unit "${entry.name}" is a vague reference that names no unit in particular`,
    });
  }
  if (found.kind === 'plain') {
    g.io.stderr.write(lang === 'vi' ? `--unit "${name}": hiểu là "${entry.name}"\n` : `--unit "${name}": taken as "${entry.name}"\n`);
  }
  return entry;
}

/** --unit for a command about one unit: a group is refused rather than guessed. */
export function unitFromOption(registry: UnitRegistry, name: string, g: GlobalOptions, unitsFile: string | undefined, groupHint: { vi: string; en: string }): Unit {
  const lang = g.lang;
  const entry = entryFromOption(registry, name, g, unitsFile);
  if (entry.kind !== 'unit') {
    usage(lang, { vi: `lỗi: "${entry.name}" là một nhóm; ${groupHint.vi}`, en: `error: "${entry.name}" is a group; ${groupHint.en}` });
  }
  return entry;
}
