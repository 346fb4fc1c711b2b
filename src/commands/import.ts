// `plan import FILE`: a signed Word or text plan → a plan file. Reads the
// document (the DOCX reader is loaded only here), recognises its structure,
// writes YAML that `plan check` reads, and says plainly what it could not place
// and which units it could not match.
import path from 'node:path';
import { decodeText, detectLegacyEncoding, MAX_PLAN_BYTES } from '../core/decode.js';
import type { Lang } from '../core/diagnostic.js';
import { parseUnits } from '../core/load.js';
import { isNoTimeInSource, NO_TIME_IN_SOURCE } from '../core/model.js';
import type { UnitRegistry } from '../core/units.js';
import type { Block } from '../import/blocks.js';
import { textToBlocks } from '../import/blocks.js';
import { DocxError } from '../import/docx-error.js';
import { importPlan } from '../import/pipeline.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, tr, usage } from './context.js';
import { displayPath, pathKind } from '../io/files.js';
import { writeFileAtomic } from '../io/write-files.js';
import { replaceFileContent, withFileLock } from '../io/locked-edit.js';
import { docToDocx } from '../io/libreoffice.js';
import { readFileLimited } from '../io/read-file.js';

/** Word files of real plans are well under a megabyte; 50 MB leaves room for scanned pictures. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

interface ImportOptions {
  output?: string;
  units?: string;
  writeUnits?: boolean;
  force?: boolean;
  json?: boolean;
}

export async function run(args: unknown[], opts: ImportOptions, g: GlobalOptions): Promise<number> {
  const lang = g.lang;
  const file = String(args[0] ?? '');
  if (!file) usage(lang, { vi: 'lỗi: thiếu tệp cần nhập', en: 'error: no file to import' });
  if (pathKind(file) === undefined) fail(lang, { vi: `lỗi: không tìm thấy tệp ${file}`, en: `error: file ${file} not found` });
  if (opts.output && pathKind(opts.output) !== undefined && !opts.force) {
    fail(lang, { vi: `lỗi: ${opts.output} đã có; thêm --force để ghi đè`, en: `error: ${opts.output} already exists; add --force to overwrite it` });
  }

  const { blocks, lineWord, autoNumbered, converted } = await readDocument(file, lang, g.io.env);
  const out = opts.output;
  // The units file `plan check` reads for the written plan is the one beside it; when there is none, import makes
  // one there. A plan printed to the screen goes with plans/units.yaml, if any.
  const unitsPath = opts.units ?? (out ? ['units.yaml', 'units.yml'].map((f) => path.join(path.dirname(out), f)) : ['plans/units.yaml']).find((f) => pathKind(f) !== undefined);
  let registry: UnitRegistry | undefined;
  let unitsText: string | undefined;
  let unitsBytes: Uint8Array | undefined;
  if (unitsPath) {
    if (pathKind(unitsPath) === undefined) fail(lang, { vi: `lỗi: không tìm thấy tệp đơn vị ${unitsPath}`, en: `error: units file ${unitsPath} not found` });
    const read = readFileLimited(unitsPath, displayPath(unitsPath));
    if (!read.ok) fail(lang, { vi: `lỗi: ${read.diagnostic.message.vi}`, en: `error: ${read.diagnostic.message.en}` });
    unitsBytes = read.bytes;
    unitsText = Buffer.from(read.bytes).toString('utf8');
    const parsed = parseUnits(displayPath(unitsPath), unitsText);
    if (!parsed.value) fail(lang, { vi: `lỗi: ${unitsPath} có lỗi; chạy plan check trước`, en: `error: ${unitsPath} has errors; run plan check first` });
    registry = parsed.value;
  }
  const unitsTarget = unitsPath ?? (out ? path.join(path.dirname(out), 'units.yaml') : 'plans/units.yaml');
  // The plan's new names go into the units file beside the written plan (so plan check accepts it) unless
  // --no-write-units. Printing the plan changes no file: plans/units.yaml only with --write-units.
  const writeUnits = opts.writeUnits ?? out !== undefined;

  const imported = importPlan({
    blocks,
    unitsText: unitsText ?? newUnitsFile(path.basename(file)),
    unitsFile: displayPath(unitsTarget),
    lineWord,
    planFile: out ? displayPath(out) : 'plan.yaml',
    schemaPath: schemaPathFor(out),
    source: path.basename(file),
    today: resolveAsOf(g, undefined),
  });
  const { result } = imported;
  const tasks = countTasks(result.plan.groups);
  if (tasks.total === 0) {
    fail(lang, {
      vi: `lỗi: không tìm thấy nhiệm vụ nào trong ${file} (không có mục "Cơ quan chủ trì", bảng nhiệm vụ hay phân công theo đơn vị); không ghi tệp nào`,
      en: `error: no tasks found in ${file} (no "Cơ quan chủ trì" lines, task table or per-unit assignments); nothing written`,
    });
  }
  // A plan check would refuse to read: say so now rather than write it.
  const yamlBytes = Buffer.byteLength(imported.yaml);
  if (yamlBytes > MAX_PLAN_BYTES) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    fail(lang, {
      vi: `lỗi: kế hoạch nhập từ ${file} dài ${mb(yamlBytes)} MB, quá giới hạn ${mb(MAX_PLAN_BYTES)} MB mà plan check đọc; không ghi tệp nào`,
      en: `error: the plan imported from ${file} is ${mb(yamlBytes)} MB, over the ${mb(MAX_PLAN_BYTES)} MB plan check reads; nothing written`,
    });
  }
  if (imported.errors.length > 0) {
    // The importer's own mistake: never leave a file that plan check rejects.
    const list = imported.errors
      .slice(0, 10)
      .map((d) => `  ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message[lang]} [${d.code}]`)
      .join('\n');
    fail(lang, {
      vi: `lỗi: kết quả nhập ${file} sẽ bị plan check báo lỗi; không ghi tệp nào (đây là lỗi của công cụ, xin báo lại kèm văn bản):\n${list}`,
      en: `error: the import of ${file} would fail plan check; nothing written (a bug of the tool, please report it with the document):\n${list}`,
    });
  }

  // Every other command refuses a plan this big; writing it would leave a file nobody can open.
  const size = Buffer.byteLength(imported.yaml);
  if (size > MAX_PLAN_BYTES) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    fail(lang, {
      vi: `lỗi: kế hoạch nhập từ ${file} quá lớn (${mb(size)} MB, tối đa ${mb(MAX_PLAN_BYTES)} MB); không ghi tệp nào. Văn bản có thể lặp nội dung, hoặc không phải một kế hoạch`,
      en: `error: the plan imported from ${file} is too large (${mb(size)} MB, at most ${mb(MAX_PLAN_BYTES)} MB); nothing written. The document may repeat itself, or not be a plan`,
    });
  }
  const target = displayPath(unitsTarget);
  if (out && !writeUnits && imported.unknown.length > 0) {
    const names = imported.unknown
      .slice(0, 10)
      .map((u) => `  ${lineWord[lang]} ${u.line}: "${u.name}"`)
      .join('\n');
    fail(lang, {
      vi: `lỗi: ${imported.unknown.length} tên đơn vị chưa có trong ${target}, plan check sẽ báo lỗi; không ghi tệp nào:\n${names}\n  Bỏ --no-write-units để thêm chúng, hoặc thêm chúng (hay aliases) vào ${target} rồi nhập lại.`,
      en: `error: ${imported.unknown.length} unit names are not in ${target}, plan check would reject the plan; nothing written:\n${names}\n  Drop --no-write-units to add them, or add them (or aliases) to ${target} and import again.`,
    });
  }
  const unitsWritten = writeUnits && (imported.proposals.length > 0 || unitsPath === undefined);
  // The units first: a units file with extra names is harmless, a plan naming units nobody lists is not.
  if (unitsWritten) await saveUnits(unitsTarget, unitsBytes, imported.unitsAfter, g);
  if (out) writeFileAtomic(out, imported.yaml, { force: opts.force === true, lang });
  else if (!opts.json) g.io.stdout.write(imported.yaml);

  if (opts.json) {
    const report = {
      file,
      output: out ?? null,
      tasks: result.sources,
      duties: (result.plan.duties ?? []).map((d) => ({ id: d.id, by: d.by, due: d.due, ...(d.period ? { period: d.period } : {}) })),
      unknownUnits: imported.unknown.map((u) => ({ name: u.name, line: u.line, ...(u.aliases.length ? { aliases: u.aliases } : {}) })),
      unitsWritten,
      unitsFile: target,
      notes: result.notes.map((n) => ({ line: n.line, reason: n.reason[lang], text: n.text })),
      ...(result.decision ? { decision: result.decision } : {}),
      ...(out ? {} : { yaml: imported.yaml }),
    };
    g.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }

  // ---- report (stderr, so stdout can carry the plan)
  const err = (s: string) => g.io.stderr.write(`${s}\n`);
  const w = lineWord[lang];
  const distinct = new Set(result.mentions.map((m) => registry?.lookup(m.name)?.name ?? m.name));
  const duties = result.plan.duties?.length ?? 0;
  err(
    tr(
      lang,
      `Đã nhập ${file}${out ? ` → ${out}` : ''}: ${tasks.total} nhiệm vụ (${tasks.leaves} việc giao), ${distinct.size} đơn vị, ${tasks.due} thời hạn, ${duties} nghĩa vụ báo cáo.`,
      `Imported ${file}${out ? ` → ${out}` : ''}: ${tasks.total} tasks (${tasks.leaves} assignments), ${distinct.size} units, ${tasks.due} deadlines, ${duties} reporting duties.`,
    ),
  );
  if (converted)
    err(
      tr(
        lang,
        'Tệp Word cũ (.doc) đã được LibreOffice chuyển sang .docx để đọc (tệp gốc không bị sửa).',
        'The old Word file (.doc) was converted to .docx by LibreOffice to be read (the original is unchanged).',
      ),
    );
  if (autoNumbered > 0) err(tr(lang, `Đã đọc số thứ tự và gạch đầu dòng tự động của Word ở ${autoNumbered} đoạn.`, `Read Word's automatic numbering and bullets on ${autoNumbered} paragraphs.`));
  err(
    tr(
      lang,
      'Nguồn của từng nhiệm vụ (chủ trì / phối hợp / thời hạn lấy từ: nhãn, bảng, tiêu đề đơn vị, câu văn, mục cha; * = cần đối chiếu):',
      'Where each task came from (lead / support / deadline read from: label, table, unit heading, sentence, parent item; * = check it):',
    ),
  );
  for (const s of result.sources) {
    const origin = (o: string | undefined) => (o === undefined ? '–' : (ORIGIN_WORDS[o]?.[lang] ?? o));
    err(`  ${s.review ? '*' : ' '} ${s.id.padEnd(8)} ${w} ${String(s.line).padEnd(5)} ${origin(s.lead)} / ${origin(s.support)} / ${origin(s.due)} — ${short(s.title)}`);
  }
  const review = result.sources.filter((s) => s.review).length;
  if (review)
    err(
      tr(
        lang,
        `${review} nhiệm vụ có đơn vị chủ trì lấy từ câu văn (đánh dấu *): cần đối chiếu với văn bản gốc.`,
        `${review} tasks have a lead read from a sentence (marked *): check them against the original.`,
      ),
    );
  const unread = tasks.leaves - tasks.leavesWithDue - tasks.untimed;
  if (unread > 0) err(tr(lang, `${unread} việc giao chưa có thời hạn đọc được (giữ nguyên văn ở dueText).`, `${unread} assignments have no readable deadline (kept as written under dueText).`));
  if (tasks.untimed > 0)
    err(
      tr(
        lang,
        `${tasks.untimed} việc giao văn bản không ghi thời gian (dueText: ${NO_TIME_IN_SOURCE}; không tính quá hạn).`,
        `${tasks.untimed} assignments have no time in the document (dueText: ${NO_TIME_IN_SOURCE}; never overdue).`,
      ),
    );
  if (result.decision) {
    const { from, to, articles } = result.decision;
    err(
      tr(
        lang,
        `Phần quyết định ban hành kế hoạch (${w} ${from}–${to}, ${articles} điều) không đưa vào kế hoạch: kế hoạch là văn bản kèm theo; căn cứ của quyết định giữ ở "bases".`,
        `The decision issuing the plan (${w} ${from}–${to}, ${articles} articles) is left out of the plan: the plan is its attachment; the decision's grounds are kept under "bases".`,
      ),
    );
  }
  if (result.notes.length) {
    // Not all are passages left unplaced: a time not read (the task is placed), a unit taken from a sentence; each line says which.
    err(
      tr(
        lang,
        `${result.notes.length} ghi chú khi nhập (đã giữ trong "notes" của kế hoạch; mỗi dòng ghi lý do):`,
        `${result.notes.length} import notes (kept under "notes" in the plan; each says why):`,
      ),
    );
    for (const n of result.notes) err(`  ${w} ${n.line}: ${n.reason[lang]}${n.text ? ` — ${short(n.text)}` : ''}`);
  }
  if (imported.unknown.length) {
    err(tr(lang, `${imported.unknown.length} tên đơn vị chưa có trong ${target}:`, `${imported.unknown.length} unit names are not in ${target}:`));
    for (const u of [...imported.unknown].sort((a, b) => a.line - b.line)) {
      const near = registry?.suggest(u.name) ?? [];
      err(`  ${w} ${u.line}: "${u.name}"${near.length ? tr(lang, ` (có phải ý bạn là ${near.map((n) => `"${n}"`).join(', ')}?)`, ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)`) : ''}`);
    }
    if (unitsWritten) {
      const made = unitsPath === undefined;
      err(
        tr(
          lang,
          `Đã ${made ? 'tạo' : 'thêm'} ${imported.proposals.length} tên ${made ? 'trong tệp mới' : 'vào'} ${target}; hãy kiểm tra cấp (level), nhóm và tên gọi khác.`,
          `${made ? 'Created' : 'Added'} ${imported.proposals.length} names ${made ? 'in the new file' : 'to'} ${target}; check their level, groups and aliases.`,
        ),
      );
    } else
      err(
        tr(
          lang,
          `Chạy lại với --write-units (hoặc -o TỆP) để thêm chúng vào ${target}, hoặc sửa ${target} (thêm aliases) rồi chạy plan check.`,
          `Run again with --write-units (or -o FILE) to add them to ${target}, or edit ${target} (add aliases), then run plan check.`,
        ),
      );
  }
  return 0;
}

/** The start of a units file import makes where there is none: a comment saying what it is, and empty lists. */
function newUnitsFile(source: string): string {
  return `# Danh mục đơn vị, tạo bởi plan import từ ${source.replace(/[\r\n]/g, ' ')}: kiểm tra tên, cấp (level) và tên gọi khác (aliases).\n# Units list made by plan import: check names, levels and aliases.\nunits: []\n`;
}

/** Write the units file: a new one without overwriting anything; an existing one under its lock, only if unchanged since read. */
async function saveUnits(target: string, before: Uint8Array | undefined, text: string, g: GlobalOptions): Promise<void> {
  const lang = g.lang;
  if (before === undefined) {
    writeFileAtomic(target, text, { force: false, lang });
    return;
  }
  const shown = displayPath(target);
  const outcome = await withFileLock(target, g.io.env, (real) => replaceFileContent(real, shown, before, text), shown);
  const failed = !outcome.ok ? outcome.reason : !outcome.value.ok ? outcome.value.reason : undefined;
  if (failed) fail(lang, { vi: `lỗi: ${failed.vi}; không ghi tệp nào`, en: `error: ${failed.en}; nothing written` });
}

const ORIGIN_WORDS: Record<string, { vi: string; en: string }> = {
  label: { vi: 'nhãn', en: 'label' },
  table: { vi: 'bảng', en: 'table' },
  heading: { vi: 'tiêu đề', en: 'heading' },
  sentence: { vi: 'câu văn', en: 'sentence' },
  parent: { vi: 'mục cha', en: 'parent' },
  'as-written': { vi: 'nguyên văn', en: 'as written' },
  none: { vi: 'không có', en: 'none' },
};

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

type Counted = { due?: string | undefined; dueText?: string | undefined; tasks?: unknown[] | undefined };

function countTasks(groups: { tasks: Counted[] }[]): { total: number; leaves: number; due: number; leavesWithDue: number; untimed: number } {
  let total = 0;
  let leaves = 0;
  let due = 0;
  let leavesWithDue = 0;
  let untimed = 0;
  const walk = (ts: Counted[]) => {
    for (const t of ts) {
      total++;
      if (t.due) due++;
      const kids = (t.tasks ?? []) as typeof ts;
      if (kids.length === 0) {
        leaves++;
        if (t.due) leavesWithDue++;
        else if (isNoTimeInSource(t.dueText)) untimed++;
      }
      walk(kids);
    }
  };
  for (const g of groups) walk(g.tasks);
  return { total, leaves, due, leavesWithDue, untimed };
}

/** The editor schema comment: docs/plan.schema.json of the nearest project folder, as the written plan's editor finds it; a printed plan is taken to go into plans/ when there is one. */
function schemaPathFor(out: string | undefined): string | undefined {
  const dir = path.resolve(out ? path.dirname(out) : pathKind('plans') === 'folder' ? 'plans' : '.');
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, 'docs', 'plan.schema.json');
    if (pathKind(candidate) !== undefined) return path.relative(dir, candidate).split(path.sep).join('/');
    if (path.dirname(d) === d) break;
  }
  // No schema file where the plan goes (plan init writes docs/plan.schema.json): a comment pointing nowhere only misleads the editor.
  return undefined;
}

async function readDocument(
  file: string,
  lang: Lang,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ blocks: Block[]; lineWord: { vi: string; en: string }; autoNumbered: number; converted: boolean }> {
  // A regular file, read up to a cap (a FIFO or /dev/zero given by mistake must not hang or fill memory).
  const read = readFileLimited(file, file, MAX_IMPORT_BYTES);
  if (!read.ok) fail(lang, { vi: `lỗi: ${read.diagnostic.message.vi}`, en: `error: ${read.diagnostic.message.en}` });
  let bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  // An old Word file (.doc, the OLE2 magic D0 CF): LibreOffice, when installed, makes it a .docx in a private folder.
  const isDoc = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  let converted = false;
  if ((/\.doc$/i.test(file) && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) || isDoc) {
    const conversion = isDoc ? docToDocx(bytes, env) : undefined;
    if (!conversion || (!conversion.ok && conversion.reason === 'no-soffice'))
      fail(lang, {
        vi: `lỗi: ${file} là tệp Word cũ (.doc); mở bằng Word hoặc LibreOffice và lưu thành .docx rồi nhập lại`,
        en: `error: ${file} is an old Word file (.doc); save it as .docx in Word or LibreOffice and import again`,
      });
    if (!conversion.ok)
      fail(lang, {
        vi: `lỗi: ${file} là tệp Word cũ (.doc) và LibreOffice không chuyển được sang .docx (${conversion.detail.vi}); mở bằng Word và lưu thành .docx rồi nhập lại; không ghi tệp nào`,
        en: `error: ${file} is an old Word file (.doc) and LibreOffice could not convert it to .docx (${conversion.detail.en}); save it as .docx in Word and import again; nothing written`,
      });
    bytes = conversion.bytes;
    converted = true;
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.docx$/i.test(file) || isZip || converted) {
    if (!isZip) fail(lang, { vi: `lỗi: ${file} không phải tệp DOCX (Word 2007 trở lên)`, en: `error: ${file} is not a DOCX file (Word 2007 or later)` });
    // Loaded here only: no other command reads Word files.
    const { readDocx } = await import('../import/docx-reader.js');
    let doc: Awaited<ReturnType<typeof readDocx>>;
    try {
      doc = await readDocx(bytes);
    } catch (e) {
      if (e instanceof DocxError) fail(lang, { vi: `lỗi: ${file}: ${e.text.vi}; không ghi tệp nào`, en: `error: ${file}: ${e.text.en}; nothing written` });
      throw e;
    }
    const { blocks, autoNumbered } = doc;
    const sample = blocks.map((b) => (b.kind === 'para' ? b.text : b.rows.flat().join(' '))).join('\n');
    const legacy = detectLegacyEncoding(sample);
    if (legacy) refuseLegacy(file, legacy, lang);
    return { blocks, lineWord: { vi: 'đoạn', en: 'paragraph' }, autoNumbered, converted };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    if (decoded.code === 'legacy-encoding') refuseLegacy(file, /VNI/.test(decoded.message.en) ? 'VNI-Windows' : 'TCVN3 (ABC)', lang);
    fail(lang, {
      vi: `lỗi: ${file}: ${decoded.message.vi}${decoded.help ? `\n  ${decoded.help.vi}` : ''}`,
      en: `error: ${file}: ${decoded.message.en}${decoded.help ? `\n  ${decoded.help.en}` : ''}`,
    });
  }
  return { blocks: textToBlocks(decoded.text), lineWord: { vi: 'dòng', en: 'line' }, autoNumbered: 0, converted };
}

function refuseLegacy(file: string, encoding: string, lang: Lang): never {
  fail(lang, {
    vi: `lỗi: ${file} có vẻ dùng bảng mã cũ ${encoding}, không phải Unicode; không ghi tệp nào.\n  Chuyển sang Unicode trước: Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), Nguồn: ${encoding === 'VNI-Windows' ? 'VNI Windows' : 'TCVN3 (ABC)'}, Đích: Unicode, rồi nhập lại.`,
    en: `error: ${file} appears to use the legacy ${encoding} encoding, not Unicode; nothing written.\n  Convert it first: Unikey → Conversion tool (Ctrl+Shift+F6), source ${encoding === 'VNI-Windows' ? 'VNI Windows' : 'TCVN3 (ABC)'}, target Unicode, then import again.`,
  });
}
