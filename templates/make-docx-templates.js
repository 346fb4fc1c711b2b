#!/usr/bin/env node
// Writes the shipped Word template templates/vi/sheet.docx
// from the XML below, reproducibly (fixed zip dates): `node templates/make-docx-templates.js [DIR]`
// (DIR: another folder to write to, as the test that checks the committed files are current does).
// The output is committed; a clerk restyles the .docx in Word or LibreOffice, not this file.
//
// Layout per Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New Roman 13 pt,
// the two-column header (issuing body over a short rule, number, "V/v"; national name and
// motto over a rule as long as the motto, place and date), page numbers from page 2,
// recipients and signature side by side. Tags are docxtemplater's: {field}, {#list}…{/list}
// (a loop or a condition), {^field}…{/field} (when empty). Styles carry the look, so
// changing "Thân văn bản" in Word changes every body paragraph.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';

const OUT = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'vi');
const A4 = { w: 11906, h: 16838 };
const MM = (n) => Math.round((n * 1440) / 25.4);
const MARGIN = { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15), header: MM(10) };
const LANG = '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A run. Its language (vi-VN, so Word checks Vietnamese spelling) and the body font come from
 * the styles' docDefaults, which every run inherits; only what differs from its paragraph's
 * style is written on the run. Less XML per run is most of what 490 sheets cost to write.
 */
function r(text, o = {}) {
  const props = `${o.b ? '<w:b/><w:bCs/>' : ''}${o.i ? '<w:i/><w:iCs/>' : ''}${o.sz ? `<w:sz w:val="${o.sz * 2}"/><w:szCs w:val="${o.sz * 2}"/>` : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph: style, alignment, keep with next, a page break before, spacing, indents, a bottom border (a rule). */
function p(runs, o = {}) {
  const pPr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.keepNext ? '<w:keepNext/>' : '',
    o.pageBreak ? '<w:pageBreakBefore/>' : '',
    o.keepLines ? '<w:keepLines/>' : '',
    o.rule ? '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' : '',
    o.spacing ? `<w:spacing ${o.spacing}/>` : '',
    o.ind ? `<w:ind ${o.ind}/>` : '',
    o.jc ? `<w:jc w:val="${o.jc}"/>` : '',
    o.runSz ? `<w:rPr><w:sz w:val="${o.runSz}"/></w:rPr>` : '',
  ].join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${Array.isArray(runs) ? runs.join('') : runs}</w:p>`;
}

/** A centred line kept with what follows (titles, headings): `run` styles its text, `para` adds to the paragraph. */
const centred = (text, run = {}, para = {}) => p(r(text, run), { jc: 'center', keepNext: true, ...para });

/** A paragraph holding only a loop or condition tag; docxtemplater removes it (paragraphLoop). */
const tag = (t) => p(r(t));
/** One paragraph per item of a list field: {.} in `para` is the item. */
const each = (list, para) => [tag(`{#${list}}`), para, tag(`{/${list}}`)];
/** Paragraphs printed only when the field is not empty. */
const when = (field, ...paras) => [tag(`{#${field}}`), ...paras, tag(`{/${field}}`)];

/** A short centred rule directly under the text above: a one-twip-high empty paragraph with a bottom border. */
function rule(cellWidth, ruleWidth) {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return p('', { rule: true, spacing: 'w:before="0" w:after="0" w:line="20" w:lineRule="exact"', ind: `w:left="${side}" w:right="${side}"`, runSz: 2 });
}

const NO_BORDERS = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
const BORDERS = '<w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>';

function cell(width, paras, o = {}) {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${o.vCenter ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>${paras.join('')}</w:tc>`;
}

function table(widths, rows, o = {}) {
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const total = widths.reduce((a, b) => a + b, 0);
  const margins = o.borders ? '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' : '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>';
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${o.borders ? BORDERS : NO_BORDERS}<w:tblLayout w:type="fixed"/>${margins}<w:tblLook w:val="0000"/></w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}

/**
 * A row; a header row repeats on every page. A row breaks across pages only when `o.split`: a task of twenty
 * lines kept whole left half a page empty before it, but a short one broken left a line alone under the
 * repeated header (LibreOffice ignores widow/orphan control in cells). Reports and senders stay whole.
 */
function row(cells, o = {}) {
  return `<w:tr><w:trPr>${o.split ? '' : '<w:cantSplit/>'}${o.header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
}

// ------------------------------------------------------------------ shared parts

function header(width) {
  const leftW = Math.round(width * 0.4);
  const rightW = width - leftW;
  const c = { jc: 'center' };
  const left = [
    ...each('superior', p(r('{.}'), c)),
    ...each('issuer', p(r('{.}', { b: true }), c)),
    rule(leftW, Math.min(Math.round(leftW * 0.4), 1700)),
    p(r('{number_line}'), { ...c, spacing: 'w:before="120"' }),
    ...when('subject', p(r('{subject}', { sz: 12 }), c)),
  ];
  const right = [
    p(r('{national_name}', { b: true, sz: 12 }), c),
    p(r('{motto}', { b: true }), c),
    // As long as the motto: half an em per letter of 13 pt bold Times, 20 twips a point.
    rule(rightW, Math.round(29 * 13 * 20 * 0.48)),
    p(r('{place_date}', { i: true }), { ...c, spacing: 'w:before="120"' }),
  ];
  return table([leftW, rightW], [row([cell(leftW, left), cell(rightW, right)])]);
}

/** Type and summary with the summary's rule (two fifths of the line), then "Kính gửi". */
function titleBlock(width) {
  return [
    tag('{#title}'),
    centred('{title}', { b: true, sz: 14 }, { spacing: 'w:before="360"' }),
    ...each('summary', centred('{.}', { b: true, sz: 14 })),
    rule(width, Math.round(width * 0.4)),
    tag('{/title}'),
    p('', { spacing: 'w:after="120"' }),
    ...each('to_lines', p(r('{.}'), { jc: 'center', spacing: 'w:after="120"' })),
  ];
}

/**
 * 6 pt between blocks (a table and what follows, the closing line and the signature), not an empty
 * 13 pt line: the closing line and the signature travel to a new page together, and the shorter that
 * chain is, the less of the page it leaves behind stays empty.
 */
const gap = (o = {}) => p('', { spacing: 'w:before="0" w:after="0" w:line="120" w:lineRule="exact"', runSz: 2, ...o });

function closing(width) {
  const leftW = Math.round(width * 0.45);
  const rightW = width - leftW;
  const left = [p(r('{recipients_label}', { b: true, i: true, sz: 12 }), { keepNext: true }), ...each('recipients', p(r('- {.}', { sz: 11 }), { keepNext: true }))];
  const right = [
    ...when('authority', centred('{authority}', { b: true })),
    centred('{position}', { b: true }),
    // The space for the signature, kept with the name under it.
    ...[1, 2, 3, 4].map(() => p('', { jc: 'center', keepNext: true })),
    p(r('{name}', { b: true }), { jc: 'center' }),
  ];
  return [gap({ keepNext: true }), table([leftW, rightW], [row([cell(leftW, left), cell(rightW, right)])])];
}

/** Table text is "Chữ trong bảng" (KHCell, 12 pt): a run states its size only when it differs. */
const CELL_PT = 12;
const cellSize = (pt) => (pt === CELL_PT ? undefined : pt);

/**
 * A data table: header cells (text), then one looped row whose cells hold paragraphs. `split`: the row comes in
 * two variants, chosen by the item's `split` field (render/document-view.ts rowMaySplit): kept whole, or
 * allowed to break across pages (a tall row).
 */
function dataTable(widths, heads, cells, loop, pt, split = false) {
  const sz = cellSize(pt);
  const head = row(
    heads.map((h, i) => cell(widths[i], [p(r(h, { b: true, sz }), { style: 'KHCell', jc: 'center', keepNext: true })], { vCenter: true })),
    { header: true },
  );
  // A cell is a field, a list field (a paragraph per item), or prepared paragraphs.
  const cellParas = (x) => {
    if (Array.isArray(x)) return x;
    const list = /^\{#(\w+)\}$/.exec(x);
    return list ? each(list[1], p(r('{.}', { sz }), { style: 'KHCell' })) : [p(r(x, { sz }), { style: 'KHCell' })];
  };
  // Tags open in the first cell and close in the last: docxtemplater repeats (or leaves out) whole rows.
  // The closing tags have a paragraph of their own, one twip high, after the cell's content.
  const looped = (opening, closing, o) =>
    row(
      cells.map((x, i) => {
        const list = [...cellParas(x)];
        if (i === 0) list[0] = list[0].replace('<w:t xml:space="preserve">', `<w:t xml:space="preserve">${opening}`);
        if (i === cells.length - 1) list.push(p(r(closing), { style: 'KHRowEnd' }));
        return cell(widths[i], list);
      }),
      o,
    );
  const rows = split
    ? [looped(`{#${loop}}{^split}`, '{/split}', {}), looped('{#split}', `{/split}{/${loop}}`, { split: true })]
    : [looped(`{#${loop}}`, `{/${loop}}`, {})];
  return table(widths, [head, ...rows], { borders: true });
}

const heading = (text) => p(r(text, { b: true }), { style: 'KHMuc' });
const subheading = (text) => p(r(text, { b: true }), { style: 'KHMucNho' });
const body = (text, o = {}) => p(r(text, o), { style: 'KHThan', ...(o.keepNext ? { keepNext: true } : {}) });
const lines = (list, o = {}) => each(list, body('{.}', o));

// ------------------------------------------------------------------ documents

function sheetBody(width) {
  const w = [600, 4900, 2600, 1900, 2887, 1400];
  const dw = [600, 5000, 3500, 2200, 2987];
  const fit = (ws) => fitTo(width, ws);
  const tasks = dataTable(
    fit(w),
    ['{cols.no}', '{cols.task}', '{cols.others}', '{cols.due}', '{cols.outputs}', '{cols.status}'],
    ['{no}', [p([r('{id}', { b: true }), r(' {title}')], { style: 'KHCell' })], '{#others}', '{#due}', '{#outputs}', '{#status}'],
    'rows',
    12,
    true,
  );
  const duties = dataTable(
    fit(dw),
    ['{duty_cols.no}', '{duty_cols.report}', '{duty_cols.to}', '{duty_cols.due}', '{duty_cols.submitted}'],
    ['{no}', '{report}', '{to}', '{#due}', '{#submitted}'],
    'rows',
    12,
  );
  const section = (t) => [heading('{heading}'), ...when('empty', body('{empty}')), tag('{#groups}'), ...when('plan', subheading('{plan}')), t, gap(), tag('{/groups}')];
  return [
    ...when('plans_heading', heading('{plans_heading}'), ...lines('plans')),
    body('{opening}'),
    tag('{#sections}'),
    ...section(tasks),
    tag('{/sections}'),
    tag('{#duties}'),
    ...section(duties),
    tag('{/duties}'),
    // The closing line stays on the signature's page: a signature never stands alone. It alone goes
    // with it: a last row kept too made a chain too tall for the space left, and a page ~40 % empty.
    p(r('{closing}'), { style: 'KHThan', keepNext: true, spacing: 'w:before="120"' }),
  ];
}

const fitTo = (width, ws) => ws.map((x) => Math.round((x * width) / ws.reduce((a, b) => a + b, 0)));
const italic = (field, o = {}) => body(field, { i: true, ...o });

/** A unit's or the consolidated report: the four sections; the closing line kept with the last of them. */
function reportBody(width) {
  // {bookmark} marks the answer area plan collect reads back (see docs/collect.md): keep it in the heading.
  const task = [
    subheading('{bookmark}{heading}'),
    ...when('units', body('{units}')),
    ...when('due', body('{due}')),
    body('{status}'),
    body('{outputs_label}', { keepNext: true }),
    ...each('outputs', p(r('{box} {text}'), { style: 'KHThan', ind: 'w:left="850" w:hanging="283"' })),
    tag('{#results}'),
    body('{head}', { b: true }),
    ...lines('lines'),
    tag('{/results}'),
    ...when('placeholder', italic('{placeholder}')),
  ];
  return [
    ...lines('notes', { i: true }),
    body('{opening}'),
    heading('{results_heading}'),
    ...when('results_intro', body('{results_intro}')),
    tag('{#tasks}'),
    ...task,
    tag('{/tasks}'),
    heading('{end_bookmark}{problems_heading}'),
    italic('{problems_placeholder}'),
    heading('{next_heading}'),
    ...when('next_intro', body('{next_intro}')),
    ...each('next_items', body('- {.}')),
    italic('{next_placeholder}'),
    heading('{proposals_heading}'),
    italic('{proposals_placeholder}'),
    // The closing line stays on the signature's page: a signature never stands alone.
    body('{closing}', { keepNext: true }),
  ];
}

/**
 * The appendix after the signature, on a page of its own (Nghị định 30/2020: a Phụ lục attached to the
 * document): "PHỤ LỤC", "(Kèm theo Báo cáo số …)", the summary table, a consolidated report's senders.
 */
function reportAppendix(width) {
  const fit = (ws) => fitTo(width, ws);
  const senders = (list, widths, heads, cells) => [
    tag(`{#${list}}`),
    subheading('{heading}'),
    ...when('none', body('{none}')),
    tag('{^none}'),
    dataTable(fit(widths), heads, cells, 'rows', 12),
    gap(),
    tag('{/none}'),
    tag(`{/${list}}`),
  ];
  const summary = dataTable(
    fit([600, 2750, 1600, 1450, 1250, 1705]),
    ['{cols.no}', '{cols.task}', '{cols.lead}', '{cols.due}', '{cols.status}', '{cols.outputs}'],
    ['{no}', [p(r('{id}', { b: true, sz: cellSize(11) }), { style: 'KHCell' }), p(r('{title}', { sz: cellSize(11) }), { style: 'KHCell' })], '{#lead}', '{#due}', '{#status}', '{#outputs}'],
    'rows',
    11,
    true,
  );
  return [
    centred('{appendix_heading}', { b: true, sz: 14 }, { pageBreak: true }),
    centred('{appendix_note}', { i: true }),
    gap(),
    centred('{table_heading}', { b: true }, { spacing: 'w:after="120"' }),
    summary,
    gap(),
    ...when('no_duty', body('{no_duty}')),
    ...when('senders_heading', centred('{senders_heading}', { b: true }, { spacing: 'w:before="240" w:after="120"' })),
    ...when('senders_due', italic('{senders_due}', { keepNext: true })),
    ...senders('sent', [600, 4600, 1900, 2255], ['{cols.no}', '{cols.unit}', '{cols.sent}', '{cols.number}'], ['{no}', '{unit}', '{sent}', '{number}']),
    ...senders('not_sent', [600, 8755], ['{cols.no}', '{cols.unit}'], ['{no}', '{unit}']),
    ...senders('late', [600, 4600, 2055, 2100], ['{cols.no}', '{cols.unit}', '{cols.plan_due}', '{cols.sent}'], ['{no}', '{unit}', '{plan_due}', '{sent}']),
  ];
}

/**
 * The fixed text (heading, title, signature) also states vi-VN on each of its runs, so
 * document.xml itself says which language it is written in; the repeated rows inherit it
 * from docDefaults (stating it on every row's run would add about a seventh to a big sheet).
 */
const withLanguage = (parts) => parts.map((xml) => xml.replace(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?/g, (_run, props = '') => `<w:r><w:rPr>${props}${LANG}</w:rPr>`));

/** Header and title, the body, recipients and signature, then what is attached after the signature (an appendix). */
function documentXml(landscape, bodyParts, afterParts = () => []) {
  const pageW = landscape ? A4.h : A4.w;
  const width = pageW - MARGIN.left - MARGIN.right;
  const parts = [...withLanguage([header(width), ...titleBlock(width)]), ...bodyParts(width), ...withLanguage(closing(width)), ...afterParts(width)];
  const sect = `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdFirst"/><w:pgSz w:w="${pageW}" w:h="${landscape ? A4.w : A4.h}"${landscape ? ' w:orient="landscape"' : ''}/><w:pgMar w:top="${MARGIN.top}" w:right="${MARGIN.right}" w:bottom="${MARGIN.bottom}" w:left="${MARGIN.left}" w:header="${MARGIN.header}" w:footer="${MARGIN.header}" w:gutter="0"/><w:titlePg/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${parts.join('')}${sect}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/>${LANG}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KHThan"><w:name w:val="Thân văn bản"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KHMuc"><w:name w:val="Mục"/><w:basedOn w:val="Normal"/><w:next w:val="KHThan"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KHMucNho"><w:name w:val="Mục nhỏ"/><w:basedOn w:val="Normal"/><w:next w:val="KHThan"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KHCell"><w:name w:val="Chữ trong bảng"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="${CELL_PT * 2}"/><w:szCs w:val="${CELL_PT * 2}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="KHRowEnd"><w:name w:val="Cuối hàng bảng"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
</w:styles>`;

const PAGE_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>${r('{page_label}')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`;
const FIRST_HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:hdr>`;

const FILES = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kehoach</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`,
  'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>`,
  'word/settings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="567"/><w:themeFontLang w:val="vi-VN"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
  'word/styles.xml': STYLES,
  'word/header1.xml': PAGE_HEADER,
  'word/header2.xml': FIRST_HEADER,
};

function write(name, landscape, bodyParts, afterParts) {
  const zip = new PizZip();
  // Zip times are local: a date built from local parts writes the same bytes in every time zone.
  const date = new Date(2024, 0, 1, 12, 0, 0);
  for (const [file, text] of Object.entries({ ...FILES, 'word/document.xml': documentXml(landscape, bodyParts, afterParts) })) zip.file(file, text, { date });
  writeFileSync(path.join(OUT, name), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  process.stdout.write(`${path.join(OUT, name)}\n`);
}

write('sheet.docx', true, sheetBody);
write('report.docx', false, reportBody, reportAppendix);
