// `plan collect FILES…`: read the reports units sent back (DOCX or Markdown
// written by plan report --unit, XLSX books written by plan book) and record
// what they say in the plans: statuses, completion dates, result texts,
// submissions. A dry run by default; --apply writes through the same edit
// path as plan set / plan submit, one edit per plan file.
import path from 'node:path';
import type { CollectedFile, CollectItem, ReturnedDocument } from '../core/collect.js';
import { collectReport, readReturnedReport } from '../core/collect.js';
import type { AppliedItem } from '../core/collect-edit.js';
import { applyCollected } from '../core/collect-edit.js';
import { localized } from '../core/diagnostic.js';
import type { Plan } from '../core/model.js';
import type { PeriodCode } from '../core/periods.js';
import { PERIOD_CODES } from '../core/periods.js';
import { readMarkdown } from '../collect/read-markdown.js';
import type { CollectedSource } from '../render/collect-summary.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, resolveYear, usage } from './context.js';
import { periodNames } from './wording.js';
import { editPlanFile } from './edit-file.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import { readFileLimited } from '../io/read-file.js';
import type { ConvertibleOffice } from '../io/libreoffice.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';

interface CollectOptions extends OutputOptions {
  plans?: string[];
  units?: string;
  asOf?: string;
  period?: string;
  year?: string;
  unit?: string;
  apply?: boolean;
}

/** Formats LibreOffice converts for collect: what each is, in words, and what it becomes. */
const CONVERTED: Record<string, { from: ConvertibleOffice; to: '.docx' | '.xlsx'; ole: boolean; vi: string; en: string }> = {
  '.doc': { from: 'doc', to: '.docx', ole: true, vi: 'tệp Word cũ', en: 'an old Word file' },
  '.xls': { from: 'xls', to: '.xlsx', ole: true, vi: 'tệp Excel cũ', en: 'an old Excel file' },
  '.odt': { from: 'odt', to: '.docx', ole: false, vi: 'tệp OpenDocument', en: 'an OpenDocument file' },
  '.ods': { from: 'ods', to: '.xlsx', ole: false, vi: 'bảng tính OpenDocument', en: 'an OpenDocument spreadsheet' },
};

/** A returned file is small; anything past this is not one of our reports. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function run(args: unknown[], opts: CollectOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  const format = chooseOutput('collect', opts, l);
  const files = (args[0] as string[] | undefined) ?? [];
  if (files.length === 0) usage(l, { vi: 'lỗi: cần ít nhất một tệp báo cáo (.docx, .md) hoặc sổ theo dõi (.xlsx)', en: 'error: give at least one report (.docx, .md) or tracking book (.xlsx)' });
  if (opts.period !== undefined && !PERIOD_CODES.includes(opts.period as PeriodCode))
    usage(l, { vi: `lỗi: --period phải là một trong: ${PERIOD_CODES.join(', ')}`, en: `error: --period must be one of: ${PERIOD_CODES.join(', ')}` });
  const asOf = resolveAsOf(g, opts.asOf);
  const year = resolveYear(l, opts.year);
  const ws = loadValidWorkspace(opts.plans ?? [], opts.units ? { units: opts.units } : {}, g);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào', en: 'error: no plans' });
  const unit = opts.unit !== undefined ? unitsFromOption(ws, opts.unit, g) : undefined;
  if (unit && unit.length !== 1) usage(l, { vi: `lỗi: --unit "${opts.unit}" là một nhóm; cần tên một đơn vị`, en: `error: --unit "${opts.unit}" is a group; give one unit's name` });
  const rules = {
    plans: ws.plans,
    registry: ws.registry,
    asOf,
    ...(opts.period ? { period: opts.period as PeriodCode } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(unit ? { unit: unit[0]! } : {}),
  };

  const sources: CollectedSource[] = [];
  for (const [i, input] of (await readInputs(files, g.io.env)).entries()) {
    for (const { label, collected } of await collectFile(files[i]!, input, rules)) sources.push({ file: label, collected, outcomes: new Map() });
  }

  // One edit per plan file with every item for it; outcomes against the plan as it is.
  const byPlan = new Map<Plan, CollectItem[]>();
  for (const s of sources) for (const item of s.collected.items) byPlan.set(item.plan, [...(byPlan.get(item.plan) ?? []), item]);
  const record = (applied: readonly AppliedItem[]) => {
    for (const a of applied) for (const s of sources) if (s.collected.items.includes(a.item)) s.outcomes.set(a.item, a);
  };
  for (const [plan, items] of byPlan) {
    if (opts.apply) {
      await editPlanFile(plan.file, { ...(opts.units ? { units: opts.units } : {}), lang: l, quiet: true, g }, ({ text, registry }) => {
        const r = applyCollected(text, items, registry);
        if (r.ok) record(r.applied);
        return r;
      });
    } else {
      const r = applyCollected(ws.sources.get(plan.file)!.text, items, ws.registry);
      if (!r.ok) fail(l, { vi: `lỗi: ${plan.file}: ${r.reason.vi}`, en: `error: ${plan.file}: ${r.reason.en}` });
      record(r.applied);
    }
  }

  await printView('collect', { sources, applied: opts.apply === true, periodName: periodNames(g) }, format, g);
  return sources.some((s) => s.collected.refusals.length > 0) ? 1 : 0;
}

type Input = { ok: true; bytes: Uint8Array; ext: string } | { ok: false; vi: string; en: string };

/**
 * Each file's bytes and the format to read them as, or why it cannot be read. A unit that saved as Word/Excel
 * 97–2003 (.doc/.xls, the OLE2 magic D0 CF) or kept LibreOffice's own format (.odt/.ods): LibreOffice, when
 * installed, makes the .docx/.xlsx it was saved from (properties, bookmarks and the hidden sheet survive), in a
 * private folder, all such files of the run at once (a start per target format, not per file).
 */
async function readInputs(files: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<Input[]> {
  const inputs = files.map((file): Input => {
    // Regular files only, at most MAX_FILE_BYTES counted while reading (src/io/read-file.ts).
    const input = readFileLimited(file, file, MAX_FILE_BYTES);
    // The summary names the file already: the reason alone.
    const reason = (m: string) => (m.startsWith(`${file}: `) ? m.slice(file.length + 2) : m);
    if (!input.ok) return { ok: false, vi: reason(input.diagnostic.message.vi), en: reason(input.diagnostic.message.en) };
    return { ok: true, bytes: input.bytes, ext: path.extname(file).toLowerCase() };
  });
  // A .docx/.xlsx renamed .doc/.xls is read as what it is; anything else is refused by that reader.
  const toConvert = inputs.flatMap((input, i) => {
    const other = input.ok ? CONVERTED[input.ext] : undefined;
    return input.ok && other && (!other.ole || (input.bytes[0] === 0xd0 && input.bytes[1] === 0xcf)) ? [{ i, other, bytes: input.bytes }] : [];
  });
  if (toConvert.length > 0) {
    const { convertOldOffices } = await import('../io/libreoffice.js');
    const conversions = convertOldOffices(
      toConvert.map(({ bytes, other }) => ({ bytes, from: other.from })),
      env,
    );
    for (const [k, { i, other }] of toConvert.entries()) {
      const conversion = conversions[k]!;
      const ext = path.extname(files[i]!).toLowerCase();
      inputs[i] = conversion.ok
        ? { ok: true, bytes: conversion.bytes, ext: other.to }
        : conversion.reason === 'no-soffice'
          ? {
              ok: false,
              vi: `${other.vi} (${ext}) cần LibreOffice (soffice) để đọc: cài LibreOffice, hoặc mở tệp và lưu thành ${other.to}`,
              en: `${other.en} (${ext}) needs LibreOffice (soffice) to be read: install it, or open the file and save it as ${other.to}`,
            }
          : {
              ok: false,
              vi: `LibreOffice không chuyển được ${other.vi} (${ext}) sang ${other.to} (${conversion.detail.vi}); mở tệp và lưu thành ${other.to}`,
              en: `LibreOffice could not convert ${other.en} (${ext}) to ${other.to} (${conversion.detail.en}); open the file and save it as ${other.to}`,
            };
    }
  }
  return inputs.map((input) => (input.ok && CONVERTED[input.ext] ? { ...input, ext: CONVERTED[input.ext]!.to } : input));
}

/** What one file says: a report is one unit's; a book has a sheet per unit (labelled "file [sheet]"). */
async function collectFile(file: string, input: Input, rules: Parameters<typeof collectReport>[1]): Promise<{ label: string; collected: CollectedFile }[]> {
  const one = (collected: CollectedFile) => [{ label: file, collected }];
  const refuse = (vi: string, en: string) => one({ items: [], refusals: [{ message: localized(vi, en) }] });
  if (!input.ok) return refuse(input.vi, input.en);
  const { bytes, ext } = input;
  if (ext === '.xlsx') {
    const { collectBook } = await import('../collect/read-xlsx.js');
    // Sheets of units that wrote nothing are left out of the summary.
    return (await collectBook(bytes, rules))
      .filter((s) => s.collected.items.length + s.collected.refusals.length > 0)
      .map((s) => ({ label: s.sheet ? `${file} [${s.sheet}]` : file, collected: s.collected }));
  }
  let doc: ReturnedDocument;
  if (ext === '.docx') {
    try {
      const { readDocx } = await import('../collect/read-docx.js');
      doc = await readDocx(bytes);
    } catch {
      return refuse('không đọc được tệp DOCX (tệp hỏng hoặc không phải Word .docx)', 'cannot read the DOCX file (damaged, or not a Word .docx)');
    }
  } else if (ext === '.md' || ext === '.markdown') {
    doc = readMarkdown(new TextDecoder().decode(bytes));
  } else {
    return refuse(
      `không đọc được loại tệp "${ext || path.basename(file)}": dùng .docx, .doc, .odt, .md, .xlsx, .xls hoặc .ods`,
      `cannot read "${ext || path.basename(file)}" files: use .docx, .doc, .odt, .md, .xlsx, .xls or .ods`,
    );
  }
  const read = readReturnedReport(doc);
  if (!read.ok) return one({ items: [], refusals: [{ message: read.reason }] });
  return one(collectReport(read.report, rules));
}
