// `plan init [DIR]`: scaffold a plans repository from templates/init/ (units
// example, a new plan, .gitattributes/.editorconfig for UTF-8 and LF, a
// pre-commit hook, a CI job) plus the JSON Schemas the plans point editors at.
// Never touches an existing file: if any would be overwritten, nothing is written.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { todayInVietnam } from '../core/dates.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveYear, tr } from './context.js';
import { jsonSchemaOf } from './schema.js';
import { displayPath } from './workspace.js';
import { writeFilesAtomic, type OutputFile } from './write-files.js';

interface InitOptions {
  year?: string;
}

const TEMPLATE_DIR = path.join(PACKAGE_ROOT, 'templates', 'init');
const EXECUTABLE = new Set(['hooks/pre-commit']);

function templateFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, name)).isDirectory()) out.push(...templateFiles(path.join(dir, name), rel));
    else out.push(rel);
  }
  return out;
}

export function run(args: unknown[], opts: InitOptions, g: GlobalOptions): number {
  const l = g.lang;
  const dir = args[0] === undefined ? '.' : String(args[0]);
  const year = resolveYear(l, opts.year) ?? todayInVietnam(new Date()).year;
  if (!existsSync(TEMPLATE_DIR)) fail(l, { vi: `lỗi nội bộ: thiếu thư mục mẫu ${TEMPLATE_DIR}`, en: `internal error: template folder ${TEMPLATE_DIR} is missing` });

  const files: OutputFile[] = templateFiles(TEMPLATE_DIR).map((name) => ({
    name,
    data: readFileSync(path.join(TEMPLATE_DIR, name), 'utf8').replace(/\{\{year\}\}/g, String(year)),
  }));
  files.push({ name: 'docs/plan.schema.json', data: `${JSON.stringify(jsonSchemaOf('plan'), null, 2)}\n` });
  files.push({ name: 'docs/units.schema.json', data: `${JSON.stringify(jsonSchemaOf('units'), null, 2)}\n` });

  const existing = files.map((f) => f.name).filter((n) => existsSync(path.join(dir, n)));
  if (existing.length > 0) {
    process.stderr.write(`${existing.map((n) => `  ${displayPath(path.resolve(dir, n))}`).join('\n')}\n`);
    fail(l, {
      vi: `lỗi: ${existing.length} tệp trên đã có; plan init không ghi đè tệp nào và chưa ghi gì. Xoá hoặc đổi tên chúng, hoặc chọn thư mục khác`,
      en: `error: the ${existing.length} file(s) above already exist; plan init never overwrites and wrote nothing. Remove or rename them, or choose another folder`,
    });
  }
  const written = writeFilesAtomic(dir, files, { lang: l });
  for (const name of EXECUTABLE) {
    const p = path.join(dir, name);
    if (existsSync(p)) chmodSync(p, 0o755);
  }
  const where = displayPath(path.resolve(dir));
  const lines = [
    tr(l, `đã tạo kho kế hoạch trong ${where}:`, `created a plans repository in ${where}:`),
    ...written.map((p) => `  ${displayPath(path.resolve(p))}`),
    '',
    tr(l, 'Bước tiếp theo:', 'Next steps:'),
    `  cd ${where}`,
    '  git init && git config core.hooksPath hooks',
    tr(l, '  # thay dữ liệu mẫu trong plans/units.yaml, sửa plans/ke-hoach-mau.yaml, rồi:', '  # replace the sample units in plans/units.yaml, edit plans/ke-hoach-mau.yaml, then:'),
    '  plan fmt && plan check',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
