// Fills a Word template (templates/vi/*.docx, or a clerk's restyled copy)
// with a document view through docxtemplater: {field}, {#list}…{/list} loops
// and conditions, {^field}…{/field} when empty, {a.b} for nested fields.
// Before filling, every tag is checked against the fields the view has, so a
// misspelt field is a located error (template file, paragraph and its text)
// rather than a blank in a signed document. Many documents are filled in one
// pass of the engine (see fillDocxMany). Loaded only when writing DOCX.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import type { ZipInputFile } from 'fflate';
import { Zip } from 'fflate';
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import type { DocProperty } from '../core/report-markers.js';
import { closest } from '../core/text.js';
import { BOOKMARK_CLOSE, BOOKMARK_OPEN } from './report-view.js';

export interface TemplateProblem {
  /** The template file as shown to the user. */
  file: string;
  message: Localized;
}

export class DocxTemplateError extends Error {
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(problems.map((p) => p.message.en).join('; '));
  }
}

export interface DocxTemplate {
  /** As shown in messages. */
  file: string;
  bytes: Uint8Array;
}

const TAG = /\{([#^/]?)\s*([^{}]*?)\s*\}/g;
const PARTS = /^word\/(document|header\d*|footer\d*)\.xml$/;

/** Each paragraph's text (runs joined), in order, for the parts that hold text. */
function paragraphs(zip: PizZip): { part: string; texts: string[] }[] {
  return Object.keys(zip.files)
    .filter((name) => PARTS.test(name))
    .sort()
    .map((part) => {
      const xml = zip.file(part)!.asText();
      const texts = xml
        .split(/<w:p[ >]/)
        .slice(1)
        .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''));
      return { part, texts };
    });
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function partName(part: string): Localized {
  const base = part.replace(/^word\//, '').replace(/\.xml$/, '');
  if (base === 'document') return localized('thân văn bản', 'body');
  return base.startsWith('header') ? localized('đầu trang', 'page header') : localized('chân trang', 'page footer');
}

function where(file: string, part: string, index: number, text: string): Localized {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  const p = partName(part);
  return localized(`${file}, ${p.vi}, đoạn ${index + 1} ("${shown}")`, `${file}, ${p.en}, paragraph ${index + 1} ("${shown}")`);
}

/** Every tag's field names must be known: a misspelt one is named with the nearest known ones. */
export function checkTemplateFields(t: DocxTemplate, known: readonly string[]): TemplateProblem[] {
  const zip = openZip(t);
  const names = new Set(known);
  const problems: TemplateProblem[] = [];
  for (const { part, texts } of paragraphs(zip)) {
    texts.forEach((text, i) => {
      for (const m of text.matchAll(TAG)) {
        const field = m[2]!;
        if (field === '.') continue;
        const unknown = field === '' ? field : field.split('.').find((s) => !names.has(s));
        if (unknown === undefined) continue;
        const at = where(t.file, part, i, text);
        const near = closest(unknown, known);
        const hint = near.length ? localized(`; có phải "${near[0]}"?`, `; did you mean "${near[0]}"?`) : localized('', '');
        problems.push({
          file: t.file,
          message: localized(
            `${at.vi}: trường "${field}" không có trong dữ liệu của văn bản${hint.vi} (các trường dùng được: xem templates/README.md)`,
            `${at.en}: field "${field}" is not in the document's data${hint.en} (the fields: see templates/README.md)`,
          ),
        });
      }
    });
  }
  return problems;
}

function openZip(t: DocxTemplate): PizZip {
  try {
    return new PizZip(t.bytes);
  } catch {
    throw new DocxTemplateError([{ file: t.file, message: localized(`${t.file}: không phải tệp Word (.docx) đọc được`, `${t.file}: not a readable Word (.docx) file`) }]);
  }
}

/** {a.b.c} walks nested fields; {.} is the current item. Outer scopes are tried by docxtemplater when this gives undefined. */
function parser(tag: string): { get(scope: unknown): unknown } {
  if (tag === '.') return { get: (scope) => scope };
  const path = tag.split('.');
  return {
    get(scope) {
      let v: unknown = scope;
      for (const k of path) {
        if (v === null || typeof v !== 'object') return undefined;
        v = (v as Record<string, unknown>)[k];
      }
      return v;
    },
  };
}

interface EngineError {
  properties?: { id?: string; xtag?: string; explanation?: string; errors?: EngineError[] };
  message?: string;
}

const ENGINE_ERRORS: Record<string, (tag: string) => Localized> = {
  unopened_tag: (t) => localized(`có "}" mà không có "{" mở trước (gần "${t}")`, `"}" without an opening "{" (near "${t}")`),
  unclosed_tag: (t) => localized(`thẻ "{${t}" chưa đóng (thiếu "}")`, `tag "{${t}" is not closed (missing "}")`),
  unclosed_loop: (t) => localized(`"{#${t}}" chưa có "{/${t}}" đóng lại`, `"{#${t}}" has no closing "{/${t}}"`),
  unopened_loop: (t) => localized(`"{/${t}}" không có "{#${t}}" mở trước`, `"{/${t}}" has no opening "{#${t}}"`),
  closing_tag_does_not_match_opening_tag: (t) => localized(`thẻ đóng "{/${t}}" không khớp thẻ mở`, `closing tag "{/${t}}" does not match its opening tag`),
  duplicate_open_tag: (t) => localized(`thừa dấu "{" ở "${t}"`, `an extra "{" at "${t}"`),
  duplicate_close_tag: (t) => localized(`thừa dấu "}" ở "${t}"`, `an extra "}" at "${t}"`),
  unbalanced_loop_tags: (t) =>
    localized(`vòng lặp "${t}" mở và đóng ở hai chỗ không cùng cấp (ví dụ mở trong bảng, đóng ngoài bảng)`, `loop "${t}" opens and closes at different levels (e.g. inside and outside a table)`),
};

function engineProblems(file: string, e: unknown): TemplateProblem[] {
  const err = e as EngineError;
  const list = err.properties?.errors?.length ? err.properties.errors : [err];
  return list.map((x) => {
    const id = x.properties?.id ?? '';
    const tag = x.properties?.xtag ?? '';
    const text =
      ENGINE_ERRORS[id]?.(tag) ?? localized(`mẫu không dùng được: ${x.properties?.explanation ?? x.message ?? id}`, `the template cannot be used: ${x.properties?.explanation ?? x.message ?? id}`);
    return { file, message: localized(`${file}: ${text.vi}`, `${file}: ${text.en}`) };
  });
}

const END = '__KEHOACH_END_OF_DOCUMENT__';
const END_PARAGRAPH = `<w:p><w:r><w:t>${END}</w:t></w:r></w:p>`;
/** The end mark as it comes out (the engine adds xml:space="preserve"). */
const END_FILLED = new RegExp(`<w:p><w:r><w:t(?: [^>]*)?>${END}</w:t></w:r></w:p>`);
/** Documents filled in one pass of the engine: compiling the template is most of the cost of a small document. */
const BATCH = 40;

/**
 * The template with its body repeated once per document ({#documents} … the
 * body … an end mark … {/documents}), so one compile fills many documents;
 * the filled body is cut at the end marks. The page setup (sectPr) stays out.
 */
function batchTemplate(zip: PizZip, file: string): { zip: PizZip; head: string; tail: string } {
  const xml = zip.file('word/document.xml')?.asText();
  const open = xml?.search(/<w:body>/) ?? -1;
  const sect = xml?.lastIndexOf('<w:sectPr') ?? -1;
  if (!xml || open < 0 || sect < open)
    throw new DocxTemplateError([{ file, message: localized(`${file}: thiếu phần thân văn bản (word/document.xml)`, `${file}: the document body (word/document.xml) is missing`) }]);
  const start = open + '<w:body>'.length;
  const head = xml.slice(0, start);
  const tail = xml.slice(sect);
  zip.file('word/document.xml', `${head}<w:p><w:r><w:t>{#documents}</w:t></w:r></w:p>${xml.slice(start, sect)}${END_PARAGRAPH}<w:p><w:r><w:t>{/documents}</w:t></w:r></w:p>${tail}`);
  return { zip, head, tail };
}

/**
 * Fill the template once per view. Page headers and footers are filled from
 * the first view (fields such as page_label are the same in every document).
 * `properties` become custom document properties of every document (plan collect's markers).
 */
export async function fillDocxMany(t: DocxTemplate, views: readonly object[], properties: readonly DocProperty[] = []): Promise<Uint8Array[]> {
  if (views.length === 0) return [];
  return (await fillFast(t, views, properties)) ?? fillByEngine(t, views, properties);
}

/** Every document filled by docxtemplater itself (the fast path's reference; tests compare the two). */
export function fillByEngine(t: DocxTemplate, views: readonly object[], properties: readonly DocProperty[] = []): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < views.length; i += BATCH) out.push(...fillBatch(t, views.slice(i, i + BATCH), properties));
  return out;
}

export async function fillDocx(t: DocxTemplate, view: object, properties: readonly DocProperty[] = []): Promise<Uint8Array> {
  return (await fillDocxMany(t, [view], properties))[0]!;
}

const MARKED_PARAGRAPH = new RegExp(`<w:p(?=[ >])[^>]*>(?:(?!</w:p>)[\\s\\S])*?${BOOKMARK_OPEN}[\\s\\S]*?</w:p>`, 'g');
const MARK = new RegExp(`${BOOKMARK_OPEN}([^${BOOKMARK_CLOSE}<]*)${BOOKMARK_CLOSE}`, 'g');

/** A paragraph holding a bookmark mark (report-view.ts) is wrapped in that bookmark, the mark removed. */
function placeBookmarks(body: string): string {
  if (!body.includes(BOOKMARK_OPEN)) return body;
  let id = 0;
  return body.replace(MARKED_PARAGRAPH, (para) => {
    const names: string[] = [];
    const text = para.replace(MARK, (_m, name: string) => {
      names.push(name);
      return '';
    });
    const starts = names.map((n, i) => `<w:bookmarkStart w:id="${id + i}" w:name="${escapeXml(n)}"/>`).join('');
    const ends = names.map((_n, i) => `<w:bookmarkEnd w:id="${id + i}"/>`).join('');
    id += names.length;
    const open = text.indexOf('</w:pPr>') !== -1 ? text.indexOf('</w:pPr>') + '</w:pPr>'.length : text.indexOf('>') + 1;
    const close = text.lastIndexOf('</w:p>');
    return `${text.slice(0, open)}${starts}${text.slice(open, close)}${ends}</w:p>`;
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/** docProps/custom.xml with these properties, declared in [Content_Types].xml and _rels/.rels (once). */
function setCustomProperties(zip: PizZip, properties: readonly DocProperty[]): void {
  if (properties.length === 0) return;
  const props = properties
    .map((p, i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(p.name)}"><vt:lpwstr>${escapeXml(p.value)}</vt:lpwstr></property>`)
    .join('');
  zip.file(
    CUSTOM_PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`,
  );
  const types = zip.file('[Content_Types].xml')?.asText() ?? '';
  if (!types.includes('/docProps/custom.xml')) zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  const rels = zip.file('_rels/.rels')?.asText() ?? '';
  if (!rels.includes(CUSTOM_REL)) zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rIdKehoachCustom" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`));
}

// ------------------------------------------------------------------ the fast path
//
// docxtemplater spends most of a big document's time on bookkeeping per XML part
// (an hour for a province's 490 sheets). The template is compiled once by
// docxtemplater; its compiled tree (text and tags, fields, loops) is then
// filled per document by the small interpreter below, with docxtemplater's
// semantics for the features the shipped templates use. A template using
// anything else, or whose first document would come out different from
// docxtemplater's own, is filled by docxtemplater for every document.
// Each document.xml is written as UTF-8 into one reused buffer and deflated by
// zlib on the thread pool while the next one is filled (bench/RESULTS.md,
// issue 16: 490 sheets in about the time of their Markdown).

interface CompiledPart {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  subparsed?: CompiledPart[];
  sectPrCount?: number;
  lastParagrapSectPr?: string;
  hasPageBreak?: boolean;
  hasPageBreakBeginning?: boolean;
}

const LOOP_MODULE = 'loop';

function fastPathFits(parts: readonly CompiledPart[]): boolean {
  return parts.every((p) => {
    if (p.type !== 'placeholder') return p.type === 'content' || p.type === 'tag';
    if (p.module === undefined) return true;
    return p.module === LOOP_MODULE && !p.sectPrCount && !p.lastParagrapSectPr && !p.hasPageBreak && !p.hasPageBreakBeginning && fastPathFits(p.subparsed ?? []);
  });
}

/**
 * The compiled tree made ready to fill: the XML between fields merged and encoded once (with
 * what docxtemplater mends after filling already mended inside it), each field's getter made once.
 */
type Step = XmlStep | FieldStep;

interface XmlStep {
  xml: Buffer;
  /** Starts with </w:t>: an empty text element when the output ends with its opening. */
  closesText: boolean;
  /** Starts with </w:tc>: the fill may have emptied the cell. */
  closesCell: boolean;
  /** What it says about a table that ended just before it. */
  afterTable: AfterTable;
  /** Ends with </w:tbl> (then only spaces or bookmark ends): how many bytes follow the </w:tbl>; else -1. */
  tableTail: number;
}

interface FieldStep {
  field: string;
  get: (scope: unknown) => unknown;
  loop?: { inverted: boolean; body: Step[] };
}

/** After a </w:tbl>: a paragraph or what else may follow a table, something that needs a paragraph first, or not yet known. */
type AfterTable = 'fine' | 'needs-paragraph' | 'undecided';

/** docxtemplater's test of what follows a table: spaces and bookmark ends, then one of these. */
const SPACE_AND_BOOKMARK_ENDS = String.raw`\s*(?:<w:bookmarkEnd[^>]*>\s*)*`;
const MAY_FOLLOW_TABLE = String.raw`(?:<w:p[ >/]|<w:tbl|<w:sectPr|<\/w:ftr>|<\/w:hdr>)`;
const FOLLOWS_TABLE = new RegExp(`^${SPACE_AND_BOOKMARK_ENDS}${MAY_FOLLOW_TABLE}`);
const ONLY_SPACE = new RegExp(`^${SPACE_AND_BOOKMARK_ENDS}$`);
const TABLE_AT_END = new RegExp(`</w:tbl>(${SPACE_AND_BOOKMARK_ENDS})$`);
/** A table followed by what is not a paragraph; at the piece's end the next piece decides. */
const TABLE_WITHOUT_PARAGRAPH_AFTER = new RegExp(`</w:tbl>(?!${SPACE_AND_BOOKMARK_ENDS}(?:${MAY_FOLLOW_TABLE}|$))`, 'g');

function afterTable(text: string): AfterTable {
  if (FOLLOWS_TABLE.test(text)) return 'fine';
  return ONLY_SPACE.test(text) ? 'undecided' : 'needs-paragraph';
}

function xmlStep(raw: string): XmlStep {
  const text = mendInside(raw);
  const tail = TABLE_AT_END.exec(text);
  return {
    xml: Buffer.from(text),
    closesText: text.startsWith('</w:t>'),
    closesCell: text.startsWith('</w:tc>'),
    afterTable: afterTable(text),
    tableTail: tail ? Buffer.byteLength(tail[1]!) : -1,
  };
}

function steps(parts: readonly CompiledPart[]): Step[] {
  const out: Step[] = [];
  let xml = '';
  for (const p of parts) {
    if (p.type !== 'placeholder') {
      xml += p.value;
      continue;
    }
    if (xml) out.push(xmlStep(xml));
    xml = '';
    const { get } = parser(p.value);
    out.push(p.module === undefined ? { field: p.value, get } : { field: p.value, get, loop: { inverted: p.inverted === true, body: steps(p.subparsed!) } });
  }
  if (xml) out.push(xmlStep(xml));
  return out;
}

/** docxtemplater's scope rule: the innermost scope where the field is defined, else outer ones. */
function lookup(get: (scope: unknown) => unknown, scopes: readonly unknown[]): unknown {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const v = get(scopes[i]);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NEEDS_ESCAPE = /[&<>"']/;
/** Most values have nothing to escape: testing first spares a replace per value. */
function escapeValue(v: unknown): string {
  const text = String(v);
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!) : text;
}

const TEXT_OPEN = Buffer.from('<w:t xml:space="preserve">');
const EMPTY_TEXT = Buffer.from('<w:t/>');
const CLOSE_TEXT_LENGTH = '</w:t>'.length;
const CELL_OPEN = Buffer.from('<w:tc>');
const CELL_PROPERTIES_OPEN = Buffer.from('<w:tcPr>');
const CELL_PROPERTIES_CLOSE = Buffer.from('</w:tcPr>');
const EMPTY_PARAGRAPH = Buffer.from('<w:p></w:p>');
const PARAGRAPH_AFTER_TABLE = Buffer.from('<w:p/>');

/**
 * A filled document.xml written as UTF-8 straight into one growing buffer: no big string to
 * join, search and encode per document (that was half the time of 490 sheets). What
 * docxtemplater mends after filling (see mendInside) can only arise where two pieces meet,
 * so it is mended there, as they are written.
 */
class XmlWriter {
  private buf = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  /** Where a </w:tbl> ended whose next piece has not yet said whether a paragraph must follow it. */
  private tableEnd = -1;

  /** Start the next document (the previous one's bytes are overwritten). */
  reset(): void {
    this.length = 0;
    this.tableEnd = -1;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  /** `bytes` from `start` on (copied without making a view of them). */
  private put(bytes: Buffer, start = 0): void {
    this.room(bytes.length - start);
    this.length += bytes.copy(this.buf, this.length, start);
  }

  private bytesAt(at: number, bytes: Uint8Array): boolean {
    if (at < 0) return false;
    for (let i = 0; i < bytes.length; i++) if (this.buf[at + i] !== bytes[i]) return false;
    return true;
  }

  private endsWith(bytes: Uint8Array): boolean {
    return this.bytesAt(this.length - bytes.length, bytes);
  }

  /** A table ended earlier; `next` is what follows it. */
  private settleTable(next: AfterTable): void {
    if (next === 'undecided') return;
    if (next === 'needs-paragraph') {
      this.room(PARAGRAPH_AFTER_TABLE.length);
      this.buf.copy(this.buf, this.tableEnd + PARAGRAPH_AFTER_TABLE.length, this.tableEnd, this.length);
      this.buf.set(PARAGRAPH_AFTER_TABLE, this.tableEnd);
      this.length += PARAGRAPH_AFTER_TABLE.length;
    }
    this.tableEnd = -1;
  }

  /** <w:tc>, or <w:tc><w:tcPr>…</w:tcPr>, with nothing after it: the fill emptied the cell. */
  private cellIsEmpty(): boolean {
    if (this.endsWith(CELL_OPEN)) return true;
    if (!this.endsWith(CELL_PROPERTIES_CLOSE)) return false;
    const open = this.buf.lastIndexOf(CELL_PROPERTIES_OPEN, this.length - CELL_PROPERTIES_CLOSE.length - CELL_PROPERTIES_OPEN.length);
    return this.bytesAt(open - CELL_OPEN.length, CELL_OPEN);
  }

  xml(step: XmlStep): void {
    if (this.tableEnd >= 0) this.settleTable(step.afterTable);
    let start = 0;
    if (step.closesText && this.endsWith(TEXT_OPEN)) {
      this.length -= TEXT_OPEN.length;
      this.put(EMPTY_TEXT);
      start = CLOSE_TEXT_LENGTH;
    } else if (step.closesCell && this.cellIsEmpty()) {
      this.put(EMPTY_PARAGRAPH);
    }
    this.put(step.xml, start);
    if (step.tableTail >= 0) this.tableEnd = this.length - step.tableTail;
  }

  text(value: string): void {
    if (value === '') return;
    if (this.tableEnd >= 0) this.settleTable(afterTable(value));
    this.room(value.length * 3);
    this.length += this.buf.write(value, this.length);
  }

  /** The document's bytes, valid until the next reset; a table still waiting is followed by nothing, so it gets its paragraph. */
  end(): Buffer {
    if (this.tableEnd >= 0) this.settleTable('needs-paragraph');
    return this.buf.subarray(0, this.length);
  }
}

/** The filled XML of `program` in these scopes, written to `out`. */
function renderSteps(program: readonly Step[], scopes: unknown[], out: XmlWriter, missing: Set<string>): void {
  for (const step of program) {
    if ('xml' in step) {
      out.xml(step);
      continue;
    }
    const value = lookup(step.get, scopes);
    if (value === undefined) missing.add(step.field);
    const loop = step.loop;
    if (loop === undefined) {
      if (value !== undefined) out.text(escapeValue(value));
      continue;
    }
    // Loops and conditions, as docxtemplater's scope manager runs them.
    const empty = value === undefined || !value || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (loop.inverted) renderSteps(loop.body, scopes, out, missing);
    } else if (!loop.inverted) {
      const items = Array.isArray(value) ? value : [typeof value === 'object' ? value : scopes[scopes.length - 1]];
      for (const item of items) {
        scopes.push(item);
        renderSteps(loop.body, scopes, out, missing);
        scopes.pop();
      }
    }
  }
}

const EMPTIED_CELL = /<w:tc>((?:<w:tcPr>(?:(?!<\/w:tcPr>)[\s\S])*<\/w:tcPr>)?)<\/w:tc>/g;

/**
 * What docxtemplater mends after filling, inside one piece of the template: an emptied text
 * element, a cell left without a paragraph, a table directly followed by what is not a paragraph.
 */
function mendInside(xml: string): string {
  return xml.replaceAll('<w:t xml:space="preserve"></w:t>', '<w:t/>').replace(EMPTIED_CELL, '<w:tc>$1<w:p></w:p></w:tc>').replace(TABLE_WITHOUT_PARAGRAPH_AFTER, '</w:tbl><w:p/>');
}

/** One document's XML, in the writer's buffer (valid until its next document). */
function renderFast(program: readonly Step[], view: object, missing: Set<string>, out: XmlWriter): Buffer {
  out.reset();
  renderSteps(program, [view], out, missing);
  return out.end();
}

const BOOKMARK_BYTES = Buffer.from(BOOKMARK_OPEN);

/** A report's answer areas become bookmarks (a string pass, only for the documents that have them). */
function withBookmarks(xml: Buffer): Buffer {
  return xml.includes(BOOKMARK_BYTES) ? Buffer.from(placeBookmarks(xml.toString('utf8'))) : xml;
}

/** A part of the package, deflated. */
interface ZipEntry {
  name: string;
  size: number;
  crc: number;
  /** zlib allocates it: never a SharedArrayBuffer, as fflate's types ask. */
  deflated: Uint8Array<ArrayBuffer>;
}

/**
 * Node's own zlib deflates: native code, 10–20 times faster than fflate's JavaScript deflate on a
 * 400 KB document.xml (bench/RESULTS.md); level 6, zlib's default, costs little more than 1 and
 * writes files a third smaller.
 */
const DEFLATE = { level: 6 };

function zipEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, size: bytes.length, crc: crc32(bytes), deflated: deflateRawSync(bytes, DEFLATE) as Uint8Array<ArrayBuffer> };
}

const deflateInPool = promisify(deflateRaw);

/** The same, deflated on libuv's thread pool: the other core deflates while this thread fills the next document. */
async function zipEntryInPool(name: string, bytes: Uint8Array): Promise<ZipEntry> {
  return { name, size: bytes.length, crc: crc32(bytes), deflated: (await deflateInPool(bytes, DEFLATE)) as Uint8Array<ArrayBuffer> };
}

/** Documents deflating at once: enough to keep the pool busy, few enough that their XML stays small in memory. */
const IN_FLIGHT = 8;

/** The package laid out by fflate's zip writer from parts already deflated (its documented custom-entry interface). */
function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const file: ZipInputFile = { filename: e.name, size: e.size, crc: e.crc, compression: 8, mtime: ZIP_DATE };
    zip.add(file);
    file.ondata!(null, e.deflated, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** The other parts of the filled package (headers from the first view, properties; deflated once), zipped per document with its body. */
async function zipDocument(parts: readonly ZipEntry[], documentXml: Uint8Array): Promise<Uint8Array> {
  return zipEntries([...parts, await zipEntryInPool('word/document.xml', documentXml)]);
}

/** Zip entry times are local: a date made from local parts writes the same bytes in every time zone. */
const ZIP_DATE = new Date(2024, 0, 1, 12, 0, 0);

/**
 * Fill many documents through the fast path, or return undefined when the template needs
 * docxtemplater itself (features outside the fast path, or a first document that differs).
 */
export async function fillFast(t: DocxTemplate, views: readonly object[], properties: readonly DocProperty[]): Promise<Uint8Array[] | undefined> {
  const doc = compile(t, openZip(t));
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: CompiledPart[] }> }).compiled['word/document.xml']?.postparsed;
  if (!compiled || !fastPathFits(compiled)) return undefined;
  const program = steps(compiled);
  const missing = new Set<string>();
  render(doc, t, views[0]!, missing);
  const filled = doc.getZip();
  const out = new XmlWriter();
  const first = renderFast(program, views[0]!, new Set(), out);
  if (filled.file('word/document.xml')!.asText() !== first.toString('utf8')) return undefined;
  setCustomProperties(filled, properties);
  const others: ZipEntry[] = [];
  for (const name of Object.keys(filled.files)) {
    const f = filled.files[name]!;
    if (!f.dir && name !== 'word/document.xml') others.push(zipEntry(name, f.asUint8Array()));
  }
  const zipped: Promise<Uint8Array>[] = [];
  try {
    for (const v of views) {
      if (zipped.length >= IN_FLIGHT) await zipped[zipped.length - IN_FLIGHT];
      const xml = renderFast(program, v, missing, out);
      if (missing.size > 0) throw missingFields(t, missing);
      // A copy: the writer's buffer is the next document's.
      zipped.push(zipDocument(others, Buffer.from(withBookmarks(xml))));
    }
  } catch (e) {
    await Promise.allSettled(zipped);
    throw e;
  }
  return Promise.all(zipped);
}

function missingFields(t: DocxTemplate, missing: ReadonlySet<string>): DocxTemplateError {
  return new DocxTemplateError(
    [...missing].map((f) => ({ file: t.file, message: localized(`${t.file}: trường "${f}" không có trong dữ liệu của văn bản`, `${t.file}: field "${f}" is not in the document's data`) })),
  );
}

function compile(t: DocxTemplate, zip: PizZip): Docxtemplater {
  try {
    return new Docxtemplater(zip, ENGINE_OPTIONS);
  } catch (e) {
    if (e instanceof DocxTemplateError) throw e;
    throw new DocxTemplateError(engineProblems(t.file, e));
  }
}

/** docxtemplater's render; a missing field is a located error. */
function render(doc: Docxtemplater, t: DocxTemplate, data: object, missing: Set<string>): void {
  try {
    doc.render(data);
  } catch (e) {
    throw new DocxTemplateError(engineProblems(t.file, e));
  }
  if (missingByEngine.size > 0) {
    for (const f of missingByEngine) missing.add(f);
    missingByEngine.clear();
  }
  if (missing.size > 0) throw missingFields(t, missing);
}

/** Fields docxtemplater found no value for during the current render (its nullGetter has no other way out). */
const missingByEngine = new Set<string>();

const ENGINE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: false,
  // Its own log would print a stack trace; errors are translated instead.
  errorLogging: false,
  parser,
  nullGetter: (part: { value?: string }) => {
    if (part.value) missingByEngine.add(part.value);
    return '';
  },
};

function fillBatch(t: DocxTemplate, views: readonly object[], properties: readonly DocProperty[]): Uint8Array[] {
  const missing = new Set<string>();
  const { zip, head, tail } = batchTemplate(openZip(t), t.file);
  const doc = compile(t, zip);
  render(doc, t, { ...views[0], documents: views }, missing);
  const filled = doc.getZip();
  const xml: string = filled.file('word/document.xml')!.asText();
  const bodies = xml
    .slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.lastIndexOf('<w:sectPr'))
    .split(END_FILLED)
    .slice(0, views.length);
  if (bodies.length !== views.length) throw new Error(`${t.file}: ${bodies.length} documents filled for ${views.length}`);
  setCustomProperties(filled, properties);
  return bodies.map((body: string) => {
    filled.file('word/document.xml', `${head}${placeBookmarks(body)}${tail}`);
    return filled.generate({ type: 'uint8array', compression: 'DEFLATE' });
  });
}
