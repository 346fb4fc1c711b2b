// Tests that need a program outside Node (pandoc, LibreOffice, poppler) say so.
// Without the program they are skipped with one line naming the Debian package;
// on CI (CI set and not "false") a missing program fails them instead, so CI
// never passes by skipping. Use `needs('pandoc')` in place of vitest's `it`.
import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { commandPath } from '../src/io/libreoffice.js';

const TOOLS = {
  pandoc: { command: 'pandoc', debian: 'pandoc' },
  libreoffice: { command: 'soffice', debian: 'libreoffice-writer-nogui fonts-liberation2' },
  // Calc is a part of LibreOffice: soffice runs without it, so look for its library.
  calc: { command: 'soffice', debian: 'libreoffice-calc-nogui', file: '/usr/lib/libreoffice/program/libsclo.so' },
  poppler: { command: 'pdftoppm', debian: 'poppler-utils' },
  // LibreOffice driven from Python (test/collect/lo-fill.py): Debian's module for its /usr/bin/python3.
  uno: { command: 'python3', debian: 'python3-uno', file: '/usr/lib/python3/dist-packages/uno.py' },
  script: { command: 'script', debian: 'bsdutils' },
} as const;

export type Tool = keyof typeof TOOLS;

type Env = Readonly<Record<string, string | undefined>>;

/** Where a program is on the PATH (looked up, not run): the lookup plan import uses to find LibreOffice. */
export { commandPath };

/**
 * The helpers for one environment (its PATH and CI). Test files share a
 * worker process, so a test of the helpers passes its own environment
 * instead of changing the process's.
 */
export function toolsFor(env: Env) {
  const found = new Map<Tool, boolean>();

  /** Whether the program is on the PATH (asked once per environment and worker). */
  function hasTool(tool: Tool): boolean {
    let ok = found.get(tool);
    if (ok === undefined) {
      const part = (TOOLS[tool] as { file?: string }).file;
      ok = commandPath(TOOLS[tool].command, env) !== undefined && (part === undefined || existsSync(part));
      found.set(tool, ok);
    }
    return ok;
  }

  const onCI = () => Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';

  /** The one line a missing program earns, or undefined when all are there. */
  function missingToolsLine(tools: readonly Tool[]): string | undefined {
    const missing = tools.filter((t) => !hasTool(t));
    if (missing.length === 0) return undefined;
    const commands = missing.map((t) => TOOLS[t].command).join(', ');
    const packages = missing.map((t) => TOOLS[t].debian).join(' ');
    return `needs ${commands}, not found on PATH: apt-get install ${packages}`;
  }

  const announced = new Set<string>();

  /** vitest's `it` for tests that run the given programs: skipped (with the reason) when they are missing, failed on CI. */
  function needs(...tools: Tool[]) {
    return it.extend<{ requiredTools: void }>({
      requiredTools: [
        // eslint-disable-next-line no-empty-pattern
        async ({ skip }, use) => {
          const line = missingToolsLine(tools);
          if (line) {
            if (onCI()) throw new Error(`${line} (CI must not skip these tests)`);
            if (!announced.has(line)) {
              announced.add(line);
              process.stderr.write(`skipped: ${line}\n`);
            }
            skip(line);
          }
          await use();
        },
        { auto: true },
      ],
    });
  }

  return { hasTool, missingToolsLine, needs };
}

export const { hasTool, missingToolsLine, needs } = toolsFor(process.env);
