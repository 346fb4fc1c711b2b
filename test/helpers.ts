// Shared test helpers: run the whole pipeline on inline YAML.
import type { ContentCache } from '../src/core/cache.js';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { assembleWorkspace } from '../src/core/workspace.js';
import type { Plan } from '../src/core/model.js';
import type { CalendarDate } from '../src/core/dates.js';

export const UNITS_YAML = `
units:
  - name: Phòng Tư pháp
    level: district
  - name: Phòng Dân tộc
    level: district
  - name: Phòng Văn hóa – Thông tin
    level: district
  - name: Sở Tư pháp
    level: province
  - name: UBND xã An Lạc
    level: commune
  - name: UBND thị trấn An Châu
    level: commune
groups:
  - name: UBND các xã, thị trấn
    members: [UBND xã An Lạc, UBND thị trấn An Châu]
  - name: các cơ quan, tổ chức huyện
    aliases: ["các cơ quan, đơn vị huyện"]
    members: [Phòng Tư pháp, Phòng Dân tộc, Phòng Văn hóa – Thông tin]
vague:
  - các cơ quan, tổ chức có liên quan
`;

/** A small valid plan; `tasks` replaces the first group's task list (YAML at 6-space indent). */
export function planYaml(tasks?: string, extra = ''): string {
  return `number: "05/KH-UBND"
issuer:
  name: UBND huyện Sơn Động
  level: district
place: Sơn Động
date: "05/02/2024"
title: Kế hoạch thử
year: 2024
groups:
  - id: "1"
    title: Nhiệm vụ trọng tâm
    tasks:
${
  tasks ??
  `      - id: "1.1"
        title: Nhiệm vụ một
        lead: [Phòng Tư pháp]
        support: ["các cơ quan, tổ chức có liên quan"]
        due: năm 2024
        outputs: [Kế hoạch]`
}
${extra}`;
}

/** plan.yaml beside units.yaml, through the one loader (src/core/workspace.ts) as every command reads them. */
export function checkYaml(yaml: string, opts: { units?: string; today?: CalendarDate } = {}): { plan?: Plan; diagnostics: Diagnostic[] } {
  const encode = (text: string) => new TextEncoder().encode(text);
  const ws = assembleWorkspace(
    { plans: [{ file: 'plan.yaml', bytes: encode(yaml) }], units: { file: 'units.yaml', bytes: encode(opts.units ?? UNITS_YAML) }, unitsFile: 'units.yaml', dataDir: '.', problems: [] },
    opts.today ? { today: opts.today } : {},
  );
  const unitsErrors = ws.diagnostics.filter((d) => d.file === 'units.yaml' && d.severity === 'error');
  if (unitsErrors.length > 0) throw new Error(`bad test units: ${JSON.stringify(unitsErrors)}`);
  return { ...(ws.plans[0] ? { plan: ws.plans[0] } : {}), diagnostics: ws.diagnostics.filter((d) => d.file === 'plan.yaml') };
}

export const codes = (diags: Diagnostic[]) => diags.map((d) => d.code);

/** A content cache in memory (text entries in `kept`, byte entries in `keptBytes`), for the loader called directly. */
export function memoryCache(): ContentCache & { kept: Map<string, string>; keptBytes: Map<string, Uint8Array> } {
  const kept = new Map<string, string>();
  const keptBytes = new Map<string, Uint8Array>();
  return {
    kept,
    keptBytes,
    codeId: 'in-memory test',
    get: (key) => kept.get(key),
    getLine(key) {
      const text = kept.get(key);
      if (text === undefined) return undefined;
      const lineEnd = text.indexOf('\n');
      // As on disk: the rest is the entry's as it is when asked for, if it is still the one whose line was read.
      return lineEnd < 0
        ? { line: text, rest: () => (kept.get(key) === text ? '' : undefined) }
        : { line: text.slice(0, lineEnd), rest: () => (kept.get(key) === text ? text.slice(lineEnd + 1) : undefined) };
    },
    set: (key, entry) => void kept.set(key, entry),
    getBytes: (key) => keptBytes.get(key),
    setBytes: (key, entry) => void keptBytes.set(key, entry),
  };
}
