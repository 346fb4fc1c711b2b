// What `plan check` prints for people around its diagnostics, whichever way
// they are laid out (pretty, short): the day it counts at, then the summary.
import { dayHeading, formatVi } from '../core/dates.js';
import { tr } from '../core/diagnostic.js';
import type { CheckView, OutputTarget } from './outputs.js';
import { countEn } from '../core/text.js';

/** The heading, the diagnostics as laid out (`body`, ending in a line end or empty), the summary lines. */
export function writeCheckText(view: CheckView, body: string | Uint8Array, { lang: l, write }: OutputTarget): void {
  // The day every "overdue" below is counted at, said first (issue 14: a clerk questions a day nobody gave).
  const heading = tr(l, `Kiểm tra kế hoạch tính đến ${dayHeading(view.asOf, l)}`, `Checking plans as of ${dayHeading(view.asOf, l)}`);
  const assumed = view.asOfGiven ? '' : tr(l, ' (hôm nay; chọn ngày khác bằng --as-of)', ' (today; choose another with --as-of)');
  write(`${heading}${assumed}\n`);
  if (body.length > 0) write(body);
  const { errors, warnings, overdue: late } = view;
  const summary = tr(
    l,
    `${view.files} tệp, ${view.plans} kế hoạch, ${view.tasks} nhiệm vụ, ${view.duties} nghĩa vụ báo cáo: ${errors} lỗi, ${warnings} cảnh báo`,
    `${countEn(view.files, 'file')}, ${countEn(view.plans, 'plan')}, ${countEn(view.tasks, 'task')}, ${countEn(view.duties, 'reporting duty', 'reporting duties')}: ${countEn(errors, 'error')}, ${countEn(warnings, 'warning')}`,
  );
  write(`${summary}\n`);
  const day = formatVi(view.asOf);
  const n = view.dueSoonDays;
  const soon = view.dueSoon;
  write(
    `${tr(l, `Tính đến ${day}: ${late} việc quá hạn, ${soon} việc đến hạn trong ${n} ngày tới (xem plan overdue, plan agenda)`, `As of ${day}: ${late} overdue, ${soon} due within ${n} days (see plan overdue, plan agenda)`)}\n`,
  );
  if (!view.ok && errors === 0) {
    const why = warnings > 0 && late > 0 ? tr(l, 'cảnh báo và việc quá hạn', 'warnings and overdue items') : late > 0 ? tr(l, 'việc quá hạn', 'overdue items') : tr(l, 'cảnh báo', 'warnings');
    write(`${tr(l, `--strict: ${why} được tính là lỗi`, `--strict: ${why} count as errors`)}\n`);
  }
}
