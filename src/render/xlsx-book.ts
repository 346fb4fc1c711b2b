// The tracking book (core/book.ts) as an Excel workbook with exceljs: an
// overview, a sheet per unit (tasks and the period's report), deadlines as
// real dates, a status drop-down, overdue rows coloured as of the day the book
// is opened, structure locked and answer columns open, and a very hidden
// "kehoach" sheet with the markers plan collect reads back. Loaded only by
// plan book and plan collect (exceljs is large).
import ExcelJS from 'exceljs';
import type { Book, BookRow } from '../core/book.js';
import type { CalendarDate } from '../core/dates.js';
import { formatVi } from '../core/dates.js';
import { STATUS_LABELS, type Status } from '../core/model.js';

export const MARKER_SHEET = 'kehoach';
/** Columns of a unit sheet; the last, hidden, holds each row's key ("task|0|1.6.b"). */
export const BOOK_COLUMNS = [
  'TT',
  'Mã',
  'Nhiệm vụ, báo cáo',
  'Vai trò',
  'Thời hạn (như kế hoạch ghi)',
  'Hạn theo văn bản',
  'Hạn thực tế',
  'Tình trạng',
  'Ngày hoàn thành / ngày gửi',
  'Kết quả, ghi chú (số văn bản đã gửi)',
  'khóa',
] as const;
export const COL = { status: 8, done: 9, note: 10, key: 11, effective: 7 } as const;
export const SENT = 'Đã gửi';
export const NOT_SENT = 'Chưa gửi';
const TASK_CHOICES: readonly Status[] = ['todo', 'doing', 'done', 'stopped'];

/** An Excel date cell value for a calendar day (UTC midnight: Excel dates have no zone). */
function excelDate(d: CalendarDate | undefined): Date | null {
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(name: string, taken: Set<string>): string {
  // Cut to Excel's 31 characters without a space at the end: the markers' cell is read trimmed, and must name the sheet.
  const base = name
    .replace(/[[\]:*?/\\]/gu, '-')
    .slice(0, 31)
    .trimEnd();
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()) || out === MARKER_SHEET; n++) out = `${base.slice(0, 31 - String(n).length - 1).trimEnd()}~${n}`;
  taken.add(out.toLowerCase());
  return out;
}

export function rowKey(row: BookRow): string {
  return `${row.kind}|${row.plan}|${row.id}`;
}

export async function renderBookXlsx(book: Book, periodLabel: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  wb.title = `Sổ theo dõi ${periodLabel}`;
  const overview = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 3 }] });
  const markers = wb.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  markers.addRows([
    ['kind', 'book'],
    ['plans', JSON.stringify(book.plans)],
    ['period', book.period],
    ['year', book.year],
    ['madeOn', formatVi(book.madeOn)],
  ]);

  overview.getCell('A1').value = `SỔ THEO DÕI THỰC HIỆN KẾ HOẠCH — ${periodLabel.toLocaleUpperCase('vi')}`;
  overview.getCell('A1').font = { bold: true, size: 14 };
  overview.getCell('A2').value = `Lập ngày ${formatVi(book.madeOn)}; dòng tô đỏ: quá hạn tính đến ngày mở sổ.`;
  overview.getRow(3).values = ['TT', 'Đơn vị', 'Chủ trì', 'Phối hợp', 'Hạn gửi báo cáo', 'Trang'];
  overview.getRow(3).font = { bold: true };
  overview.columns = [{ width: 6 }, { width: 45 }, { width: 10 }, { width: 10 }, { width: 16 }, { width: 34 }];

  const taken = new Set<string>(['tổng hợp']);
  for (const [i, s] of book.sheets.entries()) {
    const name = sheetName(s.unit.name, taken);
    // The statuses printed, by row key: a status cell left as printed is not news (MarkedTask.printed).
    const printed = Object.fromEntries(s.rows.flatMap((r) => (r.kind === 'task' ? [[rowKey(r), r.status]] : [])));
    markers.addRow(['sheet', name, s.unit.name, JSON.stringify(printed)]);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.getCell('A1').value = s.unit.name;
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getRow(2).values = [...BOOK_COLUMNS];
    ws.getRow(2).font = { bold: true };
    ws.getRow(2).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    ws.columns = [{ width: 5 }, { width: 9 }, { width: 60 }, { width: 10 }, { width: 24 }, { width: 13 }, { width: 13 }, { width: 17 }, { width: 15 }, { width: 50 }, { width: 18, hidden: true }];
    s.rows.forEach((row, r) => {
      const task = row.kind === 'task';
      const line = ws.addRow([
        r + 1,
        // A duty's id is the plan file's key, not a number a clerk knows (the hidden key column keeps it).
        task ? row.id : '',
        row.title,
        task ? (row.role === 'lead' ? 'Chủ trì' : 'Phối hợp') : 'Báo cáo',
        row.dueText,
        excelDate(row.written),
        excelDate(row.effective),
        task ? STATUS_LABELS[row.status].vi : row.sent ? SENT : NOT_SENT,
        task ? null : excelDate(row.sent),
        task ? null : (row.number ?? null),
        rowKey(row),
      ]);
      line.alignment = { wrapText: true, vertical: 'top' };
      for (const c of [6, 7, 9]) line.getCell(c).numFmt = 'dd/mm/yyyy';
      const choices = task ? TASK_CHOICES.map((st) => STATUS_LABELS[st].vi) : [NOT_SENT, SENT];
      line.getCell(COL.status).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Tình trạng',
        error: `Chọn một trong: ${choices.join(', ')}`,
      };
      line.getCell(COL.done).dataValidation = {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1))],
        showErrorMessage: true,
        error: 'Nhập ngày, ví dụ 15/03/2024',
      };
      // Answer columns stay open on a protected sheet.
      for (const c of [COL.status, COL.done, COL.note]) line.getCell(c).protection = { locked: false };
    });
    const last = s.rows.length + 2;
    // Overdue: past its effective deadline and not done, stopped or sent — as of the day it is opened.
    ws.addConditionalFormatting({
      ref: `A3:J${last}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND($G3<>"",$G3<TODAY(),$H3<>"${STATUS_LABELS.done.vi}",$H3<>"${STATUS_LABELS.stopped.vi}",$H3<>"${SENT}")`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } },
        },
      ],
    });
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
    const lead = s.rows.filter((r) => r.kind === 'task' && r.role === 'lead').length;
    const support = s.rows.filter((r) => r.kind === 'task' && r.role === 'support').length;
    const duty = s.rows.find((r) => r.kind === 'duty');
    const o = overview.addRow([i + 1, s.unit.name, lead, support, excelDate(duty?.effective), { text: name, hyperlink: `#'${name}'!A1` }]);
    o.getCell(5).numFmt = 'dd/mm/yyyy';
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
