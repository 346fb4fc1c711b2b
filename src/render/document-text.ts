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

/**
 * A piece of a deadline as written, with what it resolves to (dd/mm/yyyy, or
 * "thường xuyên"). One piece, or the limit and a peak written after it ("năm
 * 2024; cao điểm từ … đến 09/11/2024"): the limit's day stays beside the limit
 * and is not read as the peak's end.
 */
interface DuePiece {
  written: string;
  resolved: string[];
}

function duePieces(due: DueView, common: Wording): DuePiece[] {
  const limits: string[] = [];
  const peaks: string[] = [];
  if (due.invalid) limits.push(common.text('due_invalid'));
  const ordered = deadlineFirst(due.occurrences);
  const written = writtenDays(due.text);
  for (const o of ordered) {
    if (alreadyWritten(o, written)) continue;
    if (o.kind === 'due') limits.push(limitText(o, common));
    else if (o.kind === 'window' && o.start) limits.push(common.text('due_window', { start: formatVi(o.start), end: limitText(o, common) }));
    else if (o.kind === 'peak' && o.start) peaks.push(common.text('due_peak', { start: formatVi(o.start), end: formatVi(o.due) }));
  }
  if (due.eventPending) limits.push(common.text('due_event_pending'));
  if (due.ongoing) limits.push(common.text('ongoing'));
  const split = limits.length > 0 ? peakAtEnd(due) : undefined;
  return split
    ? [
        { written: split.limit, resolved: limits },
        { written: split.peak, resolved: peaks },
      ]
    : [{ written: due.text, resolved: [...limits, ...peaks] }];
}

/** A text that ends with its peak ("…; cao điểm từ … đến …"), cut into the limit before it and the peak phrase. */
function peakAtEnd(due: DueView): { limit: string; peak: string } | undefined {
  const peak = due.occurrences.find((o) => o.kind === 'peak')?.source;
  if (!peak) return undefined;
  const text = due.text.trimEnd();
  if (!text.endsWith(peak.text)) return undefined;
  const before = text.slice(0, text.length - peak.text.length);
  const phrase = /cao\s+(?:điểm|diem)\s*:?\s*(?:là\s+)?$/iu.exec(before);
  if (!phrase) return undefined;
  const limit = before.slice(0, phrase.index).replace(/[\s;,.–-]+$/u, '');
  return limit ? { limit, peak: text.slice(phrase.index) } : undefined;
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

/** A deadline as cell lines: each piece as written, then what it resolves to, each in brackets. */
export function dueLines(due: DueView, common: Wording): string[] {
  return duePieces(due, common).flatMap((p) => (resolvedAddsNothing(p) ? [p.written] : [p.written, ...p.resolved.map((r) => `(${r})`)]));
}

/** A deadline on one line: each piece as written, what it resolves to in brackets after it. */
export function dueInLine(due: DueView, common: Wording): string {
  return duePieces(due, common)
    .map((p) => (resolvedAddsNothing(p) || p.resolved.length === 0 ? p.written : `${p.written} (${p.resolved.join('; ')})`))
    .join('; ');
}

/** Whether the resolved text only repeats what is written ("thường xuyên" → "thường xuyên"). */
function resolvedAddsNothing(d: DuePiece): boolean {
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
