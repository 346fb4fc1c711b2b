// A book's sheet names are unit names cut to Excel's 31 characters; collect
// finds each sheet again by the name its hidden markers sheet recorded.
import { describe, expect, it } from 'vitest';
import { collectBook } from '../../src/collect/read-xlsx.js';
import { buildBook } from '../../src/core/book.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { renderBookXlsx } from '../../src/render/xlsx-book.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

// Its 31st character is a space: "Chi nhánh Ngân hàng Chính sách " (an imported HCM plan's unit).
const LONG = 'Chi nhánh Ngân hàng Chính sách xã hội huyện';
const LONG_TOO = 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh';

describe('plan book sheet names', () => {
  it('a unit whose name is cut at a space, and a second cut the same, are both found again (was "mất trang" for an untouched book)', async () => {
    const registry = parseUnits('units.yaml', UNITS_YAML.replace('units:\n', `units:\n  - name: ${LONG}\n    level: district\n  - name: ${LONG_TOO}\n    level: district\n`)).value!;
    const plan = parsePlan('plan.yaml', planYaml(`      - id: "1.1"\n        title: Cho vay\n        lead: [${LONG}, ${LONG_TOO}]\n        due: 31/05/2024`)).value!;
    const opts = { period: '6m' as const, year: 2024, madeOn: { year: 2024, month: 6, day: 10 }, calendar: buildWorkCalendar() };
    const bytes = await renderBookXlsx(buildBook([plan], registry, opts), '6 tháng đầu năm 2024');
    const sheets = await collectBook(bytes, { plans: [plan], registry, asOf: opts.madeOn });
    expect(sheets.map((s) => s.sheet)).toEqual(['Chi nhánh Ngân hàng Chính sách', 'Chi nhánh Ngân hàng Chính sác~2']);
    for (const s of sheets) expect(s.collected.refusals).toEqual([]);
  });
});
