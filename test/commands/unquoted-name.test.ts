// A unit name typed without quotes (--unit Phòng Tư pháp) leaves its last words as plan paths: the refusal said
// "Kế hoạch có lỗi; sửa rồi chạy lại (xem plan check)", though the plans had none. It says what happened.
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../e2e/run-plan.js';

describe('the rest of an unquoted name read as plan paths', () => {
  it('is said to be so, with the quoting to use', async () => {
    const r = await runCli(['overdue', '--unit', 'Phòng', 'Tư', 'pháp', '--as-of', '2024-05-21'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lỗi[unreadable-file]: Tư: không tìm thấy tệp hoặc thư mục');
    expect(r.stderr).toContain(
      'Không đọc được "Tư pháp" ở dòng lệnh như tệp hay thư mục kế hoạch. Nếu đó là phần sau của một tên có dấu cách, hãy đặt cả tên trong dấu ngoặc kép, ví dụ --unit "… Tư pháp".',
    );
    expect(r.stderr).not.toContain('Kế hoạch có lỗi');
  });

  it('with another error besides (no units.yaml), the usual refusal stands', async () => {
    const r = await runCli(['overdue', 'plans', 'khong-co', '--units', 'test/fixtures/bad/khong-co-units.yaml', '--as-of', '2024-05-21'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Kế hoạch có lỗi; sửa rồi chạy lại (xem plan check).');
  });
});
