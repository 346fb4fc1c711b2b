// json: for tools. Keys and their order are a contract (docs/format.md); long
// lists are written one item at a time (stream.ts), never as one string.
import { formatIso, weekdayName } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import type { ItemView } from '../core/schedule-rows.js';
import { eachOverdueRow } from '../core/schedule-rows.js';
import { collectJson } from './collect-summary.js';
import { diagnosticsToJson } from './diagnostics.js';
import type { OutputRenderers } from './outputs.js';
import { planJson } from './plan-json.js';
import { ByteWriter, bytesOnce, jsonListFrame, jsonWithList, listItemJsonAround, utf8, writeLines } from './stream.js';

/** One scheduled item as JSON: `due` is the effective date; `written` beside it when a day off moved it. */
export function itemJson(item: ItemView, lang: Lang): Record<string, unknown> {
  return {
    plan: item.plan.file,
    kind: item.kind,
    id: item.id,
    title: item.title,
    unit: item.unit?.name ?? null,
    due: formatIso(item.effective),
    ...(item.moved ? { written: formatIso(item.written), movedBecause: item.movedReason?.[lang] } : {}),
    ...(item.start && item.occurrence !== 'due' ? { start: formatIso(item.start), occurrence: item.occurrence } : {}),
    ...(item.kind === 'duty' ? { year: item.year } : {}),
  };
}

export const render: OutputRenderers = {
  check: (view, { lang, write }) => {
    const summary = {
      files: view.files,
      plans: view.plans,
      tasks: view.tasks,
      duties: view.duties,
      errors: view.errors,
      warnings: view.warnings,
      asOf: formatIso(view.asOf),
      overdue: view.overdue,
      dueSoon: view.dueSoon,
      dueSoonDays: view.dueSoonDays,
      ok: view.ok,
    };
    write(`${JSON.stringify({ diagnostics: diagnosticsToJson(view.diagnostics, lang), summary }, null, 2)}\n`);
  },
  overdue: ({ asOf, items }, { lang, write }) => {
    // jsonWithList's text, as bytes: 150,000 rows in a province (57 MB). What
    // the rows of one occurrence share is made and encoded once, each unit's
    // value once; a row is those pieces copied.
    const frame = jsonListFrame({ asOf: formatIso(asOf) }, 'items');
    const out = new ByteWriter(write);
    if (items.length === 0) out.text(`${frame.empty}\n`);
    else {
      out.text(frame.opening);
      const comma = utf8(',');
      const unitValue = bytesOnce((name: string | undefined) => JSON.stringify(name ?? null));
      let before: Uint8Array = comma;
      let after: Uint8Array = comma;
      eachOverdueRow(
        items,
        (first) => {
          const item = itemJson(first.item, lang);
          item.daysLate = first.daysLate;
          // itemJson's items are flat and always have a unit (a name or null).
          const parts = listItemJsonAround(item, 'unit')!;
          before = utf8(`\n    ${parts.before}`);
          after = utf8(parts.after);
        },
        (name, k) => {
          if (k > 0) out.bytes(comma);
          out.bytes(before);
          out.bytes(unitValue(name));
          out.bytes(after);
        },
      );
      out.text(`\n${frame.closing}\n`);
    }
    out.flush();
  },
  agenda: ({ agenda, undated }, { lang, write }) => {
    const out = {
      asOf: formatIso(agenda.asOf),
      until: formatIso(agenda.until),
      active: agenda.active.map((i) => itemJson(i, lang)),
      days: agenda.days.map((d) => ({
        date: formatIso(d.date),
        weekday: weekdayName(d.date, lang),
        items: d.entries.map((e) => ({ event: e.event, ...itemJson(e.item, lang) })),
      })),
      undated: undated.map((u) => ({ plan: u.plan.file, kind: u.kind, id: u.id, title: u.title, due: u.text })),
    };
    write(`${JSON.stringify(out, null, 2)}\n`);
  },
  diff: ({ changes }, { write }) => write(`${JSON.stringify({ changes }, null, 2)}\n`),
  show: ({ plans, registry, rules }, { write }) => {
    const list = (function* () {
      for (const p of plans) yield planJson(p, registry, rules);
    })();
    writeLines(jsonWithList({}, 'plans', list), write);
  },
  collect: ({ sources, applied }, { write }) => write(`${JSON.stringify(collectJson(sources, applied), null, 2)}\n`),
};
