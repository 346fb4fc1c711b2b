// Tasks laid out in a table (often an appendix "Phụ lục"): columns are found
// by their headings in any order — STT | Nội dung nhiệm vụ | Cơ quan chủ trì |
// Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm | Ghi chú.
import { continuesLine, endsOpen } from './blocks.js';
import { fold } from './words.js';

/**
 * `person`: "Người thực hiện", the staff who do a task (names, not units). `start`: "Thời gian bắt đầu" beside "Thời gian
 * hoàn thành", when the work begins (not a deadline); alone, it is the table's time ('due').
 */
export type Column = 'stt' | 'content' | 'lead' | 'support' | 'due' | 'start' | 'outputs' | 'note' | 'person';

function columnOf(heading: string): Column | undefined {
  const f = fold(heading).replace(/\s+/g, ' ').trim();
  if (f === '') return undefined;
  if (/^(stt|tt|so tt|so thu tu)\.?$/.test(f)) return 'stt';
  if (/^(nguoi|can bo|cong chuc) (thuc hien|phu trach)$/.test(f)) return 'person';
  if (/phoi hop/.test(f)) return 'support';
  if (/chu tri/.test(f)) return 'lead';
  if (/^(co quan|don vi|co quan, don vi) (thuc hien|trien khai)/.test(f) || /^(don vi|co quan) thuc hien$/.test(f)) return 'lead';
  if (/bat dau|khoi cong/.test(f) && !/ket thuc|hoan thanh|\bden\b/.test(f)) return 'start';
  if (/thoi gian|thoi han|tien do/.test(f)) return 'due';
  if (/san pham|ket qua/.test(f)) return 'outputs';
  if (/ghi chu/.test(f)) return 'note';
  if (/noi dung|nhiem vu|hoat dong|ten (nhiem vu|hoat dong)|cong viec/.test(f)) return 'content';
  return undefined;
}

export interface TableLayout {
  columns: (Column | undefined)[];
  /** Index of the first data row. */
  start: number;
  /** Index of the (first) heading row: rows above it are group rows ("B | PHÁT TRIỂN …", "I | …") or layout. */
  heading: number;
  /** "Thời gian thực hiện" over "Quý I | Quý II | …": each such column's period, the time of a row that ticks it ("x"). */
  periods?: (string | undefined)[];
}

/** A period a time column is split into: "Quý I", "Tháng 3", "6 tháng đầu năm". */
const PERIOD_HEADING = /^(?:quý\s+(?:[IV]{1,3}|[1-4])|tháng\s+\d{1,2}|6\s+tháng\s+(?:đầu|cuối)\s+năm)$/iu;
/** A tick in a period column: the row's work falls in that period. */
const TICK = /^[xX✓✔√•+]$/u;

/**
 * Under a heading row whose time column spans the next row's periods ("Thời gian thực hiện" over "Quý I | Quý II | Quý III
 * | Quý IV"): those columns are the time, each with its period.
 */
function periodColumns(columns: (Column | undefined)[], heading: string[], next: string[] | undefined): (string | undefined)[] | undefined {
  const due = columns.indexOf('due');
  if (due < 0 || !next) return undefined;
  const periods = next.map((c, i) => (i >= due && PERIOD_HEADING.test(c.trim()) ? c.trim() : undefined));
  const spanned = periods.every((p, i) => p === undefined || i === due || (heading[i] ?? '').trim() === '');
  // The row's other cells are blank, or a heading merged down into it (a .docx repeats the text of a vMerge'd cell).
  const rest = next.every((c, i) => periods[i] !== undefined || c.trim() === '' || c.trim() === (heading[i] ?? '').trim());
  return periods.filter(Boolean).length >= 2 && spanned && rest ? periods : undefined;
}

/** A row of headings laid over another: where the upper row names a column, its name wins. */
function overlay(columns: (Column | undefined)[], over: (Column | undefined)[]): (Column | undefined)[] {
  return Array.from({ length: Math.max(columns.length, over.length) }, (_, i) => over[i] ?? columns[i]);
}

/** The column layout of a task table, or undefined for a layout table (header, signature). */
export function taskTableLayout(rows: string[][]): TableLayout | undefined {
  for (let r = 0; r < Math.min(rows.length, 3); r++) {
    let columns = rows[r]!.map(columnOf);
    let start = r + 1;
    // Two-row headings: "Cơ quan thực hiện" over "Chủ trì | Phối hợp".
    const next = rows[r + 1];
    if (next) {
      const below = next.map(columnOf);
      // Only under a row that is itself a heading: a group row ("I | Phát triển …") above the headings is data.
      if (columns.some((c) => c !== undefined) && below.some((c) => c === 'lead' || c === 'support') && !next.some((c) => /^\d+$/.test(c.trim()))) {
        columns = overlay(columns, below);
        start = r + 2;
      }
    }
    // A start column is the start only beside an end one; alone ("Thời gian bắt đầu" the table's only time), it is the time.
    if (!columns.includes('due')) columns = columns.map((c) => (c === 'start' ? 'due' : c));
    const periods = periodColumns(columns, rows[r]!, next);
    if (periods) {
      columns = overlay(
        columns,
        periods.map((p) => (p !== undefined ? 'due' : undefined)),
      );
      start = r + 2;
    }
    // The work named by what it is rather than as work ("Tên văn bản", "Tên đề án", "Văn bản quy định chi tiết"): beside a
    // lead column, the first heading no other column claims is the content.
    if (!columns.includes('content') && columns.includes('lead')) {
      const unnamed = columns.findIndex((c, i) => c === undefined && (rows[r]![i] ?? '').trim() !== '');
      if (unnamed >= 0) columns = columns.map((c, i) => (i === unnamed ? 'content' : c));
    }
    if (columns.includes('content') && (columns.includes('lead') || columns.includes('due') || columns.includes('person'))) {
      // A row of column numbers "(1) (2) (3)" under the headings.
      while (rows[start] && rows[start]!.every((c) => /^\(?\d*\)?$/.test(c.trim()))) start++;
      // A heading row that lost its "STT" cell (rows "| 1.5 | Tuyên truyền … |" one cell longer than "| Nội dung | …"): the rows' first cell is the number.
      const data = rows.slice(start);
      const numberedLonger = data.filter((row) => row.length === columns.length + 1 && /^(\d{1,2}(\.\d{1,2})*|[IVX]{1,5}|[A-Z])\.?$/.test(row[0]!.trim()));
      if (!columns.includes('stt') && numberedLonger.length > 0 && numberedLonger.length * 2 >= data.filter((row) => row.length > 2).length) columns = ['stt', ...columns];
      return { columns, start, heading: r, ...(periods ? { periods } : {}) };
    }
  }
  return undefined;
}

export interface TableRow {
  cells: Partial<Record<Column, string>>;
  /** Row number inside the table, 1-based. */
  row: number;
}

/** A time that stands on its own ("quý III/2026", "tháng 5/2026", "trước ngày 30/6"), not the rest of the one above. */
const WHOLE_TIME = /^(?:quý|tháng|năm|ngày|tuần|trước|trong|từ|hằng|hàng|định kỳ|thường xuyên|\d+\s*tháng)/u;
/** Units named as a whole ("các phòng, đơn vị thuộc Sở", "những đơn vị …"), not the rest of a name cut in two. */
const WHOLE_UNITS = /^(?:các|những|tất cả|toàn thể)\s/u;

/**
 * Whether a cell of a row with no number goes on with the same cell of the row above: it fills a cell left empty, or
 * reads on from it ("Phòng Cải cách" / "hành chính", "Từ ngày 01/3 đến" / "30/4/2026"), and is no whole value of its own.
 */
function continuesCell(col: Column, before: string | undefined, text: string): boolean {
  if (before === undefined || endsOpen(before)) return true;
  if (col === 'due' || col === 'start') return continuesLine(before, text) && !WHOLE_TIME.test(text);
  if (col === 'lead' || col === 'support' || col === 'person') return continuesLine(before, text) && !WHOLE_UNITS.test(text);
  return continuesLine(before, text);
}

export function tableRows(rows: string[][], layout: TableLayout): TableRow[] {
  const out: TableRow[] = [];
  // A group row typed above the headings ("B | PHÁT TRIỂN KINH TẾ SỐ …") still opens the group of the rows below.
  for (let r = 0; r < layout.heading; r++) {
    const [stt, content, ...rest] = rows[r]!.map((c) => c.trim());
    if (stt && content && rest.every((c) => c === '') && /^([IVX]{1,5}|[A-Z])\.?$/.test(stt)) out.push({ cells: { stt, content }, row: r + 1 });
  }
  for (let r = layout.start; r < rows.length; r++) {
    // The headings repeated inside the table (a page break in the source) are not a task.
    const filled = rows[r]!.filter((c) => c.trim() !== '');
    if (filled.length >= 3 && filled.every((c) => columnOf(c) !== undefined)) continue;
    // A group row merged across the columns ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" in one wide cell): its number and its title.
    if (filled.length === 1 && rows[r]![0]!.trim() !== '' && layout.columns[0] === 'stt') {
      const group = /^([IVX]{1,5}|[A-Z])\s*[.)–-]\s*(\S.*)$/u.exec(filled[0]!.trim());
      if (group || !/^(\d{1,2}(\.\d{1,2})*)\.?$/.test(filled[0]!.trim())) {
        out.push({ cells: group ? { stt: group[1]!, content: group[2]! } : { content: filled[0]!.trim() }, row: r + 1 });
        continue;
      }
    }
    const cells: Partial<Record<Column, string>> = {};
    const ticked: string[] = [];
    rows[r]!.forEach((text, i) => {
      const col = layout.columns[i];
      if (!col || text.trim() === '') return;
      const period = layout.periods?.[i];
      if (period !== undefined && TICK.test(text.trim())) ticked.push(period);
      else cells[col] = cells[col] ? `${cells[col]}\n${text.trim()}` : text.trim();
    });
    // "x" under "Quý I" and "Quý II": the time is those periods, as the headings name them.
    if (ticked.length > 0 && !cells.due) cells.due = ticked.join(', ');
    // A row its cells' width or the page broke in two ("| 1 | Tổ chức hội nghị quán triệt Kế hoạch cải cách | …" / "| |
    // hành chính năm 2026 của tỉnh | | |", as text copied from a PDF keeps it): no number, a cell going on in lower case.
    // Its cells continue those of the numbered row above (they were a group and a task of their own).
    // A row with no number and no work of its own ("| | | | | 30/4/2026 |") is such a rest too. A cell's text goes on in the
    // line above when it reads as the rest of that line ("Ủy ban nhân dân các" / "xã, phường"), else it is a line of its own.
    // A row whose work is its own ("- Khảo sát trực tuyến", "Tập huấn …") or whose other cells hold a whole value of their
    // own (its time "quý III/2026", its unit "các phòng …") is a row of its own, even with a cell in lower case.
    const above = out[out.length - 1];
    const rest =
      above !== undefined &&
      (cells.content === undefined || (/^\p{Ll}/u.test(cells.content) && continuesLine(above.cells.content ?? '', cells.content))) &&
      (Object.entries(cells) as [Column, string][]).every(([col, text]) => col === 'content' || continuesCell(col, above.cells[col], text));
    if (cells.stt === undefined && layout.columns.includes('stt') && above?.cells.stt !== undefined && rest) {
      for (const [col, text] of Object.entries(cells) as [Column, string][]) {
        const before = above.cells[col];
        above.cells[col] = before === undefined ? text : `${before}${continuesLine(before, text) || /^\d/u.test(text) ? ' ' : '\n'}${text}`;
      }
      continue;
    }
    if (Object.keys(cells).length > 0) out.push({ cells, row: r + 1 });
  }
  return out;
}
