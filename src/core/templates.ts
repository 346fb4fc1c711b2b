// The wording of generated documents, kept in plain text files a clerk can
// edit (templates/vi/*.txt). Pure: parse a file's text, check every key and
// {{field}} against what the code provides, fill values. Reading the files is
// the command's job.
//
// Format, one entry per line:
//   # a comment
//   key: text with {{field}} placeholders
//   key:            a list: the lines below, each "  - item"
//     - item one
//     - item two
import type { Diagnostic } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { closest, nfc } from './text.js';

export interface TemplateKeySpec {
  /** The fields this text may name. */
  fields: readonly string[];
  /** The value is a list of lines ("  - …"). */
  list?: boolean;
}

export type TemplateSpec = Readonly<Record<string, TemplateKeySpec>>;

export interface TemplateEntry {
  key: string;
  value: string | string[];
  file: string;
  line: number;
}

export interface ParsedTemplate {
  entries: Map<string, TemplateEntry>;
  diagnostics: Diagnostic[];
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)$/;
const ITEM_LINE = /^\s+-\s?(.*)$/;
const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Parse one template file, checking keys and fields against the spec. */
export function parseTemplate(file: string, rawText: string, spec: TemplateSpec): ParsedTemplate {
  const text = nfc(rawText.replace(/^\uFEFF/, ''));
  const entries = new Map<string, TemplateEntry>();
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  let current: TemplateEntry | undefined;
  const at = (line: number, column: number, length: number) => ({ line, column, endLine: line, endColumn: column + Math.max(1, length) });

  const checkFields = (key: string, value: string, line: number, column: number) => {
    const allowed = spec[key]?.fields ?? [];
    for (const m of value.matchAll(FIELD)) {
      const field = m[1]!;
      if (allowed.includes(field)) continue;
      const near = closest(field, allowed, 3, (s) => s.toLowerCase());
      diagnostics.push({
        file,
        severity: 'error',
        code: 'unknown-template-field',
        message: localized(`khóa "${key}" dùng trường không có: {{${field}}}`, `"${key}" names an unknown field: {{${field}}}`),
        help: localized(
          allowed.length
            ? `các trường dùng được ở "${key}": ${allowed.map((f) => `{{${f}}}`).join(', ')}${near.length ? `; có phải ý bạn là {{${near[0]}}}?` : ''}`
            : `"${key}" không nhận trường nào; viết chữ thường`,
          allowed.length
            ? `fields available in "${key}": ${allowed.map((f) => `{{${f}}}`).join(', ')}${near.length ? `; did you mean {{${near[0]}}}?` : ''}`
            : `"${key}" takes no fields; write plain text`,
        ),
        ...at(line, column + (m.index ?? 0), m[0].length),
      });
    }
  };

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const item = ITEM_LINE.exec(line);
    if (item && current && Array.isArray(current.value)) {
      const value = item[1]!;
      current.value.push(value);
      checkFields(current.key, value, lineNo, line.length - value.length + 1);
      return;
    }
    const m = KEY_LINE.exec(line);
    if (!m || /^\s/.test(line)) {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'bad-template-line',
        message: localized('dòng không đúng dạng "khóa: nội dung" hoặc "  - mục"', 'this line is neither "key: text" nor "  - item"'),
        help: localized('dòng chú thích bắt đầu bằng #; mục của danh sách thụt vào và bắt đầu bằng "- "', 'comments start with #; list items are indented and start with "- "'),
        ...at(lineNo, 1, line.length),
      });
      current = undefined;
      return;
    }
    const key = m[1]!;
    const rest = m[2]!;
    const value = rest.replace(/^\s/, '');
    const keySpec = spec[key];
    if (!keySpec) {
      const near = closest(key, Object.keys(spec), 3, (s) => s.toLowerCase());
      const moved = MOVED_KEYS[key];
      diagnostics.push({
        file,
        severity: 'error',
        code: 'unknown-template-key',
        message: localized(`khóa "${key}" không có trong mẫu này`, `unknown key "${key}" in this template`),
        help: moved
          ? localized(`khóa này đã chuyển sang common.txt: "${moved}"; chuyển dòng này sang đó`, `this key moved to common.txt as "${moved}": move the line there`)
          : near.length
            ? localized(`có phải ý bạn là ${near.map((n) => `"${n}"`).join(', ')}?`, `did you mean ${near.map((n) => `"${n}"`).join(', ')}?`)
            : localized('xem danh sách khóa trong templates/README.md', 'see the list of keys in templates/README.md'),
        ...at(lineNo, 1, key.length),
      });
      current = undefined;
      return;
    }
    if (entries.has(key)) {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'duplicate-template-key',
        message: localized(`khóa "${key}" đã có ở dòng ${entries.get(key)!.line}`, `key "${key}" already given on line ${entries.get(key)!.line}`),
        ...at(lineNo, 1, key.length),
      });
      current = undefined;
      return;
    }
    current = { key, value: keySpec.list ? [] : value, file, line: lineNo };
    if (keySpec.list && value.trim() !== '') {
      diagnostics.push({
        file,
        severity: 'error',
        code: 'bad-template-line',
        message: localized(`"${key}" là một danh sách: để trống sau dấu hai chấm, mỗi mục một dòng "  - …"`, `"${key}" is a list: leave the rest of the line empty and give one "  - …" line per item`),
        ...at(lineNo, key.length + 2, value.length),
      });
    }
    if (!keySpec.list) checkFields(key, value, lineNo, line.length - value.length + 1);
    entries.set(key, current);
  });
  return { entries, diagnostics };
}

/** Replace {{field}} with its value. Fields were checked when the template was read. */
export function fillText(text: string, fields: Readonly<Record<string, string | number>>): string {
  return text.replace(FIELD, (whole, name: string) => (name in fields ? String(fields[name]) : whole));
}

/** Wording for one kind of document, merged from the shipped templates and a clerk's own. */
export class Wording {
  constructor(
    private readonly spec: TemplateSpec,
    private readonly entries: ReadonlyMap<string, TemplateEntry>,
  ) {}

  text(key: string, fields: Readonly<Record<string, string | number>> = {}): string {
    const e = this.entries.get(key);
    if (!e || Array.isArray(e.value)) return '';
    return fillText(e.value, fields);
  }

  list(key: string, fields: Readonly<Record<string, string | number>> = {}): string[] {
    const e = this.entries.get(key);
    if (!e) return [];
    return (Array.isArray(e.value) ? e.value : [e.value]).map((v) => fillText(v, fields));
  }

  keys(): string[] {
    return Object.keys(this.spec);
  }
}

/**
 * Merge the shipped files with a clerk's copy (later wins per key) and report
 * keys the shipped templates lack, which would be a bug of ours.
 */
export function buildWording(spec: TemplateSpec, layers: readonly ParsedTemplate[], shippedFile: string): { wording: Wording; diagnostics: Diagnostic[] } {
  const merged = new Map<string, TemplateEntry>();
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    diagnostics.push(...layer.diagnostics);
    for (const [k, e] of layer.entries) merged.set(k, e);
  }
  for (const key of Object.keys(spec)) {
    if (!merged.has(key)) {
      diagnostics.push({
        file: shippedFile,
        severity: 'error',
        code: 'missing-template-key',
        message: localized(`thiếu khóa "${key}"`, `missing key "${key}"`),
        help: localized('chép dòng này từ thư mục templates/ đi kèm chương trình', 'copy the line from the templates/ folder shipped with the program'),
        line: 1,
        column: 1,
      });
    }
  }
  return { wording: new Wording(spec, merged), diagnostics };
}

// ------------------------------------------------------------ what each file may say

const none: readonly string[] = [];

/** templates/<lang>/common.txt: wording shared by sheets and reports. */
export const COMMON_SPEC: TemplateSpec = {
  national_name: { fields: none },
  motto: { fields: none },
  place_date: { fields: ['place', 'date'] },
  recipients_label: { fields: none },
  plan_citation: { fields: ['number', 'date', 'issuer', 'title'] },
  plan_short: { fields: ['index', 'number', 'short_title'] },
  ongoing: { fields: none },
  due_window: { fields: ['start', 'end'] },
  due_peak: { fields: ['start', 'end'] },
  due_event_pending: { fields: none },
  due_invalid: { fields: none },
  due_moved: { fields: ['written', 'day', 'effective'] },
  evidence_dated: { fields: ['number', 'date'] },
  evidence_undated: { fields: ['number'] },
  evidence_titled: { fields: ['evidence', 'title'] },
  status_todo: { fields: none },
  status_doing: { fields: none },
  status_done: { fields: none },
  status_stopped: { fields: none },
  page_label: { fields: none },
  to_one: { fields: ['to'] },
  to_many: { fields: none },
  to_item: { fields: ['to'] },
  same_as_above: { fields: none },
  archive: { fields: ['symbol'] },
  archive_no_symbol: { fields: none },
  blank_position: { fields: none },
  blank_name: { fields: none },
  overdue: { fields: ['days'] },
  no_outputs: { fields: none },
};

const UNIT = ['unit'];

/** Keys a clerk's older copy may still have, and their name in common.txt now ("no deliverables" is worded once). */
const MOVED_KEYS: Record<string, string> = { no_outputs: 'no_outputs', outputs_none: 'no_outputs' };

/** templates/<lang>/sheet.txt: the assignment sheet and its index. */
export const SHEET_SPEC: TemplateSpec = {
  number_line: { fields: ['symbol'] },
  subject_one: { fields: ['number'] },
  subject_many: { fields: ['count'] },
  plans_heading: { fields: none },
  opening_one: { fields: ['plan', 'issuer', 'unit', 'made_on'] },
  opening_many: { fields: ['count', 'issuer', 'unit', 'made_on'] },
  section_lead: { fields: ['count'] },
  section_support: { fields: ['count'] },
  section_duties: { fields: ['count'] },
  empty_section: { fields: none },
  col_no: { fields: none },
  col_task: { fields: none },
  col_others: { fields: none },
  col_due: { fields: none },
  col_outputs: { fields: none },
  col_status: { fields: none },
  col_report: { fields: none },
  col_to: { fields: none },
  col_submitted: { fields: none },
  others_lead: { fields: ['names'] },
  others_support: { fields: ['names'] },
  others_none: { fields: none },
  output_delivered: { fields: ['output', 'evidence'] },
  submitted: { fields: ['date'] },
  submitted_number: { fields: ['date', 'number'] },
  not_submitted: { fields: none },
  closing: { fields: UNIT },
  index_title: { fields: none },
  index_summary: { fields: ['date', 'count', 'plans'] },
  index_col_unit: { fields: none },
  index_col_lead: { fields: none },
  index_col_support: { fields: none },
  index_col_duties: { fields: none },
  index_col_files: { fields: none },
  index_outside_heading: { fields: none },
  index_outside_item: { fields: ['unit', 'issuer'] },
  index_outside_many: { fields: ['unit', 'issuer'] },
};

/** templates/<lang>/report.txt: the report skeleton (one unit, or consolidated). */
export const REPORT_SPEC: TemplateSpec = {
  number_line: { fields: ['symbol'] },
  title: { fields: none },
  summary: { fields: ['plan'] },
  period_6m: { fields: ['year'] },
  period_9m: { fields: ['year'] },
  period_year: { fields: ['year'] },
  period_q1: { fields: ['year'] },
  period_q2: { fields: ['year'] },
  period_q3: { fields: ['year'] },
  period_q4: { fields: ['year'] },
  period_line: { fields: ['period', 'year', 'from', 'to'] },
  period_unverified: { fields: none },
  plan_due_line: { fields: ['date', 'report'] },
  estimate_note: { fields: ['date', 'to'] },
  units_due_line: { fields: ['date', 'report', 'to'] },
  estimate_note_units: { fields: ['date', 'to'] },
  late_note: { fields: ['date', 'days'] },
  opening: { fields: ['plan', 'unit', 'period', 'year'] },
  section_results: { fields: none },
  task_heading: { fields: ['no', 'id', 'title'] },
  role_lead: { fields: none },
  role_support: { fields: none },
  task_units: { fields: ['lead', 'support'] },
  task_due: { fields: ['due'] },
  task_status: { fields: ['status'] },
  task_outputs: { fields: none },
  output_delivered: { fields: ['output', 'evidence'] },
  results_placeholder: { fields: none },
  result_unit: { fields: ['unit', 'role', 'status'] },
  result_status: { fields: ['status'] },
  status_counts: { fields: ['total', 'done', 'doing', 'todo', 'stopped'] },
  no_tasks: { fields: none },
  section_problems: { fields: none },
  problems_placeholder: { fields: none },
  section_next: { fields: none },
  next_intro: { fields: ['to'] },
  next_item: { fields: ['id', 'title', 'due'] },
  next_placeholder: { fields: none },
  section_proposals: { fields: none },
  proposals_placeholder: { fields: none },
  appendix_heading: { fields: none },
  appendix_note: { fields: ['symbol', 'date', 'unit'] },
  table_heading: { fields: none },
  col_no: { fields: none },
  col_task: { fields: none },
  col_lead: { fields: none },
  col_due: { fields: none },
  col_status: { fields: none },
  col_outputs: { fields: none },
  senders_heading: { fields: ['report'] },
  sent_heading: { fields: ['count'] },
  not_sent_heading: { fields: ['count'] },
  late_heading: { fields: ['count'] },
  col_unit: { fields: none },
  col_sent: { fields: none },
  col_number: { fields: none },
  col_plan_due: { fields: none },
  none: { fields: none },
  no_duty: { fields: ['period'] },
  closing: { fields: ['unit', 'period', 'year'] },
};
