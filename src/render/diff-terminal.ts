// A semantic plan diff for the terminal: one line per change, grouped by plan
// file, with + / - / ~ marks. Pure: the caller prints.
import { visible } from '../core/text.js';
import chalk from 'chalk';
import type { Lang } from '../core/diagnostic.js';
import type { PlanChange } from '../core/diff.js';
import { STATUS_LABELS, type Status } from '../core/model.js';

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? (v.length ? v.join('; ') : '—') : String(v));

/** "done 15/03/2024" as the reader says it: "hoàn thành 15/03/2024". */
const showState = (v: unknown, lang: Lang): string => show(v).replace(/^(todo|doing|done|stopped)\b/, (s) => STATUS_LABELS[s as Status][lang].toLowerCase());

const DUTY_FIELDS: Record<string, { vi: string; en: string }> = {
  title: { vi: 'tên', en: 'title' },
  by: { vi: 'đơn vị phải gửi', en: 'units that send it' },
  to: { vi: 'nơi nhận', en: 'sent to' },
  due: { vi: 'thời hạn', en: 'deadline' },
  period: { vi: 'kỳ', en: 'period' },
  submissions: { vi: 'các lần đã gửi', en: 'submissions' },
};

const HEADER_FIELDS: Record<string, { vi: string; en: string }> = {
  year: { vi: 'năm (các thời hạn tính theo năm này)', en: 'year (the deadlines fall in it)' },
  number: { vi: 'số, ký hiệu', en: 'number' },
  date: { vi: 'ngày ban hành', en: 'date issued' },
  place: { vi: 'địa danh', en: 'place' },
  issuer: { vi: 'cơ quan ban hành', en: 'issuer' },
  title: { vi: 'tên kế hoạch', en: 'title' },
};

const datesText = (d: string[] | undefined, vi: boolean) => (d && d.length ? d.join(', ') : vi ? 'không có ngày cụ thể' : 'no fixed date');

/** One sentence per change, in the reader's language (no colour, no mark). */
export function describeChange(c: PlanChange, lang: Lang): string {
  const vi = lang === 'vi';
  const task = vi ? `nhiệm vụ ${c.id}` : `task ${c.id}`;
  const duty = vi ? `nghĩa vụ "${c.id}"` : `duty "${c.id}"`;
  switch (c.kind) {
    case 'plan-added':
      return vi ? `thêm kế hoạch: ${c.title}` : `plan added: ${c.title}`;
    case 'plan-removed':
      return vi ? `bỏ kế hoạch: ${c.title}` : `plan removed: ${c.title}`;
    case 'header-changed':
      return `${HEADER_FIELDS[c.field ?? '']?.[lang] ?? c.field}: "${show(c.before)}" → "${show(c.after)}"`;
    case 'task-added':
      return vi ? `thêm ${task}: ${c.title}` : `${task} added: ${c.title}`;
    case 'task-removed':
      return vi ? `bỏ ${task}: ${c.title}` : `${task} removed: ${c.title}`;
    case 'task-renumbered':
      return vi ? `đánh số lại nhiệm vụ ${c.fromId} → ${c.id}: ${c.title}` : `task ${c.fromId} renumbered to ${c.id}: ${c.title}`;
    case 'title-changed':
      return vi ? `${task}: tên đổi từ "${show(c.before)}" thành "${show(c.after)}"` : `${task}: title changed from "${show(c.before)}" to "${show(c.after)}"`;
    case 'deadline-changed': {
      const dates = (d: string[] | undefined) => datesText(d, vi);
      return vi
        ? `${task}: thời hạn "${show(c.before)}" → "${show(c.after)}" (${dates(c.resolvedBefore)} → ${dates(c.resolvedAfter)})`
        : `${task}: deadline "${show(c.before)}" → "${show(c.after)}" (${dates(c.resolvedBefore)} → ${dates(c.resolvedAfter)})`;
    }
    case 'lead-added':
      return vi ? `${task}: thêm đơn vị chủ trì ${c.unit}` : `${task}: lead unit added: ${c.unit}`;
    case 'lead-removed':
      return vi ? `${task}: bỏ đơn vị chủ trì ${c.unit}` : `${task}: lead unit removed: ${c.unit}`;
    case 'support-added':
      return vi ? `${task}: thêm đơn vị phối hợp ${c.unit}` : `${task}: supporting unit added: ${c.unit}`;
    case 'support-removed':
      return vi ? `${task}: bỏ đơn vị phối hợp ${c.unit}` : `${task}: supporting unit removed: ${c.unit}`;
    case 'outputs-changed':
      return vi ? `${task}: sản phẩm "${show(c.before)}" → "${show(c.after)}"` : `${task}: deliverables "${show(c.before)}" → "${show(c.after)}"`;
    case 'status-changed': {
      const who = c.unit ? (vi ? ` (${c.unit})` : ` (${c.unit})`) : '';
      return vi ? `${task}${who}: tình trạng ${showState(c.before, lang)} → ${showState(c.after, lang)}` : `${task}${who}: status ${showState(c.before, lang)} → ${showState(c.after, lang)}`;
    }
    case 'duty-added':
      return vi ? `thêm ${duty}: ${c.title}` : `${duty} added: ${c.title}`;
    case 'duty-removed':
      return vi ? `bỏ ${duty}: ${c.title}` : `${duty} removed: ${c.title}`;
    case 'duty-changed': {
      const dates = c.resolvedBefore || c.resolvedAfter ? ` (${datesText(c.resolvedBefore, vi)} → ${datesText(c.resolvedAfter, vi)})` : '';
      return `${duty}: ${DUTY_FIELDS[c.field ?? '']?.[lang] ?? c.field} "${show(c.before)}" → "${show(c.after)}"${dates}`;
    }
  }
}

export function changeMark(c: PlanChange): '+' | '-' | '~' {
  if (/-added$/.test(c.kind)) return '+';
  if (/-removed$/.test(c.kind)) return '-';
  return '~';
}

export function renderDiffTerminal(changes: readonly PlanChange[], lang: Lang, title: string): string {
  if (changes.length === 0) return `${title}\n${lang === 'vi' ? 'không có thay đổi nào về nội dung kế hoạch' : 'no change to the content of the plans'}\n`;
  const out: string[] = [title];
  let plan = '';
  for (const c of changes) {
    if (c.plan !== plan) {
      plan = c.plan;
      out.push('', chalk.bold(plan));
    }
    const mark = changeMark(c);
    const paint = mark === '+' ? chalk.green : mark === '-' ? chalk.red : chalk.yellow;
    out.push(`  ${paint(mark)} ${visible(describeChange(c, lang))}`);
  }
  out.push('', lang === 'vi' ? `${changes.length} thay đổi` : `${changes.length} change(s)`);
  return `${out.join('\n')}\n`;
}
