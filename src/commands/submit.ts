// `plan submit FILE DUTY-ID --unit NAME [--date D]`: record that a unit sent a
// report or plan it owes. Appends {unit, date} to the duty's submissions.
import { dutyOwers } from '../core/assignments.js';
import { formatVi, parseDateText } from '../core/dates.js';
import { applySubmission } from '../core/edit.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, resolveYear, sayAssumed, usage } from './context.js';
import { editPlanFile } from './edit-file.js';
import { unitFromOption } from './unit-option.js';

interface SubmitOptions {
  unit?: string;
  date?: string;
  year?: string;
  number?: string;
  units?: string;
  asOf?: string;
}

export function run(args: unknown[], opts: SubmitOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  const file = String(args[0]);
  const dutyId = String(args[1]);
  const today = resolveAsOf(g, opts.asOf);
  if (!opts.unit) usage(l, { vi: 'lỗi: cần --unit TÊN (đơn vị đã gửi)', en: 'error: --unit NAME is required (the unit that sent it)' });
  let date = formatVi(today);
  if (opts.date !== undefined) {
    const d = parseDateText(opts.date);
    if (!d) usage(l, { vi: `lỗi: ngày gửi "${opts.date}" không hợp lệ (viết 15/05/2024 hoặc 2024-05-15)`, en: `error: "${opts.date}" is not a valid date (write 15/05/2024 or 2024-05-15)` });
    date = formatVi(d);
  } else {
    sayAssumed(g, [
      {
        vi: `ngày gửi ${date} (${opts.asOf === undefined ? 'hôm nay' : 'theo --as-of'}; ghi ngày khác bằng --date)`,
        en: `sent on ${date} (${opts.asOf === undefined ? 'today' : 'the --as-of day'}; give another with --date)`,
      },
    ]);
  }
  const year = resolveYear(l, opts.year);
  return editPlanFile(file, { ...(opts.units ? { units: opts.units } : {}), lang: l, g }, ({ plan, registry, text }) => {
    const duty = plan.duties.find((d) => d.id === dutyId);
    if (!duty) {
      const ids = plan.duties.map((d) => d.id).join(', ') || '—';
      fail(l, { vi: `lỗi: không có nghĩa vụ báo cáo "${dutyId}" trong ${plan.file} (có: ${ids})`, en: `error: no reporting duty "${dutyId}" in ${plan.file} (there are: ${ids})` });
    }
    const unit = unitFromOption(registry, opts.unit!, g, undefined, { vi: 'mỗi lần gửi ghi cho một đơn vị', en: 'each submission is recorded for one unit' });
    if (!dutyOwers(duty, registry).includes(unit)) {
      fail(l, {
        vi: `lỗi: ${unit.name} không phải gửi "${duty.title}" (đơn vị phải gửi: ${duty.by.map((r) => r.text).join('; ')})`,
        en: `error: ${unit.name} does not owe "${duty.title}" (units that owe it: ${duty.by.map((r) => r.text).join('; ')})`,
      });
    }
    return applySubmission(text, { dutyId, unit: unit.name, date, ...(year !== undefined ? { year } : {}), ...(opts.number ? { number: opts.number } : {}) });
  });
}
