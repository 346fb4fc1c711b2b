// Structure recognition: blocks of a Vietnamese plan → plan data in the
// project's format. Text is kept as written; only numbering prefixes, bullet
// marks, labels and closing full stops are removed. What cannot be placed is
// returned as a note with its line. Pure.
import { parseDeadline } from '../core/deadline.js';
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import type { LEVELS, PlanInput, TaskInput } from '../core/schema.js';
import type { AreaWord } from '../core/text.js';
import { AREA_LEVELS, AREA_WORDS, CENTRAL, isLegalLetter, isRoman, LEGAL_LETTERS } from '../core/text.js';
import type { Level, UnitRegistry } from '../core/units.js';
import { aboveIssuer } from '../core/units.js';
import { NO_TIME_IN_SOURCE } from '../core/model.js';
import { type Block, LAYOUT_CELL, type Paragraph } from './blocks.js';
import type { DutyDraft } from './duties.js';
import { findDuties } from './duties.js';
import { type Abbreviation, definedAbbreviations, statedUnitNames, withStatedNames } from './document-names.js';
import { tableRows, taskTableLayout } from './table.js';
import { finalizeGroups } from './finalize.js';
import { nameAsWritten } from './name-case.js';
import { proposeUnit } from './units-append.js';
import { titleAsWritten } from './title-case.js';
import { strayWordNames } from './stray-words.js';
import { bracketAssignment, looksLikeUnit, sentenceAssignment, subjectEnd, supportIn, unitNames } from './sentence.js';
import { splitUnitList, startsUnit, trimListEnd } from './unit-list.js';
import type { Field } from './words.js';
import { findDeadlinePhrase, fold, isAllCaps, labelledLine, splitOutputs, trimEndStop } from './words.js';

export interface ImportNote {
  line: number;
  text: string;
  reason: Localized;
}

export interface UnitMention {
  name: string;
  line: number;
}

/** Where a task's lead, support and time were read: what a clerk checks against the original. */
export type Origin = 'label' | 'table' | 'heading' | 'sentence' | 'parent';

export interface TaskSource {
  id: string;
  title: string;
  /** Source line (paragraph for DOCX) of the task. */
  line: number;
  lead: Origin;
  support?: Origin;
  due: Origin | 'as-written' | 'none';
  /** The lead came from a sentence, not a label, a table cell or a unit heading: check it. */
  review: boolean;
}

export interface ImportResult {
  plan: PlanInput;
  notes: ImportNote[];
  mentions: UnitMention[];
  /** How the tasks were found. */
  layout: 'labelled' | 'table' | 'by-unit' | 'none';
  /** Every task of the plan, in document order, with where its assignment came from. */
  sources: TaskSource[];
  /** The decision (Quyết định) that issues the plan, left out of it: its first and last lines and how many articles it has. */
  decision?: { from: number; to: number; articles: number };
  /** Short names the document defines for bodies it names in full ("Phòng Kinh tế (Phòng KT)"). */
  abbreviations: Abbreviation[];
}

interface Trace {
  line: number;
  lead?: Origin;
  support?: Origin;
  due?: Origin;
}

// Per task object, where it came from; finalize copies it onto the tasks it rewrites.
const traces = new WeakMap<TaskInput, Trace>();
// Tasks whose time was found inside their own sentence: it is theirs, not a time line for the items below them.
const proseTimes = new WeakSet<TaskInput>();
function trace(task: TaskInput, t: Trace): TaskInput {
  traces.set(task, { ...traces.get(task), ...t });
  return task;
}

export interface RecognizeOptions {
  registry?: UnitRegistry;
  /** "dòng" for text files, "đoạn" for DOCX paragraphs. */
  lineWord?: { vi: string; en: string };
}

interface TaskNode {
  id: string;
  title: string;
  line: number;
  numeric: boolean;
  body: string[];
  points: string[];
  fields: Partial<Record<Field, { value: string; line: number }>>;
  lastField?: Field;
  /** The label that opened a list ("Sản phẩm:" over bullets): the bullets after it are its values. */
  listField?: Field;
  closing: string[];
  children: TaskNode[];
  parent?: TaskNode;
}

interface Section {
  roman: string;
  heading: string;
  line: number;
  kind: 'purpose' | 'tasks' | 'implementation' | 'other';
  paras: Paragraph[];
}

const ROMAN_HEAD = /^([IVX]{1,5})\s*[./)–-]\s*(\S.*)$/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?\s+(\S.*)$/u;
const NAMED_NUMBER = /^(?:nhiệm vụ|hoạt động)\s+(\d{1,2})\s*[:.]\s*(\S.*)$/iu;
const LETTERED = /^([a-zđ])\s*[)/]\s*(\S.*)$/u;
const BULLET = /^[-–—•+*◦▪]\s*(\S.*)$/u;
// The national motto, on its two lines or as one (a header table's cell read as one line), and the rules under it.
const BOILERPLATE = /^(?:cong hoa xa hoi chu nghia viet nam\s*)?(?:doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc\s*)?[-_=–—.*\s]*$/;
const AUTHORITY = /^(KT|TM|TL|TUQ|Q)\.\s*\S/u;

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

function sectionKind(heading: string): Section['kind'] {
  const f = fold(heading);
  // "Tổ chức thực hiện", "Trách nhiệm của các cơ quan, đơn vị", "Chế độ báo cáo": who does and reports what.
  // "Nhiệm vụ và phân công thực hiện": a part that opens with its tasks holds them, whoever it also names.
  if (/^(nhiem vu|noi dung|giai phap|hoat dong)\b/.test(f) && !/to chuc thuc hien/.test(f)) return 'tasks';
  if (/to chuc thuc hien|trach nhiem|phan cong thuc hien|che do (thong tin,? )?bao cao|bao dam thuc hien|dieu kien bao dam/.test(f)) return 'implementation';
  if (/nhiem vu|noi dung|giai phap|hoat dong|chi tieu/.test(f)) return 'tasks';
  if (/muc dich|yeu cau|muc tieu/.test(f)) return 'purpose';
  if (/kinh phi/.test(f)) return 'implementation';
  return 'other';
}

/** A numbered line: "1.", "1.10.", "2.1" (a lone "1" needs its dot). */
function numbered(text: string): { id: string; rest: string } | undefined {
  // "Nhiệm vụ 1: Ra quân …", "Hoạt động 2. …": a task numbered by name.
  const named = NAMED_NUMBER.exec(text);
  if (named) return { id: named[1]!, rest: named[2]! };
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  if (!m[2] && !m[1]!.includes('.')) return undefined;
  return { id: m[1]!, rest: m[3]! };
}

function lettered(text: string): { letter: string; rest: string } | undefined {
  const m = LETTERED.exec(text);
  if (!m || !isLegalLetter(m[1]!)) return undefined;
  return { letter: m[1]!, rest: m[2]! };
}

export function recognizePlan(blocks: Block[], options: RecognizeOptions = {}): ImportResult {
  const registry = withStatedNames(options.registry, statedUnitNames(blocks, options.registry));
  const word = options.lineWord ?? { vi: 'dòng', en: 'line' };
  const notes: ImportNote[] = [];
  const note = (line: number, text: string, reason: Localized) => notes.push({ line, text, reason });

  // Layout tables (header, signature) are read as their paragraphs; task tables stay tables.
  const flat: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' && !taskTableLayout(b.rows)) {
      for (const cells of readingOrder(b.rows)) for (const cell of cells) for (const t of cell.split('\n')) if (t.trim()) flat.push({ kind: 'para', text: t.trim(), line: b.line });
    } else flat.push(b);
  }

  // ------------------------------------------------------------ split into parts
  const header: Paragraph[] = [];
  const sections: Section[] = [];
  const recipients: string[] = [];
  const signature: Paragraph[] = [];
  const tables: { rows: string[][]; line: number; section?: Section; title?: string }[] = [];
  let part: 'header' | 'body' | 'recipients' | 'signature' | 'appendix' = 'header';
  let current: Section | undefined;
  let appendixTitle: string | undefined;
  let appendixSection: Section | undefined;

  for (const b of flat) {
    if (b.kind === 'table') {
      tables.push({ rows: b.rows, line: b.line, ...(part === 'body' && current ? { section: current } : {}), ...(appendixTitle ? { title: appendixTitle } : {}) });
      continue;
    }
    const text = b.text;
    const f = fold(text);
    if (BOILERPLATE.test(f)) continue;
    if (/^noi nhan\s*:?/.test(f)) {
      part = 'recipients';
      const rest = text.replace(/^[^:]*:?\s*/u, '').trim();
      // "Nơi nhận: - Ban Giám đốc Sở; - Lưu: VT." on one line (a table cell flattened): one recipient per dash.
      if (rest) recipients.push(...rest.split(/(?<=;)\s+(?=[-–•+]\s)/u).map((r) => r.replace(/^[-–•+]\s*/, '')));
      continue;
    }
    if (/^phu luc\b/.test(f)) {
      part = 'appendix';
      appendixTitle = undefined;
      appendixSection = undefined;
      continue;
    }
    if (part === 'appendix') {
      if (/^\(?(kem theo|ban hanh kem theo)/.test(f)) continue;
      // An appendix after the signature often holds the tasks themselves, as numbered and labelled items
      // ("1. Ra quân …" / "- Cơ quan chủ trì: …"), under its own Roman parts or none: read them as a task section.
      const roman = ROMAN_HEAD.exec(text);
      if (roman && isRoman(roman[1]!)) {
        const kind = sectionKind(roman[2]!);
        appendixSection = { roman: roman[1]!, heading: roman[2]!.trim(), line: b.line, kind: kind === 'other' ? 'tasks' : kind, paras: [] };
        sections.push(appendixSection);
        continue;
      }
      if (!appendixSection && (numbered(text) || lettered(text) || BULLET.test(text) || labelledLine(text))) {
        const roman = ROMANS.find((r) => !sections.some((x) => x.roman === r)) ?? 'X';
        appendixSection = { roman, heading: appendixTitle ?? 'Phụ lục', line: b.line, kind: 'tasks', paras: [] };
        sections.push(appendixSection);
      }
      if (appendixSection) appendixSection.paras.push(b);
      else if (!appendixTitle) appendixTitle = text;
      // Text under the title that opens no task (a table not read as tasks, a second title line): kept, not lost.
      else note(b.line, text, localized('đoạn trong phụ lục không xếp được vào nhiệm vụ nào', 'appendix text not placed in any task'));
      continue;
    }
    // A decision (Quyết định) that issues the plan: its "Nơi nhận" and signature come first, then "KẾ HOẠCH" starts the plan itself.
    if ((part === 'recipients' || part === 'signature') && isAllCaps(text) && /^(ke hoach|chuong trinh)( hanh dong)?$/.test(f)) {
      part = 'header';
      header.push(b);
      continue;
    }
    if (part === 'recipients') {
      if (AUTHORITY.test(text) || (isAllCaps(text) && !/^[-–•+]/.test(text))) {
        part = 'signature';
        signature.push(b);
        continue;
      }
      recipients.push(text.replace(/^[-–•+]\s*/, ''));
      continue;
    }
    if (part === 'signature') {
      // An appendix with no "PHỤ LỤC" line: its title in capitals after the signer's name, then "(Kèm theo Kế hoạch số …)".
      if (/^\(?(ban hanh )?kem theo (ke hoach|quyet dinh|van ban)\b/.test(f)) {
        const named = signature.findLastIndex((x) => !isAllCaps(x.text));
        const title = named === -1 ? [] : signature.splice(named + 1);
        part = 'appendix';
        appendixTitle = title.length ? title.map((x) => x.text).join(' ') : undefined;
        appendixSection = undefined;
        continue;
      }
      signature.push(b);
      continue;
    }
    const roman = ROMAN_HEAD.exec(text);
    if (roman && isRoman(roman[1]!)) {
      part = 'body';
      current = { roman: roman[1]!, heading: roman[2]!.trim(), line: b.line, kind: sectionKind(roman[2]!), paras: [] };
      sections.push(current);
      continue;
    }
    if (part === 'body' && AUTHORITY.test(text)) {
      part = 'signature';
      signature.push(b);
      continue;
    }
    if (part === 'header') header.push(b);
    else current!.paras.push(b);
  }

  // ------------------------------------------------------------ header
  const plan: Partial<PlanInput> & Record<string, unknown> = {};
  const issuerLines: string[] = [];
  const bases: string[] = [];
  let titleLines: string[] | undefined;
  let sawNumber = false;
  // A decision that issues the plan ("QUYẾT ĐỊNH", its summary and authority, "Căn cứ …", "QUYẾT ĐỊNH:", "Điều 1. Ban hành
  // kèm theo …"): the plan is its attachment. The grounds are the plan's too; the rest is the decision's, not the plan's.
  const decision: Paragraph[] = [];
  let decisionPart: 'none' | 'heading' | 'articles' = 'none';
  for (const p of header) {
    const t = p.text;
    const f = fold(t);
    // "KẾ HOẠCH …" in capitals: the plan's own title starts here (after a decision's heading and articles).
    const titleLike = isAllCaps(t) && /^(ke hoach|chuong trinh)\b/.test(f);
    if (titleLines === undefined && isAllCaps(t) && /^quyet dinh\s*:?$/.test(f)) {
      decisionPart = decision.length === 0 && !t.endsWith(':') ? 'heading' : 'articles';
      decision.push(p);
      continue;
    }
    if (decisionPart === 'heading' && !/^(can cu|theo de nghi|xet de nghi)\b/.test(f) && !titleLike) {
      decision.push(p);
      continue;
    }
    if (decisionPart === 'articles' && titleLines === undefined && !titleLike) {
      decision.push(p);
      continue;
    }
    if (decision.length > 0 && /^\((ban hành )?kèm theo (quyết định|qđ)\b/iu.test(t)) {
      decision.push(p);
      continue;
    }
    if (decisionPart === 'heading') decisionPart = 'none';
    const num = /^số\s*:?\s*(.*)$/iu.exec(t);
    if (num && !sawNumber && titleLines === undefined) {
      sawNumber = true;
      plan.number = num[1]!.trim() || '/KH';
      continue;
    }
    const dateLine = /^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})/iu.exec(t) ?? /^([^,]{2,40}),\s*ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/iu.exec(t);
    if (dateLine && plan.place === undefined) {
      plan.place = dateLine[1]!.trim();
      const [d, m, y] = [dateLine[2]!, dateLine[3]!, dateLine[4]!];
      plan.date = m ? (d ? `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}` : `${m.padStart(2, '0')}/${y}`) : y;
      continue;
    }
    if (titleLines === undefined && titleLike && t.split(/\s+/).length <= 6) {
      // "KẾ HOẠCH", or "KẾ HOẠCH HÀNH ĐỘNG" whose summary follows.
      titleLines = [];
      continue;
    }
    if (/^\((ban hành )?kèm theo\b/iu.test(t)) {
      note(p.line, t, localized('dòng "kèm theo" của kế hoạch ban hành bằng quyết định', 'the "kèm theo" line of a plan issued by a decision'));
      continue;
    }
    if (titleLines !== undefined) {
      // The title ends at the first line that is not part of it: a sentence after the bases ("Sở Tư pháp ban hành Kế hoạch … như sau:") is not its third line.
      if (titleLines.length === 0 || (bases.length === 0 && !/^(can cu|thuc hien)\b/.test(f) && titleLines.length < 3 && !/[.:]$/.test(titleLines[titleLines.length - 1]!) && t.length < 200)) {
        if (titleLines.length === 0 || /^\p{Ll}/u.test(t) || isAllCaps(titleLines[0]!) === isAllCaps(t)) {
          titleLines.push(t);
          continue;
        }
      }
      bases.push(t);
      continue;
    }
    if (!sawNumber && isAllCaps(t)) {
      // The rule drawn under the issuer's name ("-------") is layout.
      issuerLines.push(t.replace(/\s*[-_=–—*.]{3,}\s*$/u, ''));
      continue;
    }
    // "Theo đề nghị của Bộ trưởng Bộ Công an" closes the grounds.
    if (/^can cu\b/.test(f) || (bases.length > 0 && /^(theo|xet) de nghi\b/.test(f))) {
      bases.push(t);
      continue;
    }
    note(p.line, t, localized('phần đầu văn bản: không nhận ra dòng này', 'document header: line not recognised'));
  }
  plan.title = titleLines?.join(' ') ?? '';
  if (!plan.title) {
    note(header[0]?.line ?? 1, '', localized('không tìm thấy dòng "KẾ HOẠCH" và trích yếu; cần điền title', 'no "KẾ HOẠCH" line and title found; fill in title'));
    plan.title = '(chưa có trích yếu)';
  }
  // Every text of the document, where a name or title printed in capitals is found as the sentences write it.
  const texts = [...header.map((p) => p.text), ...sections.flatMap((s) => s.paras.map((p) => p.text))];
  plan.issuer = issuerOf(issuerLines, plan.place as string | undefined, texts, header[0]?.line ?? 1, note);
  // A summary printed in capitals is cited inside sentences ("… về triển khai …"): kept as the text writes its words.
  plan.title = titleAsWritten(plan.title as string, texts);
  // "năm 2025-2026", "năm học 2025 - 2026" span two years as "giai đoạn" does: a year alone would drop the second year's reports.
  const period = /(?:giai đoạn|thời kỳ|(?<!đến\s+)năm(?:\s+học)?)\s+(\d{4}\s*[-–]\s*\d{4})\b/iu.exec(plan.title);
  // "Đề án “…, đến năm 2030”", "tầm nhìn đến năm 2045": a horizon, not the plan's year; with no other year it ends the plan's span.
  const yearInTitle = /(?<!đến\s+)năm\s+(\d{4})\b/iu.exec(plan.title);
  const horizon = /đến\s+năm\s+(\d{4})\b/iu.exec(plan.title);
  const dateYear = /(\d{4})$/.exec(String(plan.date ?? ''));
  // "Triển khai Luật … năm 2025" signed in 2026 is a plan of 2026: a year in the title before the issue date names a law, not the plan.
  const titleYear = yearInTitle ? Number(yearInTitle[1]) : undefined;
  const issueYear = dateYear ? Number(dateYear[1]) : undefined;
  if (period) plan.period = period[1]!.replace(/\s+/g, '');
  else if (titleYear !== undefined && (issueYear === undefined || titleYear >= issueYear)) plan.year = titleYear;
  else if (horizon && issueYear !== undefined && Number(horizon[1]) > issueYear) plan.period = `${issueYear}-${horizon[1]}`;
  else if (issueYear !== undefined) plan.year = issueYear;
  if (plan.number === undefined) {
    note(header[0]?.line ?? 1, '', localized('không tìm thấy dòng "Số:"; đã ghi "/KH"', 'no "Số:" line found; wrote "/KH"'));
    plan.number = '/KH';
  }
  if (plan.place === undefined) {
    note(1, '', localized('không tìm thấy dòng địa danh, ngày tháng', 'no place-and-date line found'));
    plan.place = '…';
  }
  // A date line without a year: the plan's year stands in (check accepts a bare year); never an empty date.
  if (plan.date === undefined) {
    const year = plan.year ?? period?.[1]?.slice(0, 4);
    if (year !== undefined) {
      plan.date = String(year);
      note(1, '', localized(`không có ngày ban hành; đã ghi năm ${year}`, `no issue date; wrote the year ${year}`));
    }
  }
  if (bases.length) plan.bases = bases;

  // ------------------------------------------------------------ sections
  const purposes: string[] = [];
  const requirements: string[] = [];
  const implementation: string[] = [];
  const implementationParas: Paragraph[] = [];
  const groups: NonNullable<PlanInput['groups']> = [];
  const unassignedSections: Section[] = [];
  let labelledTasks = 0;
  // The items of each part of tasks as built, and the part each group came from: "Tổ chức thực hiện" may assign them by number.
  const builtOf = new Map<Section, NonNullable<PlanInput['groups']>>();
  const sectionOf = new Map<NonNullable<PlanInput['groups']>[number], Section>();

  // A part the headings do not name ("III. SỐ HÓA TÀI LIỆU LƯU TRỮ") that holds a task table is a part of tasks.
  for (const t of tables) if (t.section?.kind === 'other' && taskTableLayout(t.rows)) t.section.kind = 'tasks';
  for (const s of sections) {
    if (s.kind === 'purpose') {
      let bucket = /yeu cau/.test(fold(s.heading)) && !/muc dich|muc tieu/.test(fold(s.heading)) ? requirements : purposes;
      for (const p of s.paras) {
        let t = p.text.replace(/^(\d{1,2}(\.\d{1,2})*[.)]?|[a-zđ]\)|[-–•+])\s*/u, '');
        const head = /^(mục đích|mục tiêu|yêu cầu)\s*[:.]?\s*(.*)$/iu.exec(t);
        if (head) {
          bucket = /yeu cau/.test(fold(head[1]!)) ? requirements : purposes;
          t = head[2]!.trim();
          if (!t) continue;
        }
        bucket.push(t);
      }
    } else if (s.kind === 'implementation') {
      if (!/to chuc thuc hien/.test(fold(s.heading))) implementation.push(`${s.roman}. ${s.heading}`);
      for (const p of s.paras) {
        implementation.push(p.text);
        implementationParas.push(p);
      }
    } else if (s.kind === 'tasks') {
      const built = buildTaskGroups(s, registry, note);
      labelledTasks += built.labelled;
      builtOf.set(s, built.groups);
      if (built.labelled > 0) {
        groups.push(...built.groups);
        for (const g of built.groups) sectionOf.set(g, s);
      } else unassignedSections.push(s);
    } else {
      for (const p of [{ text: `${s.roman}. ${s.heading}`, line: s.line }, ...s.paras])
        note(p.line, p.text, localized('mục không thuộc phần nào của định dạng kế hoạch', 'section not part of the plan format'));
    }
  }

  // ------------------------------------------------------------ tables
  let layout: ImportResult['layout'] = labelledTasks > 0 ? 'labelled' : 'none';
  const usedIds = new Set(groups.flatMap((g) => g.id));
  const sectionRomans = sections.map((x) => x.roman).filter(isRoman);
  const appendixGroups = new Set<(typeof groups)[number]>();
  const tableParts: { groups: typeof groups; where: string }[] = [];
  for (const t of tables) {
    const tl = taskTableLayout(t.rows);
    if (!tl) continue;
    const built = tableGroups(t, tl, registry, usedIds, note, plan.issuer.name, sectionRomans);
    if (built.length) layout = layout === 'none' ? 'table' : layout;
    if (!t.section) for (const g of built) appendixGroups.add(g);
    // The group a table makes of its section when no group row comes first is the section itself.
    tableParts.push({ groups: built.filter((g) => !(t.section && g.id === t.section.roman && g.title === t.section.heading)), where: t.section?.roman ?? 'PL' });
    groups.push(...built);
  }

  // ------------------------------------------------------------ duties, and assignments made unit by unit
  // Report duties are read in "Tổ chức thực hiện" and in task sections laid out unit by unit ("6. UBND các xã, phường"
  // over "- Định kỳ hằng quý, trước ngày 15 … báo cáo … về UBND tỉnh"), where such a bullet is also the unit's task.
  const taskSectionParas = unassignedSections.flatMap((x) => x.paras.map((p) => ({ ...p, needsSender: true })));
  const duties = findDuties(
    [...taskSectionParas, ...implementationParas].sort((a, b) => a.line - b.line),
    registry,
    note,
    // A joint plan's issuers, as its header names them on one line ("Sở Tư pháp - Sở Giáo dục và Đào tạo").
    jointIssuers(plan.issuer.name),
  );
  const dutyLines = new Set(duties.map((d) => d.line));
  // Every assignment becomes a task, wherever it is: what "Tổ chức thực hiện" lays out unit by unit
  // ("Sở X:", a unit heading) and its assignment sentences ("Giao X chủ trì …", "Đề nghị X …").
  const usedForUnits = new Set<Section>();
  for (const s of sections.filter((x) => unassignedSections.includes(x) || x.kind === 'implementation')) {
    const unplaced: Paragraph[] = [];
    const unitGroup = unitTasks(s, registry, { prose: true, skipLines: dutyLines, unplaced, issuer: plan.issuer.level });
    if (unitGroup.tasks.length === 0) continue;
    groups.push(unitGroup);
    sectionOf.set(unitGroup, s);
    usedForUnits.add(s);
    // The text of "Tổ chức thực hiện" is kept whole in `implementation`; a task section's other paragraphs go to the group.
    // In the document's order: a topic heading is kept only once it is known that no assignment took it.
    if (s.kind !== 'implementation' && unplaced.length)
      unitGroup.body = unplaced
        .sort((a, b) => a.line - b.line)
        .map((p) => p.text)
        .join('\n');
    if (layout === 'none') layout = 'by-unit';
  }
  linkItemReferences(groups, sections, { builtOf, sectionOf, usedForUnits, unassignedSections });
  // A part that describes the plan's one event item by item ("1. Thời gian: 1,5 ngày (bắt đầu từ … ngày 06/7/2026)",
  // "2. Địa điểm: …", "3. Đối tượng: …") names no unit: its one time line is the time of the work that gives none.
  const eventTimes = unassignedSections
    .filter((x) => !usedForUnits.has(x))
    .flatMap((x) => x.paras)
    .flatMap((p) => {
      const m = /^(?:\d{1,2}[.)]\s*)?thời gian(?: tổ chức| thực hiện)?\s*:\s*(\S.*)$/iu.exec(p.text);
      return m ? [{ line: p.line, time: m[1]! }] : [];
    });
  const planTime = eventTimes.length === 1 ? eventTimes[0] : undefined;
  // Task sections whose items name no unit: their text stays, as the body of a group.
  for (const s of unassignedSections.filter((x) => x.paras.length > 0 && !usedForUnits.has(x))) {
    const body = s.paras.map((p) => p.text).join('\n');
    if (groups.length > 0 && (layout !== 'labelled' || /phu luc/.test(fold(body)))) {
      // Kept with the tasks it introduces ("Các nhiệm vụ cụ thể tại Phụ lục …").
      const first = groups[0]!;
      if (/phu luc/.test(fold(body)) && appendixGroups.has(first) && !groups.some((g) => g.id === s.roman) && tableParts.some((x) => x.groups.length === 1 && x.groups[0] === first)) {
        // "II. NHIỆM VỤ / Các nhiệm vụ cụ thể tại Phụ lục …" over an appendix that is one table: the table's tasks are
        // part II's, in its place and with its number; the appendix's title stays in the text.
        appendixGroups.delete(first);
        first.body = [body, first.title, first.body].filter(Boolean).join('\n');
        first.id = s.roman;
        first.title = s.heading;
        continue;
      }
      // The group of this very section already carries its heading.
      first.body = [first.id === s.roman ? '' : `${s.roman}. ${s.heading}`, body, first.body].filter(Boolean).join('\n');
    } else {
      for (const p of s.paras) note(p.line, p.text, localized('không xếp được vào nhiệm vụ nào', 'could not be placed in any task'));
    }
  }
  // A table's group rows ("I | Quý I", …, "III | 6 tháng cuối năm") that repeat the number of a part of the body
  // ("III. TỔ CHỨC THỰC HIỆN") are named by where the table is ("PL.III" in the appendix, "II.III" in part II):
  // the part keeps the document's number, and so do the tasks of both.
  const fromTables = new Set(tableParts.flatMap((x) => x.groups));
  const bodyIds = new Set(groups.filter((g) => !fromTables.has(g)).map((g) => g.id));
  for (const { groups: rows, where } of tableParts) if (rows.some((g) => isRoman(g.id) && bodyIds.has(g.id))) for (const g of rows) if (isRoman(g.id)) g.id = `${where}.${g.id}`;
  const finalGroups = finalizeGroups(groups, {
    // A table after the signature comes after the body's parts, as in the document (numbers given above stay).
    last: (g) => appendixGroups.has(g),
    note,
    lineOf: (t) => traces.get(t)?.line ?? 1,
    carry: (from, to) => {
      const t = traces.get(from);
      if (t) traces.set(to, { ...t });
      if (proseTimes.has(from)) proseTimes.add(to);
    },
    inherited: (t, field) => trace(t, { line: traces.get(t)?.line ?? 1, [field]: 'parent' }),
    passesTime: (t) => !proseTimes.has(t),
    ...(planTime ? { planTime: planTime.time } : {}),
  });
  if (planTime)
    note(planTime.line, planTime.time, localized('thời gian của kế hoạch: dùng cho các việc không ghi thời gian riêng', "the plan's time: given to the work that names no time of its own"));

  const mentions = resolveStrayWords(unitUses(finalGroups, duties), finalGroups, duties, registry, note);

  // ------------------------------------------------------------ signature
  const { signer, rest: otherSigners } = signerOf(signature);
  if (otherSigners.length > 0)
    note(
      otherSigners[0]!.line,
      otherSigners.map((x) => x.text).join(' '),
      localized('chữ ký sau người ký (kế hoạch liên tịch: người ký của cơ quan thứ hai)', "signature after the signer's (a joint plan: the second body's signer)"),
    );

  if (purposes.length) plan.purposes = purposes;
  if (requirements.length) plan.requirements = requirements;
  plan.groups = finalGroups;
  const sent = duties.filter((d) => d.by.length > 0);
  if (sent.length > 0)
    plan.duties = sent.map((d) => ({ id: d.id, title: d.title, by: d.by, to: d.to || (plan.issuer as { name: string }).name, due: d.due, ...(d.period ? { period: d.period } : {}), text: d.text }));
  for (const d of duties.filter((x) => x.by.length === 0)) note(d.line, d.text, localized('nghĩa vụ báo cáo không rõ đơn vị phải gửi', 'reporting duty without a clear sender'));
  if (implementation.length) plan.implementation = implementation;
  if (recipients.length) plan.recipients = recipients;
  if (signer) plan.signer = signer;
  if (notes.length) plan.notes = notes.map((n) => `${word.vi} ${n.line}: ${n.text || n.reason.vi}`);
  const sources = sourcesOf(finalGroups);
  return {
    plan: plan as PlanInput,
    notes,
    mentions,
    layout,
    sources,
    ...(decision.length ? { decision: { from: decision[0]!.line, to: decision[decision.length - 1]!.line, articles: decision.filter((p) => /^Điều\s+\d+/u.test(p.text)).length } } : {}),
    abbreviations: definedAbbreviations(blocks),
  };
}

/**
 * A layout table's cells in reading order: row by row, except the two-column header and signature tables, which are
 * read column by column (the recipients, then the signature; they were interleaved line by line when each line of
 * the text was a row).
 */
function readingOrder(rows: string[][]): string[][] {
  const twoColumns = rows.every((r) => r.length <= 2) && rows.some((r) => r.some((c) => LAYOUT_CELL.test(c.trim())));
  return twoColumns ? [rows.map((r) => r[0] ?? ''), rows.map((r) => r[1] ?? '')] : rows;
}

/** A joint plan's issuers, as its header names them on one line ("Sở Tư pháp - Sở Giáo dục và Đào tạo"); none for one body. */
function jointIssuers(name: string): string[] {
  const sides = name.split(/\s+[-–]\s+(?=\p{Lu})/u);
  return sides.length > 1 && sides.every((side) => startsUnit(side)) ? sides : [];
}

/** Every unit name the plan's tasks and duties use, with the line it came from, in document order. */
function unitUses(groups: PlanInput['groups'], duties: DutyDraft[]): UnitMention[] {
  const uses: UnitMention[] = [];
  const walk = (tasks: TaskInput[]) => {
    for (const t of tasks) {
      const line = traces.get(t)?.line ?? 1;
      for (const name of [...(t.lead ?? []), ...(t.support ?? [])]) uses.push({ name, line });
      walk(t.tasks ?? []);
    }
  };
  for (const g of groups) walk(g.tasks);
  for (const d of duties) uses.push(...d.by.map((name) => ({ name, line: d.line })));
  return uses;
}

/**
 * A known unit's name with a stray word after it ("Sở Khoa học và Công nghệ đê") is that unit, with a note on its first
 * line: the tasks and duties are mended, and the uses returned with the names they now have.
 */
function resolveStrayWords(
  uses: UnitMention[],
  groups: PlanInput['groups'],
  duties: DutyDraft[],
  registry: UnitRegistry | undefined,
  note: (line: number, text: string, reason: Localized) => void,
): UnitMention[] {
  const stray = strayWordNames(
    uses.map((u) => u.name),
    registry,
  );
  if (stray.size === 0) return uses;
  for (const [name, { known, stray: words }] of stray) {
    const line = uses.find((u) => u.name === name)!.line;
    note(
      line,
      name,
      localized(`tên đơn vị "${name}" có chữ thừa "${words}" sau tên "${known}"; đã lấy "${known}"`, `unit name "${name}" has the stray word "${words}" after "${known}"; took "${known}"`),
    );
  }
  const fix = (names: string[]) => [...new Set(names.map((n) => stray.get(n)?.known ?? n))];
  const walk = (tasks: TaskInput[]) => {
    for (const t of tasks) {
      if (t.lead) t.lead = fix(t.lead);
      if (t.support) t.support = fix(t.support);
      walk(t.tasks ?? []);
    }
  };
  for (const g of groups) walk(g.tasks);
  for (const d of duties) d.by = fix(d.by);
  return uses.map((u) => ({ ...u, name: stray.get(u.name)?.known ?? u.name }));
}

function sourcesOf(groups: PlanInput['groups']): TaskSource[] {
  const out: TaskSource[] = [];
  const walk = (tasks: TaskInput[]) => {
    for (const t of tasks) {
      const tr = traces.get(t) ?? { line: 1 };
      const lead = tr.lead ?? 'heading';
      out.push({
        id: t.id,
        title: t.title,
        line: tr.line,
        lead,
        ...(t.support?.length ? { support: tr.support ?? lead } : {}),
        due: t.due ? (tr.due ?? 'sentence') : t.dueText === NO_TIME_IN_SOURCE ? 'none' : t.dueText ? 'as-written' : 'none',
        review: lead === 'sentence',
      });
      walk(t.tasks ?? []);
    }
  };
  for (const g of groups) walk(g.tasks);
  return out;
}

// ------------------------------------------------------------------ issuer

/** A header line that starts with a place's level ("HUYỆN SƠN ĐỘNG", folded): the second line of its body's name. */
const AREA_LINE = new RegExp(`^(?:${AREA_WORDS.map(fold).join('|')})\\b`);

function issuerOf(lines: string[], place: string | undefined, texts: string[], firstLine: number, note: (line: number, text: string, reason: Localized) => void): PlanInput['issuer'] {
  // "ỦY BAN NHÂN DÂN" / "HUYỆN SƠN ĐỘNG" is one name on two lines.
  const joined: string[] = [];
  for (const l of lines) {
    const f = fold(l);
    if (joined.length && (AREA_LINE.test(f) || /(uy ban nhan dan|ubnd)$/.test(fold(joined[joined.length - 1]!)))) joined[joined.length - 1] += ` ${l}`;
    else joined.push(l);
  }
  if (joined.length > 0) {
    // The header prints names in capitals; the plan keeps them as its sentences write them.
    const name = nameAsWritten(joined[joined.length - 1]!, texts);
    const parent = joined.length > 1 ? nameAsWritten(joined.slice(0, -1).join(' '), texts) : undefined;
    return { ...(parent ? { parent } : {}), name, level: levelOf(name, parent) };
  }
  // No issuer block (a copy without the header table): infer "UBND <cấp> <địa danh>" and say so.
  const all = fold(texts.join(' '));
  const count = (re: RegExp) => (all.match(re) ?? []).length;
  const scores: [string, (typeof LEVELS)[number], number][] = [
    ['tỉnh', 'province', count(/ubnd tinh\b/g)],
    ['huyện', 'district', count(/ubnd huyen\b/g)],
    ['xã', 'commune', count(/ubnd xa\b/g)],
    ['phường', 'commune', count(/ubnd phuong\b/g)],
  ];
  scores.sort((a, b) => b[2] - a[2]);
  const [levelWord, level] = scores[0]![2] > 0 ? [scores[0]![0], scores[0]![1]] : ['xã', 'commune' as const];
  const name = `UBND ${levelWord} ${place ?? ''}`.trim();
  note(
    firstLine,
    '',
    localized(
      `văn bản không có tên cơ quan ban hành; đã ghi "${name}" (đoán từ địa danh và cách gọi "UBND ${levelWord}"), cần kiểm tra`,
      `no issuing body in the text; wrote "${name}" (guessed from the place and "UBND ${levelWord}"), please check`,
    ),
  );
  return { name, level };
}

/** The place a body is named after ("xã An Lạc", "Thành phố Hồ Chí Minh"), not a level word inside its name ("Phòng Văn hóa - Xã hội"). */
const NAMED_AREA = new RegExp(`(?:^|\\s)(${AREA_WORDS.map((w) => `[${w[0]!.toLocaleUpperCase('vi')}${w[0]}]${w.slice(1)}`).join('|')})\\s+(?=\\p{Lu}|\\d)`, 'u');
const areaOf = (name: string) => NAMED_AREA.exec(name)?.[1]?.toLocaleLowerCase('vi') as AreaWord | undefined;

function levelOf(name: string, parent?: string): (typeof LEVELS)[number] {
  const area = areaOf(name);
  // A city under a province ("Thành phố Bắc Giang" of "tỉnh Bắc Giang") is a district's level.
  if (area === 'thành phố' && parent && areaOf(parent) === 'tỉnh') return 'district';
  if (area) return AREA_LEVELS[area];
  if (CENTRAL.test(name)) return 'central';
  if (parent) return levelOf(parent);
  return 'province';
}

/**
 * A signature block a converter put on one line ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Hoàng Văn Thuân"): the name is the
 * capitalised words at its end, and after "KT." the deputy's position starts at "PHÓ" ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" /
 * "PHÓ CHỦ TỊCH" / "Hoàng Phú Hiền").
 */
function signatureLines(text: string): string[] {
  const m = /^((?:KT|TM|TL|TUQ|Q)\.\s*[^\p{Ll}]+?)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4})$/u.exec(text);
  if (!m) return [text];
  // "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH": the head's position ends the line.
  const deputy = /^(.*\bKT\.\s*\S.*?)\s+(PHÓ\s+\S.*)$/u.exec(m[1]!) ?? /^(TM\.\s*\S.*?)\s+(CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)$/u.exec(m[1]!);
  return [...(deputy ? [deputy[1]!, deputy[2]!] : [m[1]!]), m[2]!];
}

/**
 * The signer, and the signature's lines after the signer's name: a joint plan (Kế hoạch liên tịch) is signed by each
 * issuer, and the plan file has one signer, so the others are kept in the notes rather than lost.
 */
function signerOf(lines: Paragraph[]): { signer?: PlanInput['signer']; rest: { line: number; text: string }[] } {
  const texts = lines.flatMap((l) => signatureLines(l.text).map((text) => ({ line: l.line, text }))).filter(({ text: t }) => !/^\((đã )?ký/iu.test(t));
  if (texts.length === 0) return { rest: [] };
  let i = 0;
  // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH": one authority written on two lines.
  while (i < texts.length && AUTHORITY.test(texts[i]!.text)) i++;
  const authority =
    i > 0
      ? texts
          .slice(0, i)
          .map((x) => x.text)
          .join(' ')
      : undefined;
  const position = texts[i] && isAllCaps(texts[i]!.text) ? texts[i++]!.text : undefined;
  const at = texts.findIndex((x, j) => j >= i && !isAllCaps(x.text) && x.text.split(/\s+/).length <= 6);
  const name = at < 0 ? undefined : texts[at]!.text;
  if (!position && !authority) return { rest: [] };
  return { signer: { ...(authority ? { authority } : {}), position: position ?? authority!, ...(name ? { name } : {}) }, rest: at < 0 ? [] : texts.slice(at + 1) };
}

// ------------------------------------------------------------------ labelled tasks

/**
 * A lead cell or label that also names who supports: "X chủ trì, phối hợp với Y",
 * "X (chủ trì); Y (phối hợp)", "X (chủ trì), Y, Z", "X chủ trì; Y phối hợp" ("X chủ trì" alone: X).
 * Undefined when it has no such words.
 */
export function leadWithSupport(value: string): { lead: string; support?: string } | undefined {
  const v = value.replace(/\s+/g, ' ').trim();
  if (/\((?:cơ quan |đơn vị )?chủ trì\)/iu.test(v)) {
    const pieces = v.split(/\s*;\s*|(?<=\))\s*,\s*/u).filter(Boolean);
    const role = (p: string) => (/\((?:cơ quan |đơn vị )?chủ trì\)\s*[.,;]?$/iu.test(p) ? 'lead' : 'support');
    const strip = (p: string) => p.replace(/\s*\((?:cơ quan |đơn vị )?(?:chủ trì|phối hợp)\)\s*[.,;]?$/iu, '');
    const lead = pieces.filter((p) => role(p) === 'lead').map(strip);
    const support = pieces.filter((p) => role(p) === 'support').map(strip);
    return { lead: lead.join('; '), ...(support.length ? { support: support.join('; ') } : {}) };
  }
  const said = /^(.+?)\s+chủ trì\s*(?:[,;]\s*|\s)(?:và\s+)?phối hợp(?:\s+với)?\s*:?\s*(.+)$/iu.exec(v);
  if (said) return { lead: said[1]!, support: said[2]! };
  const after = /^(.+?)\s+chủ trì\s*[,;]\s*(.+?)\s+phối hợp\s*[.;]?$/iu.exec(v);
  if (after) return { lead: after[1]!, support: after[2]! };
  const alone = /^(.+?)\s+chủ trì\s*[.;]?$/iu.exec(v);
  if (alone) return { lead: alone[1]! };
  return undefined;
}

/**
 * Unit names of a "chủ trì" / "phối hợp" label or cell. A name is one line and
 * never a sentence: a long piece is cut where its verb starts ("Bộ Công an
 * tiến hành rà soát …" → "Bộ Công an"); what is cut off stays in the notes.
 */
function unitsOf(value: string, line: number, registry: UnitRegistry | undefined, note?: (line: number, text: string, reason: Localized) => void): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.some((n) => fold(n) === fold(name))) names.push(name);
  };
  for (const v of value.split(/\n+/).flatMap((x) => labelClauses(x.replace(/^[-–•+]\s*/, '').replace(/\s+/g, ' ')))) {
    // "Sở X tiến hành rà soát …; các sở, ngành liên quan và UBND các xã, phường rà soát …": a label written as sentences
    // names the subjects of its clauses, not the nouns of their predicates.
    // A list that goes on past a phrase ("Sở Nội vụ, các sở … trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan, tổ
    // chức khác có liên quan") is no sentence: its rest still holds a unit.
    const end = v.split(' ').length > 12 ? subjectEnd(v, registry) : v.length;
    const rest = v.slice(end).trim();
    if (end < v.length && rest.split(/\s+/).length >= 8 && !unitNames(rest, registry).some((n) => looksLikeUnit(n, registry))) {
      const subject = trimListEnd(v.slice(0, end));
      const said = unitNames(subject, registry).filter((n) => looksLikeUnit(n, registry));
      for (const n of said) add(n);
      note?.(
        line,
        trimListEnd(v),
        localized(
          said.length ? `đơn vị ghi kèm câu văn; lấy tên ${said.map((n) => `"${n}"`).join(', ')}` : 'không nhận ra tên đơn vị',
          said.length ? `unit written with a sentence; took ${said.map((n) => `"${n}"`).join(', ')}` : 'no unit name recognised',
        ),
      );
      continue;
    }
    for (const piece of unitNames(v, registry)) {
      // Fourteen syllables may still be one name ("Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"): a piece is
      // a sentence when cutting it at its verb leaves a clause of eight syllables or more.
      const words = piece.split(' ').length;
      const end = words > 12 ? subjectEnd(piece, registry) : piece.length;
      const long = words > 12 && !registry?.lookup(piece) && (words > 20 || piece.slice(end).trim().split(/\s+/).length >= 8);
      const name = long ? trimListEnd(piece.slice(0, end)) : piece;
      if (name && (registry?.lookup(name) || (name.split(' ').length <= 14 && !/[/]/.test(name)))) add(name);
      if (name !== piece)
        note?.(
          line,
          piece,
          localized(name ? `đơn vị ghi kèm câu văn; lấy tên "${name}"` : 'không nhận ra tên đơn vị', name ? `unit written with a sentence; took the name "${name}"` : 'no unit name recognised'),
        );
    }
  }
  return names;
}

/** A label's value cut into its sentences and ";" clauses, each without its opening connective ("Đồng thời, …"). */
function labelClauses(value: string): string[] {
  return value
    .split(/(?<=;)\s+|(?<=\.)\s+(?=\p{Lu})/u)
    .map((c) => c.replace(/^(?:đồng thời|ngoài ra|bên cạnh đó|trong đó|sau đó)\s*,\s*/iu, '').trim())
    .filter(Boolean);
}

type Label = NonNullable<ReturnType<typeof labelledLine>>;

/**
 * The lettered paragraphs that are a task's labels, not its points: "a) Đơn vị chủ trì: …", "b) Thời gian: …" (a ministry
 * letters them). Only a run of lettered paragraphs that are all labels, one of them the lead or the time, counts.
 */
function letteredLabelLines(paras: Paragraph[]): Set<number> {
  const found = new Set<number>();
  let run: number[] = [];
  let leads = false;
  const close = () => {
    if (leads) for (const i of run) found.add(i);
    run = [];
    leads = false;
  };
  paras.forEach((p, i) => {
    const letter = lettered(p.text);
    if (!letter) {
      // A label's own bullets ("d) Sản phẩm:" over "- Sổ tay …") stay inside the run.
      if (!BULLET.test(p.text)) close();
      return;
    }
    const label = labelledLine(letter.rest);
    if (!label) {
      run = [];
      leads = false;
      return;
    }
    run.push(i);
    leads ||= label.field === 'lead' || label.field === 'due';
  });
  close();
  return found;
}

/** A task's labels, each added to what the same label said before. */
function setFields(node: TaskNode, labels: Label[], line: number): void {
  for (const l of labels) {
    const prev = node.fields[l.field];
    node.fields[l.field] = prev ? { value: `${prev.value}\n${l.value}`, line: prev.line } : { value: l.value, line };
    node.lastField = l.field;
    node.listField = undefined;
  }
}

/**
 * An item that carries its labels in closing brackets: "a) Tuyên truyền … (Chủ trì: Phòng Văn hóa – Xã hội; phối hợp:
 * Công an xã; thời gian: hằng tháng).", or one bracket a label ("… (Chủ trì: X) (Phối hợp: Y) (Thời gian: Z)."). The title
 * is the text before them; only the closing brackets whose every clause is a label count.
 */
function trailingLabels(text: string): { title: string; labels: Label[] } | undefined {
  let title = text.trim().replace(/\s*[.;]$/u, '');
  const brackets: Label[][] = [];
  for (let m = CLOSING_BRACKET.exec(title); m; m = CLOSING_BRACKET.exec(title)) {
    // Clauses end at ";", or at "," before the next label ("chủ trì: Sở Y tế, phối hợp: Công an tỉnh, UBND các xã").
    const labels = m[2]!
      .split(/\s*;\s*|,\s*(?=[^,:;]{2,40}:)/u)
      .filter(Boolean)
      .map((x) => labelledLine(x));
    if (labels.length === 0 || labels.some((l) => l === undefined)) break;
    brackets.unshift(labels as Label[]);
    title = m[1]!;
  }
  const labels = brackets.flat();
  if (!labels.some((l) => l.field === 'lead' || l.field === 'due')) return undefined;
  return { title, labels };
}
const CLOSING_BRACKET = /^(.*\S)\s*\(([^()]+)\)$/u;

function buildTaskGroups(
  s: Section,
  registry: UnitRegistry | undefined,
  note: (line: number, text: string, reason: Localized) => void,
): { groups: NonNullable<PlanInput['groups']>; labelled: number } {
  const roots: TaskNode[] = [];
  const intro: string[] = [];
  let cur: TaskNode | undefined;
  const newNode = (id: string, title: string, line: number, numeric: boolean, parent?: TaskNode): TaskNode => {
    const n: TaskNode = { id, title, line, numeric, body: [], points: [], fields: {}, closing: [], children: [], ...(parent ? { parent } : {}) };
    (parent ? parent.children : roots).push(n);
    return n;
  };
  /** A child of the nearest numbered item, lettered after its lettered children: "5.a", "5.b". */
  const subItem = (title: string, line: number): TaskNode | undefined => {
    let parent = cur;
    while (parent && !parent.numeric) parent = parent.parent;
    if (!parent) return undefined;
    return newNode(`${parent.id}.${legalLetter(parent.children.filter((c) => !c.numeric).length)}`, title, line, false, parent);
  };
  // Time lines "+ X gửi … trước ngày D" under an empty "Thời gian thực hiện:": each is its own assignment.
  const timedSenders = new Set<TaskNode>();
  const letteredLabels = letteredLabelLines(s.paras);
  s.paras.forEach((p, i) => {
    const text = p.text;
    const num = numbered(text);
    if (num) {
      let parent = cur;
      while (parent && !(parent.numeric && num.id.startsWith(`${parent.id}.`))) parent = parent.parent;
      const said = trailingLabels(num.rest);
      cur = newNode(num.id, said?.title ?? num.rest, p.line, true, parent);
      if (said) setFields(cur, said.labels, p.line);
      return;
    }
    // "Bước 1: …" under a numbered item: a step of it, whose "Thời gian hoàn tất:" line follows.
    const step = cur ? STEP.exec(text) : null;
    if (step) {
      let parent = cur;
      while (parent && !parent.numeric) parent = parent.parent;
      if (parent) {
        cur = newNode(`${parent.id}.${step[1]}`, text, p.line, false, parent);
        return;
      }
    }
    const letter = letteredLabels.has(i) ? undefined : lettered(text);
    if (letter) {
      let parent = cur;
      while (parent && !parent.numeric) parent = parent.parent;
      const said = trailingLabels(letter.rest);
      cur = newNode(parent ? `${parent.id}.${letter.letter}` : letter.letter, said?.title ?? letter.rest, p.line, false, parent);
      if (said) setFields(cur, said.labels, p.line);
      return;
    }
    const bullet = BULLET.exec(text);
    const inner = letteredLabels.has(i) ? lettered(text)!.rest : bullet ? bullet[1]! : text;
    const label = labelledLine(inner);
    if (label && cur) {
      // "Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh; thời gian: quý I/2024" on one line.
      const parts = inner.split(/[;.]\s+(?:[-–+•]\s*)?(?=[^:;.]{2,40}:)/u).map((x) => labelledLine(x));
      setFields(cur, parts.every((x) => x !== undefined) ? (parts as NonNullable<typeof label>[]) : [label], p.line);
      return;
    }
    if (!cur) {
      intro.push(text);
      return;
    }
    // "- Nội dung thực hiện: Tổ chức phổ biến …" beside the labels: the task's body, its label dropped as the others are.
    const content = /^nội dung(?: thực hiện| công việc| nhiệm vụ)?\s*:\s*(\S.*)$/iu.exec(inner);
    if (content && cur.children.length === 0) {
      cur.body.push(content[1]!);
      return;
    }
    // "- Nghị định …" followed by "+ Cơ quan chủ trì: …": several labelled groups under one item.
    if (bullet && /^[-–—•]/u.test(text)) {
      const run: Paragraph[] = [];
      for (const x of s.paras.slice(i + 1, i + 7)) {
        if (!/^\+/u.test(x.text)) break;
        run.push(x);
      }
      if (run.some((x) => labelledLine(x.text.replace(/^\+\s*/u, ''))?.field === 'lead')) {
        const sub = subItem(inner, p.line);
        if (sub) {
          cur = sub;
          return;
        }
      }
    }
    const hasFields = Object.keys(cur.fields).length > 0;
    const timeLine = cur.lastField === 'due' && cur.fields.due?.value === '' ? cur : timedSenders.has(cur) ? cur.parent : undefined;
    if (bullet && timeLine) {
      const said = sentenceAssignment(inner, registry);
      const when = findDeadlinePhrase(inner);
      if (said && when) {
        const owner = timeLine;
        const saved = cur;
        cur = owner;
        const sub = subItem(inner, p.line);
        cur = saved;
        if (sub) {
          sub.fields.lead = { value: said.lead.join('; '), line: p.line };
          sub.fields.due = { value: when, line: p.line };
          timedSenders.add(sub);
          if (owner.fields.due?.value === '') delete owner.fields.due;
          cur = sub;
          return;
        }
      }
    }
    // "- Sản phẩm:" over bullets: every bullet is that label's (only the first was; the rest were notes).
    if (hasFields && bullet && cur.lastField && (cur.fields[cur.lastField]!.value === '' || cur.listField === cur.lastField)) {
      const field = cur.fields[cur.lastField]!;
      field.value = field.value === '' ? inner : `${field.value}\n${inner}`;
      cur.listField = cur.lastField;
      return;
    }
    if (hasFields && bullet && cur.lastField && cur.lastField !== 'due' && /\n|^$/.test(cur.fields[cur.lastField]!.value) === false && cur.fields[cur.lastField]!.value.endsWith(':')) {
      cur.fields[cur.lastField]!.value += `\n${inner}`;
      return;
    }
    if (!hasFields && cur.children.length === 0) {
      if (bullet) cur.points.push(inner);
      else cur.body.push(text);
      return;
    }
    // After a task's labelled lines: text that closes the parent's list of sub-items.
    const owner = cur.parent;
    if (!bullet && owner && owner.children[owner.children.length - 1] === cur && (!cur.numeric || owner.parent)) {
      owner.closing.push(text);
      return;
    }
    if (!bullet && !cur.parent && cur.children.length > 0) {
      cur.closing.push(text);
      return;
    }
    note(p.line, text, localized(`đoạn sau các dòng có nhãn của nhiệm vụ ${cur.id}, không rõ thuộc đâu`, `text after the labelled lines of task ${cur.id}, unclear where it belongs`));
  });

  const walkNodes = (nodes: TaskNode[]) => {
    for (const n of nodes) {
      shareClosingAssignment(n, registry);
      walkNodes(n.children);
    }
  };
  walkNodes(roots);

  let labelled = 0;
  const toTask = (n: TaskNode): TaskInput => {
    const f = n.fields;
    if (f.lead || f.due) labelled++;
    const task: TaskInput = { id: n.id, title: n.title || n.body[0] || n.id };
    const body = n.title ? n.body : n.body.slice(1);
    if (body.length) task.body = body.join('\n');
    if (n.points.length) task.points = n.points;
    trace(task, { line: n.line, ...(f.lead ? { lead: 'label' as const } : {}), ...(f.support ? { support: 'label' as const } : {}), ...(f.due ? { due: 'label' as const } : {}) });
    const fieldRoles = f.lead ? leadWithSupport(f.lead.value) : undefined;
    if (f.lead) task.lead = unitsOf(fieldRoles?.lead ?? f.lead.value, f.lead.line, registry, note);
    const fieldSupport = f.support?.value ?? fieldRoles?.support;
    if (fieldSupport) task.support = unitsOf(fieldSupport, f.support?.line ?? f.lead!.line, registry, note);
    if (f.due && trimEndStop(f.due.value)) task.due = trimEndStop(f.due.value.replace(/\n/g, '; '));
    if (f.outputs) {
      const outs = splitOutputs(f.outputs.value);
      if (outs.length) task.outputs = outs;
    }
    if (n.closing.length) task.closing = n.closing.join('\n');
    if (n.children.length) task.tasks = n.children.map(toTask);
    else if (!f.lead) assignFromProse(task, n.line, registry);
    return task;
  };

  const topHasFields = roots.some((r) => Object.keys(r.fields).length > 0);
  const asGroups = roots.length > 0 && !topHasFields && roots.every((r) => r.children.length > 0 && !r.id.includes('.'));
  let groups: NonNullable<PlanInput['groups']>;
  if (asGroups) {
    groups = roots.map((r) => {
      const body = [...r.body, ...r.points, ...r.closing].join('\n');
      return { id: r.id, title: r.title, ...(body ? { body } : {}), tasks: r.children.map(toTask) };
    });
    if (intro.length) groups[0] = { ...groups[0]!, body: [...intro, groups[0]!.body ?? ''].filter(Boolean).join('\n') };
  } else {
    const body = intro.join('\n');
    groups = [{ id: s.roman, title: s.heading, ...(body ? { body } : {}), tasks: roots.map(toTask) }];
  }
  return { groups, labelled };
}

/**
 * "a) … b) … c) …" then one paragraph "Giao X chủ trì các nội dung tại điểm a, b; Y chủ trì nội dung tại điểm c;
 * thời gian: …" under the last item: it assigns the whole list, not the last item. Each clause naming points
 * ("điểm a, b") gives those items their lead; without points the paragraph leads the parent, whose items inherit.
 * Only when none of the other items names a unit or a time of its own.
 */
function shareClosingAssignment(parent: TaskNode, registry: UnitRegistry | undefined): void {
  const items = parent.children.filter((c) => !c.numeric);
  const last = items[items.length - 1];
  if (!last || items.length < 2 || last !== parent.children[parent.children.length - 1] || last.children.length > 0 || Object.keys(last.fields).length > 0) return;
  const closing = last.body[last.body.length - 1];
  if (!closing || !/^(?:giao|đề nghị)\s/iu.test(closing)) return;
  const others = items.slice(0, -1);
  if (others.some((c) => Object.keys(c.fields).length > 0 || c.children.length > 0 || c.body.some((b) => ownAssignment(b, registry)))) return;
  const line = last.line;
  const due = findDeadlinePhrase(closing);
  const byLetter = new Map<string, string[]>();
  for (const clause of closing.split(/\s*;\s*/u)) {
    const points = /(?<=^|\s)điểm\s+((?:[a-zđ])(?:\s*(?:,|và)\s*[a-zđ])*)(?=[\s,;.]|$)/u.exec(clause);
    const said = sentenceAssignment(/^(?:giao|đề nghị)\s/iu.test(clause) ? clause : `Giao ${clause}`, registry);
    if (points && said) for (const letter of points[1]!.split(/\s*(?:,|và)\s*/u)) byLetter.set(letter, said.lead);
  }
  const said = sentenceAssignment(closing, registry);
  if (byLetter.size === 0 && !said) return;
  last.body.pop();
  parent.closing.push(closing);
  if (byLetter.size === 0) {
    parent.fields.lead = { value: said!.lead.join('; '), line };
    if (due) parent.fields.due = { value: due, line };
    return;
  }
  for (const item of items) {
    const lead = byLetter.get(item.id.split('.').pop()!);
    if (!lead) continue;
    item.fields.lead = { value: lead.join('; '), line };
    if (due) item.fields.due = { value: due, line };
  }
}

// ------------------------------------------------------------------ table tasks

function tableGroups(
  t: { rows: string[][]; line: number; section?: Section; title?: string },
  layout: NonNullable<ReturnType<typeof taskTableLayout>>,
  registry: UnitRegistry | undefined,
  usedIds: Set<string>,
  note: (line: number, text: string, reason: Localized) => void,
  issuer: string,
  sectionRomans: readonly string[],
): NonNullable<PlanInput['groups']> {
  const rows = tableRows(t.rows, layout);
  interface G {
    id: string;
    title: string;
    body?: string;
    tasks: TaskInput[];
  }
  const groups: G[] = [];
  const nextRoman = () => {
    return ROMANS.find((r) => !usedIds.has(r) && !groups.some((g) => g.id === r)) ?? `X${groups.length}`;
  };
  const where = (row: number) => t.line + row - 1;
  let group: G | undefined;
  // The number a group row is written with ("B"), when its id had to be another ("I").
  const written = new Map<G, string>();
  const groupTime = new Map<G, string>();
  const byId = new Map<string, TaskInput>();
  let last: TaskInput | undefined;
  let notedStaff = false;
  for (const r of rows) {
    const stt = (r.cells.stt ?? '').replace(/[.)]$/, '').trim();
    const content = r.cells.content ?? '';
    const hasData = !!(r.cells.lead || r.cells.support || r.cells.due || r.cells.outputs || r.cells.person);
    if ((isRoman(stt) || /^[A-Z]$/.test(stt) || (!stt && !hasData)) && content && !hasData) {
      // A part with no task of its own ("B | PHÁT TRIỂN …" right above "I | …") heads the group below it.
      const part = group && group.tasks.length === 0 ? groups.pop() : undefined;
      group = { id: isRoman(stt) ? stt : nextRoman(), title: content.replace(/\n/g, ' '), tasks: [] };
      if (part) group.body = [`${written.get(part) ?? part.id}. ${part.title}`, part.body].filter(Boolean).join('\n');
      if (stt) written.set(group, stt);
      // "Quý I", "6 tháng cuối năm": an appendix listing the work quarter by quarter times the rows under each by it.
      const read = parseDeadline(group.title);
      if (read.ok && !read.prose) groupTime.set(group, group.title);
      groups.push(group);
      continue;
    }
    if (!stt && !hasData) {
      if (last) last.body = last.body ? `${last.body}\n${content}` : content;
      else note(where(r.row), content, localized('dòng bảng không thuộc nhiệm vụ nào', 'table row belongs to no task'));
      continue;
    }
    if (!group) {
      // A table of no section (an appendix after the signature) follows the body's parts: "IV" after "III", never "I".
      const last = Math.max(-1, ...sectionRomans.map((r) => ROMANS.indexOf(r)));
      const after = ROMANS.slice(last + 1).find((r) => !usedIds.has(r) && !groups.some((g) => g.id === r));
      const id = t.section && !usedIds.has(t.section.roman) ? t.section.roman : (!t.section && after) || nextRoman();
      group = { id, title: t.section?.heading ?? t.title ?? 'Phụ lục', tasks: [] };
      groups.push(group);
    }
    const [title, ...rest] = content.split('\n');
    const points = rest.filter((x) => BULLET.test(x)).map((x) => BULLET.exec(x)![1]!);
    const body = rest.filter((x) => !BULLET.test(x));
    const id = stt || String(group.tasks.length + 1);
    if (!stt) note(where(r.row), content, localized(`dòng bảng không có số thứ tự; đã đánh số ${id}`, `table row without a number; numbered ${id}`));
    const task: TaskInput = { id, title: title || id };
    // The staff who do it ("Người thực hiện" of the issuer's working group) are people, not units: the work is the
    // issuer's, their names stay with the task's text.
    if (r.cells.person) body.push(`Người thực hiện: ${r.cells.person.split('\n').join(', ')}`);
    // When the work begins is no deadline (it was read as one, beside the end: "Tháng 02/2026; Tháng 6/2026").
    if (r.cells.start) body.push(`Thời gian bắt đầu: ${r.cells.start.split('\n').join(', ')}`);
    if (body.length) task.body = body.join('\n');
    if (points.length) task.points = points;
    const staffOnly = !r.cells.lead && !!r.cells.person;
    trace(task, { line: where(r.row), lead: staffOnly ? 'parent' : 'table', support: 'table', due: 'table' });
    if (staffOnly) {
      task.lead = [issuer];
      if (!notedStaff)
        note(
          where(r.row),
          issuer,
          localized(
            'bảng chỉ ghi người thực hiện: các việc trong bảng do cơ quan ban hành chủ trì, tên người ghi ở nội dung',
            "the table names only the staff who do the work: its tasks are the issuer's, the names are kept in their text",
          ),
        );
      notedStaff = true;
    }
    const cellRoles = r.cells.lead ? leadWithSupport(r.cells.lead) : undefined;
    if (r.cells.lead) task.lead = unitsOf(cellRoles?.lead ?? r.cells.lead, where(r.row), registry, note);
    // A lead cell merged down over the rows below it, saved as text ("Lưu thành văn bản"): only its first row holds the
    // name, the rows under it in the same group are blank there.
    const above = group.tasks[group.tasks.length - 1];
    if (!r.cells.lead && !staffOnly && layout.columns.includes('lead') && !byId.has(id.slice(0, Math.max(0, id.lastIndexOf('.')))) && above?.lead?.length && traces.get(above)?.lead === 'table') {
      task.lead = [...above.lead];
      note(where(r.row), task.lead.join('; '), localized('ô đơn vị chủ trì trống: lấy của dòng trên (ô gộp dọc)', 'lead cell empty: taken from the row above (a cell merged down)'));
    }
    const cellSupport = r.cells.support || cellRoles?.support;
    if (cellSupport) task.support = unitsOf(cellSupport, where(r.row), registry, note);
    if (r.cells.due) task.due = trimEndStop(r.cells.due.replace(/\n/g, '; '));
    else if (groupTime.has(group)) trace(Object.assign(task, { due: groupTime.get(group)! }), { line: where(r.row), due: 'parent' });
    if (r.cells.outputs) task.outputs = splitOutputs(r.cells.outputs);
    const parentId = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent) (parent.tasks ??= []).push(task);
    else group.tasks.push(task);
    byId.set(id, task);
    last = task;
  }
  // Numbers restarting in each group ("I: 1, 2; II: 1, 2") would repeat ids: number the groups instead.
  const ids = groups.flatMap((g) => g.tasks.map((x) => x.id));
  if (new Set(ids).size !== ids.length) {
    groups.forEach((g, i) => {
      const gid = String(i + 1);
      const prefix = (x: TaskInput): TaskInput => {
        const copy = { ...x, id: `${gid}.${x.id}`, ...(x.tasks ? { tasks: x.tasks.map(prefix) } : {}) };
        const t = traces.get(x);
        if (t) traces.set(copy, t);
        return copy;
      };
      note(
        t.line,
        g.title,
        localized(
          `số thứ tự trong bảng bắt đầu lại ở mỗi nhóm; nhóm "${g.id}" được đánh số ${gid} và các nhiệm vụ ${gid}.1, ${gid}.2, …`,
          `table numbering restarts in each group; group "${g.id}" is numbered ${gid}, its tasks ${gid}.1, ${gid}.2, …`,
        ),
      );
      g.id = gid;
      g.tasks = g.tasks.map(prefix);
    });
  }
  for (const g of groups) usedIds.add(g.id);
  return groups;
}

// ------------------------------------------------------------------ plans organised by unit

const STEP = /^Bước\s+(\d{1,2})\s*[:.)–-]\s*(\S.*)$/iu;
const UNIT_PARAGRAPH = /^([^:;]{3,120}?)\s*:\s*(\S.*)$/u;
const PARTNER_FIRST = /^(?:[Pp]hối hợp(?: chặt chẽ)?(?: với)?|[Tt]ham gia (?:cùng|với))\s+(?=\p{Lu}|các\s|cơ quan)/u;

/**
 * Assignments laid out unit by unit ("1. Sở Tư pháp" with its duties below,
 * "2. Công an tỉnh: chủ trì …", "Sở Y tế chủ trì, phối hợp với …:" with
 * bullets) and, when `prose`, assignment sentences ("Giao X chủ trì …",
 * "X có trách nhiệm …"). A heading unit's bullets are one task each, led by
 * that unit; "Phối hợp với Z …" under it makes Z the lead and the heading unit
 * a supporter.
 */
function unitTasks(s: Section, registry: UnitRegistry | undefined, opts: { prose: boolean; skipLines: Set<number>; unplaced?: Paragraph[]; issuer: Level }): NonNullable<PlanInput['groups']>[number] {
  const tasks: TaskInput[] = [];
  let head: TaskInput | undefined;
  // "1. Tổ chức tuyên truyền …" naming no unit, its assignment in the paragraph below: the heading is the task's title.
  let topic: { id: string; title: string; para: Paragraph } | undefined;
  const leaveTopic = () => {
    if (topic) opts.unplaced?.push(topic.para);
    topic = undefined;
  };
  let headOrigin: Origin = 'heading';
  // Heads made from a lettered item ("c) Các doanh nghiệp … bố trí kinh phí …"): they head the bullets below them, never
  // the next letter ("d)" is c)'s sibling, as "2." is 1.'s).
  const letteredHeads = new WeakSet<TaskInput>();
  let paraLetter: string | undefined;
  // A member unit ("a) Sở X:") of a heading that names a group of units, over its own bullets.
  let member: TaskInput | undefined;
  const isUnit = (who: string) => looksLikeUnit(who, registry) && !/[;]/.test(who);
  const nextTopId = () => String(tasks.length + 1);
  const addTop = (id: string, task: TaskInput, line: number, origin: Origin) => {
    trace(task, { line, lead: origin, ...(task.support?.length ? { support: origin } : {}), ...(task.due ? { due: 'sentence' as const } : {}) });
    tasks.push(task);
    // The lettered item's own task has its letter for id (a topic it makes a parent of has the topic's number).
    if (id === paraLetter) letteredHeads.add(task);
    head = task;
    headOrigin = origin;
  };
  // "Bước 1: X rà soát …" then "Thời gian hoàn tất: …": each step a sub-task of the heading above, its time below it.
  let steps: TaskInput | undefined;
  let lastStep: TaskInput | undefined;
  // The task a topic heading made with the paragraph under it, and that paragraph's index.
  let topicTask: TaskInput | undefined;
  let topicTaskPara = -1;
  s.paras.forEach((p, i) => {
    paraLetter = undefined;
    const step = STEP.exec(p.text);
    const said = step ? sentenceAssignment(p.text, registry) : undefined;
    if (step && said) {
      if (!steps) {
        steps = topic ? { id: topic.id, title: topic.title, tasks: [] } : undefined;
        if (steps) addTop(steps.id, steps, topic!.para.line, 'heading');
        topic = undefined;
      }
      const support = supportIn(said.predicate, registry);
      const due = findDeadlinePhrase(step[2]!);
      const id = steps ? `${steps.id}.${step[1]}` : nextTopId();
      lastStep = { id, title: trimListEnd(p.text), lead: said.lead, ...(support.length ? { support } : {}), ...(due ? { due } : {}) };
      trace(lastStep, { line: p.line, lead: 'sentence', ...(support.length ? { support: 'sentence' as const } : {}), ...(due ? { due: 'sentence' as const } : {}) });
      proseTimes.add(lastStep);
      (steps ? (steps.tasks ??= []) : tasks).push(lastStep);
      head = undefined;
      return;
    }
    const stepTime = lastStep ? labelledLine(p.text) : undefined;
    if (lastStep && stepTime?.field === 'due' && lastStep.due === undefined) {
      lastStep.due = trimEndStop(stepTime.value);
      trace(lastStep, { line: traces.get(lastStep)?.line ?? p.line, due: 'label' });
      return;
    }
    if (numbered(p.text)) steps = lastStep = undefined;
    // A reporting duty is a duty, not a task; under a unit heading it is also one of that unit's tasks.
    // A duty's paragraph that also gives other work ("X: là cơ quan thường trực, theo dõi, đôn đốc …; định kỳ … báo cáo …")
    // is that unit's task as well; its time is the work's, or, when the work states none, the last report's (the final
    // report closes the work: "theo dõi, đôn đốc …; báo cáo kết quả 6 tháng (trước ngày 10/6) và năm (trước ngày 05/12)").
    const work = opts.skipLines.has(p.line) ? workBesideReport(p.text, registry) : undefined;
    if (opts.skipLines.has(p.line) && !work && !(head && !numbered(p.text))) {
      head = undefined;
      return;
    }
    const num = numbered(p.text);
    const letter = num ? undefined : lettered(p.text);
    const bullet = num || letter ? undefined : BULLET.exec(p.text);
    const body = num ? num.rest : letter ? letter.rest : bullet ? bullet[1]! : p.text;
    paraLetter = letter?.letter;
    if (letter && head && letteredHeads.has(head)) head = undefined;
    const timeOf = (text: string) => (work === undefined ? ownTime(text, registry) : (findDeadlinePhrase(work) ?? lastTime(text)));
    // Under "3. Sở Tài chính:" its duty may be one plain paragraph rather than bullets.
    const underBareHeading = head !== undefined && !num && !letter && !bullet && head.title === head.lead?.join(', ') && !head.tasks?.length;
    // "1.1. Kiện toàn … . Giao X chủ trì …" under "1. Công tác chuẩn bị": a numbered sub-item keeps its number under
    // the item its number continues, and is led by the unit it names itself, else by that item's unit.
    if (num?.id.includes('.')) {
      const parentId = num.id.slice(0, num.id.lastIndexOf('.'));
      const own = ownAssignment(body, registry);
      let parent = findTask(tasks, parentId);
      if (!parent && own && topic?.id === parentId) {
        parent = { id: topic.id, title: topic.title, tasks: [] };
        addTop(parent.id, parent, topic.para.line, 'heading');
        topic = undefined;
      }
      if (parent && (own || parent.lead?.length)) {
        const lead = own?.lead ?? parent.lead;
        const support = own ? own.support : [...new Set([...(parent.support ?? []), ...supportIn(body, registry)])];
        const due = timeOf(body);
        const child: TaskInput = { id: num.id, title: trimListEnd(body), ...(lead?.length ? { lead: [...lead] } : {}), ...(support.length ? { support } : {}), ...(due ? { due } : {}) };
        const origin: Origin = own ? 'sentence' : 'parent';
        trace(child, { line: p.line, lead: origin, ...(support.length ? { support: origin } : {}), ...(due ? { due: 'sentence' as const } : {}) });
        proseTimes.add(child);
        (parent.tasks ??= []).push(child);
        head = child;
        headOrigin = origin;
        return;
      }
    }
    // Under "1. Các sở, ban, ngành": "b) Sở Tài chính: tham mưu …" is a task of that member unit, and "a) Sở Văn hóa, Thể
    // thao và Du lịch:" heads the bullets below it ("1.a.1", "1.a.2").
    const memberColon = letter && head ? /^([^:;]{3,120}?)\s*:\s*(.*)$/u.exec(body) : null;
    const memberLead = memberColon && !/\s(chủ trì|phối hợp)\b/u.test(memberColon[1]!) ? splitUnitList(memberColon[1]!.trim(), registry) : [];
    if (head && letter && memberLead.length > 0 && memberLead.every(isUnit)) {
      const rest = memberColon![2]!.trim();
      const support = supportIn(rest, registry);
      const due = timeOf(rest);
      const child: TaskInput = { id: `${head.id}.${letter.letter}`, title: rest || trimListEnd(memberColon![1]!), lead: memberLead, ...(support.length ? { support } : {}), ...(due ? { due } : {}) };
      trace(child, { line: p.line, lead: 'heading', ...(support.length ? { support: 'sentence' as const } : {}), ...(due ? { due: 'sentence' as const } : {}) });
      proseTimes.add(child);
      (head.tasks ??= []).push(child);
      member = rest ? undefined : child;
      return;
    }
    if (member && bullet) {
      const kids = (member.tasks ??= []);
      const support = supportIn(body, registry);
      const due = timeOf(body);
      const child: TaskInput = { id: `${member.id}.${kids.length + 1}`, title: body, lead: [...member.lead!], ...(support.length ? { support } : {}), ...(due ? { due } : {}) };
      trace(child, { line: p.line, lead: 'parent', ...(support.length ? { support: 'sentence' as const } : {}), ...(due ? { due: 'sentence' as const } : {}) });
      kids.push(child);
      return;
    }
    member = undefined;
    // "2. Công an tỉnh: chủ trì …" — a unit, a colon, what it must do.
    const unitColon = UNIT_PARAGRAPH.exec(body);
    const labelled = unitColon !== null && isUnit(unitColon[1]!.trim()) && !/\s(chủ trì|phối hợp)\b/u.test(unitColon[1]!) ? unitColon : null;
    // "- Sở Tài chính: tham mưu …" after "- Sở Khoa học và Công nghệ: …" is the next unit's task, not a sub-task.
    const asChild =
      head !== undefined && !labelled && ((bullet !== null && bullet !== undefined) || letter !== undefined || underBareHeading || (!num && !/^\p{Lu}/u.test(body)) || num?.id.includes('.'));
    if (asChild && head) {
      // A duty under a unit heading (or under "X chủ trì …:").
      const kids = (head.tasks ??= []);
      const id = `${head.id}.${letter?.letter ?? legalLetter(kids.length)}`;
      const partner = PARTNER_FIRST.exec(body);
      const partners = partner ? supportIn(body, registry) : [];
      // "b) Phối hợp với Bộ ngành Trung ương triển khai …" under "2. Sở Tài chính": a plan cannot give a body above its
      // issuer the lead, so such a partner only supports; the heading unit leads unless a partner the plan directs does.
      const partnersAbove = partners.filter((name) => outsideAuthority(name, registry, opts.issuer));
      const partnerUnits = partners.filter((name) => !partnersAbove.includes(name));
      // "b) Biên soạn tài liệu … Giao Vụ X chủ trì …": a lettered item or bullet that names its own unit is that unit's.
      // A bullet's own unit is one its later sentence or a bracket names ("… . Trung tâm X chủ trì …"): under a unit heading,
      // "- Yêu cầu các cơ quan báo chí …" is the heading unit's task.
      const said = (letter || bullet) && !partners.length ? ownAssignment(body, registry) : undefined;
      const own = letter || said?.form === 'bracket' ? said : undefined;
      const child: TaskInput = { id, title: body };
      let origin: Origin = headOrigin;
      if (own) {
        child.lead = own.lead;
        if (own.support.length) child.support = own.support;
      } else if (partnerUnits.length) {
        child.lead = partnerUnits;
        child.support = [...(head.lead ?? []), ...partnersAbove];
        origin = 'sentence';
      } else {
        child.lead = [...(head.lead ?? [])];
        const support = [...new Set([...(head.support ?? []), ...supportIn(body, registry)])];
        if (support.length) child.support = support;
      }
      const due = timeOf(body);
      if (due) child.due = due;
      trace(child, {
        line: p.line,
        lead: own || partnerUnits.length ? 'sentence' : 'parent',
        ...(child.support?.length ? { support: own ? ('sentence' as const) : partnerUnits.length ? ('heading' as const) : origin } : {}),
        ...(due ? { due: 'sentence' as const } : {}),
      });
      kids.push(child);
      return;
    }
    if (num) leaveTopic();
    const id = num && !num.id.includes('.') ? num.id : letter ? letter.letter : nextTopId();
    if (labelled) {
      const lead = splitUnitList(labelled[1]!, registry).filter((n) => isUnit(n));
      if (lead.length) {
        const title = labelled[2]!.trim();
        const support = supportIn(title, registry);
        const due = timeOf(title);
        addTop(id, { id, title, lead, ...(support.length ? { support } : {}), ...(due ? { due } : {}) }, p.line, 'heading');
        proseTimes.add(head!);
        return;
      }
    }
    // "1. Sở Tư pháp" alone, its duties below.
    const written = trimListEnd(body);
    // "7. Đề nghị Ủy ban MTTQ Việt Nam huyện" heads that unit's duties as "7. Công an huyện" does.
    const bare = written.replace(/^(?:đề nghị|giao)\s+(?=\p{Lu})/iu, '');
    // … or "5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng KCN" over bullets: the whole line names the unit.
    const bareNames = unitNames(bare, registry);
    const overBullets = BULLET.test(s.paras[i + 1]?.text ?? '') && !/[.;:]$/.test(body) && startsUnit(bare) && bare.split(/\s+/).length <= 14;
    if ((num || letter) && !/;/.test(bare) && (overBullets || (bareNames.length <= 2 && bareNames.every(isUnit) && subjectEnd(bare, registry) >= bare.length))) {
      const lead = bareNames.length <= 2 && bareNames.every(isUnit) && !/^(các|những)\s/iu.test(bare) ? bareNames : [bare];
      addTop(id, { id, title: written, lead }, p.line, 'heading');
      return;
    }
    if (opts.prose || /:\s*$/.test(body)) {
      const own = ownAssignment(body, registry);
      if (own && topic && ((own.form === 'bracket' && bullet) || letter)) {
        // "1. Tuyên truyền …" over bullets that each say what, then who ("… . Phòng X chủ trì …"): the topic heads them,
        // each bullet is a task of it. (A bullet that opens with its unit stays a task of its own, as in Đắk Lắk's activities.)
        // So do its lettered items that assign themselves ("a) Tuyên truyền … . Giao X chủ trì …"): "1.a", "1.b" (they were
        // a top task "a" over "b", the topic lost to the group's text).
        const parent: TaskInput = { id: topic.id, title: topic.title, tasks: [] };
        addTop(parent.id, parent, topic.para.line, 'heading');
        topic = undefined;
        addAssignedChild(parent, `${parent.id}.${letter?.letter ?? 'a'}`, body, own, timeOf(body), p.line);
        return;
      }
      const plain = !num && !letter && !bullet;
      // "2. Công tác truyền thông" over two paragraphs that each assign ("… . Giao X chủ trì …", "Giao Y chủ trì …"): the
      // topic is the parent of both, "2.a" and "2.b" (the second was a task "3" beside the topic, and the next topic's
      // number was taken).
      if (own && plain && !topic && topicTask && topicTaskPara === i - 1) {
        const parent = topicTask;
        if (!parent.tasks) {
          const { lead, support, due, body: said } = parent;
          const first: TaskInput = { id: `${parent.id}.a`, title: said ?? parent.title, ...(lead ? { lead } : {}), ...(support ? { support } : {}), ...(due ? { due } : {}) };
          delete parent.lead;
          delete parent.support;
          delete parent.due;
          delete parent.body;
          const origins = traces.get(parent);
          trace(first, { ...origins, line: s.paras[topicTaskPara]!.line });
          traces.set(parent, { line: origins?.line ?? p.line });
          proseTimes.add(first);
          parent.tasks = [first];
        }
        addAssignedChild(parent, `${parent.id}.${legalLetter(parent.tasks!.length)}`, body, own, timeOf(body), p.line);
        topicTaskPara = i;
        head = undefined;
        return;
      }
      if (own) {
        const { lead, support } = own;
        const due = timeOf(body);
        const under = plain ? topic : undefined;
        // A topic this assignment does not take as its title stays in the group's text.
        if (under) topic = undefined;
        else leaveTopic();
        const what = under ? { id: under.id, title: under.title, body: trimListEnd(body) } : { id, title: trimListEnd(body) };
        addTop(what.id, { ...what, lead, ...(support.length ? { support } : {}), ...(due ? { due } : {}) }, under?.para.line ?? p.line, 'sentence');
        proseTimes.add(head!);
        if (under) {
          topicTask = head;
          topicTaskPara = i;
        }
        // A bullet that assigns is one task; only a numbered item or a sentence ending in ":" heads the bullets below it.
        if (!num && !letter && !/:\s*$/.test(body)) head = undefined;
        return;
      }
    }
    // A paragraph that assigns nothing ends the previous unit's list.
    if (num || !bullet) head = undefined;
    if (num && !/[.;:]$/.test(body.trim())) {
      // A topic no assignment took stays in the text (it was dropped when the next topic came).
      leaveTopic();
      topic = { id, title: trimListEnd(body), para: p };
    } else opts.unplaced?.push(p);
  });
  leaveTopic();
  return { id: s.roman, title: s.heading, tasks };
}

/** A paragraph that assigns itself ("… . Giao X chủ trì …"), as a task under the topic it belongs to. */
function addAssignedChild(parent: TaskInput, id: string, body: string, own: { lead: string[]; support: string[] }, due: string | undefined, line: number): void {
  const child: TaskInput = { id, title: trimListEnd(body), lead: own.lead, ...(own.support.length ? { support: own.support } : {}), ...(due ? { due } : {}) };
  trace(child, { line, lead: 'sentence', ...(own.support.length ? { support: 'sentence' as const } : {}), ...(due ? { due: 'sentence' as const } : {}) });
  proseTimes.add(child);
  (parent.tasks ??= []).push(child);
}

/** "các nội dung tại mục 2, phần II", "mục 1, mục 3 phần II": the items, by number, of a part. */
const ITEM_REFERENCE = /(?:mục|điểm)\s+(\d{1,2}(?:\s*(?:,|và)\s*(?:(?:mục|điểm)\s+)?\d{1,2})*)\s*,?\s*(?:của\s+)?(?:phần|mục)\s+([IVX]{1,5})(?![\p{L}\d])/u;

/**
 * "Giao Phòng Kinh tế chủ trì thực hiện các nội dung tại mục 2, phần II": the tasks of that item are the unit's. Each
 * leaf of the item that names no lead of its own takes the assignment's lead (and support), and its time from its own
 * text; the assignment, carried out by them, is no task of its own (its text stays in "Tổ chức thực hiện"). A part
 * whose items named no unit at all (its text was left to the group) becomes a part of tasks then.
 */
function linkItemReferences(
  groups: NonNullable<PlanInput['groups']>,
  sections: Section[],
  at: {
    builtOf: Map<Section, NonNullable<PlanInput['groups']>>;
    sectionOf: Map<NonNullable<PlanInput['groups']>[number], Section>;
    usedForUnits: Set<Section>;
    unassignedSections: Section[];
  },
): void {
  /** The part and the leaves of the items a reference names, when this plan has them all. */
  const referred = (ref: RegExpExecArray) => {
    const part = sections.find((x) => x.roman === ref[2] && x.kind === 'tasks' && !at.usedForUnits.has(x));
    const built = part ? at.builtOf.get(part) : undefined;
    if (!part || !built) return undefined;
    const items = ref[1]!.match(/\d{1,2}/gu)!.map(
      (n) =>
        built.find((g) => g.id === n)?.tasks ??
        findTask(
          built.flatMap((g) => g.tasks),
          n,
        ),
    );
    if (items.some((x) => x === undefined)) return undefined;
    return { part, built, leaves: items.flatMap((x) => leavesOf(Array.isArray(x) ? x : [x!])) };
  };
  // "b) Đoàn Thanh niên: Phối hợp thực hiện nội dung tại mục 2 phần II": the unit supports whoever leads those items, once
  // every reference that gives a lead has been read.
  const partners: { task: TaskInput; ref: RegExpExecArray }[] = [];
  /** Links the items a task refers to; false when the task only hands them over (its one clause is the reference). */
  const link = (task: TaskInput): boolean => {
    const ref = ITEM_REFERENCE.exec(task.title);
    if (!ref || !task.lead?.length) return true;
    // "… tại mục 2 phần II Kế hoạch số 40/KH-STP của Sở Tư pháp" is an item of another document, not of this plan.
    if (OTHER_DOCUMENT.test(task.title.slice(ref.index + ref[0].length))) return true;
    const clause = task.title.slice(0, ref.index).split(';').at(-1)!;
    if (/phối hợp/iu.test(clause) && !/chủ trì/iu.test(clause)) {
      partners.push({ task, ref });
      return true;
    }
    const found = referred(ref);
    if (!found) return true;
    const { part, built } = found;
    const leaves = found.leaves.filter((t) => !t.lead?.length);
    if (leaves.length === 0) return true;
    for (const leaf of leaves) {
      leaf.lead = [...task.lead];
      if (task.support?.length && !leaf.support?.length) leaf.support = [...task.support];
      // Its time is its own text's (or its closing bracket's: "… tọa đàm (ngày 09/11/2026)."); in its bullets, the last
      // one's (the last step closes the work).
      const text = [leaf.title, leaf.body ?? ''].join(' ').trim();
      const due = leaf.due ?? findDeadlinePhrase(text) ?? closingTime(text) ?? (leaf.points ?? []).map((x) => findDeadlinePhrase(x) ?? closingTime(x)).findLast((x) => x !== undefined);
      if (due) leaf.due = due;
      trace(leaf, {
        line: traces.get(leaf)?.line ?? traces.get(task)?.line ?? 1,
        lead: 'sentence',
        ...(leaf.support?.length ? { support: 'sentence' as const } : {}),
        ...(due ? { due: traces.get(leaf)?.due ?? ('sentence' as const) } : {}),
      });
    }
    const waiting = at.unassignedSections.indexOf(part);
    if (waiting >= 0) {
      // In the document's order, before the groups of the parts after it.
      const next = groups.findIndex((g) => (at.sectionOf.get(g)?.line ?? 0) > part.line);
      groups.splice(next < 0 ? groups.length : next, 0, ...built);
      for (const g of built) at.sectionOf.set(g, part);
      at.unassignedSections.splice(waiting, 1);
    }
    return task.title.split(/\s*;\s*/u).filter(Boolean).length > 1;
  };
  /** The tasks kept: a heading left with no task of its own under it goes too. */
  const keep = (tasks: TaskInput[]): TaskInput[] =>
    tasks.filter((t) => {
      if (!t.tasks?.length) return link(t);
      t.tasks = keep(t.tasks);
      return t.tasks.length > 0;
    });
  for (const group of [...groups]) {
    if (at.sectionOf.get(group)?.kind !== 'implementation') continue;
    group.tasks = keep(group.tasks);
    if (group.tasks.length === 0) groups.splice(groups.indexOf(group), 1);
  }
  // A partner's task stays its own; it never leads the items, and supports only items someone leads.
  for (const { task, ref } of partners) {
    for (const leaf of referred(ref)?.leaves.filter((t) => t.lead?.length) ?? []) {
      const support = [...new Set([...(leaf.support ?? []), ...task.lead!])].filter((x) => !leaf.lead!.includes(x));
      if (support.length === 0) continue;
      leaf.support = support;
      const origins = traces.get(leaf);
      if (origins) trace(leaf, { ...origins, support: 'sentence' });
    }
  }
}

/** What follows an item reference when it names another document: "… phần II Kế hoạch số 40/KH-STP", "… của Quyết định 95/QĐ-TTg". */
const OTHER_DOCUMENT = /^\s*,?\s*(?:của\s+|tại\s+)?(?:kế hoạch|quyết định|chương trình|công văn|chỉ thị|nghị quyết|nghị định|thông tư|hướng dẫn|đề án|văn bản|luật)(?!\s+này)(?=[\s,.;]|$)/iu;

/** A time in the closing bracket of an item: "Tổ chức tọa đàm … (ngày 09/11/2026)." */
function closingTime(text: string): string | undefined {
  const inner = /\(([^()]+)\)\s*[.;]?$/u.exec(text)?.[1]?.trim();
  return inner && parseDeadline(inner).ok ? inner : undefined;
}

function leavesOf(tasks: TaskInput[]): TaskInput[] {
  return tasks.flatMap((t) => (t.tasks?.length ? leavesOf(t.tasks) : [t]));
}

/**
 * The work a reporting paragraph gives besides the report: its clauses before the one that reports ("Giao X là cơ quan
 * thường trực, theo dõi, đôn đốc thực hiện Kế hoạch; định kỳ … báo cáo …"), or, when the report comes first, the clauses
 * after it that do not report ("X: định kỳ hằng quý báo cáo …; hoàn thành việc rà soát trước ngày 30/9/2026"). None when
 * the rest only says to carry out what was assigned ("căn cứ nhiệm vụ được giao chủ động triển khai thực hiện").
 */
function workBesideReport(text: string, registry: UnitRegistry | undefined): string | undefined {
  const clauses = text.replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–•+])\s*/u, '').split(/;\s+|\.\s+(?=\p{Lu})/u);
  const reports = (c: string) => REPORTS.test(c);
  const report = clauses.findIndex(reports);
  if (report < 0) return undefined;
  const subject = (clause: string) => {
    const colon = UNIT_PARAGRAPH.exec(clause);
    return colon && looksLikeUnit(colon[1]!.trim(), registry) ? colon[2]! : sentenceAssignment(clause, registry)?.predicate;
  };
  let work: string;
  let predicate: string | undefined;
  if (report === 0) {
    // The report's clause names who; the work after it has no subject of its own. The clause may give work of its own
    // before the report ("X theo dõi, đôn đốc việc thực hiện và báo cáo Y trước ngày D"): that is work too ("tổng hợp"
    // is the report's own making, no work).
    const own = WORK_BEFORE_REPORT.exec(clauses[0]!);
    const ownPredicate = own ? subject(own[1]!) : undefined;
    const after = clauses
      .slice(1)
      .filter((c) => !reports(c))
      .map(trimEndStop);
    const before = ownPredicate !== undefined && !onlyCarriesOut(ownPredicate) ? [ownPredicate] : [];
    work = [...before, ...after].join('; ');
    predicate = work && subject(clauses[0]!) !== undefined ? work : undefined;
  } else {
    work = clauses.slice(0, report).join('; ');
    predicate = subject(work);
  }
  return predicate === undefined || onlyCarriesOut(predicate) ? undefined : work;
}

/** A clause's words before its report: "X theo dõi, đôn đốc việc thực hiện" of "… và (tổng hợp,) báo cáo Y …". */
const WORK_BEFORE_REPORT = /^((?:(?!(?:báo cáo|gửi)(?=[\s,.;]|$))[\s\S])*?\S)(?:\s+tổng hợp)?\s*(?:,|\svà)\s+(?:tổng hợp\s*(?:,|\svà)?\s+)?(?:gửi\s+)?báo cáo(?=[\s,.;]|$)/u;

/**
 * What a unit is told to do gives no work of its own: it only says to carry out what was assigned ("căn cứ nhiệm vụ được
 * giao chủ động triển khai thực hiện", "… chủ động tổ chức thực hiện.").
 */
function onlyCarriesOut(predicate: string): boolean {
  const rest = predicate
    .replace(/(?:căn cứ|theo)\s+(?:chức năng,?\s*)?nhiệm vụ(?:\s+(?:được giao|của mình))?,?/giu, ' ')
    .replace(/(?<=^|\s)(?:căn cứ|chủ động|tổ chức|triển khai|thực hiện|kế hoạch(?: này)?|các nội dung|nhiệm vụ|được giao|được phân công|có hiệu quả|nghiêm túc)(?=[\s,.]|$)[\s,.]*/giu, ' ')
    .trim();
  return rest.split(/\s+/).filter(Boolean).length < 2;
}

/** A clause or sentence that reports or sends ("… báo cáo kết quả về Bộ Công an", "… gửi Sở Tư pháp", or opening a sentence: "Báo cáo kết quả …"). */
const REPORTS = /(?:^|[\s,])(?:báo cáo|gửi)(?=[\s,.;]|$)/iu;

/** A sentence that reports ("Hằng năm báo cáo kết quả …"); sending alone ("Dự thảo gửi …") delivers the work, it does not report on it. */
const REPORTING = /(?:^|[\s,])báo cáo(?=[\s,.;]|$)/u;

/**
 * A task's time: a later sentence that only reports, with no unit of its own, has the report's time, not the task's:
 * "X xây dựng kế hoạch chi tiết … . Hằng năm hoặc đột xuất báo cáo kết quả …" is not due "hằng năm". Only the task's
 * own sentences are read for it; a sentence that sends the task's own product ("… . Dự thảo gửi Giám đốc Sở trước ngày
 * 30/6/2026.") is one of them.
 */
function ownTime(text: string, registry: UnitRegistry | undefined): string | undefined {
  const [first, ...later] = text.split(/(?<=\.)\s+(?=\p{Lu})/u);
  const reportOnly = (s: string) => REPORTING.test(s) && sentenceAssignment(s, registry) === undefined;
  const own = later.filter((s) => !reportOnly(s));
  return findDeadlinePhrase(own.length === later.length ? text : [first!, ...own].join(' '));
}

/** The time phrase that comes last in a text ("… 6 tháng (trước ngày 10/6/2026) và năm (trước ngày 05/12/2026)": the second). */
function lastTime(text: string): string | undefined {
  let rest = text;
  let last: { phrase: string; at: number } | undefined;
  for (let phrase = findDeadlinePhrase(rest); phrase !== undefined; phrase = findDeadlinePhrase(rest)) {
    const at = rest.indexOf(phrase);
    if (at < 0) break;
    if (!last || at > last.at) last = { phrase, at };
    rest = rest.slice(0, at) + ' '.repeat(phrase.length) + rest.slice(at + phrase.length);
  }
  return last?.phrase;
}

/**
 * Who a task's own text assigns it to, and in which form: inside it ('bracket': "(Giao X chủ trì …)", "… . Giao X chủ trì,
 * phối hợp với Y", "… . X chủ trì …") or as a sentence opening with the unit ('sentence').
 */
function ownAssignment(text: string, registry: UnitRegistry | undefined): { lead: string[]; support: string[]; form: 'bracket' | 'sentence' } | undefined {
  const bracket = bracketAssignment(text, registry);
  if (bracket) return { lead: bracket.lead, support: bracket.support, form: 'bracket' };
  const said = sentenceAssignment(text, registry);
  return said && !onlyCarriesOut(said.predicate) ? { lead: said.lead, support: supportIn(said.predicate, registry), form: 'sentence' } : undefined;
}

/**
 * A body the plan's issuer cannot direct: its level, as units.yaml gives it or as the import proposes it for a new name
 * ("Bộ ngành Trung ương": central), is above the issuer's (for a group, one of its members').
 */
function outsideAuthority(name: string, registry: UnitRegistry | undefined, issuer: Level): boolean {
  const entry = registry?.lookup(name);
  if (entry) return entry.kind !== 'vague' && registry!.expand(entry).some((u) => aboveIssuer(u.level, issuer));
  return aboveIssuer(proposeUnit(name).level, issuer);
}

function findTask(tasks: TaskInput[], id: string): TaskInput | undefined {
  for (const t of tasks) {
    if (t.id === id) return t;
    const inner = findTask(t.tasks ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

function legalLetter(i: number): string {
  return LEGAL_LETTERS[i] ?? String(i + 1);
}

/**
 * A task without a "chủ trì" line in a plan that has them elsewhere: "2. Sở Tài
 * chính: bố trí kinh phí …, trước ngày 30/6/2023", "1. Sở Tư pháp" with its
 * duties as bullets, or a sentence naming who does it. The unit leads; deadline
 * and "phối hợp với" come from the prose.
 */
function assignFromProse(task: TaskInput, line: number, registry: UnitRegistry | undefined): void {
  const isUnit = (who: string) => looksLikeUnit(who, registry) && !/[;]/.test(who);
  const colon = /^([^:;]{3,120}?)\s*:\s*(\S.*)$/su.exec(task.title);
  let origin: Origin = 'heading';
  if (colon && isUnit(colon[1]!.trim())) {
    task.lead = [colon[1]!.trim()];
    task.title = colon[2]!.trim();
  } else if (!task.title.includes(':') && isUnit(trimListEnd(task.title)) && (task.points?.length ?? 0) > 0 && !/,/.test(task.title)) {
    task.lead = [trimListEnd(task.title)];
    const [first, ...rest] = task.points!;
    task.title = first!;
    if (rest.length) task.points = rest;
    else delete task.points;
  } else {
    const text = [task.title, task.body ?? ''].join(' ');
    const bracket = bracketAssignment(text, registry);
    const said = bracket ? undefined : ((task.body ? sentenceAssignment(task.body, registry) : undefined) ?? sentenceAssignment(task.title, registry));
    if (!bracket && !said) return;
    task.lead = bracket ? bracket.lead : said!.lead;
    const support = bracket ? bracket.support : supportIn(said!.predicate, registry);
    if (support.length && !task.support) task.support = support;
    origin = 'sentence';
  }
  const prose = [task.title, task.body ?? '', ...(task.points ?? [])].join('\n');
  const support = prose.split('\n').flatMap((x) => supportIn(x, registry));
  if (support.length && !task.support) task.support = [...new Set(support)];
  if (!task.due) {
    const due = findDeadlinePhrase(prose);
    if (due) task.due = due;
  }
  trace(task, { line, lead: origin, ...(task.support?.length ? { support: origin } : {}), ...(task.due ? { due: 'sentence' as const } : {}) });
}
