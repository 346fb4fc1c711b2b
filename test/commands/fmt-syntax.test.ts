// A comment written straight after a quoted value or a bracket (`title: "x"#c`) is a YAML syntax error: `plan check`
// and `plan fmt --check` (the pre-commit hook) both say where, exit 1. The fast read path once took it for a comment,
// so check passed and fmt died with an internal error (exit 70).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from '../e2e/run-plan.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(title: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-fmt-syntax-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'plans'));
  cpSync(path.join(ROOT, 'plans', 'units.yaml'), path.join(dir, 'plans', 'units.yaml'));
  writeFileSync(
    path.join(dir, 'plans', 'plan.yaml'),
    `number: "12/KH-UBND"\nissuer:\n  name: "UBND huyện Sơn Động"\n  level: district\nplace: "Sơn Động"\ndate: "05/01/2024"\n${title}\nyear: 2024\ngroups:\n  - id: "1"\n    title: "Nhiệm vụ"\n    tasks:\n      - id: "1.1"\n        title: "Việc"\n        lead:\n          - Phòng Tư pháp\n        due: "thường xuyên"\n        outputs: [Báo cáo]\n`,
  );
  return dir;
}

describe('a comment right after a quote or a bracket', () => {
  for (const title of ['title: "Kế hoạch thử"#c', "title: 'Kế hoạch thử'#c", 'title: [Kế hoạch thử]#c']) {
    it(`${title}: check and fmt --check say where, exit 1`, async () => {
      const dir = workspace(title);
      const before = readFileSync(path.join(dir, 'plans', 'plan.yaml'), 'utf8');
      const check = await runCli(['check'], { cwd: dir });
      expect(check.code, check.stdout + check.stderr).toBe(1);
      expect(check.stdout + check.stderr).toMatch(/plans\/plan\.yaml:7:\d+/);
      for (const args of [
        ['fmt', '--check', 'plans'],
        ['fmt', 'plans'],
      ]) {
        const fmt = await runCli(args, { cwd: dir });
        const out = fmt.stdout + fmt.stderr;
        expect(fmt.code, out).toBe(1);
        expect(out).toContain('lỗi[yaml-syntax]');
        expect(out).toMatch(/plans\/plan\.yaml:7:\d+/);
        expect(out).not.toContain('lỗi nội bộ');
        expect(hasStackTrace(fmt)).toBe(false);
      }
      // Nothing was written.
      expect(readFileSync(path.join(dir, 'plans', 'plan.yaml'), 'utf8')).toBe(before);
    });
  }
});
