// Edits of a plan file that leave every other byte alone: comments, blank
// lines, quoting, folding and CRLF line ends elsewhere stay exactly as the
// clerk wrote them. A changed value is rewritten through yaml's CST
// (CST.setScalarValue); a new key or list entry is a precise text insertion
// at the right indentation, after the keys that come before it in the
// canonical order (format.ts). Pure: text in, text out.
import type { CST, Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { yaml } from '../vendor/libraries.js';
import type { Localized, YamlPath } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { type CompactEvents, listEntryLines } from './fast-yaml.js';
import { DUTY_KEYS, PROGRESS_KEYS, SUBMISSION_KEYS, TASK_KEYS } from './format.js';
import type { Status } from './model.js';
import { nameKey } from './text.js';

export type EditResult = { ok: true; text: string } | { ok: false; reason: Localized };

/** A value to write: dates and ids are written double-quoted, other text as plain as YAML allows. */
export interface NewValue {
  value: string | number;
  quoted?: boolean;
}

// The words a clerk or a unit writes for each status: the file's own, the labels the
// reports and books print (STATUS_LABELS), and the common phrasings of a returned
// report ("Đang triển khai", "Chưa triển khai", "Hoàn tất", "Tạm dừng"). "Đã triển khai"
// and "Chưa hoàn thành" are left out: each means started or finished depending on who writes it.
const STATUS_WORDS: Record<Status, readonly string[]> = {
  todo: ['todo', 'chưa thực hiện', 'chưa làm', 'chưa triển khai', 'chưa bắt đầu', 'chưa tiến hành', 'not started'],
  doing: ['doing', 'đang thực hiện', 'đang làm', 'đang triển khai', 'đang tiến hành', 'in progress'],
  done: ['done', 'hoàn thành', 'đã hoàn thành', 'hoàn tất', 'đã hoàn tất', 'xong', 'đã xong', 'đã thực hiện', 'completed', 'complete', 'finished'],
  stopped: ['stopped', 'dừng', 'dừng thực hiện', 'tạm dừng', 'ngừng thực hiện'],
};

// Keyed as nameKey keys them, so case and the tone mark's place (hoà/hòa) do not matter.
const STATUS_BY_KEY = new Map(Object.entries(STATUS_WORDS).flatMap(([status, words]) => words.map((w) => [nameKey(w), status as Status])));

/** A status as typed on the command line or in a returned report: the file's words, the Vietnamese or English ones. */
export function parseStatusWord(word: string): Status | undefined {
  return STATUS_BY_KEY.get(nameKey(word));
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function parse(text: string): Document.Parsed {
  return yaml().parseDocument(text, { version: '1.2', keepSourceTokens: true });
}

function keyOf(pair: Pair): string {
  return yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function mapAt(doc: Document, path: YamlPath): YAMLMap | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return yaml().isMap(node) ? node : undefined;
}

/** Render one scalar as it would appear after "key: " on a single line. */
export function scalarText(v: NewValue): string {
  if (typeof v.value === 'number') return String(v.value);
  if (v.quoted) return JSON.stringify(v.value);
  return yaml().stringify(v.value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** A text's CST tokens and the document composed from them (a scalar's token can then be rewritten in place). */
interface ParsedText {
  tokens: CST.Token[];
  doc: Document.Parsed | undefined;
}

function parseWithTokens(text: string): ParsedText {
  const tokens = [...new (yaml().Parser)().parse(text)];
  const docs = [...new (yaml().Composer)({ keepSourceTokens: true, version: '1.2' }).compose(tokens)];
  return { tokens, doc: docs[0] };
}

/** The path of a task by id (groups[g].tasks[i]…tasks[j]), searching the whole tree. */
export function findTaskPath(text: string, id: string): YamlPath | undefined {
  return taskPathIn(yaml().parseDocument(text, { version: '1.2' }), id);
}

function isTaskId(node: unknown, id: string): boolean {
  return yaml().isScalar(node) && String(node.source ?? node.value) === id;
}

function taskPathIn(doc: Document, id: string): YamlPath | undefined {
  const walk = (seq: unknown, path: (string | number)[]): YamlPath | undefined => {
    if (!yaml().isSeq(seq)) return undefined;
    for (let i = 0; i < seq.items.length; i++) {
      const t = seq.items[i];
      if (!yaml().isMap(t)) continue;
      const here = [...path, i];
      if (isTaskId(t.get('id', true), id)) return here;
      const sub = walk(t.get('tasks', true), [...here, 'tasks']);
      if (sub) return sub;
    }
    return undefined;
  };
  const groups = doc.get('groups', true);
  if (!yaml().isSeq(groups)) return undefined;
  for (let g = 0; g < groups.items.length; g++) {
    const group = groups.items[g];
    if (!yaml().isMap(group)) continue;
    const found = walk(group.get('tasks', true), ['groups', g, 'tasks']);
    if (found) return found;
  }
  return undefined;
}

export function findDutyPath(text: string, id: string): YamlPath | undefined {
  const doc = yaml().parseDocument(text, { version: '1.2' });
  const duties = doc.get('duties', true);
  if (!yaml().isSeq(duties)) return undefined;
  const i = duties.items.findIndex((d) => yaml().isMap(d) && String((d.get('id', true) as { value?: unknown } | undefined)?.value) === id);
  return i === -1 ? undefined : ['duties', i];
}

/**
 * Set `key` of the map at `mapPath` to a scalar. An existing scalar value is
 * replaced in place (its quoting style kept); a missing key is inserted on a
 * new line after the keys that precede it in `order`.
 */
export function setMapScalar(text: string, mapPath: YamlPath, key: string, value: NewValue, order: readonly string[], parsed: ParsedText = parseWithTokens(text)): EditResult {
  const { tokens, doc } = parsed;
  if (!doc) return { ok: false, reason: localized('tệp rỗng', 'the file is empty') };
  const map = mapAt(doc, mapPath);
  if (!map) return { ok: false, reason: notFound(mapPath) };
  const pair = map.items.find((p) => keyOf(p) === key);
  if (pair && yaml().isScalar(pair.value) && pair.value.srcToken && yaml().CST.isScalar(pair.value.srcToken)) {
    const current = pair.value;
    if (String(current.value) === String(value.value)) return { ok: true, text };
    const quotedNow = current.type === 'QUOTE_DOUBLE' || current.type === 'QUOTE_SINGLE';
    const plainable = scalarText({ value: String(value.value) }) === String(value.value);
    // A folded (>-) or literal (|) block, as fmt writes long notes, becomes one
    // line: yaml cannot re-indent a block it rewrites, and fmt folds it again.
    const block = current.type === 'BLOCK_FOLDED' || current.type === 'BLOCK_LITERAL';
    // Keep the clerk's style, unless the new text cannot be written plain.
    const type = block ? (plainable && !value.quoted ? 'PLAIN' : 'QUOTE_DOUBLE') : value.quoted && !quotedNow ? 'QUOTE_DOUBLE' : current.type === 'PLAIN' && !plainable ? 'QUOTE_DOUBLE' : undefined;
    yaml().CST.setScalarValue(current.srcToken as CST.FlowScalar, String(value.value), type ? { type } : {});
    return { ok: true, text: tokens.map((t) => yaml().CST.stringify(t)).join('') };
  }
  if (pair) return { ok: false, reason: localized(`không sửa được "${key}": giá trị không phải một dòng chữ`, `cannot edit "${key}": its value is not a single text value`) };
  return insertLines(text, map, key, order, [`${key}: ${scalarText(value)}`]);
}

/** Remove a `key: value` line (a single-line scalar) from the map at mapPath; nothing if absent. */
export function removeMapKey(text: string, mapPath: YamlPath, key: string): EditResult {
  const doc = parse(text);
  const map = mapAt(doc, mapPath);
  if (!map) return { ok: false, reason: notFound(mapPath) };
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) return { ok: true, text };
  const k = pair.key as { range?: [number, number, number] };
  const v = pair.value as { range?: [number, number, number] } | null;
  if (!k.range || !v?.range || !yaml().isScalar(pair.value)) return { ok: false, reason: localized(`không xoá được "${key}"`, `cannot remove "${key}"`) };
  const start = text.lastIndexOf('\n', k.range[0] - 1) + 1;
  if (text.slice(start, k.range[0]).trim() !== '') return { ok: false, reason: localized(`không xoá được "${key}": khóa không đứng đầu dòng`, `cannot remove "${key}": it does not start its line`) };
  const nl = text.indexOf('\n', v.range[1]);
  const end = nl === -1 ? text.length : nl + 1;
  if (
    text
      .slice(k.range[0], end)
      .replace(/\r?\n$/, '')
      .includes('\n')
  )
    return { ok: false, reason: localized(`không xoá được "${key}": giá trị viết trên nhiều dòng`, `cannot remove "${key}": its value spans lines`) };
  return { ok: true, text: text.slice(0, start) + text.slice(end) };
}

/**
 * Append a map entry to the list `key` of the map at mapPath, creating the key
 * (after the keys before it in `order`) when the list does not exist yet.
 */
export function appendListEntry(text: string, mapPath: YamlPath, key: string, entry: readonly [string, NewValue][], order: readonly string[]): EditResult {
  const fields = entry.map(([k, v]) => `${k}: ${scalarText(v)}`);
  const seq = mapAt(parse(text), mapPath)?.get(key, true);
  if (yaml().isSeq(seq) && seq.flow) return appendFlowEntry(text, seq, fields);
  return appendListLines(
    text,
    mapPath,
    key,
    fields.map((f, i) => `${i === 0 ? '- ' : '  '}${f}`),
    order,
  );
}

/**
 * Append an entry given as its own lines ("- a: 1", "  b: |-", "    text") to
 * the block list `key` of the map at mapPath, creating the key (after the keys
 * before it in `order`) when the list does not exist yet.
 */
export function appendListLines(text: string, mapPath: YamlPath, key: string, lines: readonly string[], order: readonly string[]): EditResult {
  const doc = parse(text);
  const map = mapAt(doc, mapPath);
  if (!map) return { ok: false, reason: notFound(mapPath) };
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair || pair.value === null || (yaml().isScalar(pair.value) && pair.value.value === null)) {
    if (pair) return { ok: false, reason: localized(`"${key}" đang để trống; xoá dòng đó hoặc ghi danh sách`, `"${key}" is empty; remove that line or write a list`) };
    // key:\n  - a: 1\n    b: 2 (sequences indented under their key, as fmt writes them).
    return insertLines(text, map, key, order, [`${key}:`, ...lines.map((l) => `  ${l}`)]);
  }
  const seq = pair.value;
  if (!yaml().isSeq(seq) || !seq.range) return { ok: false, reason: localized(`"${key}" không phải danh sách`, `"${key}" is not a list`) };
  if (seq.flow) return { ok: false, reason: localized(`"${key}" viết trên một dòng ([ … ]); chạy plan fmt trước`, `"${key}" is written on one line ([ … ]); run plan fmt first`) };
  const lineStart = text.lastIndexOf('\n', seq.range[0] - 1) + 1;
  const indent = ' '.repeat(seq.range[0] - lineStart);
  const eol = eolOf(text);
  const at = endOfLineAfter(text, lastContentEnd(seq));
  return { ok: true, text: `${text.slice(0, at.offset)}${at.needsBreak ? eol : ''}${lines.map((l) => `${indent}${l}`).join(eol)}${eol}${text.slice(at.offset)}` };
}

/**
 * The column the "- " of an entry of the list `key` in the map at mapPath is written at: its entries' when the
 * list is there, else two past the map's keys (as appendListLines writes a new list). Lines made for that list are
 * folded to fit at that column, as fmt folds them.
 */
export function listEntryColumn(text: string, mapPath: YamlPath, key: string): number {
  const map = mapAt(parse(text), mapPath);
  if (!map?.range) return 0;
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const seq = map.items.find((p) => keyOf(p) === key)?.value;
  if (yaml().isSeq(seq) && !seq.flow && seq.range) return column(seq.range[0]);
  return column(map.range[0]) + 2;
}

/** Replace entry `index` of the block list at seqPath with new lines (as appendListLines takes them). */
export function replaceListItem(text: string, seqPath: YamlPath, index: number, lines: readonly string[]): EditResult {
  const doc = parse(text);
  const seq = doc.getIn(seqPath, true);
  const item = yaml().isSeq(seq) && !seq.flow ? (seq.items[index] as YAMLMap | undefined) : undefined;
  if (!yaml().isMap(item) || !item.range) return { ok: false, reason: notFound([...seqPath, index]) };
  const lineStart = text.lastIndexOf('\n', item.range[0] - 1) + 1;
  const lead = text.slice(lineStart, item.range[0]);
  if (!/^ *- +$/.test(lead)) return { ok: false, reason: localized(`không thay được mục ${index + 1} của ${seqPath.join('.')}`, `cannot replace entry ${index + 1} of ${seqPath.join('.')}`) };
  const indent = ' '.repeat(lead.indexOf('-'));
  const eol = eolOf(text);
  const at = endOfLineAfter(text, lastContentEnd(item));
  return { ok: true, text: `${text.slice(0, lineStart)}${lines.map((l) => `${indent}${l}`).join(eol)}${eol}${text.slice(at.offset)}` };
}

function appendFlowEntry(text: string, seq: YAMLSeq, fields: string[]): EditResult {
  const close = text.lastIndexOf(']', seq.range![1]);
  if (close < seq.range![0]) return { ok: false, reason: localized('danh sách viết sai dạng', 'malformed list') };
  const item = `{ ${fields.join(', ')} }`;
  const empty = seq.items.length === 0;
  const before = text.slice(0, close).replace(/\s*$/, '');
  const trailing = text.slice(before.length, close);
  return { ok: true, text: `${before}${empty ? '' : ', '}${item}${trailing}${text.slice(close)}` };
}

/** Offset just after the last character of a collection's own content (not trailing comments or blank lines). */
function lastContentEnd(node: YAMLSeq | YAMLMap): number {
  const last = node.items[node.items.length - 1] as unknown;
  const pairValue = (p: unknown) => (p && typeof p === 'object' && 'value' in p ? (p as Pair).value : undefined);
  let target: unknown = last;
  if (yaml().isMap(node)) target = pairValue(last) ?? (last as Pair).key;
  if (yaml().isMap(target) || yaml().isSeq(target)) return target.items.length > 0 ? lastContentEnd(target) : (target.range?.[1] ?? 0);
  const r = (target as { range?: [number, number, number] }).range;
  return r ? r[1] : (node.range?.[1] ?? 0);
}

/** Where to insert whole lines after `offset`: the start of the next line. */
function endOfLineAfter(text: string, offset: number): { offset: number; needsBreak: boolean } {
  // A block scalar's range already ends after its final line break.
  if (offset > 0 && text[offset - 1] === '\n') return { offset, needsBreak: false };
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? { offset: text.length, needsBreak: true } : { offset: nl + 1, needsBreak: false };
}

function insertLines(text: string, map: YAMLMap, key: string, order: readonly string[], lines: string[]): EditResult {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const mine = rank(key);
  const earlier = map.items.filter((p) => rank(keyOf(p)) <= mine);
  if (map.flow)
    return { ok: false, reason: localized('không thêm được khóa vào bảng viết trên một dòng ({ … }); chạy plan fmt trước', 'cannot add a key to a one-line map ({ … }); run plan fmt first') };
  const firstKey = map.items[0]?.key as { range?: [number, number, number] } | undefined;
  if (!firstKey?.range) return { ok: false, reason: localized('bảng rỗng', 'empty map') };
  // The first key's column from the start of its line (a second parse only to count lines cost as much as the edit).
  const column = firstKey.range[0] - (text.lastIndexOf('\n', firstKey.range[0] - 1) + 1);
  const indent = ' '.repeat(column);
  const eol = eolOf(text);
  let at: { offset: number; needsBreak: boolean };
  if (earlier.length > 0) {
    // Right after the key that comes just before it in canonical order.
    const after = earlier.reduce((a, b) => (rank(keyOf(b)) >= rank(keyOf(a)) ? b : a));
    const value = after.value as unknown;
    const keyEnd = (after.key as { range: [number, number, number] }).range[1];
    const end =
      yaml().isMap(value) || yaml().isSeq(value)
        ? value.items.length > 0
          ? lastContentEnd(value)
          : (value.range?.[1] ?? keyEnd)
        : ((value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyEnd);
    at = endOfLineAfter(text, end);
  } else {
    // Before the first key: at the start of its line.
    at = { offset: text.lastIndexOf('\n', firstKey.range[0] - 1) + 1, needsBreak: false };
    const block = lines.map((l) => `${indent}${l}`).join(eol);
    return { ok: true, text: `${text.slice(0, at.offset)}${block}${eol}${text.slice(at.offset)}` };
  }
  const block = lines.map((l) => `${indent}${l}`).join(eol);
  return { ok: true, text: `${text.slice(0, at.offset)}${at.needsBreak ? eol : ''}${block}${eol}${text.slice(at.offset)}` };
}

function notFound(path: YamlPath): Localized {
  return localized(`không tìm thấy ${path.join('.')} trong tệp`, `${path.join('.')} not found in the file`);
}

// ---- task and duty edits -------------------------------------------------

export interface TaskEdit {
  taskId: string;
  status?: Status;
  /** DD/MM/YYYY or ISO, as it will be written. */
  done?: string;
  note?: string;
  /** Edit this unit's entry in `progress` (name as it should be written for a new entry). */
  unit?: { name: string; matches: (written: string) => boolean };
}

/** Where the loader's fast reader placed the task being edited: its events and the task's path in them. */
export interface TaskPlace {
  events: CompactEvents;
  path: YamlPath;
}

/**
 * Apply `plan set`: task-level status/done/note, or one unit's progress entry.
 * With the task's place from the fast reader, only the task's own lines are
 * parsed with `yaml` (a plan of 200 tasks: one task's lines instead of the
 * file); the rest of the text is kept as it is.
 */
export function applyTaskEdit(text: string, edit: TaskEdit, place?: TaskPlace): EditResult {
  const lines = place && listEntryLines(text, place.events, place.path);
  if (lines) {
    const [start, end] = lines;
    const entry = text.slice(start, end);
    // The entry alone is a list of one task: read as a document of its own, it must be that task, without errors.
    const parsed = parseWithTokens(entry);
    const root = parsed.doc?.errors.length === 0 ? parsed.doc.contents : undefined;
    const task = yaml().isSeq(root) && root.items.length === 1 ? root.items[0] : undefined;
    if (yaml().isMap(task) && isTaskId(task.get('id', true), edit.taskId)) {
      const edited = editTask(entry, parsed, [0], edit);
      return edited.ok ? { ok: true, text: text.slice(0, start) + edited.text + text.slice(end) } : edited;
    }
  }
  const parsed = parseWithTokens(text);
  const taskPath = parsed.doc && taskPathIn(parsed.doc, edit.taskId);
  if (!taskPath) return { ok: false, reason: localized(`không có nhiệm vụ "${edit.taskId}" trong tệp`, `no task "${edit.taskId}" in the file`) };
  return editTask(text, parsed, taskPath, edit);
}

/** The edit of the task at taskPath in text, given text's parse (which serves the first change; a further change parses the text it gets). */
function editTask(text: string, firstParse: ParsedText, taskPath: YamlPath, edit: TaskEdit): EditResult {
  let unused: ParsedText | undefined = firstParse;
  const parsedOnce = (): ParsedText | undefined => {
    const p = unused;
    unused = undefined;
    return p;
  };
  let target: YamlPath = taskPath;
  let order: readonly string[] = TASK_KEYS;
  if (edit.unit) {
    const progress = firstParse.doc!.getIn([...taskPath, 'progress'], true);
    const index = yaml().isSeq(progress) ? progress.items.findIndex((p) => yaml().isMap(p) && typeof p.get('unit') === 'string' && edit.unit!.matches(String(p.get('unit')))) : -1;
    if (index === -1) {
      if (!edit.status)
        return {
          ok: false,
          reason: localized(`chưa có tiến độ của ${edit.unit.name} ở nhiệm vụ ${edit.taskId}: cần ghi status=…`, `no progress of ${edit.unit.name} on task ${edit.taskId} yet: give status=…`),
        };
      const entry: [string, NewValue][] = [
        ['unit', { value: edit.unit.name }],
        ['status', { value: edit.status }],
      ];
      if (edit.done) entry.push(['done', { value: edit.done, quoted: true }]);
      if (edit.note) entry.push(['note', { value: edit.note }]);
      return appendListEntry(text, taskPath, 'progress', entry, TASK_KEYS);
    }
    target = [...taskPath, 'progress', index];
    order = PROGRESS_KEYS;
  }
  let out = text;
  const step = (r: EditResult): boolean => {
    if (r.ok) out = r.text;
    else failure = r;
    return r.ok;
  };
  let failure: EditResult | undefined;
  const set = (key: string, value: NewValue) => setMapScalar(out, target, key, value, order, out === text ? parsedOnce() : undefined);
  if (edit.status && !step(set('status', { value: edit.status }))) return failure!;
  if (edit.done && !step(set('done', { value: edit.done, quoted: true }))) return failure!;
  // A task reopened keeps no completion date (it would contradict its status).
  if (edit.status && edit.status !== 'done' && !edit.done && !step(removeMapKey(out, target, 'done'))) return failure!;
  if (edit.note !== undefined && !step(set('note', { value: edit.note }))) return failure!;
  return { ok: true, text: out };
}

export interface SubmissionEdit {
  dutyId: string;
  unit: string;
  date: string;
  year?: number;
  number?: string;
}

/** Apply `plan submit`: append {unit, date} to the duty's submissions. */
export function applySubmission(text: string, edit: SubmissionEdit): EditResult {
  const dutyPath = findDutyPath(text, edit.dutyId);
  if (!dutyPath) return { ok: false, reason: localized(`không có nghĩa vụ báo cáo "${edit.dutyId}" trong tệp`, `no reporting duty "${edit.dutyId}" in the file`) };
  const entry: [string, NewValue][] = [
    ['unit', { value: edit.unit }],
    ['date', { value: edit.date, quoted: true }],
  ];
  if (edit.year !== undefined) entry.push(['year', { value: edit.year }]);
  if (edit.number) entry.push(['number', { value: edit.number, quoted: true }]);
  const sorted = [...entry].sort((a, b) => SUBMISSION_KEYS.indexOf(a[0] as never) - SUBMISSION_KEYS.indexOf(b[0] as never));
  return appendListEntry(text, dutyPath, 'submissions', sorted, DUTY_KEYS);
}
