// The parts every generated document shares, worded and ready to print: the
// Nghị định 30/2020 header (issuing body over two lines, number, place and
// date), "Kính gửi", recipients and signature. Sheets and reports build their
// views on it; the Markdown and DOCX forms both print the view. Pure.
import type { CalendarDate } from '../core/dates.js';
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import type { Party } from '../core/issuing.js';
import type { Wording } from '../core/templates.js';
import { placeDate } from './document-text.js';

/** A field the data did not give, left as a placeholder for the clerk. */
export interface BlankField {
  what: Localized;
  /** Where to write it so the next run fills it. */
  where: Localized;
}

export interface HeadView {
  /** The superior body, upper case (not bold). */
  superior: string[];
  /** The issuing body, upper case, one entry per line (bold). */
  issuer: string[];
  number_line: string;
  /** "V/v …" of a Công văn, under the number; empty for other kinds. */
  subject: string;
  national_name: string;
  motto: string;
  place_date: string;
}

export interface ClosingView {
  /** "Kính gửi: …" lines above the body; empty when the document is not sent to anyone. */
  to_lines: string[];
  recipients_label: string;
  recipients: string[];
  authority: string;
  position: string;
  name: string;
  page_label: string;
}

export interface OfficialView extends HeadView, ClosingView {
  /** "BÁO CÁO"; empty for a Công văn. */
  title: string;
  summary: string[];
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

export interface HeadInput {
  from: Party;
  /** The number's symbol part: "UBND-TP", "BC-TP" (the document's kind and issuer). */
  symbol: string;
  numberKey: string;
  subject?: string;
  planPlace: string;
  madeOn: CalendarDate;
}

export function headView(input: HeadInput, own: Wording, common: Wording, blanks: BlankField[]): HeadView {
  const { from } = input;
  if (!from.place) {
    blanks.push({
      what: localized(`địa danh của ${from.name} (đã dùng "${input.planPlace}" của kế hoạch)`, `the place of ${from.name} (used the plan's "${input.planPlace}")`),
      where: localized(`units.yaml: "place" của ${from.name}`, `units.yaml: "place" of ${from.name}`),
    });
  }
  return {
    superior: from.superior.map(upper),
    issuer: from.lines.map(upper),
    number_line: own.text(input.numberKey, { symbol: input.symbol }),
    subject: input.subject ?? '',
    national_name: common.text('national_name'),
    motto: common.text('motto'),
    place_date: placeDate(from.place ?? input.planPlace, input.madeOn, common),
  };
}

/** A symbol, or a note that it is missing (the number then shows what is known). */
export function symbolOf(party: Party | undefined, blanks: BlankField[], role: Localized): string {
  if (party?.symbol) return party.symbol;
  blanks.push(
    party
      ? {
          what: localized(`ký hiệu của ${party.name} (${role.vi})`, `the symbol of ${party.name} (${role.en})`),
          where: localized(`units.yaml: "symbol" của ${party.name}`, `units.yaml: "symbol" of ${party.name}`),
        }
      : { what: localized(`đơn vị soạn thảo (${role.vi})`, `the drafting unit (${role.en})`), where: localized('kế hoạch: "drafter"', 'the plan: "drafter"') },
  );
  return '';
}

export interface ClosingInput {
  to: readonly string[];
  /** The drafting unit's symbol for "Lưu: VT, TP."; empty: "Lưu: VT.". */
  archiveSymbol: string;
  signer: Party;
}

export function closingView(input: ClosingInput, common: Wording, blanks: BlankField[]): ClosingView {
  const s = input.signer.signer;
  const where = input.signer.unit
    ? localized(`units.yaml: "signer" của ${input.signer.name}, hoặc "signer" của kế hoạch`, `units.yaml: "signer" of ${input.signer.name}, or the plan's "signer"`)
    : localized('kế hoạch: "signer"', 'the plan: "signer"');
  if (!s) blanks.push({ what: localized(`người ký của ${input.signer.name}`, `the signer of ${input.signer.name}`), where });
  else if (!s.name) blanks.push({ what: localized(`họ và tên người ký của ${input.signer.name}`, `the name of ${input.signer.name}'s signer`), where });
  const to = input.to.filter((t) => t.trim() !== '');
  return {
    to_lines: to.length === 0 ? [] : to.length === 1 ? [common.text('to_one', { to: to[0]! })] : [common.text('to_many'), ...to.map((t) => common.text('to_item', { to: t }))],
    recipients_label: common.text('recipients_label'),
    recipients: [...(to.length ? [common.text('same_as_above')] : []), input.archiveSymbol ? common.text('archive', { symbol: input.archiveSymbol }) : common.text('archive_no_symbol')],
    authority: s?.authority ?? '',
    position: s?.position ?? common.text('blank_position'),
    name: s?.name ?? common.text('blank_name'),
    page_label: common.text('page_label'),
  };
}

/**
 * Whether a table row may break across pages in the Word template (its `split`
 * field). A short row broken at a page's foot left a line alone under the
 * repeated header (LibreOffice ignores widow/orphan control in table cells);
 * kept whole, a row leaves at most its own height empty above it. So a row
 * breaks only when it is taller than `maxWhole` lines: each cell's paragraphs
 * wrapped at about `chars[i]` characters (its width over an average letter of
 * the table's font), the tallest cell. An estimate: a line or two off moves
 * the choice for rows near the bound only.
 */
export function rowMaySplit(cells: readonly (readonly string[])[], chars: readonly number[], maxWhole: number): boolean {
  let tallest = 0;
  cells.forEach((paragraphs, i) => {
    let lines = 0;
    for (const text of paragraphs) lines += wrappedLines(text, chars[i]!);
    tallest = Math.max(tallest, lines);
  });
  return tallest > maxWhole;
}

/** Lines a paragraph takes wrapped at `width` characters, a word at a time (a longer word broken over lines). */
function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (used > 0 && used + 1 + word.length <= width) {
      used += 1 + word.length;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(word.length / width) - 1;
    used = word.length % width || width;
  }
  return lines;
}

/** "quá hạn 12 ngày" for late items, nothing otherwise. */
export function overdueText(days: number, common: Wording): string[] {
  return days > 0 ? [common.text('overdue', { days })] : [];
}

/** The fields of OfficialView, for checking a Word template's tags. */
export const OFFICIAL_FIELDS = [
  'superior',
  'issuer',
  'number_line',
  'subject',
  'national_name',
  'motto',
  'place_date',
  'to_lines',
  'recipients_label',
  'recipients',
  'authority',
  'position',
  'name',
  'page_label',
  'title',
  'summary',
] as const;
