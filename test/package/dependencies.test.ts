// Issue 12: no dependency in package.json is unused. A runtime dependency is
// imported by src/; a development one by src/, test/, bench/ or scripts/, or is a tool
// the scripts run; @types/X goes with X (or with Node for @types/node).
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/run-plan.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs)$/.test(e.name))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

/** Whether some text imports the package (statically, dynamically, through createRequire, or a subpath of it). */
function imports(texts: readonly string[], name: string): boolean {
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`(?:from\\s*|import\\s*\\(\\s*|import\\s+|require\\w*\\s*\\(\\s*|createRequire\\([^)]*\\)\\s*\\(\\s*)['"]${quoted}(?:/[^'"]*)?['"]`);
  return texts.some((t) => re.test(t));
}

const SRC = sources('src');
const ALL = [...SRC, ...sources('test'), ...sources('bench'), ...sources('bin'), ...sources('scripts')];
const SCRIPTS = Object.values(pkg.scripts).join('\n');

/** The commands a package installs (typescript: tsc; @biomejs/biome: biome). */
function commandsOf(name: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  return typeof manifest.bin === 'string' ? [name.replace(/^@[^/]+\//, '')] : Object.keys(manifest.bin ?? {});
}

/** What the built files require that is neither one of Node's modules nor a file of the package. */
function requiredFromNpm(): string[] {
  const dist = path.join(ROOT, 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));
  const names = files.flatMap((f) => [...readFileSync(path.join(dist, f), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string));
  return [...new Set(names)].filter((name) => !name.startsWith('.') && !isBuiltin(name));
}

describe('package.json dependencies', () => {
  // The libraries are bundled (scripts/bundle.js), the heavy ones as dist/vendor/NAME.cjs: installing the
  // package fetches nothing more (it fetched 190 packages, 71 MB).
  it('the package has no runtime dependency, and what it runs requires nothing from node_modules', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(requiredFromNpm()).toEqual([]);
  });

  it('every development dependency is imported, run by a script, or types a package in use', () => {
    const used = (d: string): boolean => {
      const typed = /^@types\/(.+)$/.exec(d)?.[1];
      if (typed) return typed === 'node' || imports(ALL, typed.includes('__') ? `@${typed.replace('__', '/')}` : typed);
      return imports(ALL, d) || commandsOf(d).some((c) => new RegExp(`(^|[\\s&;])${c}\\b`).test(SCRIPTS));
    };
    expect(Object.keys(pkg.devDependencies).filter((d) => !used(d))).toEqual([]);
  });

  it('the check sees an import (it can fail)', () => {
    expect(imports(["import chalk from 'chalk';"], 'chalk')).toBe(true);
    expect(imports(["const { x } = await import('exceljs');"], 'exceljs')).toBe(true);
    expect(imports(["import { y } from 'yaml/util';"], 'yaml')).toBe(true);
    expect(imports(["createRequire(import.meta.url)('unhomoglyph/data.json')"], 'unhomoglyph')).toBe(true);
    expect(imports(["import { y } from 'yamlish';"], 'yaml')).toBe(false);
    expect(imports(['// dayjs would be nice'], 'dayjs')).toBe(false);
  });
});
