// iCalendar (RFC 5545) by hand: a tiny text format. CRLF line ends, lines
// folded at 75 octets without splitting a UTF-8 character, TEXT values
// escaped, all-day events as DATE values, and UIDs built from the plan file,
// the task or duty, the occurrence and the unit, so re-importing the file
// updates the events instead of duplicating them.
import { citedNumber, countEn, visible } from '../core/text.js';
import path from 'node:path';
import type { CalendarDate } from '../core/dates.js';
import { addDays, formatVi } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import type { ScheduledItem } from '../core/schedule.js';
import { compareItems } from '../core/schedule.js';

export interface IcsOptions {
  lang: Lang;
  /** DTSTAMP: when the file was made, as UTC "YYYYMMDDTHHMMSSZ". */
  stamp: string;
  /** One event per unit (a --unit was asked for) rather than one per occurrence listing its units. */
  perUnit: boolean;
  calendarName: string;
}

const enc = new TextEncoder();

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return visible(s)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line at 75 octets (§3.1); continuation lines start with one space. */
export function foldLine(line: string): string {
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = enc.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const ymd = (d: CalendarDate) => `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

/** A UID that stays the same while the plan file, the item id, the occurrence and the unit do. */
export function eventUid(item: ScheduledItem, unit: string | undefined): string {
  const plan = path.basename(item.plan.file).replace(/\.ya?ml$/i, '');
  return `${encodeURIComponent(plan)}/${item.kind}/${encodeURIComponent(item.id)}/${item.key}/${unit ? encodeURIComponent(unit) : 'all'}@kehoach`;
}

export function renderIcs(items: readonly ScheduledItem[], opts: IcsOptions): string {
  const vi = opts.lang === 'vi';
  const groups = new Map<string, ScheduledItem[]>();
  for (const item of [...items].sort((a, b) => compareItems(a, b))) {
    const k = opts.perUnit ? eventUid(item, item.unit?.name ?? '-') : eventUid(item, undefined);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kehoach//plan ics//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  for (const [uid, list] of groups) {
    const item = list[0]!;
    const ranged = item.occurrence !== 'due' && item.start !== undefined;
    const first = ranged ? item.start! : item.effective;
    const last = ranged ? item.written : item.effective;
    const units = list.map((i) => i.unit?.name ?? (vi ? '(không có đơn vị cụ thể)' : '(no specific unit)'));
    const label =
      item.occurrence === 'peak'
        ? vi
          ? 'Cao điểm'
          : 'Peak'
        : item.occurrence === 'window'
          ? vi
            ? 'Thực hiện'
            : 'Window'
          : item.kind === 'duty'
            ? vi
              ? 'Hạn gửi'
              : 'Due to send'
            : vi
              ? 'Hạn'
              : 'Due';
    const title = item.title.replace(/\s+/g, ' ').trim();
    const short = title.length > 80 ? `${title.slice(0, 79).trimEnd()}…` : title;
    const summary = `${label}: ${item.kind === 'task' ? `${item.id} ` : ''}${short}${opts.perUnit ? ` (${units[0]})` : ''}`;
    const desc: string[] = [
      `${vi ? 'Kế hoạch' : 'Plan'}: ${citedNumber(item.plan.number)} — ${item.plan.title}`,
      // A task by its number in the plan; a duty by its title (its id is the plan file's key, not the document's).
      item.kind === 'task' ? `${vi ? 'Nhiệm vụ' : 'Task'} ${item.id}: ${title}` : `${vi ? 'Báo cáo' : 'Report'}: ${title}`,
      `${vi ? 'Thời hạn như viết' : 'Deadline as written'}: ${(item.task?.due ?? item.duty?.due)?.text ?? ''}`,
    ];
    if (ranged) desc.push(`${vi ? 'Từ' : 'From'} ${formatVi(item.start!)} ${vi ? 'đến' : 'to'} ${formatVi(item.written)}`);
    if (item.moved) {
      desc.push(
        vi
          ? `Hạn ghi ${formatVi(item.written)} là ngày nghỉ (${item.movedReason?.vi ?? ''}); hạn thực tế ${formatVi(item.effective)} (Bộ luật Dân sự 2015, Điều 148)`
          : `Written limit ${formatVi(item.written)} is a day off (${item.movedReason?.en ?? ''}); it really ends on ${formatVi(item.effective)} (Civil Code 2015, Article 148)`,
      );
    }
    desc.push(`${vi ? 'Đơn vị' : 'Units'} (${units.length}): ${units.join('; ')}`);
    const done = list.filter((i) => i.completed).length;
    if (done > 0) desc.push(vi ? `Đã xong (đã gửi): ${done}/${list.length} đơn vị` : `Done (sent): ${done} of ${countEn(list.length, 'unit')}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${opts.stamp}`,
      `DTSTART;VALUE=DATE:${ymd(first)}`,
      `DTEND;VALUE=DATE:${ymd(addDays(last, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(desc.join('\n'))}`,
      `CATEGORIES:${item.kind === 'task' ? (vi ? 'Nhiệm vụ' : 'Task') : vi ? 'Báo cáo' : 'Report'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
