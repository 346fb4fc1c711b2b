// plan book, like plan report, says first on stderr the day and the year it took by default: the book's overdue
// colouring is as of that day and its period is of that year, which a clerk filling last year's book in January
// would otherwise not see.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceCopy } from '../collect/workspace.js';
import { runCli } from '../e2e/run-plan.js';

const dir = workspaceCopy();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan book: what it assumed', () => {
  it('says the defaulted year, and the defaulted day, first on stderr (test/collect/book.e2e.test.ts: nothing when both are given)', async () => {
    const year = await runCli(['book', '--period', '6m', '--out', 'a.xlsx', '--as-of', '2024-06-10'], { cwd: dir });
    expect(year.code, year.stderr).toBe(0);
    expect(year.stderr.split('\n')[0]).toBe('Giả định: năm của kỳ 2024 (năm của ngày lập sổ; chọn năm khác bằng --year)');
    expect(existsSync(path.join(dir, 'a.xlsx'))).toBe(true);

    const today = await runCli(['--lang', 'en', 'book', '--period', 'year', '--year', '2024', '--out', 'b.xlsx'], { cwd: dir });
    expect(today.code, today.stderr).toBe(0);
    expect(today.stderr.split('\n')[0]).toMatch(/^Assumed: book dated \d\d\/\d\d\/\d{4} \(today; choose another with --as-of\)$/);
  });
});
