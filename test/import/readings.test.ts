// Readings of a clerk's wording that earlier sessions found wrong, each as a small plan: who leads, supports and
// reports, and by when. No units file: the names are found in the text, as in a plan from an unfamiliar commune.
import { describe, expect, it } from 'vitest';
import { importText, leafTasks } from './helpers.js';

const HEAD = `ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 40/KH-UBND
Hòa Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Phổ biến, giáo dục pháp luật năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao ý thức chấp hành pháp luật.
`;

function read(text: string) {
  const r = importText(HEAD + text);
  const tasks = leafTasks(r.plan).map((t) => ({
    id: t.id,
    title: t.title,
    lead: (t.lead ?? []).map(String),
    support: (t.support ?? []).map(String),
    due: t.due !== undefined ? String(t.due) : t.dueText,
  }));
  return { tasks, plan: r.plan, notes: r.notes };
}

describe('labels in brackets', () => {
  it('"(Chủ trì: X) (Phối hợp: Y) (Thời gian: Z)" on one item: every bracket is read, the title is the text before them', () => {
    const { tasks } = read(`II. NHIỆM VỤ
1. Tuyên truyền pháp luật
a) Tổ chức tuyên truyền Luật Đất đai trên hệ thống truyền thanh xã (Chủ trì: Phòng Văn hóa - Xã hội) (Phối hợp: Công an xã) (Thời gian: quý II/2026).
b) Biên soạn tài liệu hỏi đáp pháp luật (Chủ trì: Phòng Kinh tế; phối hợp: các thôn; thời gian: tháng 5/2026).
`);
    expect(tasks).toEqual([
      { id: '1.a', title: 'Tổ chức tuyên truyền Luật Đất đai trên hệ thống truyền thanh xã', lead: ['Phòng Văn hóa - Xã hội'], support: ['Công an xã'], due: 'quý II/2026' },
      { id: '1.b', title: 'Biên soạn tài liệu hỏi đáp pháp luật', lead: ['Phòng Kinh tế'], support: ['các thôn'], due: 'tháng 5/2026' },
    ]);
  });
});

describe('an event and a stated day', () => {
  it('"Sau khi Kế hoạch được phê duyệt, X báo cáo … trước ngày D": the day is the deadline (the event only starts the work)', () => {
    const { plan, notes } = read(`II. NHIỆM VỤ
1. Phòng Kinh tế tổ chức rà soát các điểm tuyên truyền; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
Sau khi Kế hoạch được phê duyệt, Phòng Kinh tế báo cáo tiến độ triển khai về UBND xã trước ngày 15/12/2026.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([[['Phòng Kinh tế'], 'UBND xã', 'trước ngày 15/12/2026']]);
    expect(notes).toEqual([]);
  });
});

describe('who reports, after an opening clause', () => {
  it('"Căn cứ hướng dẫn của Sở X, Phòng Y, Z báo cáo …": the units after the grounds send (the grounds\' "hướng dẫn" is no verb)', () => {
    const { plan, notes } = read(`II. NHIỆM VỤ
1. Phòng Kinh tế tổ chức rà soát các điểm tuyên truyền; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Căn cứ hướng dẫn của Sở Tư pháp, Phòng Văn hóa - Xã hội, Công an xã báo cáo kết quả thực hiện về UBND xã trước ngày 05/12/2026.
2. Trên cơ sở Kế hoạch này, UBND các thôn định kỳ 6 tháng (trước ngày 10/6/2026) và năm (trước ngày 05/12/2026) báo cáo kết quả về UBND xã.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([
      [['Phòng Văn hóa - Xã hội', 'Công an xã'], 'UBND xã', 'trước ngày 05/12/2026'],
      [['UBND các thôn'], 'UBND xã', 'trước ngày 10/6/2026'],
      [['UBND các thôn'], 'UBND xã', 'trước ngày 05/12/2026'],
    ]);
    expect(notes).toEqual([]);
  });
});

describe('a unit name guessed from a sentence without a verb after it', () => {
  it('ends before the work it is given ("Phòng X các nội dung …", "Phòng Y nhiệm vụ …"), in tasks and duties', () => {
    const { tasks, plan } = read(`II. NHIỆM VỤ
1. Tuyên truyền pháp luật
a) Tổ chức tuyên truyền Luật Đất đai trên hệ thống truyền thanh xã.
b) Biên soạn tài liệu hỏi đáp pháp luật cho các thôn.
Giao Phòng Văn hóa – Xã hội các nội dung tại điểm a, b; thời gian: quý III/2026.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa – Xã hội các nội dung thuộc lĩnh vực văn hóa, xã hội tổng hợp, báo cáo UBND xã trước ngày 10/12/2026.
2. Giao Phòng Kinh tế nhiệm vụ kiểm tra việc thực hiện; thời gian: quý IV/2026.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due])).toEqual([
      ['1.a', ['Phòng Văn hóa – Xã hội'], 'quý III/2026'],
      ['1.b', ['Phòng Văn hóa – Xã hội'], 'quý III/2026'],
      // The contents it is given beside its report are its work.
      ['1', ['Phòng Văn hóa – Xã hội'], 'trước ngày 10/12/2026'],
      ['2', ['Phòng Kinh tế'], 'quý IV/2026'],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Phòng Văn hóa – Xã hội'], 'trước ngày 10/12/2026']]);
  });
});

describe('a unit that monitors and reports in one clause', () => {
  it('"X theo dõi, đôn đốc việc thực hiện và báo cáo Y trước ngày D": the monitoring is X\'s task (timed by the report), the report a duty', () => {
    const { tasks, plan } = read(`II. NHIỆM VỤ
1. Phòng Kinh tế tổ chức rà soát các điểm tuyên truyền; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng HĐND-UBND theo dõi, đôn đốc việc thực hiện và báo cáo Chủ tịch UBND xã trước ngày 20/12/2026.
2. Phòng Văn hóa - Xã hội tổng hợp, báo cáo kết quả về UBND xã trước ngày 10/12/2026.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due])).toEqual([
      ['1', ['Phòng Kinh tế'], 'quý II/2026'],
      ['III.1', ['Văn phòng HĐND-UBND'], 'trước ngày 20/12/2026'],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([
      [['Văn phòng HĐND-UBND'], 'Chủ tịch UBND xã', 'trước ngày 20/12/2026'],
      [['Phòng Văn hóa - Xã hội'], 'UBND xã', 'trước ngày 10/12/2026'],
    ]);
  });
});

describe('items of part II assigned by number in part III', () => {
  it('"Giao X chủ trì thực hiện các nội dung tại mục 2, phần II": the tasks of item 2 are X\'s, with their own times; the hand-over is no task', () => {
    const { tasks } = read(`II. NHIỆM VỤ
1. Tuyên truyền pháp luật
a) Tổ chức tuyên truyền Luật Đất đai trên hệ thống truyền thanh xã (Chủ trì: Phòng Văn hóa - Xã hội; thời gian: quý II/2026).
2. Hòa giải ở cơ sở
a) Kiện toàn tổ hòa giải các thôn; hoàn thành trong quý I/2026.
b) Tập huấn kỹ năng hòa giải cho hòa giải viên; thời gian: tháng 5/2026.
III. TỔ CHỨC THỰC HIỆN
1. Giao Phòng Kinh tế chủ trì, phối hợp với Công an xã thực hiện các nội dung tại mục 2, phần II Kế hoạch này.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.due])).toEqual([
      ['1.a', ['Phòng Văn hóa - Xã hội'], [], 'quý II/2026'],
      ['2.a', ['Phòng Kinh tế'], ['Công an xã'], 'trong quý I/2026'],
      ['2.b', ['Phòng Kinh tế'], ['Công an xã'], 'tháng 5/2026'],
    ]);
  });
  it('a part whose items name no unit at all becomes tasks, each item led by the unit that part III gives it', () => {
    const { tasks, plan } = read(`II. NỘI DUNG HOẠT ĐỘNG
1. Tuyên truyền
- Tuyên truyền kiến thức phòng, chống thiên tai trên hệ thống truyền thanh xã; thời gian: quý II/2026.
2. Diễn tập
- Tổ chức diễn tập ứng phó bão lũ cấp xã trong tháng 8/2026.
3. Kiểm tra
- Kiểm tra các công trình đê điều, hồ đập (tháng 6/2026).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội chủ trì thực hiện nội dung tại mục 1, mục 3 phần II Kế hoạch này.
2. Ban Chỉ huy Quân sự xã chủ trì, phối hợp với Công an xã thực hiện các nội dung tại mục 2, phần II.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.due])).toEqual([
      ['1', ['Phòng Văn hóa - Xã hội'], [], 'quý II/2026'],
      ['2', ['Ban Chỉ huy Quân sự xã'], ['Công an xã'], 'trong tháng 8/2026'],
      ['3', ['Phòng Văn hóa - Xã hội'], [], 'tháng 6/2026'],
    ]);
    expect(plan.groups.map((g) => g.id)).toEqual(['II']);
  });
  it('"Phối hợp thực hiện nội dung tại mục 2 phần II" makes the unit no lead of item 2: it supports the lead another line gives, and keeps its own task', () => {
    const { tasks } = read(`II. NỘI DUNG HOẠT ĐỘNG
1. Tuyên truyền
- Tuyên truyền kiến thức phòng, chống thiên tai trên hệ thống truyền thanh xã; thời gian: quý II/2026.
2. Diễn tập
- Tổ chức diễn tập ứng phó bão lũ cấp xã trong tháng 8/2026.
III. TỔ CHỨC THỰC HIỆN
1. Các đơn vị:
a) Đoàn Thanh niên xã: Phối hợp thực hiện nội dung tại mục 2 phần II.
b) Ban Chỉ huy Quân sự xã: Chủ trì thực hiện nội dung tại mục 2 phần II.
c) Hội Nông dân xã: Phối hợp thực hiện nội dung tại mục 1 phần II.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.support])).toEqual([
      ['2', ['Ban Chỉ huy Quân sự xã'], ['Đoàn Thanh niên xã']],
      ['1.a', ['Đoàn Thanh niên xã'], []],
      ['1.c', ['Hội Nông dân xã'], []],
    ]);
  });
  it('"… tại mục 2 phần II Kế hoạch số 40/KH-STP của Sở Tư pháp" is another document\'s item: this plan\'s item 2 is not linked, the task stays', () => {
    const { tasks } = read(`II. NỘI DUNG HOẠT ĐỘNG
1. Tuyên truyền
- Tuyên truyền kiến thức phòng, chống thiên tai trên hệ thống truyền thanh xã; thời gian: quý II/2026.
2. Diễn tập
- Tổ chức diễn tập ứng phó bão lũ cấp xã trong tháng 8/2026.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội chủ trì thực hiện nội dung tại mục 1 phần II Kế hoạch này.
2. Ban Chỉ huy Quân sự xã chủ trì thực hiện nội dung tại mục 2 phần II Kế hoạch số 40/KH-STP của Sở Tư pháp.
`);
    expect(tasks.map((t) => [t.id, t.title.slice(0, 30), t.lead])).toEqual([
      ['1', 'Tuyên truyền', ['Phòng Văn hóa - Xã hội']],
      ['2', 'Ban Chỉ huy Quân sự xã chủ trì', ['Ban Chỉ huy Quân sự xã']],
    ]);
  });
});

describe('a task and its report in one paragraph', () => {
  it('"1. X tổ chức rà soát … . Báo cáo kết quả về Y trước ngày D.": the report is a duty and the work is still X\'s task (a capital "Báo cáo" was not read as the report, and the work was lost)', () => {
    const { tasks, plan } = read(`II. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội tổ chức tuyên truyền pháp luật; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế tổ chức rà soát các điểm tuyên truyền trong quý II/2026. Báo cáo kết quả về UBND xã trước ngày 30/6/2026.
`);
    expect(tasks.map((t) => [t.lead, t.due])).toEqual([
      [['Phòng Văn hóa - Xã hội'], 'quý II/2026'],
      [['Phòng Kinh tế'], 'trong quý II/2026'],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Phòng Kinh tế'], 'trước ngày 30/6/2026']]);
  });
});

describe('who does it, after an opening clause', () => {
  it('"Sau khi Kế hoạch được phê duyệt, X tổ chức …", "Căn cứ hướng dẫn của Sở Y, Z xây dựng …": X and Z lead (no task was made)', () => {
    const { tasks } = read(`II. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội tổ chức tuyên truyền pháp luật; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Sau khi Kế hoạch được phê duyệt, Phòng Kinh tế tổ chức rà soát các điểm tuyên truyền, hoàn thành trước ngày 30/6/2026.
2. Căn cứ hướng dẫn của Sở Tư pháp, Công an xã xây dựng kế hoạch phòng ngừa vi phạm pháp luật trong thanh thiếu niên trong quý III/2026.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due])).toEqual([
      ['1', ['Phòng Văn hóa - Xã hội'], 'quý II/2026'],
      ['III.1', ['Phòng Kinh tế'], 'trước ngày 30/6/2026'],
      ['III.2', ['Công an xã'], 'trong quý III/2026'],
    ]);
  });
});

describe('"việc làm" in a name', () => {
  it('"Trung tâm Dịch vụ việc làm tỉnh", "Trung tâm Giới thiệu việc làm": the name runs through "việc làm", in tasks and duties', () => {
    const { tasks, plan } = read(`II. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội tổ chức tuyên truyền pháp luật; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Trung tâm Dịch vụ việc làm tỉnh tổ chức sàn giao dịch việc làm trước ngày 30/6/2026.
2. Giao Trung tâm Giới thiệu việc làm thực hiện nội dung tại điểm a trước ngày 30/6/2026.
3. Trung tâm Dịch vụ việc làm tỉnh báo cáo kết quả về UBND xã trước ngày 10/12/2026.
`);
    expect(tasks.filter((t) => t.id.startsWith('III')).map((t) => [t.id, t.lead])).toEqual([
      ['III.1', ['Trung tâm Dịch vụ việc làm tỉnh']],
      ['III.2', ['Trung tâm Giới thiệu việc làm']],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Trung tâm Dịch vụ việc làm tỉnh'], 'trước ngày 10/12/2026']]);
  });
});

describe('a condition that opens the sentence ("Khi …, X …")', () => {
  it('runs to the comma after its own verb, names no time, and when unsure makes no task or duty', () => {
    const { tasks, plan } = read(`II. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội tổ chức tuyên truyền pháp luật; thời gian: quý II/2026.
III. TỔ CHỨC THỰC HIỆN
1. Khi UBND tỉnh, Bộ Văn hóa, Thể thao và Du lịch ban hành văn bản hướng dẫn, Phòng Kinh tế tham mưu điều chỉnh Kế hoạch.
2. Khi Sở Tài chính, Sở Kế hoạch và Đầu tư có hướng dẫn, Văn phòng UBND xã tham mưu bố trí kinh phí.
3. Khi cần thiết, Chủ tịch UBND xã triệu tập họp các phòng để đánh giá.
4. Căn cứ nhiệm vụ được giao Văn phòng UBND xã, Phòng Kinh tế báo cáo kết quả về UBND xã trước ngày 10/12/2026.
`);
    expect(tasks.filter((t) => t.id.startsWith('III')).map((t) => [t.id, t.lead, t.due])).toEqual([
      ['III.1', ['Phòng Kinh tế'], 'không ghi trong văn bản'],
      ['III.2', ['Văn phòng UBND xã'], 'không ghi trong văn bản'],
    ]);
    expect(plan.duties ?? []).toEqual([]);
  });
});
