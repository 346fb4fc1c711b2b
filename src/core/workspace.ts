// The one loader: a workspace assembled from the bytes of its files and a
// context (the day, the rule for "trước ngày"), checked by one list of rules.
// Pure: finding and reading the files is the I/O layer's job (src/io/files.ts);
// commands, diff, import's self-check and the tests all come through here.
import {
  CACHED_PLAN,
  type CachedPlan,
  CLEAN,
  contentDigest,
  dataFileKey,
  decodeDataFile,
  decodePlan,
  encodeDataFile,
  encodePlan,
  FileStore,
  planKey,
  planPart,
  PrintedStore,
  readBrief,
  storeName,
  workspaceKey,
  type ContentCache,
} from './cache.js';
import type { Check, CheckContext } from './checks.js';
import { checkLeadAuthority, checkUnknownUnits, PLAN_CHECKS, runChecks } from './checks.js';
import type { CalendarDate } from './dates.js';
import { formatIso } from './dates.js';
import { decodeText, legacyHelp } from './decode.js';
import type { Diagnostic } from './diagnostic.js';
import { capPerFile, countBySeverity, localized, MAX_DIAGNOSTICS_PER_FILE } from './diagnostic.js';
import type { ReadOptions, SourceFile } from './load.js';
import { locateDiagnostics, parsePlan, parseUnits, parseYaml, validate } from './load.js';
import type { Plan } from './model.js';
import type { PlanSummary } from './schedule.js';
import { buildSchedule, summarizePlan } from './schedule.js';
import type { PlanRows } from './schedule-rows.js';
import { RowsStore } from './rows-store.js';
import { planRows } from './schedule-rows.js';
import { checkDeadlinesOnDaysOff } from './progress-checks.js';
import type { Settings } from './settings.js';
import { buildSettings, settingsFile } from './settings.js';
import type { FileSchema } from './shape.js';
import type { UnitRegistry } from './units.js';
import { EMPTY_REGISTRY } from './units.js';
import type { WorkCalendar } from './workdays.js';
import { buildWorkCalendar, calendarFile, checkCalendarFile } from './workdays.js';
import { LineCounter, linesOfText } from './lines.js';

/** One file as the I/O layer hands it over: its bytes, or why they could not be read. */
export type FileInput = { file: string; bytes: Uint8Array } | { file: string; problem: Diagnostic };

/**
 * A plan file only hashed so far, for a run with a content cache: its bytes' digest
 * (contentDigest), and how to read it should its result not be kept. A thousand files
 * read through one reused buffer cost a fraction of keeping all their bytes.
 */
export interface HashedInput {
  file: string;
  digest: string;
  read(): FileInput;
}

/** Everything the I/O layer found for a workspace. */
export interface WorkspaceFiles {
  plans: (FileInput | HashedInput)[];
  /** The units file; absent when none was found (an error: units-not-found). */
  units?: FileInput;
  /** The units file's name as shown (the one looked for when absent). */
  unitsFile: string;
  /** The folder of the units file (also holds calendar.yaml, settings.yaml). */
  dataDir: string;
  calendar?: FileInput;
  settings?: FileInput;
  /** Problems met while looking for the files (a missing folder, a loop). */
  problems: Diagnostic[];
}

export interface WorkspaceContext {
  /** The real day: a record dated after it is a mistake (date-in-future). Commands always give it. */
  today?: CalendarDate;
  /** Overrides settings.yaml's strictBefore. */
  strictBefore?: boolean;
  /** Extra rules to run after the standard ones. */
  extraChecks?: readonly Check[];
  /** Where plan files' results are kept between runs (see cache.ts); none, none kept. */
  cache?: ContentCache;
  /**
   * Checks many plan files at once (worker threads: src/io/parallel.ts), for a command that
   * needs their results but not their models (plan check). Absent: each is read here, model kept.
   */
  checkPlans?: PlanChecker;
  /** The caller shows code frames: each plan file's result keeps the lines its diagnostics point at, as for the cache. */
  codeFrames?: boolean;
}

/** The files beside the plans (units, calendar, settings). */
export type DataFiles = Omit<WorkspaceFiles, 'plans' | 'problems'>;

/** What checking a plan file needs besides its bytes, as it can be sent to another thread. */
export interface PlanRecipe {
  data: DataFiles;
  today?: CalendarDate;
  strictBefore?: boolean;
  codeFrames?: boolean;
}

/** One plan file to check; with a key, its model is also encoded for the content cache. */
export interface PlanJob {
  file: string;
  bytes: Uint8Array;
  key?: string;
}

/** What checking a plan file gave, without its model: as a cache entry keeps it (plus the model encoded, for a job with a key). */
export interface PlanResult extends CachedPlan {
  encoded?: string;
}

/** Results of the jobs in their order; `here(i)` checks the i-th on this thread. */
export type PlanChecker = (recipe: PlanRecipe, jobs: readonly PlanJob[], here: (i: number) => PlanResult) => PlanResult[];

export interface Workspace {
  plans: Plan[];
  /** Per plan (in the order of plans): what plan check's summary line needs. */
  summaries: PlanSummary[];
  /** Per plan (in the order of plans): its schedule as the overdue view reads it. */
  rows: PlanRows[];
  registry: UnitRegistry;
  unitsFile: string;
  dataDir: string;
  /** The plan files, as shown. */
  files: string[];
  sources: Map<string, SourceFile>;
  /** Located diagnostics of every file, in file order. */
  diagnostics: Diagnostic[];
  /** Whether any of them is an error (known without them when the cache's index says every kept file is clean). */
  hasErrors: boolean;
  /**
   * The same diagnostics in runs, in the same order: the whole result of a kept file that alone
   * fails nothing (CLEAN) is a run of its own, read only when asked for, and what a view prints
   * of it is a function of its key (printedStore); the others' come between, located.
   */
  diagnosticRuns(): DiagnosticRun[];
  /** Where a view keeps what it printed of kept files' runs, by what `kind` names (its format and language); none without a content cache. */
  printedStore(kind: string): PrintedMemo | undefined;
  /** Working days: the law, plus dataDir/calendar.yaml when present. */
  calendar: WorkCalendar;
  /** dataDir/settings.yaml, or the defaults. */
  settings: Settings;
  /** The rules every plan of this workspace was checked with, and their context. */
  checks: readonly Check[];
  checkContext: CheckContext;
}

/** A run of diagnostics (Workspace.diagnosticRuns): how many, and how many errors, known before they are read. */
export interface DiagnosticRun {
  /** The run is this file's whole kept result, made under this key. */
  kept?: { file: string; key: string };
  count: number;
  errors: number;
  diagnostics(): readonly Diagnostic[];
}

/** What a view printed of each kept file's run (PrintedStore), read when first asked for; save() once printed. */
export interface PrintedMemo {
  get(file: string, key: string): Uint8Array | undefined;
  set(file: string, key: string, bytes: Uint8Array): void;
  save(): void;
}

type Parse<T> = (file: string, text: string, options?: ReadOptions) => { source: SourceFile; value?: T; diagnostics: Diagnostic[] };

export function assembleWorkspace(input: WorkspaceFiles, context: WorkspaceContext): Workspace {
  const diagnostics: Diagnostic[] = [...input.problems];
  const sources = new Map<string, SourceFile>();
  // Rules given by the caller are code the key cannot see: such a run neither reads nor writes the cache.
  const cache = context.extraChecks?.length ? undefined : context.cache;
  const around = readSurroundings(input, context, sources, diagnostics, cache);
  const { calendar, settings, strictBefore } = around;

  const shared = cache
    ? workspaceKey(cache, {
        units: input.units,
        unitsFile: input.unitsFile,
        calendar: input.calendar,
        settings: input.settings,
        ...(context.today ? { today: formatIso(context.today) } : {}),
        strictBefore,
      })
    : undefined;
  const resultsName = storeName('results', input.unitsFile);
  const store = shared !== undefined ? FileStore.read(shared, cache!.getLine(resultsName), CACHED_PLAN) : undefined;
  const readUnits = around.units;
  // Kept results are read from the store when first asked for; equal key, equal result: should the
  // store's value fail to read, the file is checked again. A clean one's diagnostics (CLEAN: no error,
  // all its own) are not even asked for until the diagnostics are: a command that only needs to know
  // that nothing is in error (overdue) never parses them. `at`: where they stand among the others.
  const deferred: Deferred[] = [];
  const keptResult = (file: string, key: string, again: () => CachedPlan): (() => CachedPlan) => {
    let result: CachedPlan | undefined;
    return () => {
      if (result) return result;
      result = store!.get(file, key);
      if (result) return result;
      // Made again and kept again (written back once the diagnostics or summaries are all read: saveStore).
      const { diagnostics, summary, lines } = again();
      result = { diagnostics, ...(summary ? { summary } : {}), ...(lines ? { lines } : {}) };
      store!.set(file, key, result);
      return result;
    };
  };
  const saveStore = () => store?.save((entry) => cache!.set(resultsName, entry));
  const useKept = (file: string, key: string, { flags, count }: KeptIndex, result: () => CachedPlan) => {
    if (flags & CLEAN) deferred.push({ at: diagnostics.length, file, key, count, diagnostics: () => result().diagnostics });
    else diagnostics.push(...result().diagnostics);
  };

  // What the store's index says of a file kept under this key: its flags, and (brief) its count and summary.
  // An index line that does not hold both as they must be is not trusted: the file is read again.
  const keptIndex = (file: string, key: string): KeptIndex | undefined => {
    const flags = store?.flags(file, key);
    const brief = flags !== undefined ? readBrief(store!.brief(file, key)) : undefined;
    return brief ? { flags: flags!, ...brief } : undefined;
  };

  const scheduleOptions = around.scheduleOptions;
  const keyOf = (file: FileInput | HashedInput) =>
    shared === undefined ? undefined : 'digest' in file ? planKey(shared, file.file, file.digest) : 'bytes' in file ? planKey(shared, file.file, contentDigest(file.bytes)) : undefined;
  const keys = input.plans.map(keyOf);
  const kept = input.plans.map((file, i) => (keys[i] !== undefined ? keptIndex(file.file, keys[i]) : undefined));
  // A file only hashed is read now when its result is not kept, and keyed by the bytes read (it may have changed since).
  const planFiles = input.plans.map((file, i) => {
    if (!('digest' in file) || kept[i] !== undefined) return file;
    const read = file.read();
    keys[i] = keyOf(read);
    return read;
  });
  // Files not in the cache, checked elsewhere when the caller can (their models are read again only if asked for).
  const checkPlans = context.extraChecks?.length ? undefined : context.checkPlans;
  const jobs: PlanJob[] = [];
  const jobOf: number[] = [];
  if (checkPlans) {
    planFiles.forEach((file, i) => {
      if (kept[i] !== undefined || !('bytes' in file)) return;
      jobOf[i] = jobs.length;
      jobs.push({ file: file.file, bytes: file.bytes, ...(keys[i] !== undefined ? { key: keys[i] } : {}) });
    });
  }
  const { units: unitsInput, unitsFile, dataDir, calendar: calendarInput, settings: settingsInput } = input;
  const recipe: PlanRecipe = {
    data: { unitsFile, dataDir, ...(unitsInput ? { units: unitsInput } : {}), ...(calendarInput ? { calendar: calendarInput } : {}), ...(settingsInput ? { settings: settingsInput } : {}) },
    ...(context.today ? { today: context.today } : {}),
    ...(context.strictBefore !== undefined ? { strictBefore: context.strictBefore } : {}),
    ...(context.codeFrames ? { codeFrames: true } : {}),
  };
  const checked = checkPlans && jobs.length > 0 ? checkPlans(recipe, jobs, (i) => planResult(jobs[i]!, around, framing(recipe, jobs[i]!))) : [];
  // The units file's diagnostics come before the plans' (and its source first among the sources: readSurroundings);
  // it is read after the plans are handed to the other thread, which need not wait for this one to parse it.
  if (input.units) {
    const unitsInput = input.units;
    // The units file's own diagnostics depend on its bytes alone, which the store's key holds.
    const index = 'bytes' in unitsInput ? keptIndex(unitsInput.file, shared!) : undefined;
    if (index !== undefined && 'bytes' in unitsInput) {
      const result = keptResult(unitsInput.file, shared!, () => ({ diagnostics: readUnits().diagnostics, ...framedLines(unitsInput.file, readUnits().diagnostics, sources) }));
      sources.set(
        unitsInput.file,
        cachedSource(
          unitsInput.file,
          () => unitsInput.bytes,
          () => result().lines,
        ),
      );
      useKept(unitsInput.file, shared!, index, result);
    } else {
      const read = readUnits();
      diagnostics.push(...read.diagnostics);
      store?.set(unitsInput.file, shared!, { diagnostics: read.diagnostics, ...framedLines(unitsInput.file, read.diagnostics, sources) });
    }
  } else {
    diagnostics.push({
      file: input.unitsFile,
      severity: 'error',
      code: 'units-not-found',
      message: localized(`không tìm thấy tệp danh mục đơn vị ${input.unitsFile}`, `units file ${input.unitsFile} not found`),
      help: localized('đặt units.yaml cạnh các kế hoạch, hoặc chỉ ra bằng --units TỆP', 'put units.yaml beside the plans, or name it with --units FILE'),
    });
  }

  const loaded: LoadedPlan[] = [];
  planFiles.forEach((file, i) => {
    const key = keys[i];
    // Equal key, equal result: without its kept model the plan is read from its bytes again.
    const load = () => (key !== undefined ? decodePlan(key, cache!.get(planPart(key))) : undefined) ?? readSource(readNow(file), parsePlan, new Map(), [])!;
    const index = kept[i];
    if (index !== undefined && key !== undefined && !('problem' in file)) {
      const result = keptResult(file.file, key, () => {
        const now = readNow(file);
        return 'bytes' in now ? planResult({ file: now.file, bytes: now.bytes }, around, true) : { diagnostics: [now.problem] };
      });
      sources.set(
        file.file,
        cachedSource(
          file.file,
          () => bytesOf(readNow(file)),
          () => result().lines,
        ),
      );
      useKept(file.file, key, index, result);
      if (index.summary) loaded.push({ file: file.file, key, summary: index.summary, load });
      return;
    }
    const result = jobOf[i] !== undefined ? checked[jobOf[i]] : undefined;
    if (result && !('problem' in file)) {
      sources.set(
        file.file,
        cachedSource(
          file.file,
          () => bytesOf(readNow(file)),
          () => result.lines,
        ),
      );
      diagnostics.push(...result.diagnostics);
      if (result.summary) loaded.push({ file: file.file, ...(key !== undefined ? { key } : {}), summary: result.summary, load });
      if (key === undefined) return;
      const { encoded, ...entry } = result as PlanResult;
      if (encoded !== undefined) cache!.set(planPart(key), encoded);
      store!.set(file.file, key, entry);
      return;
    }
    // Each file's diagnostics are located as soon as it is read (its entry keeps them so).
    const { plan, located, summary } = checkPlanFile(readNow(file), around, sources, key !== undefined);
    diagnostics.push(...located);
    if (plan) loaded.push({ file: file.file, plan, ...(key !== undefined ? { key } : {}), ...(summary ? { summary } : {}) });
    if (key === undefined) return;
    if (plan) cache!.set(planPart(key), encodePlan(key, plan));
    store!.set(file.file, key, { diagnostics: located, ...(summary ? { summary } : {}), ...framedLines(file.file, located, sources) });
  });
  saveStore();
  // Where each file's diagnostics stand: as the files were met (every source is known once assembled).
  let order: Map<string, number> | undefined;
  const orderOf = (file: string) => (order ??= new Map([...sources.keys()].map((f, i) => [f, i]))).get(file) ?? -1;
  const locate = (list: Diagnostic[]) =>
    capPerFile(
      locateDiagnostics(list, sources).sort((a, b) => orderOf(a.file) - orderOf(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
      MAX_DIAGNOSTICS_PER_FILE,
    );
  let located: Diagnostic[] | undefined;
  const allLocated = () => {
    if (located) return located;
    located = locate(withDeferred(diagnostics, deferred));
    saveStore();
    return located;
  };
  // Clean files add no error of their own, nor change where the others' diagnostics stand, unless one of those is about a clean file.
  const othersAlone = () => {
    const clean = new Set(deferred.map((d) => d.file));
    return !located && deferred.length > 0 && !diagnostics.some((d) => clean.has(d.file));
  };
  const failing = () => hasErrors(othersAlone() ? locate(diagnostics) : allLocated());
  const diagnosticRuns = (): DiagnosticRun[] => {
    const inOrder = deferred.every((part, i) => i === 0 || orderOf(deferred[i - 1]!.file) < orderOf(part.file));
    if (!othersAlone() || !inOrder) return [locatedRun(allLocated())];
    // The others, located, as all are (file by file in order), with each clean file's run where its file stands.
    const others = locate(diagnostics);
    const runs: DiagnosticRun[] = [];
    let from = 0;
    for (const part of deferred) {
      const at = orderOf(part.file);
      let to = from;
      while (to < others.length && orderOf(others[to]!.file) < at) to++;
      if (to > from) runs.push(locatedRun(others.slice(from, to)));
      from = to;
      runs.push({ kept: { file: part.file, key: part.key }, count: part.count, errors: 0, diagnostics: () => locate(part.diagnostics()) });
    }
    if (from < others.length) runs.push(locatedRun(others.slice(from)));
    return runs;
  };
  let plans: Plan[] | undefined;
  let summaries: PlanSummary[] | undefined;
  let rows: PlanRows[] | undefined;
  const planOf = (l: LoadedPlan) => (l.plan ??= l.load!());
  // The overdue view's rows: from the cache's rows store (one file) when kept, else from the plan.
  const readRows = () => {
    const rowsName = storeName('rows', input.unitsFile);
    const kept = shared !== undefined ? RowsStore.read(shared, cache!.getBytes(rowsName)) : undefined;
    const list = loaded.map((l) => {
      const found = l.key !== undefined ? kept?.get(l.file, l.key) : undefined;
      if (found) return found;
      const plan = planOf(l);
      const made = planRows(plan, buildSchedule([plan], readUnits().registry, scheduleOptions));
      if (l.key !== undefined) kept?.set(l.file, l.key, made);
      return made;
    });
    kept?.save((entry) => cache!.setBytes(rowsName, entry));
    return list;
  };
  return {
    // Plans from the cache are read when something asks for them (plan check reads the summaries alone).
    get plans() {
      return (plans ??= loaded.map(planOf));
    },
    get summaries() {
      if (summaries) return summaries;
      summaries = loaded.map((l) => (l.summary ??= summarizePlan(planOf(l), readUnits().registry, scheduleOptions)));
      saveStore();
      return summaries;
    },
    get rows() {
      return (rows ??= readRows());
    },
    get registry() {
      return readUnits().registry;
    },
    unitsFile: input.unitsFile,
    dataDir: input.dataDir,
    files: planFiles.map((p) => p.file),
    sources,
    get diagnostics() {
      return allLocated();
    },
    get hasErrors() {
      return failing();
    },
    diagnosticRuns,
    printedStore(kind) {
      if (shared === undefined) return undefined;
      const name = storeName(kind, input.unitsFile);
      let printed: PrintedStore | undefined;
      const read = () => (printed ??= PrintedStore.read(shared, cache!.getBytes(name)));
      return {
        get: (file, key) => read().get(file, key),
        set: (file, key, bytes) => read().set(file, key, bytes),
        save() {
          // Kept results read again while printing are written back too.
          saveStore();
          printed?.save((entry) => cache!.setBytes(name, entry));
        },
      };
    },
    calendar,
    settings: { ...settings, strictBefore },
    get checks() {
      return around.rules().checks;
    },
    get checkContext() {
      return around.rules().checkContext;
    },
  };
}

/** What a plan file is checked against: the files beside the plans, read, and the rules made from them on first use. */
interface Surroundings {
  calendar: WorkCalendar;
  settings: Settings;
  strictBefore: boolean;
  scheduleOptions: { calendar: WorkCalendar; strictBefore: boolean };
  units(): { registry: UnitRegistry; readable: boolean; diagnostics: Diagnostic[] };
  rules(): { checks: readonly Check[]; checkContext: CheckContext };
}

/** calendar.yaml and settings.yaml read (their diagnostics into `diagnostics`); units.yaml and the rules when first asked for. */
function readSurroundings(input: DataFiles, context: Omit<WorkspaceContext, 'cache' | 'checkPlans'>, sources: Map<string, SourceFile>, diagnostics: Diagnostic[], cache?: ContentCache): Surroundings {
  // The units file comes first among the sources (diagnostics are shown in that order), even when it is read later.
  if (input.units) sources.set(input.units.file, { file: input.units.file, text: '', lineCounter: new LineCounter() });
  const calendarData = input.calendar ? readKept(cache, calendarFile, readCalendar, input.calendar, sources, diagnostics) : undefined;
  const calendar = buildWorkCalendar(calendarData);
  const settingsData = input.settings ? readKept(cache, settingsFile, readSettings, input.settings, sources, diagnostics) : undefined;
  const settings = buildSettings(settingsData);
  const strictBefore = context.strictBefore ?? settings.strictBefore;

  // The units registry is built only when something needs it: a plan to check, or a command that
  // looks units up. When every result comes from the cache, plan check never reads units.yaml.
  let units: ReturnType<Surroundings['units']> | undefined;
  const readUnits = () => {
    if (units) return units;
    const found: Diagnostic[] = [];
    const parsed = input.units ? readUnitsFile(input.units, sources, found) : undefined;
    return (units = { registry: parsed ?? EMPTY_REGISTRY, readable: parsed !== undefined, diagnostics: locateDiagnostics(found, sources) });
  };
  let rules: ReturnType<Surroundings['rules']> | undefined;
  const readRules = () => {
    if (rules) return rules;
    const { registry, readable } = readUnits();
    const all = [...PLAN_CHECKS, checkDeadlinesOnDaysOff(calendar), ...(context.extraChecks ?? [])];
    // Without a readable units file every unit name would look unknown: its own errors are reported once instead.
    const checks = readable ? all : all.filter((c) => c !== checkUnknownUnits && c !== checkLeadAuthority);
    const checkContext: CheckContext = { registry, unitsFile: input.unitsFile, ...(context.today ? { today: context.today } : {}), ...(strictBefore ? { strictBefore: true } : {}) };
    return (rules = { checks, checkContext });
  };
  return { calendar, settings, strictBefore, scheduleOptions: { calendar, strictBefore }, units: readUnits, rules: readRules };
}

/**
 * readSource for a file beside the plans, remembering its last few results by name and bytes.
 * A process that loads the same workspace again (diff's two sides, an edit checked before it is
 * written, a script or test calling main() many times) reads units.yaml once: parsing it and
 * building the registry costs about as much as the seed plan (~30 ms). What is remembered is
 * never changed by its users (diagnostics are located into new objects, sources are filled once).
 */
function rememberedReader<T>(parse: Parse<T>): (input: FileInput, sources: Map<string, SourceFile>, diagnostics: Diagnostic[]) => T | undefined {
  const kept: { file: string; bytes: Uint8Array; value: T | undefined; source: SourceFile | undefined; diagnostics: Diagnostic[] }[] = [];
  return (input, sources, diagnostics) => {
    if (!('bytes' in input)) return readSource(input, parse, sources, diagnostics);
    let hit = kept.find((k) => k.file === input.file && Buffer.compare(k.bytes, input.bytes) === 0);
    if (!hit) {
      const own = new Map<string, SourceFile>();
      const found: Diagnostic[] = [];
      const value = readSource(input, parse, own, found);
      // A copy: the I/O layer may read the next file into the same buffer.
      hit = { file: input.file, bytes: input.bytes.slice(), value, source: own.get(input.file), diagnostics: found };
      if (kept.unshift(hit) > REMEMBERED_FILES) kept.pop();
    }
    if (hit.source) sources.set(input.file, hit.source);
    diagnostics.push(...hit.diagnostics);
    return hit.value;
  };
}

/** Per kind of file beside the plans: enough for a few workspaces used in turn. */
const REMEMBERED_FILES = 4;

const readUnitsFile = rememberedReader(parseUnits);
const readCalendar = rememberedReader(dataFileParser(calendarFile, checkCalendarFile));
const readSettings = rememberedReader(dataFileParser(settingsFile));

/**
 * A data file read through the content cache: a file that read clean is kept as its checked value
 * (dataFileKey), and a kept value is used when it still fits the file's schema. A file with
 * diagnostics is read every time, so its source is there for their code frames; a clean one's
 * source is never asked for.
 */
function readKept<T>(
  cache: ContentCache | undefined,
  schema: FileSchema<T>,
  read: ReturnType<typeof rememberedReader<T>>,
  input: FileInput,
  sources: Map<string, SourceFile>,
  diagnostics: Diagnostic[],
): T | undefined {
  if (!cache || !('bytes' in input)) return read(input, sources, diagnostics);
  const key = dataFileKey(cache, input.file, input.bytes);
  const kept = decodeDataFile(key, cache.get(key));
  if (kept && schema.fits(kept.value)) return kept.value as T;
  const found: Diagnostic[] = [];
  const value = read(input, sources, found);
  diagnostics.push(...found);
  if (value !== undefined && found.length === 0) cache.set(key, encodeDataFile(key, value));
  return value;
}

/** One plan file read and checked: its model, its located diagnostics, and (when asked) its summary. */
function checkPlanFile(file: FileInput, around: Surroundings, sources: Map<string, SourceFile>, withSummary: boolean): { plan?: Plan; located: Diagnostic[]; summary?: PlanSummary } {
  const found: Diagnostic[] = [];
  const plan = readSource(file, parsePlan, sources, found);
  if (plan) {
    const { checks, checkContext } = around.rules();
    found.push(...runChecks(plan, checkContext, checks));
  }
  const located = locateDiagnostics(found, sources);
  const summary = plan && withSummary ? summarizePlan(plan, around.units().registry, around.scheduleOptions) : undefined;
  return { ...(plan ? { plan } : {}), located, ...(summary ? { summary } : {}) };
}

/** A plan file's result; `framed`: with the lines its diagnostics point at (for the content cache, or code frames shown). */
function planResult(job: PlanJob, around: Surroundings, framed: boolean): PlanResult {
  const sources = new Map<string, SourceFile>();
  const { plan, located, summary } = checkPlanFile({ file: job.file, bytes: job.bytes }, around, sources, true);
  // Else the lines would be cut for every diagnostic and held to the end of the run, for nothing.
  if (!framed) return { diagnostics: located, ...(summary ? { summary } : {}) };
  return {
    diagnostics: located,
    ...(summary ? { summary } : {}),
    ...framedLines(job.file, located, sources),
    ...(plan && job.key !== undefined ? { encoded: encodePlan(job.key, plan) } : {}),
  };
}

/** Whether a job's result keeps the lines its diagnostics point at: it goes to the content cache, or code frames are shown. */
function framing(recipe: PlanRecipe, job: PlanJob): boolean {
  return job.key !== undefined || recipe.codeFrames === true;
}

/** How another thread checks plan files exactly as assembleWorkspace would here, from the recipe it was sent. */
export function planCheckerFor(recipe: PlanRecipe): (job: PlanJob) => PlanResult {
  const around = readSurroundings(recipe.data, recipe, new Map(), []);
  return (job) => planResult(job, around, framing(recipe, job));
}

/**
 * Reads the files beside the plans as a checker made from them will (their parsed values are
 * remembered by name and bytes: rememberedReader), so that a thread waiting for its plan files
 * has units.yaml parsed and its registry built before they come.
 */
export function readAhead(data: DataFiles): void {
  readSurroundings(data, {}, new Map(), []).units();
}

/**
 * Parse and check a plan's text exactly as assembleWorkspace checked its file
 * (for edits validated before they are written). The diagnostics come unplaced:
 * an edit compares them with the file's by code and message, and `locate`
 * places only those it shows (of a plan's 200 warnings, usually none).
 */
export function checkPlanText(ws: Workspace, file: string, text: string): { diagnostics: Diagnostic[]; locate: (shown: Diagnostic[]) => Diagnostic[] } {
  const parsed = parsePlan(file, text);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value) diagnostics.push(...runChecks(parsed.value, ws.checkContext, ws.checks));
  const sources = new Map([[file, parsed.source]]);
  return { diagnostics, locate: (shown) => locateDiagnostics(shown, sources) };
}

/**
 * The parse step of every file: bytes → text (encoding, size, legacy fonts) →
 * parsed value with its diagnostics. The one seam to change how files are read.
 */
export function readSource<T>(input: FileInput, parse: Parse<T>, sources: Map<string, SourceFile>, diagnostics: Diagnostic[]): T | undefined {
  const { file } = input;
  const unreadable = (d: Diagnostic) => {
    // The refusal is shown against a (blank) source, as every other file's diagnostics are.
    sources.set(file, { file, text: '', lineCounter: new LineCounter() });
    diagnostics.push(d);
    return undefined;
  };
  if ('problem' in input) return unreadable(input.problem);
  const decoded = decodeText(input.bytes);
  if (!decoded.ok) {
    return unreadable({
      file,
      severity: 'error',
      code: decoded.code,
      message: decoded.message,
      ...(decoded.help ? { help: decoded.help } : {}),
      // Every refusal has a position, as every diagnostic of a file does.
      line: decoded.line ?? 1,
      column: decoded.column ?? 1,
    });
  }
  const parsed = parse(file, decoded.text, decoded.stable ? STABLE_TEXT : undefined);
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

const STABLE_TEXT: ReadOptions = { stable: true };

/** A plan file's bytes or why they cannot be read, reading a file only hashed so far. */
function readNow(file: FileInput | HashedInput): FileInput {
  return 'digest' in file ? file.read() : file;
}

/** The bytes of a file read, none for one that could not be (its diagnostics were shown against a blank source). */
function bytesOf(file: FileInput): Uint8Array {
  return 'bytes' in file ? file.bytes : new Uint8Array(0);
}

/** A plan as loaded: its model, or from the cache the way to read it; its summary when known. */
interface LoadedPlan {
  file: string;
  /** Its key in the content cache, when there is one. */
  key?: string;
  plan?: Plan;
  load?: () => Plan;
  summary?: PlanSummary;
}

/** What the results store's index says of a kept file: its flags, how many diagnostics it has, its summary (a plan's). */
interface KeptIndex {
  flags: number;
  count: number;
  summary?: PlanSummary;
}

/** A kept clean file's diagnostics, read only when asked for (`at`: where they stand among the others), with its key and how many. */
interface Deferred {
  at: number;
  file: string;
  key: string;
  count: number;
  diagnostics: () => Diagnostic[];
}

/** A run of located diagnostics (Workspace.diagnosticRuns). */
function locatedRun(list: readonly Diagnostic[]): DiagnosticRun {
  return { count: list.length, errors: countBySeverity(list).errors, diagnostics: () => list };
}

/** The diagnostics with the deferred ones read and put where they stood. */
function withDeferred(diagnostics: readonly Diagnostic[], deferred: readonly { at: number; diagnostics: () => Diagnostic[] }[]): Diagnostic[] {
  if (deferred.length === 0) return [...diagnostics];
  const all: Diagnostic[] = [];
  let from = 0;
  for (const part of deferred) {
    for (; from < part.at; from++) all.push(diagnostics[from]!);
    all.push(...part.diagnostics());
  }
  for (; from < diagnostics.length; from++) all.push(diagnostics[from]!);
  return all;
}

/** The lines of a file its located diagnostics show in their code frames, to keep beside them in the cache. */
function framedLines(file: string, located: readonly Diagnostic[], sources: ReadonlyMap<string, SourceFile>): { lines?: Record<number, string> } {
  const numbers = located.filter((d) => d.file === file).map((d) => d.line ?? 1);
  const source = sources.get(file);
  if (numbers.length === 0 || source?.text === undefined) return {};
  // A file the fast path read has its line starts counted (a start after each LF) once its diagnostics are located; `yaml`'s are its own.
  return { lines: linesOfText(source.text, numbers, source.fast ? source.lineCounter : undefined) };
}

/**
 * A plan file whose result came from the cache: its text is decoded only if something asks for it
 * (a diagnostic's line not kept with it, an edit).
 */
function cachedSource(file: string, bytes: () => Uint8Array, knownLines: () => Readonly<Record<number, string>> | undefined): SourceFile {
  let text: string | undefined;
  return {
    file,
    get knownLines() {
      return knownLines();
    },
    get text() {
      if (text === undefined) {
        const decoded = decodeText(bytes());
        // Bytes that cannot be decoded were shown against a blank source when first read (readSource).
        text = decoded.ok ? decoded.text : '';
      }
      return text;
    },
    lineCounter: new LineCounter(),
  };
}

/** Parse and validate a small data file beside the plans (an empty file is an empty object). */
function dataFileParser<T>(schema: FileSchema<T>, extra?: (value: T, file: string) => Diagnostic[]): Parse<T> {
  return (file, text) => {
    const parsed = parseYaml(file, text);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return { source: parsed.source, diagnostics: parsed.diagnostics };
    const { value, diagnostics } = validate(file, schema, parsed.value ?? {}, parsed.source);
    const all = [...parsed.diagnostics, ...diagnostics, ...(value !== undefined && extra ? extra(value, file) : [])];
    return value !== undefined ? { source: parsed.source, value, diagnostics: all } : { source: parsed.source, diagnostics: all };
  };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
