// A consolidated report goes where the plan's reportTo says; without it the report has no "Kính gửi", and the
// command says so among the blanks to fill (docs/format.md, reportTo), as it does for a missing symbol or signer.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN, workspaceCopy } from '../collect/workspace.js';
import { runCli } from '../e2e/run-plan.js';

const dir = workspaceCopy();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BLANK = '  - nơi nhận báo cáo tổng hợp ("Kính gửi") → kế hoạch: "reportTo"\n';
const consolidated = (out: string) => runCli(['report', '--period', '6m', '--year', '2024', '--consolidated', '--format', 'md', '--out', out, '--as-of', '2024-06-10'], { cwd: dir });

describe('a consolidated report without reportTo', () => {
  it('is said to lack its "Kính gửi"', async () => {
    const file = path.join(dir, PLAN);
    const text = readFileSync(file, 'utf8');
    const without = text.replace(/^reportTo:\n(?: {2}- .*\n)+/m, '');
    expect(without).not.toBe(text);
    writeFileSync(file, without);
    const r = await consolidated('b');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(BLANK);
    expect(readFileSync(path.join(dir, 'b', 'bao-cao-6m-2024-tong-hop.md'), 'utf8')).not.toContain('Kính gửi');
  });
});
