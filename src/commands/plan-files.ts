// Which files are plans, for commands that rewrite or compare files one by one
// (fmt, diff): the same rules as loadWorkspace (YAML files under the folders
// given, hidden folders and units/calendar/settings.yaml left out; a file named
// explicitly is taken as it is).
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { displayPath, fileProblem, SPECIAL_FILES } from './workspace.js';

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
    if (isDir) walk(input, 0);
    else if (!SPECIAL_FILES.has(path.basename(input).toLowerCase())) add(input);
  }
  return { files, problems };
}
