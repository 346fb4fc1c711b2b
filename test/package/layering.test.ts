// Issue 12: the layers stay clean. Commands read and write files, and run git,
// only through src/io; src/core is pure (no file system, no process, no clock,
// no printing) and depends on nothing above it; src/io serves the commands and
// uses none of them (nor the renderers). Read from the syntax tree, so a
// comment or a string naming node:fs is not an import. The tree is oxc's: the
// type checker (TypeScript 7, a native program) has no stable JavaScript API.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Node, parseSync, visitorKeys } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/run-plan.js';
import { LineCounter } from '../../src/core/lines.js';

const FILE_SYSTEM_AND_PROCESSES = ['fs', 'fs/promises', 'child_process'];
/** Pure code may hash and check or convert bytes (node:crypto's digests, node:buffer's isUtf8 and transcode are functions of their input); nothing else of Node. */
const PURE_BUILTINS = new Set(['crypto', 'buffer']);
/** What src/core may not import: every layer above it. */
const ABOVE_CORE = ['io', 'commands', 'render', 'import', 'collect', 'cli', 'cli-help', 'paths'];
/** What src/io may not import: the commands and what only they use. */
const ABOVE_IO = ['commands', 'render', 'cli', 'cli-help'];

/** Text any breach of a layer's rules must contain (a fast filter before parsing). */
const SUSPECT = {
  commands: /fs|child_process/,
  core: /node:|['"](?:fs|os|child_process|path|process|util|url)|\.\.\/|require|process|console|Date|random|performance/,
  render: /commands/,
  io: /commands|render|cli/,
};

function builtin(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier.slice(5);
  const known = new Set(['fs', 'fs/promises', 'child_process', 'os', 'path', 'process', 'worker_threads', 'net', 'http', 'https', 'crypto', 'url', 'util', 'stream', 'readline']);
  return known.has(specifier) ? specifier : undefined;
}

/** Calls `visit` on every node of the tree under `root`, with the node that holds it. */
function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const step = (node: Node, parent: Node | undefined): void => {
    visit(node, parent);
    const fields = node as unknown as Record<string, Node | (Node | null)[] | null | undefined>;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = fields[key];
      if (Array.isArray(child)) for (const c of child) c && step(c, node);
      else if (child) step(child, node);
    }
  };
  step(root, undefined);
}

/** A parsed file and the line each offset is on (1-based). */
interface Source {
  program: Node;
  lineAt(offset: number): number;
}

function parseSource(file: string, text: string): Source {
  const { program, errors } = parseSync(file, text, { lang: 'ts', sourceType: 'module' });
  // A file the parser cannot read would pass unseen: tsc reports it too, but the rule must not rest on that.
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  return { program, lineAt };
}

/** The modules a file imports: static, re-exported, dynamic, require() and import = require(). */
function importsOf(source: Source): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const add = (node: Node, literal: Node | null | undefined) => {
    if (literal?.type === 'Literal' && typeof literal.value === 'string') found.push({ specifier: literal.value, line: source.lineAt(node.start) });
  };
  walk(source.program, (node) => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ImportExpression') add(node, node.source);
    else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') add(node, node.arguments[0]);
    else if (node.type === 'TSImportEqualsDeclaration' && node.moduleReference.type === 'TSExternalModuleReference') add(node, node.moduleReference.expression);
  });
  return found;
}

/** Uses of the outside world in code meant to be pure: process, console, the clock. */
function impureUses(source: Source): { what: string; line: number }[] {
  const found: { what: string; line: number }[] = [];
  walk(source.program, (node, parent) => {
    if (node.type === 'Identifier' && (node.name === 'process' || node.name === 'console')) {
      // A property named process (x.process, { process: … }) is not the global; { process } is.
      const isName =
        (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
        (parent?.type === 'Property' && parent.key === node && !parent.computed) ||
        (parent?.type === 'TSPropertySignature' && parent.key === node && !parent.computed);
      if (!isName) found.push({ what: node.name, line: source.lineAt(node.start) });
    } else if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Date' && node.arguments.length === 0) {
      found.push({ what: 'new Date()', line: source.lineAt(node.start) });
    } else if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.property.type === 'Identifier') {
      const name = `${node.object.name}.${node.property.name}`;
      if (['Date.now', 'performance.now', 'Math.random'].includes(name)) found.push({ what: name, line: source.lineAt(node.start) });
    }
  });
  return found;
}

/** What breaks the layering in one file (path relative to the repository, "/" separated). */
function layeringViolations(file: string, text: string): string[] {
  const layer = /^src\/([^/]+)\//.exec(file)?.[1];
  if (layer !== 'commands' && layer !== 'core' && layer !== 'render' && layer !== 'io') return [];
  // Parsing is the slow part: a file that names nothing suspect cannot break a rule.
  if (!SUSPECT[layer].test(text)) return [];
  const source = parseSource(file, text);
  const out: string[] = [];
  for (const { specifier, line } of importsOf(source)) {
    const node = builtin(specifier);
    const where = `${file}:${line}`;
    if ((layer === 'commands' || layer === 'core') && node && FILE_SYSTEM_AND_PROCESSES.includes(node)) out.push(`${where} imports ${specifier} (go through src/io)`);
    else if (layer === 'core' && node && !PURE_BUILTINS.has(node)) out.push(`${where} imports ${specifier} (src/core is pure)`);
    if (specifier.startsWith('.')) {
      const target = path.posix
        .relative('src', path.posix.join(path.posix.dirname(file), specifier))
        .split('/')[0]!
        .replace(/\.js$/, '');
      if (layer === 'core' && ABOVE_CORE.includes(target)) out.push(`${where} imports ${specifier} (src/core depends on nothing above it)`);
      if (layer === 'render' && target === 'commands') out.push(`${where} imports ${specifier} (renderers do not depend on commands)`);
      if (layer === 'io' && ABOVE_IO.includes(target)) out.push(`${where} imports ${specifier} (src/io serves the commands and depends on none of them)`);
    }
  }
  if (layer === 'core') for (const { what, line } of impureUses(source)) out.push(`${file}:${line} uses ${what} (src/core is pure: take it as an argument)`);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('layering', () => {
  it('commands reach files and git only through src/io; core is pure; renderers and io do not use commands', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => layeringViolations(f, readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('the check sees each kind of breach (it can fail)', () => {
    expect(layeringViolations('src/commands/x.ts', "import { readFileSync } from 'node:fs';")).toEqual(['src/commands/x.ts:1 imports node:fs (go through src/io)']);
    expect(layeringViolations('src/commands/x.ts', "\nconst { execFileSync } = await import('child_process');")).toEqual(['src/commands/x.ts:2 imports child_process (go through src/io)']);
    expect(layeringViolations('src/commands/x.ts', "export { readFile } from 'node:fs/promises';")).toHaveLength(1);
    expect(layeringViolations('src/core/x.ts', "import os from 'node:os';")).toEqual(['src/core/x.ts:1 imports node:os (src/core is pure)']);
    expect(layeringViolations('src/core/x.ts', "import { fail } from '../commands/context.js';")).toEqual(['src/core/x.ts:1 imports ../commands/context.js (src/core depends on nothing above it)']);
    expect(layeringViolations('src/core/x.ts', 'const t = new Date();\nconsole.log(process.argv, Date.now());')).toEqual([
      'src/core/x.ts:1 uses new Date() (src/core is pure: take it as an argument)',
      'src/core/x.ts:2 uses console (src/core is pure: take it as an argument)',
      'src/core/x.ts:2 uses process (src/core is pure: take it as an argument)',
      'src/core/x.ts:2 uses Date.now (src/core is pure: take it as an argument)',
    ]);
    // Lines are counted in the text as written: Vietnamese and astral characters before a breach do not move it.
    expect(layeringViolations('src/core/x.ts', "// Kế hoạch 𝒳\nconst env = { process };\nimport fs = require('fs');")).toEqual([
      'src/core/x.ts:3 imports fs (go through src/io)',
      'src/core/x.ts:2 uses process (src/core is pure: take it as an argument)',
    ]);
    // A file the parser cannot read is an error, not a file with nothing to report.
    expect(() => layeringViolations('src/core/x.ts', 'import { from process;')).toThrow(/src\/core\/x\.ts/);
    expect(layeringViolations('src/render/x.ts', "import { tr } from '../commands/context.js';")).toHaveLength(1);
    expect(layeringViolations('src/io/x.ts', "import { fail } from '../commands/context.js';")).toEqual([
      'src/io/x.ts:1 imports ../commands/context.js (src/io serves the commands and depends on none of them)',
    ]);
  });

  it('allowed code passes: comments, strings, dated Dates, hashing, imports downward', () => {
    const pure = [
      "// never import 'node:fs' here",
      "import { createHash } from 'node:crypto';",
      "import { formatVi } from './dates.js';",
      "const s = 'process.exit';",
      'const d = new Date(Date.UTC(2024, 0, 1));',
      'const o = { process: 1 }; o.process;',
    ].join('\n');
    expect(layeringViolations('src/core/x.ts', pure)).toEqual([]);
    expect(layeringViolations('src/commands/x.ts', "import path from 'node:path';\nimport { readInput } from '../io/files.js';")).toEqual([]);
    expect(layeringViolations('src/io/x.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
  });
});
