// Text to model: YAML parse (with positions), schema validation, model build.
// Every failure becomes a diagnostic; nothing here throws on bad input.
import type { CST, Document, Node, YAMLMap } from 'yaml';
import { yaml } from '../vendor/libraries.js';
import { LineCounter } from './lines.js';
import type { z } from 'zod';
import type { Diagnostic, Localized, YamlPath } from './diagnostic.js';
import { fastParse, LEFT_TO_YAML_CHARS, rangeAt, type CompactEvents } from './fast-yaml.js';
import { localized, MAX_DIAGNOSTICS_PER_FILE, sharedMessage } from './diagnostic.js';
import type { Plan } from './model.js';
import { buildPlan } from './model.js';
import { planFile, unitsFile } from './schema.js';
import type { FileSchema } from './shape.js';
import { describeIssue } from './schema-issues.js';
import type { UnitRegistry } from './units.js';
import { buildUnitRegistry } from './units.js';
import { codePointLabel, controlsOr, findControlCharacters, quietText } from './text.js';

/** One file's text and parsed YAML, kept so diagnostics can be located later. */
export interface SourceFile {
  file: string;
  text: string;
  /** `yaml`'s document; for a file read by the fast path, made when first asked for. */
  doc?: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** Set when the fast path read the file: its events, enough to locate most diagnostics. */
  fast?: CompactEvents;
  /** For a file whose result came from the content cache: the lines its diagnostics show, by number (its text is then decoded only for another line). */
  knownLines?: Readonly<Record<number, string>>;
}

export interface Parsed<T> {
  source: SourceFile;
  value?: T;
  diagnostics: Diagnostic[];
}

const MAX_ALIASES = 100;

/** One pass over a text finds its control characters and whether the fast path would leave it to `yaml`. */
const CONTROLS_OR_LEFT_TO_YAML = controlsOr(LEFT_TO_YAML_CHARS);
const NOTHING_FOUND: ReturnType<typeof findControlCharacters> = { controls: [], other: false };

/**
 * How to read: `fast: false` forces the `yaml` document model (the differential test compares the two); `stable`: the
 * text is of characters NFC leaves as they are whatever stands beside them (decodeText says so).
 */
export interface ReadOptions {
  fast?: boolean;
  stable?: boolean;
}

/** Parse YAML text into plain data, with located diagnostics for every syntax problem. */
export function parseYaml(file: string, text: string, options: ReadOptions = {}): Parsed<unknown> {
  const lineCounter = new LineCounter();
  const source: SourceFile = { file, text, lineCounter };
  // A quiet text (core/text) has neither: known already when decodeText found it so.
  const { controls, other: maybeLeftToYaml } = quietText(text) ? NOTHING_FOUND : findControlCharacters(text, CONTROLS_OR_LEFT_TO_YAML);
  const diagnostics: Diagnostic[] = controlCharacters(file, controls);
  // A native search first: a multi-line pattern tries every character of the text.
  const version = text.includes('%YAML') ? /^%YAML\s+(\S+)/m.exec(text) : null;
  if (version && version[1] !== '1.2') {
    countLines(text, lineCounter);
    diagnostics.push({
      file,
      severity: 'error',
      code: 'yaml-version',
      range: [version.index, version.index + version[0].length],
      message: localized(`chỉ hỗ trợ YAML 1.2, tệp khai báo %YAML ${version[1]}`, `only YAML 1.2 is supported; the file declares %YAML ${version[1]}`),
      help: localized(
        'xoá dòng %YAML (ở YAML 1.1, 2024-02-05 thành ngày giờ và yes/no thành true/false)',
        'remove the %YAML line (YAML 1.1 turns 2024-02-05 into a timestamp and yes/no into booleans)',
      ),
    });
    return { source, diagnostics };
  }
  // A file with control characters takes the full path, which locates them;
  // nesting deeper than any plan goes the slow way too, which says where (too-deep).
  // A text the scan found one of LEFT_TO_YAML_CHARS in is tested exactly by fastParse (a surrogate pair is the fast path's to read).
  const fast = options.fast === false || diagnostics.length > 0 ? undefined : fastParse(text, !maybeLeftToYaml);
  // Only data whose collections nest near the limit is walked for it (a scalar may be an object one level below its collection).
  if (fast && (fast.depth < MAX_DEPTH || !valueTooDeep(fast.value))) return { source: fastSource(file, text, fast.events), value: fast.value, diagnostics: [] };
  let doc: Document.Parsed;
  const syntaxErrors: CST.ErrorToken[] = [];
  try {
    doc = composeCapped(text, lineCounter, syntaxErrors);
  } catch (e) {
    if (e instanceof TooManyErrors) return { source, diagnostics: tooManySyntaxErrors(file, syntaxErrors) };
    // The parser only throws on pathological input (e.g. nesting deeper than the stack).
    if (e instanceof RangeError) {
      diagnostics.push(tooDeep(file, [0, 0]));
    } else {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'yaml-syntax',
        range: [0, 0],
        message: localized('không đọc được YAML: tệp hỏng hoặc không phải YAML', 'cannot read YAML: the file is damaged or not YAML'),
      });
    }
    return { source, diagnostics };
  }
  source.doc = doc;
  const quotes = doc.errors.some((err) => err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) ? quotedRanges(doc) : [];
  for (const err of doc.errors) {
    if (err.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(err.message)) {
      diagnostics.push(tooDeep(file, err.pos));
      continue;
    }
    const problem = yamlProblem(file, err.code, err.message, err.pos, 'error');
    // An unclosed quote is reported where the parser gave up (often the end of
    // the file); the clerk needs the line where the quote was opened.
    if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
      const opened = openingQuote(quotes, err.pos[0]);
      if (opened !== undefined) problem.range = [opened, opened + 1];
    }
    diagnostics.push(problem);
  }
  if (doc.errors.length > 0 && diagnostics.some((d) => d.code === 'too-deep')) return { source, diagnostics: diagnostics.filter((d) => d.code === 'too-deep').slice(0, 1) };
  // An unknown tag (!!js/function, !foo) is an error: its value would be read as something the clerk did not write.
  for (const warn of doc.warnings) diagnostics.push(yamlProblem(file, warn.code, warn.message, warn.pos, warn.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning'));
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  if (doc.errors.length > 0) return { source, diagnostics };
  if (doc.contents === null || (yaml().isScalar(doc.contents) && doc.contents.value === null)) {
    diagnostics.push({
      file,
      severity: 'error',
      code: 'empty-file',
      range: [0, 0],
      message: localized('tệp rỗng: không có nội dung kế hoạch', 'the file is empty: no plan in it'),
      help: localized('xem docs/format.md hoặc chạy `plan init` để có tệp mẫu', 'see docs/format.md, or run `plan init` for a sample file'),
    });
    return { source, diagnostics };
  }
  // The parser's own limit is the call stack, which differs between processes and threads; this one does not.
  const deep = firstTooDeep(doc.contents);
  if (deep) return { source, diagnostics: [tooDeep(file, [deep[0] ?? 0, deep[1] ?? 0])] };
  try {
    return { source, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), diagnostics };
  } catch (e) {
    const msg = String((e as Error).message);
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(msg);
    if (unresolved) {
      diagnostics.push(undefinedAnchor(file, doc, unresolved[1]!));
      return { source, diagnostics };
    }
    const aliases = /alias/i.test(msg);
    diagnostics.push({
      file,
      severity: 'error',
      code: aliases ? 'alias-bomb' : 'yaml-syntax',
      range: [0, 0],
      message: aliases
        ? localized(`tệp dùng quá nhiều bí danh YAML (*alias), quá ${MAX_ALIASES} lần mở rộng`, `the file expands YAML aliases (*alias) more than ${MAX_ALIASES} times`)
        : localized('không đọc được YAML: tệp hỏng hoặc không phải YAML', 'cannot read YAML: the file is damaged or not YAML'),
      ...(aliases ? { help: localized('viết nội dung trực tiếp thay vì dùng &neo và *bí danh', 'write the content out instead of using &anchors and *aliases') } : {}),
    });
    return { source, diagnostics };
  }
}

// logLevel 'error': yaml's warnings (a list or map used as a key, stringified) went to the process's
// stderr as a Node warning; the schema reports such a key itself, at its line.
const DOCUMENT_OPTIONS = { prettyErrors: false, uniqueKeys: true, version: '1.2', logLevel: 'error' } as const;

/**
 * A file the fast path read: `yaml`'s document (kept for the few diagnostics
 * the events cannot place, and for zod's messages) is made only if asked for.
 */
function fastSource(file: string, text: string, events: CompactEvents): SourceFile {
  let doc: Document.Parsed | undefined;
  return {
    file,
    text,
    lineCounter: new LineCounter(),
    fast: events,
    get doc() {
      doc ??= yaml().parseDocument(text, DOCUMENT_OPTIONS);
      return doc;
    },
  };
}

function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

/** Far more levels than any plan has (group → task → sub-task → outputs is about a dozen). */
const MAX_DEPTH = 100;

/** The range of the first node nested deeper than MAX_DEPTH, walking without recursion. */
function firstTooDeep(root: unknown): readonly number[] | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!yaml().isMap(node) && !yaml().isSeq(node)) continue;
    if (depth > MAX_DEPTH) return node.range ?? [0, 0];
    for (const item of node.items as unknown[]) {
      if (yaml().isMap(node)) {
        const pair = item as { key: unknown; value: unknown };
        stack.push([pair.key, depth + 1], [pair.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Whether plain data nests deeper than MAX_DEPTH (without recursion). */
function valueTooDeep(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Control characters (ESC, other C0/C1 controls, bidi overrides) have no place
 * in a plan: they drive terminals and reorder text in every sheet and report.
 */
function controlCharacters(file: string, found: readonly { offset: number; char: string }[]): Diagnostic[] {
  return found.slice(0, MAX_DIAGNOSTICS_PER_FILE).map(({ offset, char }) => ({
    file,
    severity: 'error' as const,
    code: 'control-character',
    range: [offset, offset + char.length] as const,
    message: localized(`ký tự điều khiển ${codePointLabel(char)} không được có trong tệp`, `control character ${codePointLabel(char)} is not allowed in the file`),
    help: localized(
      'xoá ký tự này (thường do dán từ nơi khác vào); nó có thể làm rối màn hình hoặc đảo chiều chữ',
      'delete it (it usually comes with pasted text); it can garble the terminal or reverse the text',
    ),
  }));
}

class TooManyErrors extends Error {}

/**
 * parseDocument, but fed token by token so that a file of thousands of syntax
 * errors (a line of " repeated) stops after MAX_DIAGNOSTICS_PER_FILE of them
 * instead of composing for minutes and gigabytes.
 */
function composeCapped(text: string, lineCounter: LineCounter, errors: CST.ErrorToken[]): Document.Parsed {
  const options = DOCUMENT_OPTIONS;
  const tokens = function* () {
    for (const token of new (yaml().Parser)(lineCounter.addNewLine).parse(text)) {
      if (token.type === 'error') {
        errors.push(token);
        if (errors.length > MAX_DIAGNOSTICS_PER_FILE) throw new TooManyErrors();
      }
      yield token;
    }
  };
  let doc: Document.Parsed | undefined;
  for (const composed of new (yaml().Composer)(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = composed;
    else {
      doc.errors.push(new (yaml().YAMLParseError)([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

function tooManySyntaxErrors(file: string, errors: readonly CST.ErrorToken[]): Diagnostic[] {
  const shown = errors
    .slice(0, MAX_DIAGNOSTICS_PER_FILE - 1)
    .map((token) => yamlProblem(file, 'UNEXPECTED_TOKEN', token.message, [token.offset, token.offset + Math.max(1, token.source.length)], 'error'));
  const last = errors[errors.length - 1]!;
  shown.push({
    file,
    severity: 'error',
    code: 'too-many-errors',
    range: [last.offset, last.offset + 1],
    message: localized(`quá ${MAX_DIAGNOSTICS_PER_FILE} lỗi cú pháp; dừng đọc tệp ở đây`, `more than ${MAX_DIAGNOSTICS_PER_FILE} syntax errors; stopped reading the file here`),
    help: localized('tệp này có vẻ không phải kế hoạch YAML; sửa các lỗi đầu tiên rồi kiểm tra lại', 'this does not look like a YAML plan; fix the first errors and check again'),
  });
  return shown;
}

function undefinedAnchor(file: string, doc: Document.Parsed, name: string): Diagnostic {
  let range: [number, number] = [0, 0];
  yaml().visit(doc, {
    Alias(_key, node) {
      if (node.source === name && node.range) {
        range = [node.range[0], node.range[1]];
        return yaml().visit.BREAK;
      }
      return undefined;
    },
  });
  return {
    file,
    severity: 'error',
    code: 'undefined-anchor',
    range,
    message: localized(`bí danh *${name} trỏ tới một neo &${name} chưa được đặt ở phía trên`, `the alias *${name} refers to an anchor &${name} that is not defined above it`),
    help: localized(`đặt &${name} trước nội dung cần dùng lại (ở phía trên), hoặc viết nội dung trực tiếp`, `put &${name} on the content to reuse (above this line), or write the content out`),
  };
}

function tooDeep(file: string, pos: [number, number]): Diagnostic {
  return {
    file,
    severity: 'error',
    code: 'too-deep',
    range: [pos[0], Math.max(pos[1], pos[0] + 1)],
    message: localized('tệp lồng nhau quá sâu (hàng trăm cấp), không phải một kế hoạch', 'the file nests too deeply (hundreds of levels) to be a plan'),
    help: localized(
      'kế hoạch chỉ có vài cấp: nhóm → nhiệm vụ → nhiệm vụ con; kiểm tra thụt lề và dấu ngoặc [ {',
      'a plan has a few levels only: group → task → sub-task; check the indentation and [ { brackets',
    ),
  };
}

/** Ranges of every quoted scalar, in order: scalars never nest, so they do not overlap. */
function quotedRanges(doc: Document.Parsed): [number, number][] {
  const ranges: [number, number][] = [];
  yaml().visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Start of the quoted scalar that runs up to offset (the unclosed one), if any; a binary search, not a walk per error. */
function openingQuote(ranges: readonly [number, number][], offset: number): number | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found !== -1 && ranges[found]![1] >= offset ? ranges[found]![0] : undefined;
}

const YAML_CODES: Record<string, { code: string; vi: string; en: string; helpVi?: string; helpEn?: string }> = {
  DUPLICATE_KEY: {
    code: 'duplicate-key',
    vi: 'khóa bị lặp lại trong cùng một bảng',
    en: 'duplicate key in the same mapping',
    helpVi: 'mỗi khóa chỉ được viết một lần; xoá hoặc gộp dòng lặp',
    helpEn: 'each key may appear once; remove or merge the repeated line',
  },
  TAB_AS_INDENT: {
    code: 'tab-indent',
    vi: 'dùng ký tự Tab để thụt lề',
    en: 'a tab is used for indentation',
    helpVi: 'YAML chỉ cho phép thụt lề bằng dấu cách; thay Tab bằng 2 dấu cách',
    helpEn: 'YAML indents with spaces only; replace the tab with 2 spaces',
  },
  BAD_INDENT: { code: 'bad-indent', vi: 'thụt lề sai', en: 'wrong indentation', helpVi: 'các khóa cùng cấp phải thẳng cột với nhau', helpEn: 'keys at the same level must line up' },
  MISSING_CHAR: { code: 'yaml-syntax', vi: 'thiếu ký tự (dấu ngoặc hoặc dấu nháy chưa đóng?)', en: 'a character is missing (an unclosed bracket or quote?)' },
  MULTILINE_IMPLICIT_KEY: {
    code: 'bad-indent',
    vi: 'khóa viết trên nhiều dòng, thường do thụt lề sai hoặc thiếu dấu ":"',
    en: 'a key spans several lines, usually wrong indentation or a missing ":"',
  },
  BLOCK_AS_IMPLICIT_KEY: { code: 'bad-indent', vi: 'thụt lề sai: khối nội dung bị đọc thành khóa', en: 'wrong indentation: a block is read as a key' },
  UNEXPECTED_TOKEN: { code: 'yaml-syntax', vi: 'ký tự không đúng chỗ', en: 'unexpected character' },
  TAG_RESOLVE_FAILED: {
    code: 'unknown-tag',
    vi: 'thẻ YAML (!…) không được hỗ trợ',
    en: 'unsupported YAML tag (!…)',
    helpVi: 'kế hoạch không dùng thẻ YAML; xoá phần bắt đầu bằng ! hoặc !! trước giá trị',
    helpEn: 'plans use no YAML tags; remove the part starting with ! or !! before the value',
  },
  BAD_DQ_ESCAPE: {
    code: 'yaml-syntax',
    vi: 'dấu \\ trong chuỗi có nháy kép viết sai',
    en: 'a wrong \\ escape in a double-quoted text',
    helpVi: 'viết \\\\ cho một dấu \\, hoặc dùng nháy đơn',
    helpEn: 'write \\\\ for a backslash, or use single quotes',
  },
  BAD_SCALAR_START: {
    code: 'yaml-syntax',
    vi: 'giá trị bắt đầu bằng ký tự đặc biệt của YAML',
    en: 'a value starts with a YAML special character',
    helpVi: 'đặt giá trị trong dấu nháy kép "…"',
    helpEn: 'put the value in double quotes "…"',
  },
  BLOCK_IN_FLOW: { code: 'yaml-syntax', vi: 'khối nhiều dòng nằm trong dấu ngoặc [ ] hoặc { }', en: 'a block inside [ ] or { } brackets' },
  MULTIPLE_DOCS: { code: 'yaml-syntax', vi: 'tệp có nhiều tài liệu YAML (dòng ---); một tệp chỉ chứa một kế hoạch', en: 'the file holds several YAML documents (--- lines); one plan per file' },
  MULTIPLE_ANCHORS: { code: 'yaml-syntax', vi: 'một giá trị có hai neo &', en: 'a value has two & anchors' },
  MULTIPLE_TAGS: { code: 'unknown-tag', vi: 'một giá trị có hai thẻ !', en: 'a value has two ! tags' },
  ALIAS_PROPS: { code: 'yaml-syntax', vi: 'bí danh *… không được có neo hoặc thẻ', en: 'an alias *… cannot have an anchor or tag' },
  BAD_ALIAS: { code: 'yaml-syntax', vi: 'bí danh *… viết sai', en: 'a malformed alias *…' },
  BAD_DIRECTIVE: { code: 'yaml-syntax', vi: 'dòng chỉ thị % không hợp lệ', en: 'an invalid % directive line' },
  BAD_PROP_ORDER: { code: 'yaml-syntax', vi: 'neo & hoặc thẻ ! đặt sai chỗ', en: 'an & anchor or ! tag in the wrong place' },
  KEY_OVER_1024_CHARS: { code: 'yaml-syntax', vi: 'khóa dài quá 1024 ký tự (thường do thiếu dấu ":" hoặc xuống dòng)', en: 'a key longer than 1024 characters (usually a missing ":" or line break)' },
  NON_STRING_KEY: { code: 'yaml-syntax', vi: 'khóa phải là chữ, không phải danh sách hay bảng', en: 'a key must be text, not a list or map' },
  BAD_COLLECTION_TYPE: { code: 'yaml-syntax', vi: 'kiểu danh sách/bảng không hợp lệ', en: 'invalid collection type' },
  IMPOSSIBLE: { code: 'yaml-syntax', vi: 'cấu trúc YAML không đọc được', en: 'unreadable YAML structure' },
  RESOURCE_EXHAUSTION: { code: 'yaml-syntax', vi: 'tệp quá phức tạp để đọc', en: 'the file is too complex to read' },
};

function yamlProblem(file: string, yamlCode: string, raw: string, pos: [number, number], severity: 'error' | 'warning'): Diagnostic {
  const known = YAML_CODES[yamlCode];
  const detail = raw.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // The tag itself tells the clerk which one to remove.
  const tag = yamlCode === 'TAG_RESOLVE_FAILED' ? /tag: (\S+)/i.exec(detail)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!') : undefined;
  const message = known
    ? localized(`${known.vi}${tag ? `: ${tag}` : ''}`, `${known.en}${tag ? `: ${tag}` : ''}`)
    : localized(`lỗi cú pháp YAML (${yamlCode})`, `YAML syntax error (${yamlCode}): ${detail}`);
  const help: Localized | undefined = known?.helpVi ? localized(known.helpVi, known.helpEn!) : undefined;
  return { file, severity, code: known?.code ?? 'yaml-syntax', range: [pos[0], Math.max(pos[1], pos[0] + 1)], message, ...(help ? { help } : {}) };
}

/**
 * Validate data against a schema, turning zod issues into diagnostics located by path.
 * With a FileSchema, data that passes its structural pass is taken as it is, without zod.
 */
export function validate<S extends z.ZodType>(file: string, schema: S, data: unknown, source: SourceFile): { value?: z.output<S>; diagnostics: Diagnostic[] };
export function validate<T>(file: string, schema: FileSchema<T>, data: unknown, source: SourceFile): { value?: T; diagnostics: Diagnostic[] };
export function validate(file: string, given: z.ZodType | FileSchema<unknown>, data: unknown, source: SourceFile): { value?: unknown; diagnostics: Diagnostic[] } {
  if ('fits' in given && given.fits(data)) return { value: data, diagnostics: [] };
  const schema = 'fits' in given ? given.zod() : given;
  const first = schema.safeParse(data);
  if (first.success) return { value: first.data, diagnostics: [] };
  const diagnostics = first.error.issues.flatMap((issue) => describeIssue(file, schema, issue, data, source));
  // Unknown keys should not hide the rest: drop them and try again, so the
  // cross-field checks can still run and report in the same pass.
  const pruned = pruneUnknownKeys(data, first.error.issues);
  if (pruned !== undefined) {
    const second = schema.safeParse(pruned);
    if (second.success) return { value: second.data, diagnostics };
  }
  return { diagnostics };
}

function pruneUnknownKeys(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  if (!issues.every((i) => i.code === 'unrecognized_keys')) return undefined;
  const copy = structuredClone(data);
  for (const issue of issues) {
    let target: unknown = copy;
    for (const seg of issue.path) target = (target as Record<PropertyKey, unknown>)?.[seg as PropertyKey];
    if (target && typeof target === 'object') for (const k of (issue as { keys: string[] }).keys) delete (target as Record<string, unknown>)[k];
  }
  return copy;
}

export function parsePlan(file: string, text: string, options: ReadOptions = {}): Parsed<Plan> {
  // A stable text's values are pieces of it joined by spaces and line breaks, unless an escape ("\u0301") makes other characters.
  return planOf(file, parseYaml(file, text, options), options.stable === true && !text.includes('\\'));
}

/** The data parseYaml read checked against a file's schema: the data (none when it does not fit) and every diagnostic so far. */
function validated<T>(file: string, schema: FileSchema<T>, parsed: Parsed<unknown>): { value?: T; diagnostics: Diagnostic[] } {
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const { value, diagnostics } = validate(file, schema, parsed.value, parsed.source);
  return { value, diagnostics: [...parsed.diagnostics, ...diagnostics] };
}

/** The plan in YAML already read by parseYaml (its data is not changed). */
export function planOf(file: string, parsed: Parsed<unknown>, composed = false): Parsed<Plan> {
  const { value, diagnostics } = validated(file, planFile, parsed);
  if (!value) return { source: parsed.source, diagnostics };
  return { source: parsed.source, value: buildPlan(file, value, composed), diagnostics };
}

export function parseUnits(file: string, text: string, options: ReadOptions = {}): Parsed<UnitRegistry> {
  return unitsOf(file, parseYaml(file, text, options));
}

/** The units registry in YAML already read by parseYaml (its data is not changed). */
export function unitsOf(file: string, parsed: Parsed<unknown>): Parsed<UnitRegistry> {
  const { value, diagnostics } = validated(file, unitsFile, parsed);
  if (!value) return { source: parsed.source, diagnostics };
  const built = buildUnitRegistry(value, file);
  return { source: parsed.source, value: built.registry, diagnostics: [...diagnostics, ...built.diagnostics] };
}

/** The node at a path, or the closest existing ancestor; with atKey, the key of the last pair. */
export function nodeAt(doc: Document, path: YamlPath, atKey = false): { node: Node; exact: boolean } | undefined {
  let node: unknown = doc.contents;
  if (!node) return undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => (yaml().isScalar(p.key) ? p.key.value : p.key) === seg) ?? collectionKeyPair(node, seg);
      if (!pair) return { node: firstLineOf(node), exact: false };
      if (last && atKey) return { node: pair.key as Node, exact: true };
      // A key with no value ("title:") has nothing to point at but its key.
      node = pair.value ?? pair.key;
    } else if (yaml().isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
    } else {
      return { node: firstLineOf(node as Node), exact: false };
    }
  }
  return { node: firstLineOf(node as Node), exact: true };
}

/**
 * The pair whose key is a list or map that toJS turned into `seg` ("{ year: 1 }"): compared without spaces
 * and quotes, since yaml writes the key for the path in flow style and String(key) as JSON.
 */
function collectionKeyPair(map: YAMLMap, seg: string | number) {
  const bare = (s: string) => s.replace(/[\s"']/g, '');
  const wanted = bare(String(seg));
  return map.items.find((p) => yaml().isCollection(p.key) && bare(String(p.key)) === wanted);
}

// A whole block map spans many lines; point at its first entry instead.
function firstLineOf(node: Node): Node {
  if (yaml().isMap(node) && node.items.length > 0 && node.items[0]!.key) return node.items[0]!.key as Node;
  return node;
}

/** Fill in line and column for every diagnostic from its path or range. */
export function locateDiagnostics(diags: Diagnostic[], sources: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  return diags.map((d) => {
    if (d.line !== undefined) return d;
    const source = sources.get(d.file);
    if (!source) return placed(d, 1, 1);
    let range = d.range;
    if (!range && d.path && source.fast) range = rangeAt(source.text, source.fast, d.path, d.atKey ?? false);
    if (!range && d.path && source.doc) {
      const found = nodeAt(source.doc, d.path, d.atKey);
      if (found?.node.range) range = [found.node.range[0], found.node.range[1]];
    }
    if (source.fast && source.lineCounter.lineStarts.length === 0) countLines(source.text, source.lineCounter);
    if (!range || source.lineCounter.lineStarts.length === 0) return placed(d, 1, 1);
    const start = source.lineCounter.linePos(range[0]);
    const end = source.lineCounter.linePos(Math.max(range[0], range[1]));
    return placed(d, start.line, start.col, end.line, end.col);
  });
}

/**
 * The diagnostic with its place, made field by field: a spread copy ({ ...d, line })
 * of diagnostics of several shapes takes V8's slow path, ~6 µs each, a tenth of a
 * second for a province's eleven thousand warnings; this takes a fraction of a millisecond.
 */
function placed(d: Diagnostic, line: number, column: number, endLine?: number, endColumn?: number): Diagnostic {
  // Located diagnostics are kept to the end of the run: equal messages as one object (sharedMessage).
  const out: Diagnostic = { file: d.file, severity: d.severity, code: d.code, message: sharedMessage(d.message) };
  if (d.help !== undefined) out.help = d.help;
  if (d.path !== undefined) out.path = d.path;
  if (d.atKey !== undefined) out.atKey = d.atKey;
  if (d.range !== undefined) out.range = d.range;
  out.line = line;
  out.column = column;
  if (endLine !== undefined) out.endLine = endLine;
  if (endColumn !== undefined) out.endColumn = endColumn;
  return out;
}
