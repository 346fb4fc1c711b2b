// Every diagnostic code the source can emit, found by reading the source: the
// literal after `code:` (ternaries included), and the code argument of the
// check helpers error(…)/warning(…)/warn(…)/diag(…). Test-only: the program uses the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/run-plan.js';

const KEBAB = /'([a-z]+(?:-[a-z0-9]+)+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** code → the files that emit it. */
export function emittedCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, file: string) => found.set(code, [...(found.get(code) ?? []), file]);
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const rel = path.relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bcode: ([^,}\n]+)/g)) for (const k of m[1]!.matchAll(KEBAB)) add(k[1]!, rel);
    // The check helpers take the code as their first kebab-case argument, before the message.
    for (const m of text.matchAll(/\b(?:error|warning|warn|diag)\(([^`]*)/g)) {
      const k = /'([a-z]+(?:-[a-z0-9]+)+)'/.exec(m[1]!);
      if (k) add(k[1]!, rel);
    }
    for (const m of text.matchAll(/isList \? '([a-z-]+)' : '([a-z-]+)'/g)) {
      add(m[1]!, rel);
      add(m[2]!, rel);
    }
  }
  return found;
}
