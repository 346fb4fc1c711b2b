// Loading a workspace for a command: the I/O layer reads the files
// (src/io/files.ts), the one loader assembles and checks them
// (src/core/workspace.ts) against the real day, by one rule: records are
// checked against today by the clock; --as-of only chooses the day a view is
// computed for, so every command accepts and refuses the same workspaces.
import type { Unit } from '../core/units.js';
import type { ContentCache } from '../core/cache.js';
import type { Check } from '../core/checks.js';
import { assembleWorkspace, type Workspace } from '../core/workspace.js';
import { defaultCacheLocation, openCache } from '../io/cache.js';
import { openDigestMemo } from '../io/digests.js';
import { readWorkspaceFiles } from '../io/files.js';
import { twoThreads } from '../io/parallel.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { fail, today } from './context.js';
import { entryFromOption } from './unit-option.js';

export type { Workspace } from '../core/workspace.js';

export interface LoadOptions {
  units?: string;
  strictBefore?: boolean;
  /** Extra rules to run after the standard ones. */
  extraChecks?: readonly Check[];
  /** The command reads results and summaries, never the models: big workspaces are checked on two threads. */
  parallel?: boolean;
  /** The command shows code frames (plan check --format pretty): results keep the lines they point at. */
  codeFrames?: boolean;
}

export function loadWorkspace(paths: readonly string[], options: LoadOptions, g: GlobalOptions): Workspace {
  const cache = contentCache(g);
  // Rules given by the caller run on this thread only (assembleWorkspace): no worker is started for them.
  const threads = options.parallel && !options.extraChecks?.length ? twoThreads(g.io.env.PLAN_THREADS, g.lang, { paths, ...(options.units !== undefined ? { units: options.units } : {}) }) : undefined;
  // With a cache, plan files are hashed first (or their digests known from their stat) and read in full only when their results are not kept.
  const hashOnly = cache.cache !== undefined && !options.extraChecks?.length;
  const files = readWorkspaceFiles(paths, options.units, {
    hashOnly,
    ...(hashOnly ? { digests: openDigestMemo(cache.cache!) } : {}),
    ...(threads ? { alloc: threads.alloc } : {}),
  });
  return assembleWorkspace(files, {
    today: today(g),
    ...cache,
    ...(options.strictBefore !== undefined ? { strictBefore: options.strictBefore } : {}),
    ...(options.extraChecks ? { extraChecks: options.extraChecks } : {}),
    ...(threads ? { checkPlans: threads.check } : {}),
    ...(options.codeFrames ? { codeFrames: true } : {}),
  });
}

/** The content cache of this run: --cache-location, else the default folder when there is one; none with --no-cache. */
function contentCache(g: GlobalOptions): { cache?: ContentCache } {
  const location = g.noCache ? undefined : (g.cacheLocation ?? defaultCacheLocation(process.cwd()));
  return location ? { cache: openCache(location) } : {};
}

/**
 * For commands that build on the plans (show, sheets, report, schedule views):
 * the workspace, or the errors on stderr and exit 1 when any plan has one.
 */
export function loadValidWorkspace(paths: readonly string[], options: LoadOptions, g: GlobalOptions): Workspace {
  const lang = g.lang;
  const ws = loadWorkspace(paths, options, g);
  if (ws.hasErrors) {
    const errors = ws.diagnostics.filter((d) => d.severity === 'error');
    g.io.stderr.write(renderDiagnosticsPretty(errors, (f) => ws.sources.get(f), lang));
    // Only paths of the command line that cannot be read: most often the rest of a name typed without quotes
    // (--unit Phòng Kinh tế reads "Kinh" and "tế" as plans), and the plans themselves have no error.
    const unread = errors.filter((d) => d.code === 'unreadable-file' && paths.includes(d.file));
    if (unread.length === errors.length) {
      const words = unread.map((d) => d.file).join(' ');
      fail(lang, {
        vi: `Không đọc được "${words}" ở dòng lệnh như tệp hay thư mục kế hoạch. Nếu đó là phần sau của một tên có dấu cách, hãy đặt cả tên trong dấu ngoặc kép, ví dụ --unit "… ${words}".`,
        en: `Could not read "${words}" of the command line as plan files or folders. If it is the rest of a name with spaces, put the whole name in quotes, e.g. --unit "… ${words}".`,
      });
    }
    fail(lang, { vi: 'Kế hoạch có lỗi; sửa rồi chạy lại (xem plan check).', en: 'The plans have errors; fix them and run again (see plan check).' });
  }
  return ws;
}

/** The units --unit stands for: a unit, or a group's members (see entryFromOption). */
export function unitsFromOption(ws: Workspace, name: string, g: GlobalOptions): readonly Unit[] {
  return ws.registry.expand(entryFromOption(ws.registry, name, g, ws.unitsFile));
}
