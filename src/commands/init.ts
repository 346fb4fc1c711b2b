// `plan init [DIR]`: scaffold a plans repository from templates/init/ (units
// example, a new plan, .gitattributes/.editorconfig for UTF-8 and LF, a
// pre-commit hook, a CI job, a package.json pinning this tool) plus the JSON
// Schemas the plans point editors at, then makes it a git repository with the
// hook switched on. Never touches an existing file: if any would be
// overwritten, nothing is written.
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

import type { GlobalOptions } from './context.js';
import { fail, resolveYear, sayAssumed, today, tr } from './context.js';
import { jsonSchemaOf } from './schema.js';
import { displayPath, listFilesUnder, pathKind, readTextFile } from '../io/files.js';
import { runGit } from '../io/git.js';
import { packPackage } from '../io/pack.js';
import { cleanUpOnSignals, writeFilesAtomic, type OutputFile } from '../io/write-files.js';

interface InitOptions {
  year?: string;
  tool?: string;
  git?: boolean;
}

const TEMPLATE_DIR = path.join(PACKAGE_ROOT, 'templates', 'init');
const EXECUTABLE = new Set(['hooks/pre-commit']);
// npm leaves files named .gitignore out of packages, so the template has none.
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

const PACKAGE = JSON.parse(shippedText(path.join(PACKAGE_ROOT, 'package.json'))) as { name: string; version: string };

/** A file shipped with the tool: its absence is a broken installation, not the clerk's mistake. */
function shippedText(file: string): string {
  const read = readTextFile(file);
  if (!read.ok) throw new Error(read.diagnostic.message.en);
  return read.text;
}

/** Where the tarball of this very tool goes in the new repository: npm pack's own name for it. */
const PACKED_NAME = `tools/${PACKAGE.name.replace(/^@/, '').replace('/', '-')}-${PACKAGE.version}.tgz`;

/** This very tool as an npm tarball (`npm pack`), so the new repository and its CI run the clerk's version. */
function packSelf(l: GlobalOptions['lang']): OutputFile {
  const packed = packPackage(PACKAGE_ROOT);
  if (!packed.ok) {
    fail(l, {
      vi: `lỗi: không đóng gói được công cụ plan bằng npm pack (${packed.reason}); chưa ghi gì. Cài npm, hoặc chỉ cách cài công cụ: plan init --tool <tệp .tgz | URL git | thư mục>`,
      en: `error: could not pack the plan tool with npm pack (${packed.reason}); nothing written. Install npm, or say where the tool comes from: plan init --tool <.tgz file | git URL | folder>`,
    });
  }
  return { name: PACKED_NAME, data: packed.data };
}

const git = (cwd: string, ...args: string[]) => runGit(cwd, args);

/** `git init` unless the folder is already in a work tree, and the hook switched on; what to tell the clerk otherwise. */
function setUpGit(dir: string, l: GlobalOptions['lang']): string | undefined {
  const top = git(dir, 'rev-parse', '--show-toplevel');
  if (top.missing) return tr(l, 'không thấy git: cài git, rồi chạy git init && git config core.hooksPath hooks', 'git not found: install git, then run git init && git config core.hooksPath hooks');
  if (top.ok && path.resolve(top.stdout.trim()) !== path.resolve(dir)) {
    return tr(l, `thư mục nằm trong kho git ${top.stdout.trim()}: hook chưa bật`, `the folder is inside the git repository ${top.stdout.trim()}: the hook is not switched on`);
  }
  if (!top.ok && !git(dir, 'init', '-q').ok) return tr(l, 'git init không chạy được', 'git init failed');
  if (!git(dir, 'config', 'core.hooksPath', 'hooks').ok) return tr(l, 'không bật được hook: git config core.hooksPath hooks', 'could not switch the hook on: git config core.hooksPath hooks');
  return undefined;
}

export function run(args: unknown[], opts: InitOptions, g: GlobalOptions): number {
  cleanUpOnSignals(g.io);
  const l = g.lang;
  const dir = args[0] === undefined ? '.' : String(args[0]);
  const year = resolveYear(l, opts.year) ?? today(g).year;
  if (opts.year === undefined) sayAssumed(g, [{ vi: `kế hoạch mẫu cho năm ${year} (năm nay; chọn năm khác bằng --year)`, en: `sample plan for ${year} (this year; choose another with --year)` }]);
  if (pathKind(TEMPLATE_DIR) !== 'folder') fail(l, { vi: `lỗi nội bộ: thiếu thư mục mẫu ${TEMPLATE_DIR}`, en: `internal error: template folder ${TEMPLATE_DIR} is missing` });

  const tool = opts.tool ?? `file:${PACKED_NAME}`;
  const files: OutputFile[] = listFilesUnder(TEMPLATE_DIR).map((name) => ({
    name: RENAMED[name] ?? name,
    ...(EXECUTABLE.has(name) ? { executable: true } : {}),
    data: shippedText(path.join(TEMPLATE_DIR, name))
      .replace(/\{\{year\}\}/g, String(year))
      .replace(/\{\{tool\}\}/g, JSON.stringify(tool).slice(1, -1)),
  }));
  files.push({ name: 'docs/plan.schema.json', data: `${JSON.stringify(jsonSchemaOf('plan'), null, 2)}\n` });
  files.push({ name: 'docs/units.schema.json', data: `${JSON.stringify(jsonSchemaOf('units'), null, 2)}\n` });

  // Refused before packing: npm pack takes seconds, and a refusal should not.
  const existing = [...files.map((f) => f.name), ...(opts.tool === undefined ? [PACKED_NAME] : [])].filter((n) => pathKind(path.join(dir, n)) !== undefined);
  if (existing.length > 0) {
    g.io.stderr.write(`${existing.map((n) => `  ${displayPath(path.resolve(dir, n))}`).join('\n')}\n`);
    fail(l, {
      vi: `lỗi: ${existing.length === 1 ? 'tệp trên đã có' : `${existing.length} tệp trên đã có`}; plan init không ghi đè tệp nào và chưa ghi gì. Xoá hoặc đổi tên ${existing.length === 1 ? 'tệp đó' : 'các tệp đó'}, hoặc chọn thư mục khác`,
      en: `error: ${existing.length === 1 ? 'the file above already exists' : `the ${existing.length} files above already exist`}; plan init never overwrites and wrote nothing. Remove or rename them, or choose another folder`,
    });
  }
  if (opts.tool === undefined) files.push(packSelf(l));
  const written = writeFilesAtomic(dir, files, { lang: l });
  const gitProblem = opts.git === false ? tr(l, '--no-git: chưa tạo kho git', '--no-git: no git repository made') : setUpGit(dir, l);
  const where = displayPath(path.resolve(dir));
  const lines = [
    tr(l, `đã tạo kho kế hoạch trong ${where}:`, `created a plans repository in ${where}:`),
    ...written.map((p) => `  ${displayPath(path.resolve(p))}`),
    gitProblem === undefined
      ? tr(l, 'kho git đã sẵn sàng, hook hooks/pre-commit đã bật (kiểm tra kế hoạch trước mỗi lần commit)', 'git repository ready, hooks/pre-commit switched on (checks the plans before each commit)')
      : tr(l, `lưu ý: ${gitProblem}`, `note: ${gitProblem}`),
    tr(l, `công cụ cho kho này (package.json): ${PACKAGE.name} ${tool}`, `the tool for this repository (package.json): ${PACKAGE.name} ${tool}`),
    '',
    tr(l, 'Bước tiếp theo:', 'Next steps:'),
    `  cd ${where}`,
    tr(l, '  npm install        # cài đúng phiên bản công cụ vào node_modules/ (CI cũng vậy)', '  npm install        # installs the pinned tool into node_modules/ (so does CI)'),
    ...(gitProblem === undefined ? [] : ['  git init && git config core.hooksPath hooks']),
    tr(l, '  # thay dữ liệu mẫu trong plans/units.yaml, sửa plans/ke-hoach-mau.yaml, rồi:', '  # replace the sample units in plans/units.yaml, edit plans/ke-hoach-mau.yaml, then:'),
    '  npx plan fmt && npx plan check',
    '  git add . && git commit -m "Kế hoạch"',
  ];
  g.io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
