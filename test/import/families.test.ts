// Shapes real plans take that the corpus holds few of, each as a small plan: the
// lead units and the time each assignment gets, and the duties. No units file:
// the names are found in the text, as in a plan from an unfamiliar province.
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { importText, leafTasks, shippedUnits } from './helpers.js';

const HEAD = `ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH
Số: 12/KH-UBND
Quảng Ninh, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Thực hiện nhiệm vụ năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện đúng tiến độ.
`;

function leaves(text: string) {
  const r = importText(HEAD + text);
  const out = leafTasks(r.plan).map((t) => ({
    id: t.id,
    title: t.title,
    ...(t.body ? { body: t.body } : {}),
    lead: (t.lead ?? []).map(String),
    ...(t.due ? { due: String(t.due) } : {}),
    ...(t.dueText ? { dueText: t.dueText } : {}),
  }));
  return { tasks: out, plan: r.plan };
}

describe('assignment sentences', () => {
  it('a section of activities where only some bullets name a unit: the rest stays in the group text, whole and in order', () => {
    const { tasks, plan } = leaves(`II. NỘI DUNG HOẠT ĐỘNG
1. Công tác vệ sinh môi trường
a) Thu gom rác thải
- Tổ chức thu gom, vận chuyển rác thải sau lũ.
- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì cấp hóa chất khử trùng.
2. Công tác nước sạch
- Lấy mẫu xét nghiệm nhanh các nguồn nước.
3. Công tác phối hợp
- Mặt trận Tổ quốc, Đoàn Thanh niên hỗ trợ người dân khắc phục hậu quả.
- Phối hợp với ngành giáo dục để vệ sinh trường lớp.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['Trung tâm Kiểm soát bệnh tật tỉnh'], ['Mặt trận Tổ quốc', 'Đoàn Thanh niên']]);
    // Each heading a bullet's assignment did not take as its title was dropped, or put after the next one's text.
    expect(plan.groups[0]!.body?.split('\n')).toEqual([
      '1. Công tác vệ sinh môi trường',
      'a) Thu gom rác thải',
      '- Tổ chức thu gom, vận chuyển rác thải sau lũ.',
      '2. Công tác nước sạch',
      '- Lấy mẫu xét nghiệm nhanh các nguồn nước.',
      '3. Công tác phối hợp',
      '- Phối hợp với ngành giáo dục để vệ sinh trường lớp.',
    ]);
  });

  it('a numbered heading naming no unit titles the assignment paragraph below it, whose labelled time is kept whole', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Tổ chức tuyên truyền, phổ biến Luật Dữ liệu
Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền. Thời gian thực hiện: Quý IV/2025 và các năm tiếp theo.
2. Bố trí kinh phí
Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch; thời gian: hằng năm.
`);
    expect(tasks.map((t) => [t.id, t.title, t.lead, t.due])).toEqual([
      ['1', 'Tổ chức tuyên truyền, phổ biến Luật Dữ liệu', ['Sở Khoa học và Công nghệ'], 'Quý IV/2025 và các năm tiếp theo'],
      ['2', 'Bố trí kinh phí', ['Sở Tài chính'], 'hằng năm'],
    ]);
    expect(tasks[0]!.body).toMatch(/^Sở Khoa học và Công nghệ chủ trì/);
  });

  it('a time the sentence labels is kept as written when the grammar cannot read it, never replaced by a year inside it', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Giao Thanh tra tỉnh chủ trì, phối hợp với Sở Nội vụ thanh tra công vụ; thời gian: theo kế hoạch thanh tra năm 2026 được phê duyệt.
2. Giao Sở Tư pháp chủ trì đánh giá xã đạt chuẩn tiếp cận pháp luật năm 2025; hoàn thành trước ngày 15/3/2026.
3. Giao Sở Nội vụ chủ trì cập nhật cơ sở dữ liệu cán bộ, công chức trước ngày 20 hằng tháng.
4. Giao Cục Môi trường chủ trì tổng hợp, báo cáo Thủ tướng Chính phủ vào tháng 6 và tháng 12 hằng năm.
`);
    expect(tasks.map((t) => t.due ?? t.dueText)).toEqual(['theo kế hoạch thanh tra năm 2026 được phê duyệt', 'trước ngày 15/3/2026', 'trước ngày 20 hằng tháng', 'tháng 6 và tháng 12 hằng năm']);
  });

  it('"Tổ chức thực hiện" assigns too, after labelled tasks, keeping its Roman number before the tasks\' ("III.2")', () => {
    const { tasks } = leaves(`II. NHIỆM VỤ
1. Tổ chức hội nghị
- Cơ quan chủ trì: Sở Tư pháp
- Thời gian hoàn thành: Quý I/2026
2. Tổ chức hội thi
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch; - Cơ quan phối hợp: Sở Tư pháp; - Thời gian: Quý III/2026.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, giám sát việc thực hiện.
`);
    expect(tasks.map((t) => [t.id, t.lead])).toEqual([
      ['1', ['Sở Tư pháp']],
      ['2', ['Sở Văn hóa, Thể thao và Du lịch']],
      ['III.1', ['Sở Tư pháp']],
      ['III.2', ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh']],
    ]);
    expect(tasks[1]!.due).toBe('Quý III/2026');
  });
});

describe('times the grammar cannot read, and years that are no deadline', () => {
  it("a season is kept as written (dueText), never as the year inside it; hours after an event are read as an event deadline; a year's budget is not a deadline", () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Phòng Kinh tế chủ trì kiểm tra, gia cố đê điều trước mùa mưa bão năm 2026.
2. Công an xã chủ trì báo cáo nhanh vụ việc về UBND xã trong vòng 24 giờ kể từ khi xảy ra sự cố.
3. Văn phòng HĐND và UBND xã chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán năm 2026.
4. Phòng Văn hóa - Xã hội chủ trì bố trí kinh phí trong dự toán năm 2026, hoàn thành trong Quý I/2026.
5. Các thôn chủ trì báo cáo nhanh thiệt hại về UBND xã trong vòng 24h kể từ khi xảy ra thiên tai.
`);
    expect(tasks.map((t) => [t.id, t.due ?? null, t.dueText ?? null])).toEqual([
      ['1', null, 'trước mùa mưa bão năm 2026'],
      ['2', 'trong vòng 24 giờ kể từ khi xảy ra sự cố', null],
      ['3', null, 'không ghi trong văn bản'],
      ['4', 'trong Quý I/2026', null],
      ['5', 'trong vòng 24h kể từ khi xảy ra thiên tai', null],
    ]);
  });
});

describe('a name ends at its verb, whatever the verb', () => {
  it('"nêu cao", "phát động" end a name as "chủ trì" does', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. UBND cấp xã, phường nêu cao trách nhiệm người đứng đầu trong quản lý khoáng sản, hoàn thành trong Quý I/2026.
2. Sở Khoa học và Công nghệ phát động phong trào thi đua đổi mới sáng tạo, hoàn thành trong Quý II/2026.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['UBND cấp xã, phường'], ['Sở Khoa học và Công nghệ']]);
  });
});

describe('a closing exhortation', () => {
  it('"… . Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện …" after a statement is no task', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Sở Y tế chủ trì phun hóa chất khử khuẩn, hoàn thành trong Quý I/2026.
VI. KINH PHÍ THỰC HIỆN
Khắc phục môi trường là nhiệm vụ cấp bách. Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['Sở Y tế']]);
  });
});

describe('reporting paragraphs that also give work', () => {
  it('are a task of their unit, timed by the work (by the report when the work states no time), and a duty timed by the report; one that only reports is a duty only', () => {
    const { tasks, plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 15/12/2026.
2. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao chủ động triển khai thực hiện; báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2026.
3. Sở Tài chính báo cáo tình hình bố trí kinh phí về UBND tỉnh trước ngày 30/11/2026.
4. Sở Tư pháp: thường xuyên rà soát, hệ thống hóa văn bản quy phạm pháp luật; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 20/11/2026.
5. Sở Xây dựng: kiểm tra các công trình trong quý III/2026; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 25/11/2026.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due ?? t.dueText])).toEqual([
      ['1', ['Sở Nội vụ'], 'trước ngày 15/12/2026'],
      ['4', ['Sở Tư pháp'], 'thường xuyên'],
      ['5', ['Sở Xây dựng'], 'trong quý III/2026'],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([
      [['Sở Nội vụ'], 'trước ngày 15/12/2026'],
      [['Các sở, ban, ngành'], 'trước ngày 10/12/2026'],
      [['Sở Tài chính'], 'trước ngày 30/11/2026'],
      [['Sở Tư pháp'], 'trước ngày 20/11/2026'],
      // The report's clause gives the duty's day, not the work's quarter before it.
      [['Sở Xây dựng'], 'trước ngày 25/11/2026'],
    ]);
  });
  it("a report's own clause ends at the next \";\": a later clause's day is the work's, not the report's", () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp: định kỳ hằng quý báo cáo kết quả về UBND tỉnh; hoàn thành việc rà soát trước ngày 30/9/2026.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([[['Sở Tư pháp'], 'UBND tỉnh', 'định kỳ hằng quý']]);
  });
  it('with a units file that knows the unit, the one before the colon sends, without the colon', () => {
    const { plan } = importText(
      `${HEAD}III. TỔ CHỨC THỰC HIỆN
1. Phòng Tư pháp: định kỳ hằng quý báo cáo kết quả về UBND huyện; hoàn thành việc rà soát trước ngày 30/9/2026.
`,
      shippedUnits(),
    );
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Phòng Tư pháp'], 'định kỳ hằng quý']]);
  });
  it("a report first and work after it in one sentence: the work is the unit's task, due by its own day", () => {
    const { tasks, plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp: định kỳ hằng quý báo cáo kết quả về UBND tỉnh; hoàn thành việc rà soát trước ngày 30/9/2026.
2. Sở Nội vụ: định kỳ hằng quý báo cáo kết quả về UBND tỉnh; căn cứ nhiệm vụ được giao chủ động triển khai thực hiện.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due ?? t.dueText])).toEqual([['1', ['Sở Tư pháp'], 'trước ngày 30/9/2026']]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([
      [['Sở Tư pháp'], 'định kỳ hằng quý'],
      [['Sở Nội vụ'], 'định kỳ hằng quý'],
    ]);
  });
});

describe('a generic closing sentence', () => {
  it('"X căn cứ nhiệm vụ được giao chủ động tổ chức thực hiện." gives no new work: no task, as the same clause beside a report', () => {
    const { tasks } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Văn phòng UBND tỉnh là đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 10/12/2026.
2. Các phòng, ban, đơn vị căn cứ nhiệm vụ được giao chủ động tổ chức thực hiện.
3. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao chủ động triển khai thực hiện Kế hoạch này.
4. Sở Tài chính căn cứ nhiệm vụ được giao bố trí kinh phí thực hiện Kế hoạch.
`);
    expect(tasks.map((t) => [t.id, t.lead])).toEqual([
      ['1', ['Văn phòng UBND tỉnh']],
      ['4', ['Sở Tài chính']],
    ]);
  });
});

describe('a title made from what follows "X:"', () => {
  it('starts with a capital, as the document would write it ("Sở Tư pháp: thường xuyên rà soát …")', () => {
    const { tasks } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp: định kỳ hằng quý báo cáo kết quả về UBND tỉnh; hoàn thành việc rà soát trước ngày 30/9/2026.
2. Sở Nội vụ: thường xuyên rà soát, hệ thống hóa văn bản quy phạm pháp luật; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 20/11/2026.
3. Sở Tài chính: đảm bảo kinh phí thực hiện Kế hoạch, hoàn thành trong Quý I/2026.
`);
    expect(tasks.map((t) => t.title)).toEqual([
      'Định kỳ hằng quý báo cáo kết quả về UBND tỉnh; hoàn thành việc rà soát trước ngày 30/9/2026.',
      'Thường xuyên rà soát, hệ thống hóa văn bản quy phạm pháp luật; tổng hợp, báo cáo kết quả về UBND tỉnh trước ngày 20/11/2026.',
      'Đảm bảo kinh phí thực hiện Kế hoạch, hoàn thành trong Quý I/2026.',
    ]);
  });
});

describe('names', () => {
  it('an office of the elected bodies is one unit; a verb-like word inside a name before "chủ trì" stays in it', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Văn phòng HĐND và UBND xã chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý I/2026.
2. Trung tâm Dịch vụ tổng hợp phường chủ trì, phối hợp với các tổ dân phố thu gom rác thải, hoàn thành trong Quý IV/2026.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['Văn phòng HĐND và UBND xã'], ['Trung tâm Dịch vụ tổng hợp phường']]);
  });

  it('a name the plan uses elsewhere, followed by a stray word ("… Công nghệ đê hỗ trợ"), is that unit, with a note on its line; a level after a name is part of it', () => {
    const r = importText(`${HEAD}II. NỘI DUNG
1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu, hoàn thành trong Quý II/2026.
2. Ban Quản lý Khu kinh tế
- Phối hợp chặt chẽ Sở Khoa học và Công nghệ đê hỗ trợ doanh nghiệp khảo sát hạ tầng.
3. Công an chủ trì bảo đảm an ninh, trong Quý III/2026.
4. Công an tỉnh chủ trì kiểm tra, trong Quý IV/2026.
`);
    const tasks = leafTasks(r.plan);
    expect(tasks.map((t) => t.lead)).toEqual([['Sở Khoa học và Công nghệ'], ['Sở Khoa học và Công nghệ'], ['Công an'], ['Công an tỉnh']]);
    expect(tasks[1]!.support).toEqual(['Ban Quản lý Khu kinh tế']);
    expect(r.notes.filter((n) => n.reason.vi.includes('chữ thừa')).map((n) => [n.line, n.text, n.reason.en])).toEqual([
      [11, 'Sở Khoa học và Công nghệ đê', 'unit name "Sở Khoa học và Công nghệ đê" has the stray word "đê" after "Sở Khoa học và Công nghệ"; took "Sở Khoa học và Công nghệ"'],
    ]);
    expect(r.mentions.map((m) => m.name)).not.toContain('Sở Khoa học và Công nghệ đê');
  });
});

describe('per-unit sections and steps', () => {
  it('"7. Đề nghị X" heads X\'s duties; a plain paragraph under a unit heading is its task even when it also reports', () => {
    const { tasks, plan } = leaves(`II. NỘI DUNG
1. Văn phòng HĐND và UBND xã
Chủ động triển khai các nhiệm vụ; định kỳ hằng quý, trước ngày 15 của tháng cuối quý báo cáo kết quả về Ủy ban nhân dân xã.
2. Đề nghị Ủy ban MTTQ Việt Nam xã
- Chỉ đạo Ban Công tác Mặt trận ở khu dân cư củng cố tổ hòa giải; thời gian: Quý II/2026.
`);
    expect(tasks.map((t) => [t.lead, t.due])).toEqual([
      [['Văn phòng HĐND và UBND xã'], 'định kỳ hằng quý, trước ngày 15 của tháng cuối quý'],
      [['Ủy ban MTTQ Việt Nam xã'], 'Quý II/2026'],
    ]);
    void plan;
  });

  it('"Bước 1: …" then "Thời gian hoàn tất: …": each step is a sub-task of the heading, with its own time', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Giao Sở Nội vụ chủ trì tổ chức hội nghị quán triệt, hoàn thành trong Quý I/2026.
2. Rà soát, xác định vị trí việc làm
Bước 1: Các cơ quan, tổ chức hành chính cấp tỉnh và Ủy ban nhân dân các xã, phường rà soát, xây dựng đề án vị trí việc làm, gửi Sở Nội vụ thẩm định.
Thời gian hoàn tất: Trước ngày 30/6/2026.
Bước 2: Sở Nội vụ thẩm định, trình Ủy ban nhân dân tỉnh phê duyệt danh mục vị trí việc làm.
Thời gian hoàn tất: Quý III/2026.
`);
    expect(tasks.map((t) => [t.id, t.lead, t.due])).toEqual([
      ['1', ['Sở Nội vụ'], 'trong Quý I/2026'],
      ['2.1', ['Các cơ quan, tổ chức hành chính cấp tỉnh', 'Ủy ban nhân dân các xã, phường'], 'Trước ngày 30/6/2026'],
      ['2.2', ['Sở Nội vụ'], 'Quý III/2026'],
    ]);
  });
});

describe('reporting duties', () => {
  it('quarterly and half-yearly duties, sent by the unit heading above or the subject, whose name ends at its verb', () => {
    const { plan } = leaves(`II. NỘI DUNG
1. Giao Sở Tư pháp chủ trì tổ chức hội nghị, hoàn thành trong Quý I/2026.
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao tổ chức thực hiện; định kỳ hằng quý, trước ngày 15 tháng cuối quý báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh (qua Sở Tư pháp).
2. Ủy ban nhân dân các xã, phường
- Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Tư pháp).
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.due, d.period ?? null])).toEqual([
      [['Các sở, ban, ngành', 'Ủy ban nhân dân các xã, phường'], 'định kỳ hằng quý, trước ngày 15 tháng cuối quý', null],
      [['Ủy ban nhân dân các xã, phường'], 'trước ngày 15/6', '6m'],
      [['Ủy ban nhân dân các xã, phường'], 'trước ngày 15/12', 'year'],
    ]);
  });
});

describe('reporting duties: what is no body reported to', () => {
  it('"báo cáo Tổng kết …", "báo cáo Chuyên đề …" name the report, not the body: no duty, the tasks stay', () => {
    const { plan } = leaves(`II. NỘI DUNG
1. Tổ chức hội nghị (tháng 10/2026).
III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa – Xã hội hoàn thiện báo cáo Tổng kết 10 năm kết quả thi hành Luật Phổ biến, giáo dục pháp luật trước ngày 30/6/2026.
2. Công an phường xây dựng báo cáo Chuyên đề tình hình tội phạm trên địa bàn trước ngày 15/10/2026.
3. Phòng Kinh tế chủ trì báo cáo UBND tỉnh kết quả thực hiện trước ngày 20/12/2026.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([[['Phòng Kinh tế'], 'UBND tỉnh', 'trước ngày 20/12/2026']]);
  });

  it('the body reported to ends where a "về" recipient would ("… phường tại kỳ họp cuối năm")', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa – Xã hội tổng hợp, báo cáo Hội đồng nhân dân phường tại kỳ họp cuối năm trước ngày 30/11/2026.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.to])).toEqual([[['Phòng Văn hóa – Xã hội'], 'Hội đồng nhân dân phường']]);
  });

  it('"báo cáo <body> (qua …) về tình hình, kết quả …": the body is the recipient, what follows "về" the report', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế: Chủ trì theo dõi việc thực hiện Kế hoạch (năm 2026).
- Các phòng, ban định kỳ hàng năm (trước ngày 10/12) báo cáo Ủy ban nhân dân xã (qua Phòng Kinh tế) về tình hình, kết quả triển khai thực hiện Kế hoạch này.
`);
    expect((plan.duties ?? []).map((d) => [d.to, d.title, d.due])).toEqual([
      ['Ủy ban nhân dân xã (qua Phòng Kinh tế)', 'Báo cáo tình hình, kết quả triển khai thực hiện Kế hoạch này năm', 'trước ngày 10/12'],
    ]);
  });

  it('"báo cáo của X" is the report of X, not the start of a duty', () => {
    const r = importText(
      `${HEAD}III. TỔ CHỨC THỰC HIỆN
1. Trên cơ sở báo cáo của Công an phường, Phòng Tư pháp báo cáo kết quả về UBND phường trước ngày 13/12/2026.
`,
      shippedUnits(),
    );
    expect((r.plan.duties ?? []).map((d) => [d.by, d.to, d.due])).toEqual([[['Phòng Tư pháp'], 'UBND phường', 'trước ngày 13/12/2026']]);
  });

  it('a lettered unit heading does not reach past its lettered siblings: "c) Định kỳ … báo cáo …" has no sender', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
a) Phòng Văn hóa – Xã hội:
- Tổng hợp, báo cáo kết quả về UBND phường trước ngày 10/11/2026.
b) Đoàn Thanh niên phường: Chủ trì thực hiện nội dung tại mục 2 phần II.
c) Định kỳ hằng quý, báo cáo kết quả về UBND phường trước ngày 20 tháng cuối quý.
d) Tổng hợp, báo cáo kết quả về Sở Tư pháp trước ngày 20/11/2026.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Phòng Văn hóa – Xã hội'], 'trước ngày 10/11/2026']]);
  });
});

describe('header', () => {
  it('a year in the title before the issue date names a law, not the plan; the rule under the issuer is layout', () => {
    const r = importText(`ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ -------
Số: 312/KH-UBND
Phú Thọ, ngày 05 tháng 02 năm 2026
KẾ HOẠCH
Triển khai thi hành Luật Cán bộ, công chức năm 2025
II. NỘI DUNG
1. Giao Sở Nội vụ chủ trì tổ chức hội nghị quán triệt, hoàn thành trong Quý I/2026.
`);
    expect([r.plan.year, r.plan.issuer?.name]).toEqual([2026, 'Ủy ban nhân dân tỉnh Phú Thọ']);
    const planned = importText(`${HEAD.replace('ngày 10 tháng 01 năm 2026', 'ngày 28 tháng 12 năm 2025')}II. NỘI DUNG\n1. Giao Sở Nội vụ chủ trì tổ chức hội nghị, hoàn thành trong Quý I/2026.\n`);
    expect(planned.plan.year).toBe(2026);
  });

  it('the national motto in one cell of the header table is layout, not a note; issuer names in capitals are spelt as the text writes them', () => {
    const r = importText(`| ỦY BAN NHÂN DÂN TỈNH LÀO CAI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| SỞ CÔNG THƯƠNG | |
| Số: 15/KH-SCT | Lào Cai, ngày 08 tháng 01 năm 2026 |
KẾ HOẠCH
Huấn luyện an toàn năm 2026
Sở Công Thương ban hành Kế hoạch như sau:
II. NHIỆM VỤ
1. Giao Phòng Kỹ thuật an toàn chủ trì tổ chức huấn luyện, hoàn thành trong Quý II/2026.
`);
    expect(r.plan.issuer).toEqual({ parent: 'Ủy ban nhân dân tỉnh Lào Cai', name: 'Sở Công Thương', level: 'province' });
    expect(r.notes.map((n) => n.text)).toEqual([]);
    // No sentence names them: the rules of official names (the kind in sentence case, each part of the name and the place capitalised).
    const ruled = importText(`ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY
PHÒNG VĂN HÓA - XÃ HỘI
Số: 3/KH-VHXH
Sơn Tây, ngày 08 tháng 01 năm 2025
KẾ HOẠCH
Thực hiện năm 2025
II. NHIỆM VỤ
1. Giao Tổ văn hóa chủ trì tổ chức hội thi, hoàn thành trong Quý II/2025.
`);
    expect(ruled.plan.issuer).toEqual({ parent: 'Ủy ban nhân dân thị xã Sơn Tây', name: 'Phòng Văn hóa - Xã hội', level: 'district' });
  });
});

describe('a lead cell or label that also names the supporters', () => {
  it('"X chủ trì, phối hợp với Y" and "X (chủ trì); Y (phối hợp)" split into lead and support', () => {
    const r = importText(`${HEAD}II. NỘI DUNG
| STT | Nội dung | Đơn vị thực hiện | Thời gian |
|---|---|---|---|
| 1 | Tổ chức hội nghị tập huấn | Phòng Phổ biến, giáo dục pháp luật chủ trì, phối hợp với Văn phòng Sở | Quý II/2026 |
| 2 | Biên soạn tài liệu | Phòng Phổ biến, giáo dục pháp luật (chủ trì); Trung tâm Trợ giúp pháp lý nhà nước (phối hợp) | Tháng 3/2026 |
| 3 | Cập nhật văn bản | Văn phòng Sở (chủ trì), Phòng Phổ biến, giáo dục pháp luật | Thường xuyên |
| 4 | Tổ chức hội thi | Phòng Phổ biến, giáo dục pháp luật chủ trì; Văn phòng Sở phối hợp. | Quý III/2026 |
| 5 | Rà soát văn bản | Văn phòng Sở chủ trì | Quý IV/2026 |
`);
    const tasks = r.plan.groups.flatMap((g) => g.tasks);
    expect(tasks.map((t) => [t.lead, t.support ?? []])).toEqual([
      [['Phòng Phổ biến, giáo dục pháp luật'], ['Văn phòng Sở']],
      [['Phòng Phổ biến, giáo dục pháp luật'], ['Trung tâm Trợ giúp pháp lý nhà nước']],
      [['Văn phòng Sở'], ['Phòng Phổ biến, giáo dục pháp luật']],
      [['Phòng Phổ biến, giáo dục pháp luật'], ['Văn phòng Sở']],
      [['Văn phòng Sở'], []],
    ]);
  });
});

describe('sections named for responsibilities', () => {
  it('"TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ" assigns like "Tổ chức thực hiện"; "CHẾ ĐỘ BÁO CÁO" gives duties', () => {
    const { tasks, plan } = leaves(`II. NỘI DUNG
1. Ra quân tổng vệ sinh vào ngày chủ nhật cuối tháng.
III. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ
1. Phòng Kinh tế
- Chủ trì tham mưu tổ chức ra quân tổng vệ sinh; hoàn thành trước ngày 30/3/2026.
2. Đề nghị Ủy ban MTTQ Việt Nam xã
- Vận động Nhân dân tham gia; thời gian: thường xuyên.
IV. CHẾ ĐỘ BÁO CÁO
Các thôn báo cáo kết quả về Ủy ban nhân dân xã (qua Phòng Kinh tế) trước ngày 25 hằng tháng.
`);
    expect(tasks.map((t) => [t.lead, t.due])).toEqual([
      [['Phòng Kinh tế'], 'trước ngày 30/3/2026'],
      [['Ủy ban MTTQ Việt Nam xã'], 'thường xuyên'],
    ]);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Các thôn'], 'trước ngày 25 hằng tháng']]);
  });
});

describe('a monthly report whose day is written apart from "hằng tháng"', () => {
  it('"X định kỳ hằng tháng báo cáo … trước ngày 25" is due before the 25th of each month, not "định kỳ hằng tháng"', () => {
    const { plan } = leaves(`II. NỘI DUNG
1. Ra quân tổng vệ sinh vào ngày chủ nhật cuối tháng.
III. TỔ CHỨC THỰC HIỆN
Các thôn định kỳ hằng tháng báo cáo kết quả về Ủy ban nhân dân xã (qua Phòng Kinh tế) trước ngày 25.
`);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Các thôn'], 'trước ngày 25 hằng tháng']]);
  });
});

describe('work beside a report whose time is labelled', () => {
  it('"X: theo dõi …; báo cáo … (thời gian: trước ngày D)": the work is due by D, the labelled time read once, not the text after it', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Ra quân tổng vệ sinh vào ngày chủ nhật cuối tháng.
III. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế: là cơ quan thường trực, theo dõi, đôn đốc thực hiện Kế hoạch; báo cáo kết quả về UBND tỉnh (thời gian: trước ngày 15/12/2026).
2. Phòng Văn hóa - Xã hội: kiểm tra, đôn đốc các thôn thực hiện Kế hoạch; tổng hợp báo cáo kết quả về UBND tỉnh; thời gian: trước ngày 20/12/2026.
`);
    expect(tasks.filter((t) => t.lead.length > 0).map((t) => [t.lead, t.due])).toEqual([
      [['Phòng Kinh tế'], 'trước ngày 15/12/2026'],
      [['Phòng Văn hóa - Xã hội'], 'trước ngày 20/12/2026'],
    ]);
  });
});

describe('a task followed by a sentence that only reports', () => {
  it('"Căn cứ …, X xây dựng kế hoạch chi tiết … . Hằng năm hoặc đột xuất báo cáo …": "hằng năm" is the report\'s time, not the task\'s', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Ra quân tổng vệ sinh vào ngày chủ nhật cuối tháng.
III. TỔ CHỨC THỰC HIỆN
Căn cứ nội dung Kế hoạch này, Sở Tư pháp xây dựng kế hoạch chi tiết triển khai thi hành Luật trong phạm vi quản lý. Hằng năm hoặc đột xuất báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.
Sở Nội vụ tổ chức tập huấn cho cán bộ. Thời gian thực hiện: quý III/2026. Hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh.
`);
    expect(tasks.filter((t) => t.lead.length > 0).map((t) => [t.lead, t.due ?? null])).toEqual([
      [['Sở Tư pháp'], null],
      [['Sở Nội vụ'], 'quý III/2026'],
    ]);
  });
  it('"X xây dựng kế hoạch … . Dự thảo gửi Giám đốc Sở trước ngày 30/6/2026.": the draft sent is the task\'s own product, its time is the task\'s', () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Ra quân tổng vệ sinh vào ngày chủ nhật cuối tháng.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở xây dựng kế hoạch kiểm tra các điểm du lịch. Dự thảo gửi Giám đốc Sở trước ngày 30/6/2026.
`);
    expect(tasks.filter((t) => t.lead.length > 0).map((t) => [t.lead, t.due ?? null])).toEqual([[['Văn phòng Sở'], 'trước ngày 30/6/2026']]);
  });
});

describe('"Sở X: …" bullets one after another', () => {
  it("each bullet naming its unit before a colon is that unit's task, not a sub-task of the bullet above", () => {
    const { tasks } = leaves(`II. NỘI DUNG
1. Giao Sở Nội vụ chủ trì tổ chức hội nghị, hoàn thành trong Quý I/2026.
III. TỔ CHỨC THỰC HIỆN
- Sở Khoa học và Công nghệ: chủ trì theo dõi, đôn đốc thực hiện Kế hoạch; thời gian: thường xuyên.
- Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch; thời gian: Quý I/2026.
- Ủy ban nhân dân các xã, phường: xây dựng kế hoạch thực hiện tại địa phương, hoàn thành trước ngày 31/3/2026.
`);
    expect(tasks.slice(1).map((t) => [t.lead, t.due])).toEqual([
      [['Sở Khoa học và Công nghệ'], 'thường xuyên'],
      [['Sở Tài chính'], 'Quý I/2026'],
      [['Ủy ban nhân dân các xã, phường'], 'trước ngày 31/3/2026'],
    ]);
  });
});

describe("who does it, written inside the task's text", () => {
  it('labels in brackets at the end, and a later "Giao X chủ trì" sentence', () => {
    const { tasks } = leaves(`II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Truyền thông về tác hại của thuốc lá (Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Báo và Phát thanh, Truyền hình An Giang; thời gian: thường xuyên).
2. Kiểm tra việc cấm hút thuốc lá nơi công cộng (chủ trì: Sở Y tế, phối hợp: Công an tỉnh, Ủy ban nhân dân các xã, phường; thời gian: Quý III/2026).
3. Xây dựng môi trường làm việc không khói thuốc. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị thực hiện trong năm 2026.
`);
    const all = importText(`${HEAD}II. NHIỆM VỤ VÀ GIẢI PHÁP
2. Kiểm tra việc cấm hút thuốc lá nơi công cộng (chủ trì: Sở Y tế, phối hợp: Công an tỉnh, Ủy ban nhân dân các xã, phường; thời gian: Quý III/2026).
`).plan.groups[0]!.tasks[0]!;
    expect(tasks.map((t) => [t.lead, t.due])).toEqual([
      [['Sở Y tế'], 'thường xuyên'],
      [['Sở Y tế'], 'Quý III/2026'],
      [['Sở Nội vụ'], 'trong năm 2026'],
    ]);
    expect(all.support).toEqual(['Công an tỉnh', 'Ủy ban nhân dân các xã, phường']);
  });
});

describe('an event plan: a part that describes the event item by item, a staff table after the signature, the signature on one line', () => {
  const text = `II. NỘI DUNG
1. Thời gian: 02 ngày (bắt đầu từ 8h00 ngày 14/9/2026).
2. Địa điểm: Hội trường Sở Công Thương.
3. Đối tượng: Cán bộ quản lý an toàn của các doanh nghiệp.
III. TỔ CHỨC THỰC HIỆN
1. Giao Phòng Quản lý công nghiệp tổ chức lớp tập huấn theo nội dung tại Kế hoạch này.
Nơi nhận: - Ban Giám đốc Sở; - Lưu: VT, QLCN.
KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Minh Quân
PHÂN CÔNG NHIỆM VỤ CỦA TỔ GIÚP VIỆC
(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2026)
| TT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú |
| 1 | Chuẩn bị tài liệu | Lê Văn An<br>Phạm Thị Hoa |  |
| 2 | Tổng hợp kết quả | Phạm Thị Hoa |  |
`;
  const { tasks, plan } = leaves(text);
  it("the table's rows are the issuer's tasks, the staff in their text; every task without a time of its own takes the event's", () => {
    const time = '02 ngày (bắt đầu từ 8h00 ngày 14/9/2026)';
    // In the document's order: part III, then the table after the signature.
    expect(tasks).toEqual([
      {
        id: 'III.1',
        title: 'Giao Phòng Quản lý công nghiệp tổ chức lớp tập huấn theo nội dung tại Kế hoạch này',
        lead: ['Phòng Quản lý công nghiệp'],
        due: time,
      },
      { id: '1', title: 'Chuẩn bị tài liệu', body: 'Người thực hiện: Lê Văn An, Phạm Thị Hoa', lead: ['Ủy ban nhân dân tỉnh Quảng Ninh'], due: time },
      { id: '2', title: 'Tổng hợp kết quả', body: 'Người thực hiện: Phạm Thị Hoa', lead: ['Ủy ban nhân dân tỉnh Quảng Ninh'], due: time },
    ]);
  });
  it('the appendix title is no part of the signature; signer and recipients written on one line are taken apart', () => {
    // The appendix's group follows the parts of the body ("IV" after "III", not "I" before it).
    expect(plan.groups.map((g) => [g.id, g.title])).toEqual([
      ['III', 'TỔ CHỨC THỰC HIỆN'],
      ['IV', 'PHÂN CÔNG NHIỆM VỤ CỦA TỔ GIÚP VIỆC'],
    ]);
    expect(plan.signer).toEqual({ authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: 'Trần Minh Quân' });
    expect(plan.recipients).toEqual(['Ban Giám đốc Sở;', 'Lưu: VT, QLCN.']);
  });
});

describe('a body named after the field it manages, in lower case ("Phòng Quản lý xây dựng")', () => {
  const { tasks, plan } = leaves(`II. NHIỆM VỤ
1. Rà soát công trình xây dựng không phép. Giao Phòng Quản lý xây dựng chủ trì, phối hợp với Công an xã thực hiện trong quý I/2026.
2. Phòng Quản lý xây dựng tổ chức kiểm tra các công trình, hoàn thành trước ngày 30/6/2026.
3. Kiểm tra hồ sơ cấp phép.
- Đơn vị chủ trì: Ban Quản lý dự án
- Đơn vị phối hợp: Phòng Quản lý đô thị
- Thời gian hoàn thành: Quý II/2026
III. TỔ CHỨC THỰC HIỆN
Các đơn vị được phân công tổ chức thực hiện; báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12/2026.
`);
  it('keeps "xây dựng" in the name, not as its verb, and another "Phòng Quản lý …" whole', () => {
    expect(tasks.map((t) => [t.id, t.lead])).toEqual([
      ['1', ['Phòng Quản lý xây dựng']],
      ['2', ['Phòng Quản lý xây dựng']],
      ['3', ['Ban Quản lý dự án']],
    ]);
    const all = plan.groups.flatMap((g) => g.tasks);
    expect(all.map((t) => (t.support ?? []).map(String))).toEqual([['Công an xã'], [], ['Phòng Quản lý đô thị']]);
    // A field word that is a verb elsewhere still ends a name that is complete: "Sở Giáo dục và Đào tạo kiểm tra …".
    expect(leaves('II. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo kiểm tra việc thực hiện, hoàn thành trước ngày 30/6/2026.\n').tasks[0]!.lead).toEqual(['Sở Giáo dục và Đào tạo']);
  });
  it('"Các đơn vị được phân công tổ chức thực hiện; báo cáo …" is the report of "Các đơn vị", and carrying out what was assigned no task of its own', () => {
    expect(plan.groups.map((g) => g.id)).toEqual(['II']);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Các đơn vị'], 'trước ngày 15/12/2026']]);
  });
});

describe('lettered items are siblings', () => {
  it('"d)" after a lettered item that assigns ("c) Các doanh nghiệp … bố trí kinh phí …") is the next item, not one of c)\'s; naming no unit, it stays in the text', () => {
    const items = `a) Kinh phí thực hiện Kế hoạch này bao gồm: Ngân sách nhà nước và các nguồn kinh phí hợp pháp khác.
c) Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo bố trí kinh phí từ ngân sách tự chủ của mình để thực hiện các nhiệm vụ, giải pháp được giao thuộc Kế hoạch.
d) Thúc đẩy vai trò của các doanh nghiệp tư nhân tham gia vào phát triển kinh tế số, xã hội số.
`;
    const enterprises = ['Các doanh nghiệp, tổ chức kinh tế, cơ sở giáo dục, đào tạo'];
    // Straight under the part's heading.
    const { tasks, plan } = leaves(`II. GIẢI PHÁP\n${items}`);
    expect(tasks.map((t) => [t.id, t.lead])).toEqual([['c', enterprises]]);
    expect(plan.groups[0]!.body?.split('\n')).toEqual([
      'a) Kinh phí thực hiện Kế hoạch này bao gồm: Ngân sách nhà nước và các nguồn kinh phí hợp pháp khác.',
      'd) Thúc đẩy vai trò của các doanh nghiệp tư nhân tham gia vào phát triển kinh tế số, xã hội số.',
    ]);
    // Under a topic naming no unit ("6. Bảo đảm kinh phí", as in Đồng Nai's plan): c) is the topic's task, d) its text.
    const under = leaves(`II. GIẢI PHÁP\n1. Bảo đảm kinh phí\n${items}`).plan.groups[0]!.tasks[0]!;
    expect([under.id, under.tasks?.map((t) => [t.id, t.lead, t.tasks])]).toEqual(['1', [['1.c', enterprises, undefined]]]);
    expect(under.closing).toContain('Thúc đẩy vai trò của các doanh nghiệp tư nhân');
  });

  it('"b) Sở Nội vụ: …" after "a) Sở Tài chính: …" is that unit\'s task beside a), and a lettered item with no unit after them no one\'s', () => {
    const { tasks } = leaves(`III. TỔ CHỨC THỰC HIỆN
a) Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch.
b) Sở Nội vụ: hướng dẫn các cơ quan, đơn vị thực hiện Kế hoạch, hoàn thành trong Quý I/2026.
c) Tổng kết, đánh giá kết quả thực hiện Kế hoạch.
`);
    expect(tasks.map((t) => [t.id, t.lead])).toEqual([
      ['a', ['Sở Tài chính']],
      ['b', ['Sở Nội vụ']],
    ]);
  });
});

describe('"Phối hợp với X …" under a unit heading', () => {
  it('X above the issuer (a ministry, "Bộ ngành Trung ương", the Government) supports the heading unit, which leads; X the plan directs leads as before', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
a) Phối hợp với Bộ ngành Trung ương triển khai thực hiện các cơ chế chính sách của Sở Tài chính trên địa bàn tỉnh.
b) Phối hợp với Sở Nội vụ kiểm tra việc thực hiện Kế hoạch.
c) Phối hợp với Bộ Tài chính và Sở Nội vụ hướng dẫn sử dụng kinh phí thực hiện Kế hoạch.
2. Sở Tư pháp
- Phối hợp với Chính phủ triển khai tổng kết thi hành pháp luật trên địa bàn tỉnh.
- Phối hợp với Văn phòng Chính phủ triển khai rà soát thủ tục hành chính.
`);
    expect(leafTasks(plan).map((t) => [t.id, t.lead, t.support])).toEqual([
      ['1.a', ['Sở Tài chính'], ['Bộ ngành Trung ương']],
      ['1.b', ['Sở Nội vụ'], ['Sở Tài chính']],
      ['1.c', ['Sở Nội vụ'], ['Sở Tài chính', 'Bộ Tài chính']],
      ['2.a', ['Sở Tư pháp'], ['Chính phủ']],
      ['2.b', ['Sở Tư pháp'], ['Văn phòng Chính phủ']],
    ]);
  });

  it('"Chính phủ" and "Thủ tướng Chính phủ" are bodies by their whole names only: "Chính phủ điện tử của tỉnh" is no unit', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
c) Phối hợp với Thủ tướng Chính phủ về việc thí điểm cơ chế; thời gian: năm 2026.
d) Phối hợp với Chính phủ điện tử của tỉnh để số hóa tài liệu; thời gian: năm 2026.
e) Phối hợp với Thủ tướng Chính phủ triển khai thí điểm cơ chế; thời gian: năm 2026.
`);
    expect(leafTasks(plan).map((t) => [t.id, t.lead, t.support ?? []])).toEqual([
      ['1.c', ['Sở Tư pháp'], ['Thủ tướng Chính phủ']],
      ['1.d', ['Sở Tư pháp'], []],
      ['1.e', ['Sở Tư pháp'], ['Thủ tướng Chính phủ']],
    ]);
  });

  it("a units file's level counts: a body it lists as central supports, whatever its name", () => {
    const units = parseUnits('plans/units.yaml', 'units:\n  - name: Tổng cục Thống kê\n    level: central\n').value!;
    const { plan } = importText(
      `${HEAD}III. TỔ CHỨC THỰC HIỆN
1. Cục Thống kê tỉnh
a) Phối hợp với Tổng cục Thống kê triển khai điều tra kinh tế số trên địa bàn tỉnh.
`,
      units,
    );
    expect(leafTasks(plan).map((t) => [t.lead, t.support])).toEqual([[['Cục Thống kê tỉnh'], ['Tổng cục Thống kê']]]);
  });

  it('"Phối hợp với X về việc …": the name ends before "về việc" (it ran to the semicolon)', () => {
    const { plan } = leaves(`III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
a) Phối hợp với Sở Nội vụ về việc thí điểm cơ chế; thời gian: năm 2026.
`);
    expect(leafTasks(plan).map((t) => [t.id, t.lead, t.support])).toEqual([['1.a', ['Sở Nội vụ'], ['Sở Tư pháp']]]);
  });

  it('a ministry the document also names in a label still supports: a stated name keeps the level its words give it', () => {
    const { plan } = leaves(`II. NỘI DUNG
1. Tổ chức hội thảo về Luật
- Chủ trì: Sở Tư pháp
- Phối hợp: Bộ Tư pháp, Bộ Tài chính
- Thời gian: Quý II/2026
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp:
a) Phối hợp với Bộ Tư pháp tổ chức tập huấn chuyên sâu cho báo cáo viên; thời gian: Quý III/2026.
`);
    expect(leafTasks(plan).map((t) => [t.id, t.lead, t.support])).toEqual([
      ['1', ['Sở Tư pháp'], ['Bộ Tư pháp', 'Bộ Tài chính']],
      ['III.1.a', ['Sở Tư pháp'], ['Bộ Tư pháp']],
    ]);
  });
});
