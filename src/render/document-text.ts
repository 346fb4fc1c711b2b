// Wording shared by the Markdown and DOCX renderers of sheets and reports:
// deadlines, statuses, plan citations, the dated place line, all through the
// clerk-editable templates.
import { formatVi } from '../core/dates.js';
import type { CalendarDate } from '../core/dates.js';
import type { DueView, PlanRef } from '../core/document.js';
import { longDate } from '../core/document.js';
import type { Signer, Status } from '../core/model.js';
import type { Wording } from '../core/templates.js';

export interface DueText {
  written: string;
  /** Resolved dates, dd/mm/yyyy, or "thường xuyên"; one entry per line. */
  resolved: string[];
}

export function dueText(due: DueView, common: Wording): DueText {
  const resolved: string[] = [];
  if (due.invalid) resolved.push(common.text('due_invalid'));
  // The deadline itself first, a peak window after it.
  const ordered = [...due.occurrences.filter((o) => o.kind !== 'peak'), ...due.occurrences.filter((o) => o.kind === 'peak')];
  for (const o of ordered) {
    if (o.kind === 'due') resolved.push(formatVi(o.due));
    else if (o.kind === 'window' && o.start) resolved.push(common.text('due_window', { start: formatVi(o.start), end: formatVi(o.due) }));
    else if (o.kind === 'peak' && o.start) resolved.push(common.text('due_peak', { start: formatVi(o.start), end: formatVi(o.due) }));
  }
  if (due.eventPending) resolved.push(common.text('due_event_pending'));
  if (due.ongoing) resolved.push(common.text('ongoing'));
  return { written: due.text, resolved };
}

/** Whether the resolved text only repeats what is written ("thường xuyên" → "thường xuyên"). */
export function resolvedAddsNothing(d: DueText): boolean {
  return d.resolved.length === 1 && d.resolved[0]!.toLowerCase() === d.written.trim().toLowerCase();
}

export function statusText(status: Status, common: Wording): string {
  return common.text(`status_${status}`);
}

export function planCitation(p: PlanRef, common: Wording): string {
  return common.text('plan_citation', { number: p.number, date: p.dateLong, issuer: p.issuer, title: p.title });
}

export function planShort(p: PlanRef, common: Wording): string {
  return common.text('plan_short', { index: p.index, number: p.number, short_title: p.shortTitle });
}

export function placeDate(place: string, date: CalendarDate, common: Wording): string {
  return common.text('place_date', { place, date: longDate(date) });
}

export interface SignerLines {
  authority: string;
  position: string;
  name: string;
}

export function signerLines(signer: Signer | undefined, w: Wording): SignerLines {
  return {
    authority: w.text('signer_authority', { authority: signer?.authority ?? '' }),
    position: w.text('signer_position', { position: signer?.position ?? '' }),
    name: w.text('signer_name', { name: signer?.name ?? '' }),
  };
}
