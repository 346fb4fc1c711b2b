// Wording shared by the Markdown and DOCX renderers of sheets and reports:
// deadlines, statuses, plan citations, the dated place line, all through the
// clerk-editable templates.
import { formatVi, writtenDays } from '../core/dates.js';
import type { CalendarDate, WrittenDay } from '../core/dates.js';
import type { DueView, PlanRef } from '../core/document.js';
import { longDate } from '../core/document.js';
import type { Evidence, Output, Status } from '../core/model.js';
import type { TimedOccurrence } from '../core/schedule.js';
import { deadlineFirst } from '../core/schedule.js';
import type { Wording } from '../core/templates.js';
import { citedNumber, titleInSentence } from '../core/text.js';

export interface DueText {
  written: string;
  /** Resolved dates, dd/mm/yyyy, or "thường xuyên"; one entry per line. */
  resolved: string[];
}

export function dueText(due: DueView, common: Wording): DueText {
  const resolved: string[] = [];
  if (due.invalid) resolved.push(common.text('due_invalid'));
  const ordered = deadlineFirst(due.occurrences);
  const written = writtenDays(due.text);
  for (const o of ordered) {
    if (alreadyWritten(o, written)) continue;
    if (o.kind === 'due') resolved.push(limitText(o, common));
    else if (o.kind === 'window' && o.start) resolved.push(common.text('due_window', { start: formatVi(o.start), end: limitText(o, common) }));
    else if (o.kind === 'peak' && o.start) resolved.push(common.text('due_peak', { start: formatVi(o.start), end: formatVi(o.due) }));
  }
  if (due.eventPending) resolved.push(common.text('due_event_pending'));
  if (due.ongoing) resolved.push(common.text('ongoing'));
  return { written: due.text, resolved };
}

/**
 * Whether the text already says a resolved limit: not moved by a day off, its
 * last day written with its year, its first day (a window's) at least by day
 * and month. "trước ngày 05/02/2024" needs no "(05/02/2024)"; "trước ngày 20/5"
 * still gets its year.
 */
function alreadyWritten(o: TimedOccurrence, written: readonly WrittenDay[]): boolean {
  const says = (d: CalendarDate, yearNeeded: boolean) => written.some((w) => w.day === d.day && w.month === d.month && (w.year === undefined ? !yearNeeded : w.year === d.year));
  if (o.moved || !says(o.due, true)) return false;
  return o.kind === 'due' || (o.start !== undefined && says(o.start, false));
}

/**
 * A limit's last day as written, and when a day off moves it, the day it
 * really ends beside it: "15/11/2025 (thứ Bảy) → 17/11/2025".
 */
export function limitText(o: Pick<TimedOccurrence, 'due' | 'effective' | 'moved' | 'movedReason'>, common: Wording): string {
  const written = formatVi(o.due);
  if (!o.moved) return written;
  return common.text('due_moved', { written, day: whatDay(o, written), effective: formatVi(o.effective) });
}

/** "thứ Bảy", "ngày nghỉ Tết Giáp Thìn": the reason workdays gives ("15/11/2025 là thứ Bảy") without its date. */
function whatDay(o: Pick<TimedOccurrence, 'movedReason'>, written: string): string {
  const reason = o.movedReason?.vi ?? '';
  const prefix = `${written} là `;
  return reason.startsWith(prefix) ? reason.slice(prefix.length) : reason;
}

/** A document that fulfils a deliverable: "12/KH-UBND ngày 01/03/2024", its title after it when known. */
export function evidenceText(e: Evidence, common: Wording): string {
  const base = e.date ? common.text('evidence_dated', { number: e.number, date: formatVi(e.date) }) : common.text('evidence_undated', { number: e.number });
  return e.title ? common.text('evidence_titled', { evidence: base, title: e.title }) : base;
}

/** A deliverable's documents, joined; empty when it has none yet. */
export function evidenceList(o: Output, common: Wording): string {
  return o.evidence.map((e) => evidenceText(e, common)).join('; ');
}

/** A deadline as cell lines: as written, then what it resolves to, each in brackets. */
export function dueLines(due: DueView, common: Wording): string[] {
  const d = dueText(due, common);
  return resolvedAddsNothing(d) ? [d.written] : [d.written, ...d.resolved.map((r) => `(${r})`)];
}

/** Whether the resolved text only repeats what is written ("thường xuyên" → "thường xuyên"). */
export function resolvedAddsNothing(d: DueText): boolean {
  return d.resolved.length === 1 && d.resolved[0]!.toLowerCase() === d.written.trim().toLowerCase();
}

export function statusText(status: Status, common: Wording): string {
  return common.text(`status_${status}`);
}

export function planCitation(p: PlanRef, common: Wording): string {
  return common.text('plan_citation', { number: citedNumber(p.number), date: p.dateLong, issuer: p.issuer, title: titleInSentence(p.title) });
}

export function planShort(p: PlanRef, common: Wording): string {
  return common.text('plan_short', { index: p.index, number: citedNumber(p.number), short_title: p.shortTitle });
}

export function placeDate(place: string, date: CalendarDate, common: Wording): string {
  return common.text('place_date', { place, date: longDate(date) });
}
