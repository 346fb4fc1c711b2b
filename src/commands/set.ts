// `plan set FILE TASK-ID status=… [done=…] [note=…] [--unit NAME]`: record
// progress without hand-editing YAML. Only the edited lines change.
import { concreteUnits } from '../core/assignments.js';
import { formatVi, parseDateText } from '../core/dates.js';
import { applyTaskEdit, parseStatusWord, type TaskEdit } from '../core/edit.js';
import { allTasks, type Status } from '../core/model.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, sayAssumed, usage } from './context.js';
import { editPlanFile } from './edit-file.js';
import { unitFromOption } from './unit-option.js';

interface SetOptions {
  unit?: string;
  units?: string;
  asOf?: string;
}

export function run(args: unknown[], opts: SetOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  const file = String(args[0]);
  const taskId = String(args[1]);
  const changes = (args[2] as string[] | undefined) ?? [];
  const today = resolveAsOf(g, opts.asOf);
  let status: Status | undefined;
  let done: string | undefined;
  let note: string | undefined;
  for (const change of changes) {
    const eq = change.indexOf('=');
    const key = eq === -1 ? '' : change.slice(0, eq).trim();
    const value =
      eq === -1
        ? ''
        : change
            .slice(eq + 1)
            .trim()
            .normalize('NFC');
    if (key === 'status' || key === 'tinh-trang') {
      status = parseStatusWord(value);
      if (!status)
        usage(l, {
          vi: `lỗi: tình trạng "${value}" không hợp lệ; dùng todo, doing, done, stopped (hoặc "chưa thực hiện", "đang thực hiện", "hoàn thành", "dừng")`,
          en: `error: unknown status "${value}"; use todo, doing, done, stopped (or "chưa thực hiện", "đang thực hiện", "hoàn thành", "dừng")`,
        });
    } else if (key === 'done') {
      const d = parseDateText(value);
      if (!d)
        usage(l, { vi: `lỗi: ngày hoàn thành "${value}" không hợp lệ (viết 15/03/2024 hoặc 2024-03-15)`, en: `error: "${value}" is not a valid completion date (write 15/03/2024 or 2024-03-15)` });
      done = formatVi(d);
    } else if (key === 'note') {
      if (!value) usage(l, { vi: 'lỗi: note= cần một nội dung', en: 'error: note= needs some text' });
      note = value;
    } else {
      usage(l, { vi: `lỗi: không hiểu "${change}"; viết status=…, done=DD/MM/YYYY hoặc note=…`, en: `error: cannot read "${change}"; write status=…, done=DD/MM/YYYY or note=…` });
    }
  }
  if (!status && !done && note === undefined) usage(l, { vi: 'lỗi: không có gì để sửa; ví dụ: plan set TỆP 1.2 status=done', en: 'error: nothing to change; e.g. plan set FILE 1.2 status=done' });
  // A completion date alone means the work is done.
  if (done && !status) status = 'done';

  return editPlanFile(file, { ...(opts.units ? { units: opts.units } : {}), lang: l, g }, ({ plan, registry, text, events }) => {
    const task = allTasks(plan).find((t) => t.id === taskId);
    if (!task) fail(l, { vi: `lỗi: không có nhiệm vụ "${taskId}" trong ${plan.file}`, en: `error: no task "${taskId}" in ${plan.file}` });
    const edit: TaskEdit = { taskId, ...(status ? { status } : {}), ...(note !== undefined ? { note } : {}) };
    let current: { status: Status; done?: unknown } = task;
    if (opts.unit !== undefined) {
      const unit = unitFromOption(registry, opts.unit, g, undefined, { vi: 'tiến độ riêng ghi cho một đơn vị', en: 'progress is recorded for one unit' });
      const onTask = concreteUnits([...task.lead, ...task.support], registry);
      if (!onTask.includes(unit)) {
        const names = [...task.lead, ...task.support].map((r) => r.text).join('; ');
        fail(l, {
          vi: `lỗi: ${unit.name} không chủ trì, không phối hợp nhiệm vụ ${taskId} (đơn vị của nhiệm vụ: ${names})`,
          en: `error: ${unit.name} neither leads nor supports task ${taskId} (its units: ${names})`,
        });
      }
      edit.unit = { name: unit.name, matches: (written) => registry.lookup(written) === unit };
      current = task.progress.find((p) => registry.lookup(p.unit.text) === unit) ?? { status: 'todo' };
    }
    // status=done without a date: today (in Vietnam), unless a date is already recorded.
    if (status === 'done') {
      if (done) edit.done = done;
      else if (!(current.status === 'done' && current.done)) {
        edit.done = formatVi(today);
        sayAssumed(g, [
          {
            vi: `ngày hoàn thành ${edit.done} (${opts.asOf === undefined ? 'hôm nay' : 'theo --as-of'}; ghi ngày khác bằng done=DD/MM/YYYY)`,
            en: `done on ${edit.done} (${opts.asOf === undefined ? 'today' : 'the --as-of day'}; give another with done=DD/MM/YYYY)`,
          },
        ]);
      }
    } else if (done) edit.done = done;
    return applyTaskEdit(text, edit, events ? { events, path: task.path } : undefined);
  });
}
