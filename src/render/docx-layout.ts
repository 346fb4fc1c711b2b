// The one layout of an administrative document per Nghị định 30/2020/NĐ-CP,
// shared by sheets and reports: A4 with its margins, Times New Roman, the
// two-column header, title and summary, body blocks, tables whose header row
// repeats on every page, page numbers from page 2, recipients and signature.
// Callers describe the document as data (OfficialDocument); this builds DOCX.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocProperty } from '../core/report-markers.js';

export interface DocHeader {
  issuerParent?: string;
  issuerName: string;
  /** "Số: 12/BC-UBND"; empty = no line. */
  numberLine: string;
  nationalName: string;
  motto: string;
  placeDate: string;
}

export interface DocColumn {
  header: string;
  /** Relative width. */
  width: number;
  center?: boolean;
}

/** A checklist line; a ticked one is done (a deliverable with its documents). */
export interface ChecklistItem {
  text: string;
  checked?: boolean;
}

/** A cell: lines of text; a line may be bold. */
export type DocCell = readonly (string | { text: string; bold?: boolean; italic?: boolean })[];

export type DocRow = { cells: readonly DocCell[] } | { span: string };

export type DocBlock =
  | { kind: 'heading'; text: string; bookmark?: string }
  | { kind: 'subheading'; text: string; bookmark?: string }
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean; center?: boolean }
  | { kind: 'checklist'; items: readonly ChecklistItem[] }
  | { kind: 'table'; columns: readonly DocColumn[]; rows: readonly DocRow[]; small?: boolean };

export interface OfficialDocument {
  landscape?: boolean;
  header: DocHeader;
  /** "BÁO CÁO", "PHIẾU GIAO NHIỆM VỤ". */
  title: string;
  /** Bold centred lines under the title; a short rule follows them. */
  summary: readonly string[];
  body: readonly DocBlock[];
  recipients: { label: string; lines: readonly string[] };
  signature: { authority: string; position: string; name: string };
  /** Text before the page number in the page header ("Trang"), may be empty. */
  pageLabel?: string;
  /** Custom document properties (docProps/custom.xml): plan collect's markers (core/report-markers.ts). */
  properties?: readonly DocProperty[];
}

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2;
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 };
const A4 = { width: 11906, height: 16838 };

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

function run(text: string, opts: { size?: number; bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: pt(opts.size ?? 13), bold: opts.bold ?? false, italics: opts.italic ?? false });
}

function para(text: string, opts: { size?: number; bold?: boolean; italic?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    ...(opts.indent ? { indent: { firstLine: 567 } } : {}),
    children: [run(text, opts)],
  });
}

/** A centred short rule drawn as the bottom border of an empty, indented paragraph. */
function rule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { after: 120 }, children: [] });
}

/** Rough width of bold Times text in twips (a point is 20 twips; half an em per letter), for rules "as long as the text". */
function textWidth(text: string, size: number): number {
  return Math.round(text.length * size * 20 * 0.48);
}

function usableWidth(landscape: boolean): number {
  const pageWidth = landscape ? A4.height : A4.width;
  return pageWidth - convertMillimetersToTwip(MARGIN.left) - convertMillimetersToTwip(MARGIN.right);
}

/** The borderless two-column layout of ND30 headers and closings; never split across pages. */
function sideBySide(width: number, leftW: number, left: Paragraph[], right: Paragraph[]): Table {
  const rightW = width - leftW;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: leftW, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: rightW, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

function headerTable(h: DocHeader, width: number): Table {
  const leftW = Math.round(width * 0.4);
  const rightW = width - leftW;
  const center = AlignmentType.CENTER;
  const left: Paragraph[] = [];
  if (h.issuerParent) left.push(para(h.issuerParent.toLocaleUpperCase('vi'), { size: 13, align: center }));
  left.push(para(h.issuerName.toLocaleUpperCase('vi'), { size: 13, bold: true, align: center }));
  left.push(rule(leftW, Math.min(leftW * 0.4, 1700)));
  if (h.numberLine) left.push(para(h.numberLine, { size: 13, align: center }));
  const right: Paragraph[] = [
    para(h.nationalName, { size: 12, bold: true, align: center }),
    para(h.motto, { size: 13, bold: true, align: center }),
    rule(rightW, textWidth(h.motto, 13)),
    para(h.placeDate, { size: 13, italic: true, align: center }),
  ];
  return sideBySide(width, leftW, left, right);
}

function cellParagraphs(cell: DocCell, size: number, center: boolean): Paragraph[] {
  const lines = cell.length ? cell : [''];
  return lines.map((l) => {
    const line = typeof l === 'string' ? { text: l } : l;
    return new Paragraph({
      alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 20, after: 20 },
      children: [run(line.text, { size, bold: line.bold ?? false, italic: line.italic ?? false })],
    });
  });
}

function dataTable(block: Extract<DocBlock, { kind: 'table' }>, width: number): Table {
  const total = block.columns.reduce((n, c) => n + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * width));
  const size = block.small ? 11 : 12;
  const margins = { top: 40, bottom: 40, left: 80, right: 80 };
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins, children: [para(c.header, { size, bold: true, align: AlignmentType.CENTER })] }),
    ),
  });
  const rows = block.rows.map((r) => {
    if ('span' in r) {
      return new TableRow({
        cantSplit: true,
        children: [new TableCell({ columnSpan: block.columns.length, width: { size: width, type: WidthType.DXA }, margins, children: [para(r.span, { size, bold: true, italic: true, align: AlignmentType.LEFT })] })],
      });
    }
    // Keep a row on one page, unless it is so long it could not fit on one.
    const length = r.cells.reduce((n, c) => n + c.join(' ').length, 0);
    return new TableRow({
      cantSplit: length < 1200,
      children: r.cells.map((c, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, margins, children: cellParagraphs(c, size, block.columns[i]?.center ?? false) })),
    });
  });
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

/** A heading's text inside a bookmark, when it has one (collect finds answer areas by them). */
function marked(text: TextRun, bookmark: string | undefined): TextRun | Bookmark {
  return bookmark ? new Bookmark({ id: bookmark, children: [text] }) : text;
}

function bodyBlocks(blocks: readonly DocBlock[], width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [marked(run(b.text, { bold: true }), b.bookmark)] }));
        break;
      case 'subheading':
        out.push(new Paragraph({ spacing: { before: 120, after: 120 }, indent: { firstLine: 567 }, keepNext: true, alignment: AlignmentType.JUSTIFIED, children: [marked(run(b.text, { bold: true }), b.bookmark)] }));
        break;
      case 'paragraph':
        out.push(para(b.text, { ...(b.italic ? { italic: true } : {}), ...(b.bold ? { bold: true } : {}), after: 120, indent: !b.center, ...(b.center ? { align: AlignmentType.CENTER } : {}) }));
        break;
      case 'checklist':
        for (const item of b.items) {
          out.push(new Paragraph({ indent: { left: 567 + 283, hanging: 283 }, spacing: { after: 60 }, children: [run(`${item.checked ? '☑' : '☐'} ${item.text}`)] }));
        }
        break;
      case 'table':
        out.push(dataTable(b, width));
        out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
        break;
    }
  }
  return out;
}

function closingTable(doc: OfficialDocument, width: number): Table {
  const leftW = Math.round(width * 0.45);
  const left = [
    new Paragraph({ children: [run(doc.recipients.label, { size: 12, bold: true, italic: true })] }),
    ...doc.recipients.lines.map((l) => new Paragraph({ children: [run(`- ${l}`, { size: 11 })] })),
  ];
  const s = doc.signature;
  const center = AlignmentType.CENTER;
  const right = [
    ...(s.authority.trim() ? [para(s.authority, { bold: true, align: center })] : []),
    ...(s.position.trim() ? [para(s.position, { bold: true, align: center })] : []),
    // The space for the signature and the seal.
    ...[1, 2, 3, 4].map(() => para('', { align: center })),
    para(s.name, { bold: true, align: center }),
  ];
  return sideBySide(width, leftW, left, right);
}

/** Build the DOCX bytes of an official document. */
export async function renderOfficialDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const landscape = doc.landscape ?? false;
  const width = usableWidth(landscape);
  const center = AlignmentType.CENTER;
  const children: (Paragraph | Table)[] = [
    headerTable(doc.header, width),
    para(doc.title, { size: 14, bold: true, align: center, before: 360 }),
    ...doc.summary.map((s) => para(s, { size: 14, bold: true, align: center })),
    rule(width, 1700),
    ...bodyBlocks(doc.body, width),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    closingTable(doc, width),
  ];
  const pageNumber = new Header({
    children: [new Paragraph({ alignment: center, children: [new TextRun({ font: FONT, size: pt(13), children: [...(doc.pageLabel ? [`${doc.pageLabel} `] : []), PageNumber.CURRENT] })] })],
  });
  const document = new Document({
    creator: 'kehoach',
    ...(doc.properties?.length ? { customProperties: doc.properties.map((p) => ({ name: p.name, value: p.value })) } : {}),
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
              header: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer);
}
