// A returned tracking book (plan book) as collect reads it: each unit sheet
// becomes a returned report for the book's period, read with the same rules
// as a DOCX report (core/collect.ts). exceljs, loaded only here and in plan book.
import ExcelJS from 'exceljs';
import type { CollectedFile, CollectRules, ReturnedReport, TaskAnswer } from '../core/collect.js';
import { collectReport, findDate, readStatusAnswer } from '../core/collect.js';
import type { CalendarDate } from '../core/dates.js';
import { parseDateText } from '../core/dates.js';
import { localized } from '../core/diagnostic.js';
import type { PeriodCode } from '../core/periods.js';
import type { MarkedPlan, MarkedTask } from '../core/report-markers.js';
import { markedTask } from '../core/report-markers.js';
import { COL, MARKER_SHEET, SENT } from '../render/xlsx-book.js';

export interface CollectedSheet {
  sheet: string;
  collected: CollectedFile;
}

/** A cell as the unit left it: text, or a date (Excel dates have no zone: read in UTC). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  return (cell.text ?? '').normalize('NFC').trim();
}

function cellDate(cell: ExcelJS.Cell): { date?: CalendarDate; text: string } {
  const v = cell.value;
  if (typeof v === 'number' && v > 0) {
    // An Excel serial day (1900 system) when the cell lost its date format.
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
    return { date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, text: String(v) };
  }
  const text = cellText(cell);
  return { ...(text ? { date: parseDateText(text) ?? findDate(text).date } : {}), text };
}

/** The statuses a sheet was printed with, by row key (books made before they were kept have none). */
function printedStatuses(json: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const refuse = (vi: string, en: string): CollectedFile => ({ items: [], refusals: [{ message: localized(vi, en) }] });

export async function collectBook(bytes: Uint8Array, rules: CollectRules): Promise<CollectedSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return [{ sheet: '', collected: refuse('không đọc được tệp XLSX (tệp hỏng hoặc không phải Excel .xlsx)', 'cannot read the XLSX file (damaged, or not an Excel .xlsx)') }];
  }
  const markers = wb.getWorksheet(MARKER_SHEET);
  const meta = new Map<string, string>();
  const sheets: [string, string, Record<string, unknown>][] = [];
  markers?.eachRow((row) => {
    const key = cellText(row.getCell(1));
    if (key === 'sheet') sheets.push([cellText(row.getCell(2)), cellText(row.getCell(3)), printedStatuses(cellText(row.getCell(4)))]);
    else meta.set(key, cellText(row.getCell(2)));
  });
  if (!markers || meta.get('kind') !== 'book') {
    return [
      {
        sheet: '',
        collected: refuse('không có dấu nhận biết của sổ theo dõi do plan book lập (trang "kehoach" đã mất)', 'no markers of a tracking book written by plan book (the "kehoach" sheet is gone)'),
      },
    ];
  }
  let plans: MarkedPlan[];
  try {
    plans = JSON.parse(meta.get('plans') ?? '') as MarkedPlan[];
  } catch {
    return [{ sheet: '', collected: refuse('dấu nhận biết của sổ (trang "kehoach") bị sửa hỏng', 'the book markers (the "kehoach" sheet) were damaged') }];
  }
  const period = meta.get('period') as PeriodCode;
  const year = Number(meta.get('year'));
  const madeOn = parseDateText(meta.get('madeOn') ?? '');
  const out: CollectedSheet[] = [];
  for (const [name, unit, printed] of sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      out.push({ sheet: name, collected: refuse(`mất trang "${name}" của ${unit}`, `the sheet "${name}" of ${unit} is gone`) });
      continue;
    }
    const tasks: MarkedTask[] = [];
    const answers: TaskAnswer[] = [];
    let sent: { date?: CalendarDate; number?: string } | undefined;
    let badSent: string | undefined;
    ws.eachRow((row, n) => {
      if (n < 3) return;
      const [kind, planIndex, ...id] = cellText(row.getCell(COL.key)).split('|');
      const task = markedTask(Number(planIndex), id.join('|'), printed[cellText(row.getCell(COL.key))]);
      if (kind === 'task') {
        tasks.push(task);
        const done = cellDate(row.getCell(COL.done));
        answers.push(readStatusAnswer(task, cellText(row.getCell(COL.status)), done.text, cellText(row.getCell(COL.note))));
      } else if (kind === 'duty') {
        const status = cellText(row.getCell(COL.status));
        const date = cellDate(row.getCell(COL.done));
        if (date.text && !date.date) badSent = date.text;
        if (status === SENT || date.date) sent = { ...(date.date ? { date: date.date } : {}), ...(cellText(row.getCell(COL.note)) ? { number: cellText(row.getCell(COL.note)) } : {}) };
      }
    });
    if (badSent) {
      out.push({ sheet: name, collected: refuse(`ngày gửi báo cáo "${badSent}" không phải một ngày`, `report date "${badSent}" is not a date`) });
      continue;
    }
    // The book's record date: the day the report was sent, else the day the book was made.
    const date = sent?.date ?? madeOn;
    const report: ReturnedReport = {
      markers: { kind: 'unit-report', plans, period, year, unit, tasks },
      ...(sent?.number ? { number: sent.number } : {}),
      ...(date ? { date } : {}),
      answers,
      lost: [],
      sent: sent !== undefined,
    };
    out.push({ sheet: name, collected: collectReport(report, rules) });
  }
  return out;
}
