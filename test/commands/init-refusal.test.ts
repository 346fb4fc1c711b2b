// plan init refuses a folder holding any file it would write, naming them; the Vietnamese said "1 tệp trên đã có …
// Xoá hoặc đổi tên chúng" ("them") for a single file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-plan.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-init-refusal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('plan init in a folder that has its files', () => {
  it('speaks of one file as one, of several as several', async () => {
    const one = path.join(work, 'mot');
    mkdirSync(one);
    writeFileSync(path.join(one, 'README.md'), 'x');
    const r1 = await runCli(['init', one, '--no-git', '--year', '2026']);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('lỗi: tệp trên đã có; plan init không ghi đè tệp nào và chưa ghi gì. Xoá hoặc đổi tên tệp đó, hoặc chọn thư mục khác');

    const two = path.join(work, 'hai');
    mkdirSync(two);
    writeFileSync(path.join(two, 'README.md'), 'x');
    writeFileSync(path.join(two, '.gitignore'), 'x');
    const r2 = await runCli(['init', two, '--no-git', '--year', '2026']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('lỗi: 2 tệp trên đã có; plan init không ghi đè tệp nào và chưa ghi gì. Xoá hoặc đổi tên các tệp đó, hoặc chọn thư mục khác');
  });
});
