// The canonical layout of a plan file, so two clerks' edits never fight over
// layout: keys in the documented order, ids and dates double-quoted, 2-space
// indentation with sequences indented under their key, block (not flow)
// collections, text folded at LINE_WIDTH. Comments and blank lines between
// entries travel with their keys because keys are reordered on the parsed
// Document, never re-serialised from plain data. Pure: text in, text out.
import type { Document, Node, YAMLMap } from 'yaml';
import { yaml } from '../vendor/libraries.js';
import type { Diagnostic } from './diagnostic.js';
import { parsePlan, type SourceFile } from './load.js';

export const LINE_WIDTH = 100;

export const PLAN_KEYS = [
  'number',
  'issuer',
  'place',
  'date',
  'title',
  'year',
  'period',
  'bases',
  'purposes',
  'requirements',
  'groups',
  'duties',
  'implementation',
  'recipients',
  'signer',
  'drafter',
  'reportTo',
  'notes',
] as const;
export const TASK_KEYS = ['id', 'title', 'body', 'points', 'lead', 'support', 'due', 'dueText', 'eventDate', 'outputs', 'status', 'done', 'note', 'progress', 'results', 'closing', 'tasks'] as const;
const ISSUER_KEYS = ['parent', 'name', 'level'];
const SIGNER_KEYS = ['authority', 'position', 'name'];
const GROUP_KEYS = ['id', 'title', 'body', 'tasks'];
const OUTPUT_KEYS = ['text', 'evidence'];
const EVIDENCE_KEYS = ['number', 'date', 'title'];
export const PROGRESS_KEYS = ['unit', 'status', 'done', 'note'] as const;
export const RESULT_KEYS = ['unit', 'period', 'year', 'report', 'date', 'status', 'done', 'text', 'evidence'] as const;
export const DUTY_KEYS = ['id', 'title', 'by', 'to', 'due', 'period', 'text', 'submissions'] as const;
export const SUBMISSION_KEYS = ['unit', 'date', 'year', 'number'] as const;

/** Options given to yaml's stringifier; set/submit use them too for new lines. */
export const STRINGIFY_OPTIONS = {
  indent: 2,
  indentSeq: true,
  // yaml lets a folded line reach lineWidth + 1 characters.
  lineWidth: LINE_WIDTH - 1,
  minContentWidth: 40,
  flowCollectionPadding: false,
} as const;

export type FormatOutcome = { ok: true; text: string; changed: boolean } | { ok: false; diagnostics: Diagnostic[]; source: SourceFile };

/**
 * Format a plan file. Refuses (returns the diagnostics) a file that does not
 * read as a valid plan: reformatting broken YAML could lose what the clerk meant.
 * `read` is parsePlan but in a test, which gives a wrong one to prove that text
 * `yaml` refuses is reported, never thrown.
 */
export function formatPlanText(text: string, file = 'plan.yaml', read: typeof parsePlan = parsePlan): FormatOutcome {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = read(file, source);
  if (!parsed.value || parsed.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: parsed.diagnostics, source: parsed.source };
  }
  const eol = usesCrlf(source) ? '\r\n' : '\n';
  const lf = source.replace(/\r\n/g, '\n');
  let out = layout(lf);
  // The plan was read by the fast path, and `yaml` refuses the text: the fast path was wrong. The document
  // model's located syntax errors, not a document that cannot be printed.
  if (out === undefined) {
    const again = parsePlan(file, source, { fast: false });
    return { ok: false, diagnostics: again.diagnostics, source: again.source };
  }
  // A second pass settles the rare comment that yaml re-attaches differently
  // once it has moved (formatting formatted output must change nothing).
  const again = layout(out);
  if (again !== undefined && again !== out) out = layout(again) === again ? again : out;
  const result = eol === '\r\n' ? out.replace(/\n/g, '\r\n') : out;
  return { ok: true, text: result, changed: result !== text };
}

function usesCrlf(text: string): boolean {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  return crlf > 0 && crlf * 2 >= lf;
}

/** One formatting pass over LF text already known to be a valid plan; undefined when `yaml` finds errors in it. */
function layout(text: string): string | undefined {
  const doc = yaml().parseDocument(text, { version: '1.2', keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  // Found before canonicalize changes the document: when the pass changes nothing (text already
  // formatted: fmt's second pass, fmt --check of a formatted plan), these are the printed text's
  // own, and it is not parsed again (a third of a pass).
  const longInText = multiLineFlowScalarPaths(doc, text);
  canonicalize(doc);
  const first = doc.toString(STRINGIFY_OPTIONS);
  // Strings too long for one line read badly when yaml folds them as plain or
  // quoted scalars; write those as folded blocks (>-), like the shipped plan.
  const long = first === text ? longInText : multiLineFlowScalarPaths(yaml().parseDocument(first, { version: '1.2' }), first);
  if (long.length === 0) return normaliseEnd(first);
  for (const p of long) {
    const node = doc.getIn(p, true);
    if (yaml().isScalar(node) && typeof node.value === 'string') node.type = 'BLOCK_FOLDED';
  }
  return normaliseEnd(doc.toString(STRINGIFY_OPTIONS));
}

function normaliseEnd(text: string): string {
  return `${text.replace(/\s+$/, '')}\n`;
}

/** The paths of the string values of `doc` (parsed from `text`) that its text writes over more than a line, or past the width, as plain or quoted scalars. */
function multiLineFlowScalarPaths(doc: Document, text: string): (string | number)[][] {
  const found: (string | number)[][] = [];
  yaml().visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') return;
      // yaml does not always fold (a value after "- key: " may overrun), so
      // look at where the value ends as well as whether it spans lines.
      const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
      const spansLines = text.slice(node.range[0], node.range[1]).includes('\n');
      const closingQuote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      if (!spansLines && node.range[1] + closingQuote - lineStart <= LINE_WIDTH) return;
      found.push(pathOf(path, node));
    },
  });
  return found;
}

// visit() gives ancestors; turn them into the key/index path of `node`.
function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  const chain = [...ancestors.slice(1), node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (yaml().isSeq(parent)) out.push(parent.items.indexOf(child as never));
    else if (yaml().isPair(parent) && yaml().isScalar(parent.key) && parent.value === child) out.push(String(parent.key.value));
  }
  return out;
}

function canonicalize(doc: Document): void {
  // Block collections everywhere (the format documents block lists only).
  yaml().visit(doc, {
    Map(_, node) {
      node.flow = false;
    },
    Seq(_, node) {
      if (node.items.length > 0) node.flow = false;
    },
  });
  const root = doc.contents;
  if (!yaml().isMap(root)) return;
  orderKeys(root, PLAN_KEYS);
  quote(root, 'date');
  const issuer = root.get('issuer', true);
  if (yaml().isMap(issuer)) orderKeys(issuer, ISSUER_KEYS);
  const signer = root.get('signer', true);
  if (yaml().isMap(signer)) orderKeys(signer, SIGNER_KEYS);
  for (const group of canonicalMaps(root.get('groups', true), GROUP_KEYS, 'id')) {
    for (const task of mapsIn(group.get('tasks', true))) canonicalTask(task);
  }
  for (const duty of canonicalMaps(root.get('duties', true), DUTY_KEYS, 'id')) canonicalMaps(duty.get('submissions', true), SUBMISSION_KEYS, 'date');
}

function canonicalTask(task: YAMLMap): void {
  orderKeys(task, TASK_KEYS);
  quote(task, 'id');
  quote(task, 'done');
  quote(task, 'eventDate');
  for (const output of canonicalMaps(task.get('outputs', true), OUTPUT_KEYS)) canonicalMaps(output.get('evidence', true), EVIDENCE_KEYS, 'date');
  canonicalMaps(task.get('progress', true), PROGRESS_KEYS, 'done');
  for (const r of canonicalMaps(task.get('results', true), RESULT_KEYS, 'date', 'done', 'report')) canonicalMaps(r.get('evidence', true), EVIDENCE_KEYS, 'date');
  for (const sub of mapsIn(task.get('tasks', true))) canonicalTask(sub);
}

/** The maps of a list, each in the canonical order of its keys and with these fields quoted (ids and dates stay strings). */
function canonicalMaps(node: unknown, order: readonly string[], ...quoted: string[]): YAMLMap[] {
  const maps = mapsIn(node);
  for (const map of maps) {
    orderKeys(map, order);
    for (const key of quoted) quote(map, key);
  }
  return maps;
}

function mapsIn(node: unknown): YAMLMap[] {
  return yaml().isSeq(node) ? node.items.filter((i): i is YAMLMap => yaml().isMap(i)) : [];
}

function keyName(pair: { key: unknown }): string {
  return yaml().isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Stable sort of a map's pairs by a key order; pairs keep their comments. */
export function orderKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  const before = map.items.map(keyName);
  const sorted = [...map.items].sort((a, b) => rank(keyName(a)) - rank(keyName(b)));
  if (sorted.every((p, i) => keyName(p) === before[i])) return;
  // The first key of a map prints right after "- " or the parent key: a blank
  // line or comment before it belongs to the map, not to whichever key moves.
  const oldFirst = map.items[0]?.key as Node | undefined;
  const newFirst = sorted[0]?.key as Node | undefined;
  if (oldFirst && newFirst && oldFirst !== newFirst && yaml().isScalar(oldFirst) && yaml().isScalar(newFirst)) {
    if (oldFirst.commentBefore && !newFirst.commentBefore) {
      newFirst.commentBefore = oldFirst.commentBefore;
      delete oldFirst.commentBefore;
    }
    if (oldFirst.spaceBefore) {
      newFirst.spaceBefore = true;
      oldFirst.spaceBefore = false;
    }
  }
  map.items = sorted;
}

function quote(map: YAMLMap, key: string): void {
  const node = map.get(key, true);
  if (yaml().isScalar(node) && typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
}
