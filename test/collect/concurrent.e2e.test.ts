// plan collect --apply and plan set on the same plan at the same moment: both
// go through the locked edit path (re-read under the lock), so neither edit is lost.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../e2e/run-plan.js';
import { PLAN, workspaceCopy } from './workspace.js';

const AS_OF = '2024-06-10';

function run(dir: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args, '--as-of', AS_OF], { cwd: dir, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    p.on('close', (code) => resolve(code ?? -1));
  });
}

describe('collect under a concurrent plan set', () => {
  it('loses neither edit', { timeout: 300_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const dir = workspaceCopy();
      const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', 'gui', '--as-of', AS_OF], { cwd: dir });
      expect(r.code).toBe(0);
      const file = path.join(dir, 'gui', 'bao-cao-6m-2024-phong-tu-phap.md');
      const md = readFileSync(file, 'utf8')
        .replace('Số:        /BC-', 'Số: 15/BC-TP')
        .replace(/ngày \d+ tháng \d+ năm 2024\*/, 'ngày 17 tháng 5 năm 2024*');
      const start = md.indexOf('Nhiệm vụ 1.6.b:');
      const end = md.indexOf('<!-- kehoach:bookmark', start);
      writeFileSync(
        file,
        md.slice(0, start) +
          md
            .slice(start, end)
            .replace(/Tình trạng: .*/, 'Tình trạng: Hoàn thành ngày 15/03/2024')
            .replace('*\\[Nội dung kết quả\\]*', 'Đã tổ chức 3 hội nghị.') +
          md.slice(end),
      );
      const codes = await Promise.all([run(dir, ['collect', file, '--apply']), run(dir, ['set', PLAN, '2.4.a', 'status=doing', 'note=đang triển khai'])]);
      const plan = readFileSync(path.join(dir, PLAN), 'utf8');
      // Each edit either landed or was refused with a message (the plan changed under it): never silently lost.
      if (codes[0] === 0) expect(plan).toContain('Đã tổ chức 3 hội nghị.');
      if (codes[1] === 0) expect(plan).toContain('note: đang triển khai');
      expect(codes.some((c) => c === 0)).toBe(true);
      expect((await runCli(['check', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);
    }
  });
});
