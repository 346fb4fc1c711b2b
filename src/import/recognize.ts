// Structure recognition: blocks of a Vietnamese plan → plan data in the
// project's format. Text is kept as written; only numbering prefixes, bullet
// marks, labels and closing full stops are removed. What cannot be placed is
// returned as a note with its line. Pure.
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import type { LEVELS, PlanInput, TaskInput } from '../core/schema.js';
import { isLegalLetter } from '../core/text.js';
import type { UnitRegistry } from '../core/units.js';
import type { Block, Paragraph } from './blocks.js';
import { findDuties } from './duties.js';
import { tableRows, taskTableLayout } from './table.js';
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

export interface ImportResult {
  plan: PlanInput;
  notes: ImportNote[];
  mentions: UnitMention[];
  /** How the tasks were found. */
  layout: 'labelled' | 'table' | 'by-unit' | 'none';
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

const ROMAN_HEAD = /^([IVX]{1,5})\s*[.\/)–-]\s*(\S.*)$/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?\s+(\S.*)$/u;
const LETTERED = /^([a-zđ])\s*[)/]\s*(\S.*)$/u;
const BULLET = /^[-–—•+*◦▪]\s*(\S.*)$/u;
const BOILERPLATE = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc|[-_=–—.*\s]+)$/;
const AUTHORITY = /^(KT|TM|TL|TUQ|Q)\.\s*\S/u;

function isRoman(s: string): boolean {
  return /^(X{0,3})(IX|IV|V?I{0,3})$/.test(s) && s !== '';
}

function sectionKind(heading: string): Section['kind'] {
  const f = fold(heading);
  if (/to chuc thuc hien|trach nhiem thuc hien|phan cong thuc hien/.test(f)) return 'implementation';
  if (/nhiem vu|noi dung|giai phap|hoat dong|chi tieu/.test(f)) return 'tasks';
  if (/muc dich|yeu cau|muc tieu/.test(f)) return 'purpose';
  if (/kinh phi/.test(f)) return 'implementation';
  return 'other';
}

/** A numbered line: "1.", "1.10.", "2.1" (a lone "1" needs its dot). */
function numbered(text: string): { id: string; rest: string } | undefined {
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
  const { registry } = options;
  const word = options.lineWord ?? { vi: 'dòng', en: 'line' };
  const notes: ImportNote[] = [];
  const mentions: UnitMention[] = [];
  const note = (line: number, text: string, reason: Localized) => notes.push({ line, text, reason });

  // Layout tables (header, signature) are read as their paragraphs; task tables stay tables.
  const flat: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'table' && !taskTableLayout(b.rows)) {
      for (const row of b.rows) for (const cell of row) for (const t of cell.split('\n')) if (t.trim()) flat.push({ kind: 'para', text: t.trim(), line: b.line });
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
      if (rest) recipients.push(rest.replace(/^[-–•+]\s*/, ''));
      continue;
    }
    if (/^phu luc\b/.test(f)) {
      part = 'appendix';
      appendixTitle = undefined;
      continue;
    }
    if (part === 'appendix') {
      if (/^\(?(kem theo|ban hanh kem theo)/.test(f)) continue;
      appendixTitle = appendixTitle ? appendixTitle : text;
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
  for (const p of header) {
    const t = p.text;
    const f = fold(t);
    const num = /^số\s*:?\s*(.*)$/iu.exec(t);
    if (num && !sawNumber && titleLines === undefined) {
      sawNumber = true;
      plan.number = num[1]!.trim() || '/KH';
      continue;
    }
    const dateLine =
      /^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})/iu.exec(t) ?? /^([^,]{2,40}),\s*ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/iu.exec(t);
    if (dateLine && plan.place === undefined) {
      plan.place = dateLine[1]!.trim();
      const [d, m, y] = [dateLine[2]!, dateLine[3]!, dateLine[4]!];
      plan.date = m ? (d ? `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}` : `${m.padStart(2, '0')}/${y}`) : y;
      continue;
    }
    if (titleLines === undefined && isAllCaps(t) && /^(ke hoach|chuong trinh)\b/.test(f) && t.split(/\s+/).length <= 6) {
      // "KẾ HOẠCH", or "KẾ HOẠCH HÀNH ĐỘNG" whose summary follows.
      titleLines = [];
      continue;
    }
    if (titleLines !== undefined) {
      if (titleLines.length === 0 || (!/^(can cu|thuc hien)\b/.test(f) && titleLines.length < 3 && !/[.:]$/.test(titleLines[titleLines.length - 1]!) && t.length < 200 && !/^(can cu|thuc hien)/.test(f))) {
        if (titleLines.length === 0 || /^\p{Ll}/u.test(t) || isAllCaps(titleLines[0]!) === isAllCaps(t)) {
          titleLines.push(t);
          continue;
        }
      }
      bases.push(t);
      continue;
    }
    if (!sawNumber && isAllCaps(t)) {
      issuerLines.push(t);
      continue;
    }
    if (/^can cu\b/.test(f)) {
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
  plan.issuer = issuerOf(issuerLines, plan.place as string | undefined, header, sections, note);
  const period = /giai đoạn\s+(\d{4}\s*[-–]\s*\d{4})/iu.exec(plan.title);
  const yearInTitle = /năm\s+(\d{4})\b/iu.exec(plan.title);
  const dateYear = /(\d{4})$/.exec(String(plan.date ?? ''));
  if (period) plan.period = period[1]!.replace(/\s+/g, '');
  else if (yearInTitle) plan.year = Number(yearInTitle[1]);
  else if (dateYear) plan.year = Number(dateYear[1]);
  if (plan.number === undefined) {
    note(header[0]?.line ?? 1, '', localized('không tìm thấy dòng "Số:"; đã ghi "/KH"', 'no "Số:" line found; wrote "/KH"'));
    plan.number = '/KH';
  }
  if (plan.place === undefined) {
    note(1, '', localized('không tìm thấy dòng địa danh, ngày tháng', 'no place-and-date line found'));
    plan.place = '…';
  }
  plan.date ??= String(plan.year ?? period?.[1]?.slice(0, 4) ?? '');
  if (bases.length) plan.bases = bases;

  // ------------------------------------------------------------ sections
  const purposes: string[] = [];
  const requirements: string[] = [];
  const implementation: string[] = [];
  const implementationParas: Paragraph[] = [];
  const groups: NonNullable<PlanInput['groups']> = [];
  const unassignedSections: Section[] = [];
  let labelledTasks = 0;

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
      const built = buildTaskGroups(s, registry, mentions, note);
      labelledTasks += built.labelled;
      if (built.labelled > 0) groups.push(...built.groups);
      else unassignedSections.push(s);
    } else {
      for (const p of [{ text: `${s.roman}. ${s.heading}`, line: s.line }, ...s.paras]) note(p.line, p.text, localized('mục không thuộc phần nào của định dạng kế hoạch', 'section not part of the plan format'));
    }
  }

  // ------------------------------------------------------------ tables
  let layout: ImportResult['layout'] = labelledTasks > 0 ? 'labelled' : 'none';
  const usedIds = new Set(groups.flatMap((g) => g.id));
  for (const t of tables) {
    const tl = taskTableLayout(t.rows);
    if (!tl) continue;
    const built = tableGroups(t, tl, registry, mentions, usedIds, note);
    if (built.length) layout = layout === 'none' ? 'table' : layout;
    groups.push(...built);
  }

  // ------------------------------------------------------------ duties, and plans organised by unit
  const duties = findDuties(implementationParas, registry);
  for (const d of duties) for (const n of d.by) mentions.push({ name: n, line: d.line });
  const usedForUnits = new Set<Section>();
  if (groups.length === 0) {
    // No labelled lines and no table: the duties are written unit by unit, in a task section or in "Tổ chức thực hiện".
    for (const s of sections.filter((x) => unassignedSections.includes(x) || x.kind === 'implementation')) {
      const probe: UnitMention[] = [];
      const unitGroup = unitTasks(s, registry, probe);
      if (unitGroup.tasks.length === 0) continue;
      groups.push(unitGroup);
      mentions.push(...probe);
      usedForUnits.add(s);
      layout = 'by-unit';
    }
  }
  // Task sections whose items name no unit: their text stays, as the body of a group.
  for (const s of unassignedSections.filter((x) => x.paras.length > 0 && !usedForUnits.has(x))) {
    const body = s.paras.map((p) => p.text).join('\n');
    if (groups.length > 0 && layout !== 'labelled') {
      // Kept with the tasks it introduces ("Các nhiệm vụ cụ thể tại Phụ lục …").
      const first = groups[0]!;
      first.body = [`${s.roman}. ${s.heading}`, body, first.body].filter(Boolean).join('\n');
    } else {
      for (const p of s.paras) note(p.line, p.text, localized('không xếp được vào nhiệm vụ nào', 'could not be placed in any task'));
    }
  }

  // ------------------------------------------------------------ signature
  const signer = signerOf(signature);

  if (purposes.length) plan.purposes = purposes;
  if (requirements.length) plan.requirements = requirements;
  plan.groups = groups;
  if (duties.length)
    plan.duties = duties
      .filter((d) => d.by.length > 0)
      .map((d) => ({ id: d.id, title: d.title, by: d.by, to: d.to || (plan.issuer as { name: string }).name, due: d.due, ...(d.period ? { period: d.period } : {}), text: d.text }));
  for (const d of duties.filter((x) => x.by.length === 0)) note(d.line, d.text, localized('nghĩa vụ báo cáo không rõ đơn vị phải gửi', 'reporting duty without a clear sender'));
  if (implementation.length) plan.implementation = implementation;
  if (recipients.length) plan.recipients = recipients;
  if (signer) plan.signer = signer;
  if (notes.length) plan.notes = notes.map((n) => `${word.vi} ${n.line}: ${n.text || n.reason.vi}`);
  return { plan: plan as PlanInput, notes, mentions, layout };
}

// ------------------------------------------------------------------ issuer

function issuerOf(lines: string[], place: string | undefined, header: Paragraph[], sections: Section[], note: (line: number, text: string, reason: Localized) => void): PlanInput['issuer'] {
  // "ỦY BAN NHÂN DÂN" / "HUYỆN SƠN ĐỘNG" is one name on two lines.
  const joined: string[] = [];
  for (const l of lines) {
    const f = fold(l);
    if (joined.length && (/^(tinh|huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|dac khu)\b/.test(f) || /(uy ban nhan dan|ubnd)$/.test(fold(joined[joined.length - 1]!)))) joined[joined.length - 1] += ` ${l}`;
    else joined.push(l);
  }
  if (joined.length > 0) {
    const name = joined[joined.length - 1]!;
    const parent = joined.length > 1 ? joined.slice(0, -1).join(' ') : undefined;
    return { ...(parent ? { parent } : {}), name, level: levelOf(name, parent) };
  }
  // No issuer block (a copy without the header table): infer "UBND <cấp> <địa danh>" and say so.
  const all = fold([...header.map((p) => p.text), ...sections.flatMap((s) => s.paras.map((p) => p.text))].join(' '));
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
  note(header[0]?.line ?? 1, '', localized(`văn bản không có tên cơ quan ban hành; đã ghi "${name}" (đoán từ địa danh và cách gọi "UBND ${levelWord}"), cần kiểm tra`, `no issuing body in the text; wrote "${name}" (guessed from the place and "UBND ${levelWord}"), please check`));
  return { name, level };
}

function levelOf(name: string, parent?: string): (typeof LEVELS)[number] {
  const f = fold(name);
  if (/\b(thi xa|huyen|quan)\b/.test(f)) return 'district';
  if (/\b(xa|phuong|thi tran|dac khu)\b/.test(f)) return 'commune';
  if (/\btinh\b/.test(f)) return 'province';
  if (/\bthanh pho\b/.test(f)) return parent && /\btinh\b/.test(fold(parent)) ? 'district' : 'province';
  if (parent) return levelOf(parent);
  return 'province';
}

function signerOf(lines: Paragraph[]): PlanInput['signer'] | undefined {
  const texts = lines.map((l) => l.text).filter((t) => !/^\((đã )?ký/iu.test(t) && !/^\(ký/iu.test(t));
  if (texts.length === 0) return undefined;
  let i = 0;
  // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH": one authority written on two lines.
  while (i < texts.length && AUTHORITY.test(texts[i]!)) i++;
  const authority = i > 0 ? texts.slice(0, i).join(' ') : undefined;
  const position = texts[i] && isAllCaps(texts[i]!) ? texts[i++] : undefined;
  const name = texts.slice(i).find((t) => !isAllCaps(t) && t.split(/\s+/).length <= 6);
  if (!position && !authority) return undefined;
  return { ...(authority ? { authority } : {}), position: position ?? authority!, ...(name ? { name } : {}) };
}

// ------------------------------------------------------------------ labelled tasks

function unitsOf(value: string, line: number, registry: UnitRegistry | undefined, mentions: UnitMention[]): string[] {
  const names = value
    .split(/\n+/)
    .flatMap((v) => splitUnitList(v.replace(/^[-–•+]\s*/, ''), registry))
    .filter((n) => n !== '');
  for (const n of names) mentions.push({ name: n, line });
  return names;
}

function buildTaskGroups(
  s: Section,
  registry: UnitRegistry | undefined,
  mentions: UnitMention[],
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
  for (const p of s.paras) {
    const text = p.text;
    const num = numbered(text);
    if (num) {
      let parent = cur;
      while (parent && !(parent.numeric && num.id.startsWith(`${parent.id}.`))) parent = parent.parent;
      cur = newNode(num.id, num.rest, p.line, true, parent);
      continue;
    }
    const letter = lettered(text);
    if (letter) {
      let parent = cur;
      while (parent && !parent.numeric) parent = parent.parent;
      cur = newNode(parent ? `${parent.id}.${letter.letter}` : letter.letter, letter.rest, p.line, false, parent);
      continue;
    }
    const bullet = BULLET.exec(text);
    const inner = bullet ? bullet[1]! : text;
    const label = labelledLine(inner);
    if (label && cur) {
      // "Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh; thời gian: quý I/2024" on one line.
      const parts = inner.split(/[;.]\s+(?=[^:;.]{2,40}:)/u).map((x) => labelledLine(x));
      const labels = parts.every((x) => x !== undefined) ? (parts as NonNullable<typeof label>[]) : [label];
      for (const l of labels) {
        const prev = cur.fields[l.field];
        cur.fields[l.field] = prev ? { value: `${prev.value}\n${l.value}`, line: prev.line } : { value: l.value, line: p.line };
        cur.lastField = l.field;
      }
      continue;
    }
    if (!cur) {
      intro.push(text);
      continue;
    }
    const hasFields = Object.keys(cur.fields).length > 0;
    if (hasFields && bullet && cur.lastField && cur.fields[cur.lastField]!.value === '') {
      cur.fields[cur.lastField]!.value = inner;
      continue;
    }
    if (hasFields && bullet && cur.lastField && cur.lastField !== 'due' && /\n|^$/.test(cur.fields[cur.lastField]!.value) === false && cur.fields[cur.lastField]!.value.endsWith(':')) {
      cur.fields[cur.lastField]!.value += `\n${inner}`;
      continue;
    }
    if (!hasFields && cur.children.length === 0) {
      if (bullet) cur.points.push(inner);
      else cur.body.push(text);
      continue;
    }
    // After a task's labelled lines: text that closes the parent's list of sub-items.
    const owner = cur.parent;
    if (!bullet && owner && owner.children[owner.children.length - 1] === cur && (!cur.numeric || owner.parent)) {
      owner.closing.push(text);
      continue;
    }
    if (!bullet && !cur.parent && cur.children.length > 0) {
      cur.closing.push(text);
      continue;
    }
    note(p.line, text, localized(`đoạn sau các dòng có nhãn của nhiệm vụ ${cur.id}, không rõ thuộc đâu`, `text after the labelled lines of task ${cur.id}, unclear where it belongs`));
  }

  let labelled = 0;
  const toTask = (n: TaskNode): TaskInput => {
    const f = n.fields;
    if (f.lead || f.due) labelled++;
    const task: TaskInput = { id: n.id, title: n.title || n.body[0] || n.id };
    const body = n.title ? n.body : n.body.slice(1);
    if (body.length) task.body = body.join('\n');
    if (n.points.length) task.points = n.points;
    if (f.lead) task.lead = unitsOf(f.lead.value, f.lead.line, registry, mentions);
    if (f.support) task.support = unitsOf(f.support.value, f.support.line, registry, mentions);
    if (f.due && trimEndStop(f.due.value)) task.due = trimEndStop(f.due.value.replace(/\n/g, '; '));
    if (f.outputs) {
      const outs = splitOutputs(f.outputs.value);
      if (outs.length) task.outputs = outs;
    }
    if (n.closing.length) task.closing = n.closing.join('\n');
    if (n.children.length) task.tasks = n.children.map(toTask);
    else if (!f.lead) assignFromProse(task, n.line, registry, mentions);
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

// ------------------------------------------------------------------ table tasks

function tableGroups(
  t: { rows: string[][]; line: number; section?: Section; title?: string },
  layout: NonNullable<ReturnType<typeof taskTableLayout>>,
  registry: UnitRegistry | undefined,
  mentions: UnitMention[],
  usedIds: Set<string>,
  note: (line: number, text: string, reason: Localized) => void,
): NonNullable<PlanInput['groups']> {
  const rows = tableRows(t.rows, layout);
  interface G {
    id: string;
    title: string;
    tasks: TaskInput[];
  }
  const groups: G[] = [];
  const nextRoman = () => {
    const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
    return romans.find((r) => !usedIds.has(r) && !groups.some((g) => g.id === r)) ?? `X${groups.length}`;
  };
  const where = (row: number) => t.line + row - 1;
  let group: G | undefined;
  const byId = new Map<string, TaskInput>();
  let last: TaskInput | undefined;
  for (const r of rows) {
    const stt = (r.cells.stt ?? '').replace(/[.)]$/, '').trim();
    const content = r.cells.content ?? '';
    const hasData = !!(r.cells.lead || r.cells.support || r.cells.due || r.cells.outputs);
    if ((isRoman(stt) || /^[A-Z]$/.test(stt) || (!stt && !hasData)) && content && !hasData) {
      group = { id: isRoman(stt) ? stt : nextRoman(), title: content.replace(/\n/g, ' '), tasks: [] };
      groups.push(group);
      continue;
    }
    if (!stt && !hasData) {
      if (last) last.body = last.body ? `${last.body}\n${content}` : content;
      else note(where(r.row), content, localized('dòng bảng không thuộc nhiệm vụ nào', 'table row belongs to no task'));
      continue;
    }
    if (!group) {
      const id = t.section && !usedIds.has(t.section.roman) ? t.section.roman : nextRoman();
      group = { id, title: t.section?.heading ?? t.title ?? 'Phụ lục', tasks: [] };
      groups.push(group);
    }
    const [title, ...rest] = content.split('\n');
    const points = rest.filter((x) => BULLET.test(x)).map((x) => BULLET.exec(x)![1]!);
    const body = rest.filter((x) => !BULLET.test(x));
    const id = stt || String(group.tasks.length + 1);
    if (!stt) note(where(r.row), content, localized(`dòng bảng không có số thứ tự; đã đánh số ${id}`, `table row without a number; numbered ${id}`));
    const task: TaskInput = { id, title: title || id };
    if (body.length) task.body = body.join('\n');
    if (points.length) task.points = points;
    if (r.cells.lead) task.lead = unitsOf(r.cells.lead, where(r.row), registry, mentions);
    if (r.cells.support) task.support = unitsOf(r.cells.support, where(r.row), registry, mentions);
    if (r.cells.due) task.due = trimEndStop(r.cells.due.replace(/\n/g, '; '));
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
      const prefix = (x: TaskInput): TaskInput => ({ ...x, id: `${gid}.${x.id}`, ...(x.tasks ? { tasks: x.tasks.map(prefix) } : {}) });
      note(t.line, g.title, localized(`số thứ tự trong bảng bắt đầu lại ở mỗi nhóm; nhóm "${g.id}" được đánh số ${gid} và các nhiệm vụ ${gid}.1, ${gid}.2, …`, `table numbering restarts in each group; group "${g.id}" is numbered ${gid}, its tasks ${gid}.1, ${gid}.2, …`));
      g.id = gid;
      g.tasks = g.tasks.map(prefix);
    });
  }
  for (const g of groups) usedIds.add(g.id);
  return groups;
}

// ------------------------------------------------------------------ plans organised by unit

const UNIT_PARAGRAPH = /^(?:(\d{1,2})[.)]|([a-zđ])\)|[-–•+])?\s*([^:;]{3,120}?)\s*:\s*(\S.*)$/u;

/** "1. Công an tỉnh: chủ trì …; phối hợp với …" and "Giao X chủ trì, phối hợp với Y …" as tasks. */
function unitTasks(s: Section, registry: UnitRegistry | undefined, mentions: UnitMention[]): NonNullable<PlanInput['groups']>[number] {
  const tasks: TaskInput[] = [];
  let last: TaskInput | undefined;
  for (const p of s.paras) {
    const m = UNIT_PARAGRAPH.exec(p.text);
    const who = m ? m[3]!.trim() : undefined;
    const isUnit = who !== undefined && (registry?.lookup(who) !== undefined || (startsUnit(who) && who.split(/\s+/).length <= 14));
    const giao = /^(?:(\d{1,2})[.)]\s*|[-–•+]\s*)?(?:giao|đề nghị|yêu cầu)\s+(.+?)\s+(?:chủ trì|là cơ quan chủ trì|là đầu mối)/iu.exec(p.text);
    if ((m && isUnit) || giao) {
      const id = (m && isUnit ? (m[1] ?? m[2]) : giao?.[1]) ?? String(tasks.length + 1);
      const title = m && isUnit ? m[4]!.trim() : p.text.replace(/^(\d{1,2}[.)]|[-–•+])\s*/u, '');
      const lead = m && isUnit ? [trimListEnd(who!)] : splitUnitList(giao![2]!, registry);
      for (const n of lead) mentions.push({ name: n, line: p.line });
      const support = supportIn(title, registry);
      for (const n of support) mentions.push({ name: n, line: p.line });
      const due = findDeadlinePhrase(title);
      last = { id, title, lead, ...(support.length ? { support } : {}), ...(due ? { due } : {}) };
      tasks.push(last);
      continue;
    }
    const heading = numbered(p.text);
    const headUnit = heading ? trimListEnd(heading.rest) : '';
    if (heading && !heading.id.includes('.') && !heading.rest.includes(':') && (registry?.lookup(headUnit) || (startsUnit(headUnit) && headUnit.split(/\s+/).length <= 10 && !/[,;]/.test(headUnit)))) {
      // "1. Sở Tư pháp" on its own line, its duties below.
      mentions.push({ name: headUnit, line: p.line });
      last = { id: heading.id, title: '', lead: [headUnit] };
      tasks.push(last);
      continue;
    }
    if (heading) {
      // A numbered paragraph that assigns nothing ends the previous unit's list.
      last = undefined;
      continue;
    }
    if (last) {
      const bullet = BULLET.exec(p.text);
      if (last.title === '') last.title = bullet ? bullet[1]! : p.text;
      else (last.points ??= []).push(bullet ? bullet[1]! : p.text);
      if (!last.due) {
        const due = findDeadlinePhrase(p.text);
        if (due) last.due = due;
      }
      for (const n of supportIn(p.text, registry)) {
        if (!(last.support ??= []).includes(n)) {
          last.support.push(n);
          mentions.push({ name: n, line: p.line });
        }
      }
    }
  }
  for (const t of tasks) if (t.title === '') t.title = t.lead![0]!;
  return { id: s.roman, title: s.heading, tasks };
}

/**
 * A task without a "chủ trì" line in a plan that has them elsewhere: "2. Sở Tài
 * chính: bố trí kinh phí …, trước ngày 30/6/2023" or "1. Sở Tư pháp" with its
 * duties as bullets. The unit leads; deadline and "phối hợp với" come from the prose.
 */
function assignFromProse(task: TaskInput, line: number, registry: UnitRegistry | undefined, mentions: UnitMention[]): void {
  const isUnit = (who: string) => registry?.lookup(who) !== undefined || (startsUnit(who) && who.split(/\s+/).length <= 12 && !/[;]/.test(who));
  const colon = /^([^:;]{3,120}?)\s*:\s*(\S.*)$/su.exec(task.title);
  if (colon && isUnit(colon[1]!.trim())) {
    task.lead = [colon[1]!.trim()];
    task.title = colon[2]!.trim();
  } else if (!task.title.includes(':') && isUnit(trimListEnd(task.title)) && (task.points?.length ?? 0) > 0 && !/,/.test(task.title)) {
    task.lead = [trimListEnd(task.title)];
    const [first, ...rest] = task.points!;
    task.title = first!;
    if (rest.length) task.points = rest;
    else delete task.points;
  } else return;
  mentions.push({ name: task.lead[0]!, line });
  const prose = [task.title, ...(task.points ?? [])].join('\n');
  const support = prose.split('\n').flatMap((x) => supportIn(x, registry));
  if (support.length && !task.support) {
    task.support = [...new Set(support)];
    for (const n of task.support) mentions.push({ name: n, line });
  }
  if (!task.due) {
    const due = findDeadlinePhrase(prose);
    if (due) task.due = due;
  }
}

/** Units after "phối hợp với" up to the verb that follows them. */
function supportIn(text: string, registry?: UnitRegistry): string[] {
  const m = /phối hợp (?:chặt chẽ )?với\s+(.+?)(?=\s+(?:để|tổ chức|thực hiện|triển khai|xây dựng|tham mưu|làm|hướng dẫn|theo dõi|kiểm tra|tuyên truyền|rà soát|trong|nhằm|đảm bảo|bảo đảm)(?=[\s,;.]|$)|[;.]|$)/iu.exec(text);
  if (!m) return [];
  return splitUnitList(m[1]!, registry).filter((n) => registry?.lookup(n) !== undefined || startsUnit(n));
}
