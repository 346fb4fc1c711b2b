// Reads plan files from disk for every command: finds the plans and the units
// file, decodes bytes, parses, checks, and keeps the sources for locating
// diagnostics. The only place besides writers that touches the file system.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CalendarDate } from '../core/dates.js';
import { decodeText, legacyHelp } from '../core/decode.js';
import { fileProblem, readFileLimited, symlinkOutside } from '../io/read-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { fail } from './context.js';
import { entryFromOption } from './unit-option.js';
import { capPerFile, localized } from '../core/diagnostic.js';
import type { Check, CheckContext } from '../core/checks.js';
import { checkLeadAuthority, checkUnknownUnits, PLAN_CHECKS, runChecks } from '../core/checks.js';
import type { SourceFile } from '../core/load.js';
import { locateDiagnostics, MAX_DIAGNOSTICS_PER_FILE, parsePlan, parseUnits, parseYaml, validate } from '../core/load.js';
import type { Plan } from '../core/model.js';
import type { Unit, UnitRegistry } from '../core/units.js';
import { EMPTY_REGISTRY } from '../core/units.js';
import { checkDeadlinesOnDaysOff } from '../core/progress-checks.js';
import type { Settings } from '../core/settings.js';
import { buildSettings, settingsFileSchema } from '../core/settings.js';
import type { WorkCalendar } from '../core/workdays.js';
import { buildWorkCalendar, calendarFileSchema, checkCalendarFile } from '../core/workdays.js';
import { LineCounter } from 'yaml';
import type { z } from 'zod';

/** Files beside the plans that are not plans. */
export const SPECIAL_FILES = new Set(['units.yaml', 'units.yml', 'calendar.yaml', 'calendar.yml', 'settings.yaml', 'settings.yml']);

export interface Workspace {
  plans: Plan[];
  registry: UnitRegistry;
  unitsFile: string;
  /** The folder the units file was found in (also holds calendar.yaml, settings.yaml). */
  dataDir: string;
  files: string[];
  sources: Map<string, SourceFile>;
  /** Located diagnostics of every file, in file order. */
  diagnostics: Diagnostic[];
  /** Working days: the law, plus dataDir/calendar.yaml when present. */
  calendar: WorkCalendar;
  /** dataDir/settings.yaml, or the defaults. */
  settings: Settings;
  /** The rules every plan of this workspace was checked with, and their context. */
  checks: readonly Check[];
  checkContext: CheckContext;
}

export interface LoadOptions {
  units?: string;
  today?: CalendarDate;
  strictBefore?: boolean;
  /** Extra rules to run after the standard ones. */
  extraChecks?: readonly Check[];
}

export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function loadWorkspace(paths: readonly string[], options: LoadOptions = {}): Workspace {
  const inputs = paths.length > 0 ? [...paths] : ['plans'];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const files: string[] = [];
  const listed = listPlanFiles(inputs);
  files.push(...listed.files);
  diagnostics.push(...listed.problems);

  const unitsPath = findUnitsFile(inputs, options.units);
  let registry = EMPTY_REGISTRY;
  let unitsFile = unitsPath ? displayPath(unitsPath) : 'plans/units.yaml';
  const dataDir = unitsPath ? path.dirname(unitsPath) : path.resolve('plans');
  let unitsReadable = false;
  if (unitsPath) {
    const parsed = readAndParse(unitsPath, parseUnits, sources, diagnostics);
    if (parsed) registry = parsed;
    unitsReadable = parsed !== undefined;
    unitsFile = displayPath(unitsPath);
  } else {
    const wanted = options.units ?? 'plans/units.yaml';
    diagnostics.push({
      file: wanted,
      severity: 'error',
      code: 'units-not-found',
      message: localized(`không tìm thấy tệp danh mục đơn vị ${wanted}`, `units file ${wanted} not found`),
      help: localized('đặt units.yaml cạnh các kế hoạch, hoặc chỉ ra bằng --units TỆP', 'put units.yaml beside the plans, or name it with --units FILE'),
    });
  }

  // calendar.yaml and settings.yaml sit beside units.yaml; both are optional (and unlooked for without units.yaml).
  const dataFile = (name: string) => (unitsPath ? ['yaml', 'yml'].map((ext) => path.join(dataDir, `${name}.${ext}`)).find((f) => existsSync(f)) : undefined);
  const calendarPath = dataFile('calendar');
  const calendarData = calendarPath ? readAndParse(calendarPath, dataFileParser(calendarFileSchema, checkCalendarFile), sources, diagnostics) : undefined;
  const calendar = buildWorkCalendar(calendarData);
  const settingsPath = dataFile('settings');
  const settingsData = settingsPath ? readAndParse(settingsPath, dataFileParser(settingsFileSchema), sources, diagnostics) : undefined;
  const settings = buildSettings(settingsData);
  const strictBefore = options.strictBefore ?? settings.strictBefore;

  const all = [...PLAN_CHECKS, checkDeadlinesOnDaysOff(calendar), ...(options.extraChecks ?? [])];
  // Without a readable units file every unit name would look unknown: its own errors are reported once instead.
  const checks = unitsReadable ? all : all.filter((c) => c !== checkUnknownUnits && c !== checkLeadAuthority);
  const checkContext: CheckContext = {
    registry,
    unitsFile,
    ...(options.today ? { today: options.today } : {}),
    ...(strictBefore ? { strictBefore: true } : {}),
  };
  const plans: Plan[] = [];
  for (const file of files) {
    const plan = readAndParse(file, parsePlan, sources, diagnostics);
    if (!plan) continue;
    plans.push(plan);
    diagnostics.push(...runChecks(plan, checkContext, checks));
  }
  const fileOrder = new Map([...sources.keys()].map((f, i) => [f, i]));
  const located = capPerFile(
    locateDiagnostics(diagnostics, sources).sort(
      (a, b) => (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    ),
    MAX_DIAGNOSTICS_PER_FILE,
  );
  return { plans, registry, unitsFile, dataDir, files: files.map(displayPath), sources, diagnostics: located, calendar, settings: { ...settings, strictBefore }, checks, checkContext };
}

/** Parse and check a plan's text exactly as loadWorkspace checked its file (for edits validated before they are written). */
export function checkPlanText(ws: Workspace, file: string, text: string): Diagnostic[] {
  const parsed = parsePlan(file, text);
  const diags = [...parsed.diagnostics];
  if (parsed.value) diags.push(...runChecks(parsed.value, ws.checkContext, ws.checks));
  return locateDiagnostics(diags, new Map([[file, parsed.source]]));
}

/** Parse and validate a small data file beside the plans (an empty file is an empty object). */
function dataFileParser<S extends z.ZodType>(schema: S, extra?: (value: z.output<S>, file: string) => Diagnostic[]) {
  return (file: string, text: string): { source: SourceFile; value?: z.output<S>; diagnostics: Diagnostic[] } => {
    const parsed = parseYaml(file, text);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return { source: parsed.source, diagnostics: parsed.diagnostics };
    const { value, diagnostics } = validate(file, schema, parsed.value ?? {}, parsed.source);
    const all = [...parsed.diagnostics, ...diagnostics, ...(value !== undefined && extra ? extra(value, file) : [])];
    return value !== undefined ? { source: parsed.source, value, diagnostics: all } : { source: parsed.source, diagnostics: all };
  };
}

function readAndParse<T>(
  absolute: string,
  parse: (file: string, text: string) => { source: SourceFile; value?: T; diagnostics: Diagnostic[] },
  sources: Map<string, SourceFile>,
  diagnostics: Diagnostic[],
): T | undefined {
  const file = displayPath(absolute);
  const read = readFileLimited(absolute, file);
  if (!read.ok) {
    sources.set(file, { file, text: '', lineCounter: new LineCounter() });
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const bytes = read.bytes;
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    sources.set(file, { file, text: '', lineCounter: new LineCounter() });
    diagnostics.push({
      file,
      severity: 'error',
      code: decoded.code,
      message: decoded.message,
      ...(decoded.help ? { help: decoded.help } : {}),
      ...(decoded.line ? { line: decoded.line, column: decoded.column ?? 1 } : {}),
    });
    return undefined;
  }
  const parsed = parse(file, decoded.text);
  sources.set(file, parsed.source);
  diagnostics.push(...parsed.diagnostics);
  // A paragraph pasted from an old TCVN3/VNI document reads as gibberish in every sheet and report.
  for (const run of decoded.legacy) {
    diagnostics.push({
      file,
      severity: 'error',
      code: 'legacy-encoding',
      range: [run.start, run.end],
      message: localized(`dòng này có vẻ gõ bằng bảng mã cũ ${run.encoding}, không phải Unicode`, `this line appears typed in the legacy ${run.encoding} encoding, not Unicode`),
      help: legacyHelp(run.encoding),
    });
  }
  return parsed.value;
}

/**
 * Which files are plans: YAML files under the folders given (hidden folders and
 * units/calendar/settings.yaml left out), and files named explicitly.
 */
export function listPlanFiles(inputs: readonly string[]): { files: string[]; problems: Diagnostic[] } {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = path.resolve(p);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  const visitedDirs = new Set<string>();
  let roots: string[] = [];
  const walk = (dir: string, depth: number) => {
    // Deep enough for any real layout; stops symlink loops.
    if (depth > 20) return;
    // Each real folder once: two looping links would otherwise branch 2^20 times.
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push(fileProblem(displayPath(dir), e as NodeJS.ErrnoException));
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push(fileProblem(displayPath(dir), e as NodeJS.ErrnoException));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = path.join(dir, name);
      let isDir = false;
      try {
        if (lstatSync(child).isSymbolicLink()) {
          // /etc/passwd or /dev/zero behind a link in plans/ is not a plan to read.
          const target = realpathSync(child);
          if (!roots.some((root) => isInside(target, root))) {
            if (/\.ya?ml$/i.test(name) || statSync(child).isDirectory()) problems.push(symlinkOutside(displayPath(child), target));
            continue;
          }
        }
        isDir = statSync(child).isDirectory();
      } catch (e) {
        problems.push(fileProblem(displayPath(child), e as NodeJS.ErrnoException));
        continue;
      }
      if (isDir) walk(child, depth + 1);
      else if (/\.ya?ml$/i.test(name) && !SPECIAL_FILES.has(name.toLowerCase())) add(child);
    }
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch (e) {
      problems.push(fileProblem(displayPath(input), e as NodeJS.ErrnoException));
      continue;
    }
    // Links may point anywhere inside the folder walked or the folder the command runs in.
    if (isDir) {
      roots = [realpathOrSelf(input), realpathOrSelf('.')];
      walk(input, 0);
    }
    else if (!SPECIAL_FILES.has(path.basename(input).toLowerCase())) add(input);
  }
  return { files, problems };
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(target: string, root: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function findUnitsFile(inputs: readonly string[], explicit: string | undefined): string | undefined {
  if (explicit) return existsSync(explicit) ? path.resolve(explicit) : undefined;
  const candidates: string[] = [];
  for (const input of inputs) {
    let dir: string;
    try {
      dir = statSync(input).isDirectory() ? input : path.dirname(input);
    } catch {
      continue;
    }
    candidates.push(path.join(dir, 'units.yaml'), path.join(dir, 'units.yml'));
  }
  candidates.push(path.join('plans', 'units.yaml'));
  const found = candidates.find((c) => existsSync(c));
  return found ? path.resolve(found) : undefined;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * For commands that build on the plans (show, sheets, report, schedule views):
 * the workspace, or the errors on stderr and exit 1 when any plan has one.
 */
export function loadValidWorkspace(paths: readonly string[], options: LoadOptions, g: GlobalOptions): Workspace {
  const lang = g.lang;
  const ws = loadWorkspace(paths, options);
  if (hasErrors(ws.diagnostics)) {
    const errors = ws.diagnostics.filter((d) => d.severity === 'error');
    g.io.stderr.write(renderDiagnosticsPretty(errors, (f) => ws.sources.get(f)?.text, lang));
    fail(lang, { vi: 'Kế hoạch có lỗi; sửa rồi chạy lại (xem plan check).', en: 'The plans have errors; fix them and run again (see plan check).' });
  }
  return ws;
}

/** The units --unit stands for: a unit, or a group's members (see entryFromOption). */
export function unitsFromOption(ws: Workspace, name: string, g: GlobalOptions): Unit[] {
  return ws.registry.expand(entryFromOption(ws.registry, name, g, ws.unitsFile));
}
