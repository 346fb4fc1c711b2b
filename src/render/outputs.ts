// The output formats of the commands that print a view (check, overdue,
// agenda, diff, show, ics, collect), in one place. A format is one file
// (src/render/output-*.ts) exporting `render`, one function per view it can
// print, plus its line in OUTPUT_FORMATS below: its name as --format takes it,
// the views it prints, and how to load it. The file loads only when its format
// is asked for, so a command pays for no renderer it does not use.
// (The document formats of sheets and reports live in formats.ts.)
import type { CalendarDate } from '../core/dates.js';
import type { Diagnostic, Lang } from '../core/diagnostic.js';
import type { PlanChange } from '../core/diff.js';
import type { PeriodName } from '../core/periods.js';
import type { Plan } from '../core/model.js';
import type { Agenda, Schedule, ScheduledItem } from '../core/schedule.js';
import type { OverdueList } from '../core/schedule-rows.js';
import type { UnitRegistry } from '../core/units.js';
import type { DiagnosticRun, PrintedMemo } from '../core/workspace.js';
import type { CollectedSource } from './collect-summary.js';
import type { FrameSource } from './diagnostics.js';
import type { IcsOptions } from './ics.js';
import type { DateRules } from './plan-json.js';
import type { GroupBy } from './schedule-table.js';

/** `plan check`: every diagnostic, and the counts of the summary. */
export interface CheckView {
  diagnostics: readonly Diagnostic[];
  /** The same diagnostics in runs (Workspace.diagnosticRuns): what a kept file's run prints may be kept under its key. */
  runs: readonly DiagnosticRun[];
  /** Where a format keeps what it printed of kept files' runs, named by `kind` (its format and language); none, none kept. */
  printed: (kind: string) => PrintedMemo | undefined;
  /** A file's text (or the lines of it the diagnostics show), for the code frames. */
  source: (file: string) => FrameSource | undefined;
  files: number;
  plans: number;
  tasks: number;
  duties: number;
  errors: number;
  warnings: number;
  asOf: CalendarDate;
  /** --as-of was given (otherwise the day is today, and the heading says so). */
  asOfGiven: boolean;
  overdue: number;
  dueSoon: number;
  dueSoonDays: number;
  /** The exit code will be 0. */
  ok: boolean;
}

/** `plan overdue`: what is late, most late first. */
export interface OverdueView {
  asOf: CalendarDate;
  items: OverdueList;
  groupBy: GroupBy;
  /** Several plans were read: each row says which. */
  showPlan: boolean;
}

/** `plan agenda`: what falls due in the coming days, and the deadlines waiting for an event. */
export interface AgendaView {
  agenda: Agenda;
  undated: Schedule['undated'];
}

/** `plan diff`: the changes between two sides, and what the two sides are. */
export interface DiffView {
  changes: readonly PlanChange[];
  title: string;
  periodName: PeriodName;
}

/** `plan show`: the resolved plans. */
export interface ShowView {
  plans: readonly Plan[];
  registry: UnitRegistry;
  rules: DateRules;
}

/** `plan collect`: what each returned file says, and what became of it in the plans. */
export interface CollectView {
  sources: readonly CollectedSource[];
  /** Written (--apply), not a dry run. */
  applied: boolean;
  periodName: PeriodName;
}

/** `plan ics`: the calendar's events. */
export interface IcsView {
  items: readonly ScheduledItem[];
  options: IcsOptions;
}

export interface Views {
  check: CheckView;
  overdue: OverdueView;
  agenda: AgendaView;
  diff: DiffView;
  show: ShowView;
  ics: IcsView;
  collect: CollectView;
}

export type ViewName = keyof Views;

/** Where a format writes, and what it may need to know of it. */
export interface OutputTarget {
  lang: Lang;
  /**
   * Called piece by piece: long outputs stream. Text, or UTF-8 bytes (the longest
   * outputs are assembled as bytes, stream.ts ByteWriter); true when it keeps the
   * very bytes given (a stream still waiting), which the caller then leaves alone.
   */
  write: (text: string | Uint8Array) => boolean | void;
  /** Columns of the terminal; undefined when output is piped (natural widths). */
  columns?: number;
}

/** What a format's file exports: how it prints each view it knows. */
export type OutputRenderers = { [V in ViewName]?: (view: Views[V], target: OutputTarget) => void };

export interface OutputFormat {
  /** As --format names it. */
  name: string;
  /** The views its file prints (the keys of its `render`). */
  views: readonly ViewName[];
  /** It shows diagnostics with the lines they point at (code frames): a check's results keep those lines. */
  codeFrames?: boolean;
  load: () => Promise<{ render: OutputRenderers }>;
}

/** Each command's --format lists the formats that print its view, in this order. */
export const OUTPUT_FORMATS: OutputFormat[] = [
  { name: 'pretty', views: ['check'], codeFrames: true, load: () => import('./output-pretty.js') },
  { name: 'short', views: ['check'], load: () => import('./output-short.js') },
  { name: 'table', views: ['overdue'], load: () => import('./output-table.js') },
  { name: 'text', views: ['agenda', 'diff', 'show', 'collect'], load: () => import('./output-text.js') },
  { name: 'md', views: ['overdue', 'diff'], load: () => import('./output-markdown.js') },
  { name: 'json', views: ['check', 'overdue', 'agenda', 'diff', 'show', 'collect'], load: () => import('./output-json.js') },
  { name: 'ics', views: ['ics'], load: () => import('./output-ics.js') },
];

/** The formats that print this view. */
export function outputFormatsFor(view: ViewName): OutputFormat[] {
  return OUTPUT_FORMATS.filter((f) => f.views.includes(view));
}

/** Print the view in the format (one of outputFormatsFor(view)). */
export async function renderOutput<V extends ViewName>(view: V, data: Views[V], format: OutputFormat, target: OutputTarget): Promise<void> {
  const { render } = await format.load();
  const print = render[view] as ((view: Views[V], target: OutputTarget) => void) | undefined;
  if (!print) throw new Error(`the ${format.name} format registers the ${view} view but its file does not print it`);
  print(data, target);
}
