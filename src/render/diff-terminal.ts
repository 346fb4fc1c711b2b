// A semantic plan diff for the terminal: one line per change, grouped by plan
// file, with + / - / ~ marks. Pure: the caller prints.
import { countEn, visible } from '../core/text.js';
import chalk from 'chalk';
import type { Lang, Localized } from '../core/diagnostic.js';
import type { PlanChange, Reach } from '../core/diff.js';
import type { PeriodName } from '../core/periods.js';
import { STATUS_LABELS, type Status } from '../core/model.js';

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? (v.length ? v.join('; ') : '—') : String(v));
/** A value in quotes, but "nothing" as a bare dash (it is not a name). */
const quoted = (v: unknown): string => (show(v) === '—' ? '—' : `"${show(v)}"`);

/** "done 15/03/2024" as the reader says it: "hoàn thành 15/03/2024". */
const showState = (v: unknown, lang: Lang): string => show(v).replace(/^(todo|doing|done|stopped)\b/, (s) => STATUS_LABELS[s as Status][lang].toLowerCase());
const quotedState = (v: unknown, lang: Lang): string => (show(v) === '—' ? '—' : `"${showState(v, lang)}"`);

const DUTY_FIELDS: Record<string, Localized> = {
  title: { vi: 'tên', en: 'title' },
  by: { vi: 'đơn vị phải gửi', en: 'units that send it' },
  to: { vi: 'nơi nhận', en: 'sent to' },
  due: { vi: 'thời hạn', en: 'deadline' },
  period: { vi: 'kỳ', en: 'period' },
  submissions: { vi: 'các lần đã gửi', en: 'submissions' },
};

const HEADER_FIELDS: Record<string, Localized> = {
  year: { vi: 'năm (các thời hạn tính theo năm này)', en: 'year (the deadlines fall in it)' },
  number: { vi: 'số, ký hiệu', en: 'number' },
  date: { vi: 'ngày ban hành', en: 'date issued' },
  place: { vi: 'địa danh', en: 'place' },
  issuer: { vi: 'cơ quan ban hành', en: 'issuer' },
  title: { vi: 'tên kế hoạch', en: 'title' },
};

const UNIT_FIELDS: Record<string, Localized> = {
  aliases: { vi: 'tên khác', en: 'aliases' },
  members: { vi: 'thành viên', en: 'members' },
  level: { vi: 'cấp', en: 'level' },
  symbol: { vi: 'chữ viết tắt', en: 'symbol' },
  fullName: { vi: 'tên đầy đủ', en: 'full name' },
  parent: { vi: 'cơ quan chủ quản', en: 'parent body' },
  place: { vi: 'địa danh', en: 'place' },
  signer: { vi: 'người ký', en: 'signer' },
  collective: { vi: 'gọi chung nhiều đơn vị', en: 'collective' },
};

const SETTINGS: Record<string, Localized> = {
  strictBefore: { vi: 'cách hiểu "trước ngày X" (true: hạn là X − 1)', en: 'reading of "before X" (true: due X − 1)' },
  dueSoonDays: { vi: 'số ngày "sắp đến hạn"', en: 'days counted as "due soon"' },
};

/** " (2 tasks, 1 duty: kh.yaml 1.1, 2.3; other.yaml bc)": what a unit change reaches. */
/** "21 nhiệm vụ, 3 nghĩa vụ báo cáo" / "21 tasks, 3 duties" ('' for none). */
const reachCounts = (reaches: readonly Reach[], vi: boolean): string => {
  const tasks = reaches.reduce((n, a) => n + a.tasks.length, 0);
  const duties = reaches.reduce((n, a) => n + a.duties.length, 0);
  const counts = vi
    ? [tasks > 0 ? `${tasks} nhiệm vụ` : '', duties > 0 ? `${duties} nghĩa vụ báo cáo` : '']
    : [tasks > 0 ? countEn(tasks, 'task') : '', duties > 0 ? countEn(duties, 'duty', 'duties') : ''];
  return counts.filter(Boolean).join(', ');
};

const affectsText = (c: PlanChange, vi: boolean): string => {
  if (!c.affects) return '';
  const counts = reachCounts(c.affects, vi);
  if (!counts) return vi ? ' (không nhiệm vụ, nghĩa vụ nào nêu tên)' : ' (named by no task or duty)';
  const list = c.affects
    .map((a) => {
      const ids = [...a.tasks, ...a.duties];
      return `${a.plan} ${ids.length > 10 ? `${ids.slice(0, 10).join(', ')} …` : ids.join(', ')}`;
    })
    .join('; ');
  return ` (${counts}: ${list})`;
};

/** A removed unit the plans still name: plan check will refuse them, and a rename wants the old name kept. */
const stillNamedText = (c: PlanChange, vi: boolean): string => {
  const reaches = c.stillNamed ?? [];
  const counts = reachCounts(reaches, vi);
  if (!counts) return '';
  const one = reaches.reduce((n, a) => n + a.tasks.length + a.duties.length, 0) === 1;
  return vi
    ? `; ${counts} vẫn nêu tên đơn vị này, nay không có trong ${c.plan}: plan check sẽ báo lỗi (nếu là đổi tên, ghi tên cũ vào aliases của tên mới)`
    : `; ${counts} still ${one ? 'names' : 'name'} it, no longer in ${c.plan}: plan check will fail (for a rename, keep the old name in the new name's aliases)`;
};

/** A swapped day off given up while the Saturday that made up for it is still worked: half a swap. */
const makeUpKeptText = (c: PlanChange, vi: boolean): string => {
  if (!c.makeUpKept?.length) return '';
  const days = c.makeUpKept.map((w) => `${w.date} (${w.name})`).join(', ');
  const one = c.makeUpKept.length === 1;
  return vi
    ? `; ngày làm bù ${days} vẫn còn trong ${c.plan}: bỏ cả ngày làm bù nếu không còn hoán đổi`
    : `; the make-up working ${one ? 'day' : 'days'} ${days} ${one ? 'is' : 'are'} still in ${c.plan}: remove ${one ? 'it' : 'them'} too if the swap is gone`;
};

const datesText = (d: string[] | undefined, vi: boolean) => (d?.length ? d.join(', ') : vi ? 'không có ngày cụ thể' : 'no fixed date');

/** "(cũ: 05/02/2024; mới: 04/02/2024 → 05/02/2024)" ("trước:" would read as "before 05/02"): a resolved date's own arrow (a day off moving it) stays readable. */
const datesMove = (c: PlanChange, vi: boolean) =>
  vi ? `(cũ: ${datesText(c.resolvedBefore, vi)}; mới: ${datesText(c.resolvedAfter, vi)})` : `(was: ${datesText(c.resolvedBefore, vi)}; now: ${datesText(c.resolvedAfter, vi)})`;

/** One sentence per change, in the reader's language (no colour, no mark). */
export function describeChange(c: PlanChange, lang: Lang, periodName: PeriodName): string {
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
    case 'deadline-changed':
      // Same words, other dates: the plan's year, the calendar or the reading of "trước ngày" moved them.
      if (show(c.before) === show(c.after))
        return vi ? `${task}: thời hạn "${show(c.after)}" đổi ngày ${datesMove(c, vi)}` : `${task}: deadline "${show(c.after)}" falls on other dates ${datesMove(c, vi)}`;
      return vi ? `${task}: thời hạn "${show(c.before)}" → "${show(c.after)}" ${datesMove(c, vi)}` : `${task}: deadline "${show(c.before)}" → "${show(c.after)}" ${datesMove(c, vi)}`;
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
    case 'result-changed': {
      const period = periodName(c.period!, c.year!);
      return vi
        ? `${task} (${c.unit}): kết quả báo cáo kỳ ${period} ${quotedState(c.before, lang)} → ${quotedState(c.after, lang)}`
        : `${task} (${c.unit}): result reported for ${period} ${quotedState(c.before, lang)} → ${quotedState(c.after, lang)}`;
    }
    case 'duty-added':
      return vi ? `thêm ${duty}: ${c.title}` : `${duty} added: ${c.title}`;
    case 'duty-removed':
      return vi ? `bỏ ${duty}: ${c.title}` : `${duty} removed: ${c.title}`;
    case 'duty-changed': {
      const field = DUTY_FIELDS[c.field ?? '']?.[lang] ?? c.field;
      const dates = c.resolvedBefore || c.resolvedAfter ? ` ${datesMove(c, vi)}` : '';
      if (c.field === 'due' && show(c.before) === show(c.after)) return `${duty}: ${field} "${show(c.after)}" ${vi ? 'đổi ngày' : 'falls on other dates'}${dates}`;
      return `${duty}: ${field} "${show(c.before)}" → "${show(c.after)}"${dates}`;
    }
    case 'unit-added':
      return (vi ? `thêm đơn vị ${c.unit}` : `unit added: ${c.unit}`) + affectsText(c, vi);
    case 'unit-removed':
      return (vi ? `bỏ đơn vị ${c.unit}` : `unit removed: ${c.unit}`) + affectsText(c, vi) + stillNamedText(c, vi);
    case 'unit-renamed':
      return (vi ? `đổi tên đơn vị "${show(c.before)}" → "${show(c.after)}"` : `unit renamed "${show(c.before)}" → "${show(c.after)}"`) + affectsText(c, vi);
    case 'unit-changed':
      if (c.added || c.removed) {
        // A list: what was added and what was dropped reads better than two whole lists.
        const names = (list: readonly string[]) => list.map((n) => `"${n}"`).join(', ');
        const parts = [...(c.added?.length ? [`${vi ? 'thêm' : 'added'} ${names(c.added)}`] : []), ...(c.removed?.length ? [`${vi ? 'bỏ' : 'removed'} ${names(c.removed)}`] : [])];
        const owner = c.field === 'members' ? (vi ? 'nhóm' : 'group') : vi ? 'đơn vị' : 'unit';
        return `${owner} ${c.unit}: ${UNIT_FIELDS[c.field ?? '']?.[lang] ?? c.field} ${parts.join(', ')}${affectsText(c, vi)}`;
      }
      return `${vi ? 'đơn vị' : 'unit'} ${c.unit}: ${UNIT_FIELDS[c.field ?? '']?.[lang] ?? c.field} ${quoted(c.before)} → ${quoted(c.after)}${affectsText(c, vi)}`;
    case 'setting-changed':
      return `${SETTINGS[c.field ?? '']?.[lang] ?? c.field}: ${show(c.before)} → ${show(c.after)}`;
    case 'day-off-added':
      return vi ? `thêm ngày nghỉ ${c.date}: ${show(c.after)}` : `day off added ${c.date}: ${c.nameEn ?? show(c.after)}`;
    case 'day-off-removed':
      if (c.stillOff) return vi ? `bỏ ngày nghỉ ${c.date} (${show(c.before)}): vẫn nghỉ, ${c.stillOff.vi}` : `day off removed ${c.date} (${c.nameEn ?? show(c.before)}): still off, ${c.stillOff.en}`;
      return (vi ? `bỏ ngày nghỉ ${c.date} (${show(c.before)}): là ngày làm việc` : `day off removed ${c.date} (${c.nameEn ?? show(c.before)}): a working day`) + makeUpKeptText(c, vi);
    case 'working-day-added':
      return vi ? `thêm ngày làm bù ${c.date}: ${show(c.after)}` : `weekend working day added ${c.date}: ${show(c.after)}`;
    case 'working-day-removed':
      return vi ? `bỏ ngày làm bù ${c.date} (${show(c.before)})` : `weekend working day removed ${c.date} (${show(c.before)})`;
  }
}

export function changeMark(c: PlanChange): '+' | '-' | '~' {
  if (/-added$/.test(c.kind)) return '+';
  if (/-removed$/.test(c.kind)) return '-';
  return '~';
}

export function renderDiffTerminal(changes: readonly PlanChange[], lang: Lang, title: string, periodName: PeriodName): string {
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
    out.push(`  ${paint(mark)} ${visible(describeChange(c, lang, periodName))}`);
  }
  out.push('', lang === 'vi' ? `${changes.length} thay đổi` : countEn(changes.length, 'change'));
  return `${out.join('\n')}\n`;
}
