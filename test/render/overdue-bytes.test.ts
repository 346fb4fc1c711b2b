// The overdue list assembled as bytes (Markdown and JSON) is the text the
// simple paths give: rows kept per occurrence and per unit change nothing.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, formatIso, parseDateText } from '../../src/core/dates.js';
import type { Lang } from '../../src/core/diagnostic.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildSchedule, overdue } from '../../src/core/schedule.js';
import { type OverdueList, overdueFromRows, planRows } from '../../src/core/schedule-rows.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { itemJson, render as json } from '../../src/render/output-json.js';
import { renderOverdue } from '../../src/render/overdue-table.js';
import { jsonWithList, listItemJson, listItemJsonAround } from '../../src/render/stream.js';

const units = parseUnits('plans/units.yaml', readFileSync('plans/units.yaml', 'utf8')).value!;
const seed = parsePlan('plans/kh-pbgdpl-2024-son-dong.yaml', readFileSync('plans/kh-pbgdpl-2024-son-dong.yaml', 'utf8')).value!;
const calendar = buildWorkCalendar();
// Two plans, the second a copy under another name: rows of both interleave in the order.
const plans = [seed, { ...seed, file: 'plans/another.yaml' }];
const schedule = buildSchedule(plans, units, { calendar });
const rows = plans.map((p) => planRows(p, buildSchedule([p], units, { calendar })));
const days = fc.integer({ min: 0, max: 800 }).map((n) => parseDateText(new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))!);
const langs = fc.constantFrom<Lang>('vi', 'en');

function jsonText(items: OverdueList, asOf: CalendarDate, lang: Lang): string {
  const written: string[] = [];
  const decoder = new TextDecoder();
  json.overdue!({ asOf, items, groupBy: 'none', showPlan: true }, { lang, write: (t) => void written.push(typeof t === 'string' ? t : decoder.decode(t)) });
  return written.join('');
}

describe('overdue rows assembled as bytes', () => {
  it('property: JSON is jsonWithList of the items, item by item', () => {
    fc.assert(
      fc.property(days, langs, (asOf, lang) => {
        const list = overdue(schedule, asOf);
        const expected = `${[
          ...jsonWithList(
            { asOf: formatIso(asOf) },
            'items',
            list.map((o) => ({ ...itemJson(o.item, lang), daysLate: o.daysLate })),
          ),
        ].join('\n')}\n`;
        expect(jsonText(overdueFromRows(rows, asOf), asOf, lang)).toBe(expected);
        expect(jsonText(list, asOf, lang)).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('property: Markdown and the terminal table from the compact rows (kept per occurrence) are those of the plain list (row by row)', () => {
    fc.assert(
      fc.property(days, langs, fc.boolean(), (asOf, lang, showPlan) => {
        const opts = { lang, format: 'md', groupBy: 'none', showPlan } as const;
        const text = renderOverdue(overdueFromRows(rows, asOf), opts);
        expect(text).toBe(renderOverdue(overdue(schedule, asOf), opts));
        expect(text.split('\n')).toHaveLength(overdue(schedule, asOf).length + 3);
        // The terminal table keeps an occurrence's leading cells too.
        const table = { ...opts, format: 'table' } as const;
        expect(renderOverdue(overdueFromRows(rows, asOf), table)).toBe(renderOverdue(overdue(schedule, asOf), table));
      }),
      { numRuns: 30 },
    );
  });

  it('property: an item around one field’s value is listItemJson of it', () => {
    const plain = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), plain), fc.string(), fc.oneof(fc.string(), fc.constant(null), fc.integer()), (item, key, value) => {
        const withKey = { ...item, [key]: value };
        const parts = listItemJsonAround(withKey, key)!;
        expect(parts.before + JSON.stringify(value) + parts.after).toBe(listItemJson(withKey));
      }),
      { numRuns: 300 },
    );
  });
});
