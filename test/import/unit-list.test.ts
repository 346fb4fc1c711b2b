// Unit lists keep the commas inside names and split between names.
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { AREA_WORDS } from '../../src/core/text.js';
import { looksLikeUnit } from '../../src/import/sentence.js';
import { splitUnitList } from '../../src/import/unit-list.js';
import { labelField } from '../../src/import/words.js';
import { findDeadlinePhrase, splitOutputs } from '../../src/import/words.js';
import { shippedUnits } from './helpers.js';

describe('splitUnitList with the shipped units', () => {
  const registry = shippedUnits();
  it.each([
    ['các cơ quan, tổ chức huyện, UBND các xã, thị trấn.', ['các cơ quan, tổ chức huyện', 'UBND các xã, thị trấn']],
    ['các cơ quan, đơn vị huyện; UBND các xã, thị trấn.', ['các cơ quan, đơn vị huyện', 'UBND các xã, thị trấn']],
    ['Mặt trận Tổ quốc Việt Nam các cấp và các cơ quan, tổ chức có liên quan.', ['Mặt trận Tổ quốc Việt Nam các cấp', 'các cơ quan, tổ chức có liên quan']],
    ['các cơ quan có báo cáo viên pháp luật huyện, Sở Tư pháp, UBND các huyện, thành phố.', ['các cơ quan có báo cáo viên pháp luật huyện', 'Sở Tư pháp', 'UBND các huyện, thành phố']],
    ['Phòng Giáo dục và Đào tạo, Phòng Lao động - Thương binh và xã hội.', ['Phòng Giáo dục và Đào tạo', 'Phòng Lao động - Thương binh và xã hội']],
  ])('%s', (text, names) => {
    expect(splitUnitList(text, registry)).toEqual(names);
  });
});

describe('splitUnitList without a units file (heuristic: a new name starts at a unit head)', () => {
  it.each([
    ['Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh', ['Sở Văn hóa, Thể thao và Du lịch', 'Công an tỉnh']],
    ['UBND các xã, phường, thị trấn', ['UBND các xã, phường, thị trấn']],
    ['Sở Tư pháp và các cơ quan, đơn vị liên quan', ['Sở Tư pháp', 'các cơ quan, đơn vị liên quan']],
    ['Hội Nông dân; Hội Liên hiệp Phụ nữ; Đoàn Thanh niên', ['Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên']],
    // An office of the elected bodies is one unit; an office of one body next to a committee is two.
    ['Văn phòng HĐND và UBND xã', ['Văn phòng HĐND và UBND xã']],
    ['Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh, Sở Nội vụ', ['Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', 'Sở Nội vụ']],
    ['Văn phòng HĐND và UBND phường và Ban Chỉ huy Quân sự phường', ['Văn phòng HĐND và UBND phường', 'Ban Chỉ huy Quân sự phường']],
    ['Văn phòng UBND huyện, UBND các xã', ['Văn phòng UBND huyện', 'UBND các xã']],
    ['Ban Chỉ huy Quân sự phường, Trạm Y tế phường', ['Ban Chỉ huy Quân sự phường', 'Trạm Y tế phường']],
    [
      'Đài Phát thanh và Truyền hình Thành phố, cơ quan thông tấn báo chí và Ủy ban nhân dân xã, phường',
      ['Đài Phát thanh và Truyền hình Thành phố', 'cơ quan thông tấn báo chí', 'Ủy ban nhân dân xã, phường'],
    ],
    ['Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố', ['Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố']],
    ['Vụ Pháp chế, Cục Môi trường, Viện Chiến lược, Chính sách nông nghiệp và môi trường', ['Vụ Pháp chế', 'Cục Môi trường', 'Viện Chiến lược, Chính sách nông nghiệp và môi trường']],
    // Two units joined by "và": a head's title opens the second, and so does a capital after a name its level word closed;
    // "và" inside a name (no level word before it) stays.
    ['Ban Chỉ huy Quân sự xã và Trưởng các thôn', ['Ban Chỉ huy Quân sự xã', 'Trưởng các thôn']],
    ['Công an phường và Tổ dân phố số 3', ['Công an phường', 'Tổ dân phố số 3']],
    ['Phòng Văn hóa và Xã hội, Sở Khoa học và Công nghệ', ['Phòng Văn hóa và Xã hội', 'Sở Khoa học và Công nghệ']],
    ['Ban Quản lý các khu công nghiệp và Khu kinh tế tỉnh', ['Ban Quản lý các khu công nghiệp và Khu kinh tế tỉnh']],
    ['UBND các xã và thị trấn', ['UBND các xã và thị trấn']],
    // A list of kinds in capitals is one collective, not "Các Sở" and a fake unit "Ban, Ngành tỉnh".
    ['Các Sở, Ban, Ngành tỉnh', ['Các Sở, Ban, Ngành tỉnh']],
    ['Các Sở, Ban, Ngành, Đoàn thể tỉnh; Ủy ban nhân dân xã, phường, đặc khu', ['Các Sở, Ban, Ngành, Đoàn thể tỉnh', 'Ủy ban nhân dân xã, phường, đặc khu']],
    ['các sở, ban, ngành, đoàn thể tỉnh', ['các sở, ban, ngành, đoàn thể tỉnh']],
    ['Sở Tư pháp, Ban Quản lý Khu kinh tế', ['Sở Tư pháp', 'Ban Quản lý Khu kinh tế']],
  ])('%s', (text, names) => {
    expect(splitUnitList(text)).toEqual(names);
  });

  it('a units file entry overrides the heuristic', () => {
    const registry = parseUnits('u.yaml', 'units:\n  - name: "Sở Văn hóa"\n  - name: "Thể thao và Du lịch"\n').value!;
    expect(splitUnitList('Sở Văn hóa, Thể thao và Du lịch', registry)).toEqual(['Sở Văn hóa', 'Thể thao và Du lịch']);
  });
});

describe('labels, deliverables and deadlines in prose', () => {
  it.each([
    ['Cơ quan, đơn vị chủ trì', 'lead'],
    ['Cơ quan chủ trì', 'lead'],
    ['Chủ trì', 'lead'],
    ['Đơn vị thực hiện', 'lead'],
    ['Cơ quan, đơn vị phối hợp', 'support'],
    ['Phối hợp', 'support'],
    ['Thời gian hoàn thành', 'due'],
    ['Thời gian thực hiện', 'due'],
    ['Thời gian', 'due'],
    ['Thời hạn', 'due'],
    ['Sản phẩm', 'outputs'],
    ['Kết quả', 'outputs'],
    ['Nội dung', undefined],
  ])('"%s" → %s', (label, field) => {
    expect(labelField(label)).toBe(field);
  });

  it('splits deliverables on ";" and keeps "..." and inner commas', () => {
    expect(splitOutputs('Kế hoạch; Công văn; tài liệu, lớp tập huấn được tổ chức; báo cáo kết quả...')).toEqual(['Kế hoạch', 'Công văn', 'tài liệu, lớp tập huấn được tổ chức', 'báo cáo kết quả...']);
    expect(splitOutputs('Kế hoạch, Báo cáo kết quả.')).toEqual(['Kế hoạch, Báo cáo kết quả']);
  });

  it.each([
    ['chủ trì tổ chức hội nghị, hoàn thành trong quý 1/2019; phối hợp với …', 'trong quý 1/2019'],
    ['gửi về Sở Tư pháp trước ngày 05/02/2024 để tổng hợp', 'trước ngày 05/02/2024'],
    ['rà soát văn bản, hoàn thành tháng 11, 12/2013.', 'tháng 11, 12/2013'],
    ['ban hành ngày 27 tháng 6 năm 2014 để thực hiện', 'ngày 27 tháng 6 năm 2014'],
    ['theo dõi việc thực hiện, hằng năm', 'hằng năm'],
    ['không có thời hạn nào ở đây', undefined],
    // An authority's act the work waits for, to the end of its clause (the list of documents holds commas).
    [
      'ban hành văn bản quy phạm pháp luật theo lĩnh vực phụ trách khi Chính phủ và các Bộ, ngành ban hành các văn bản quy định chi tiết, hướng dẫn thi hành. Sở Nội vụ theo dõi.',
      'khi Chính phủ và các Bộ, ngành ban hành các văn bản quy định chi tiết, hướng dẫn thi hành',
    ],
    ['triển khai ngay sau khi UBND tỉnh phê duyệt danh mục; báo cáo kết quả', 'ngay sau khi UBND tỉnh phê duyệt danh mục'],
    // "Sau khi" opening a sentence is read whole (not from "khi"), and the act may end the sentence.
    ['Sau khi Bộ Tư pháp ban hành hướng dẫn; Sở Tư pháp tổ chức rà soát', 'Sau khi Bộ Tư pháp ban hành hướng dẫn'],
    ['Tổ chức hội nghị quán triệt ngay sau khi Kế hoạch được phê duyệt.', 'ngay sau khi Kế hoạch được phê duyệt'],
    ['Triển khai ngay sau khi Kế hoạch được phê duyệt', 'ngay sau khi Kế hoạch được phê duyệt'],
    ['khi trời mưa to, các thôn báo cáo', undefined],
    ['báo cáo nhanh trong vòng 24 giờ kể từ khi xảy ra thiên tai', 'trong vòng 24 giờ kể từ khi xảy ra thiên tai'],
    ['báo cáo nhanh trong vòng 24h kể từ khi xảy ra thiên tai', 'trong vòng 24h kể từ khi xảy ra thiên tai'],
    // A date that belongs to a document cited is not the work's time; a time word after the citation still is.
    ['kiểm tra việc thực hiện quy định tại Nghị định số 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020 của Chính phủ.', undefined],
    ['triển khai Kế hoạch số 624/KH-UBND ngày 14/12/2020 của UBND tỉnh', undefined],
    ['theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', undefined],
    ['đáp ứng trình độ chuẩn theo quy định của Luật Giáo dục năm 2019.', undefined],
    ['triển khai Kế hoạch số 624/KH-UBND ngày 14/12/2020 của UBND tỉnh, hoàn thành trước ngày 30/6/2026', 'trước ngày 30/6/2026'],
    ['theo Quyết định số 338/QĐ-TTg ngày 03 tháng 4 năm 2023, hoàn thành trong năm 2026', 'trong năm 2026'],
    ['tổ chức phổ biến Luật Việc làm trong năm 2026', 'trong năm 2026'],
    // A law's name stops at a time word: the time after it is the work's.
    ['Sơ kết thi hành Luật Hòa giải ở cơ sở quý IV năm 2026', 'quý IV năm 2026'],
    ['Báo cáo kết quả thực hiện Luật Thanh niên tháng 12 năm 2026', 'tháng 12 năm 2026'],
    ['Báo cáo Luật Thanh niên 6 tháng đầu năm 2026', '6 tháng đầu năm 2026'],
    ['Căn cứ Luật Việc làm ngày 16 tháng 6 năm 2025;', undefined],
    ['theo Luật Đất đai năm 2024 và Luật Giáo dục năm 2019', undefined],
    // A comma inside a law's name ("Cán bộ, công chức", "Phòng, chống") does not end it.
    ['Phổ biến Luật Cán bộ, công chức năm 2025 cho cán bộ cấp xã', undefined],
    ['Tập huấn Luật Phòng, chống tham nhũng năm 2018, hoàn thành trong quý III năm 2026', 'trong quý III năm 2026'],
    // Real names with a comma keep their year; a clause after the comma with a work verb, or longer than a name's tail, is the task's.
    ['Phổ biến Luật Thực hành tiết kiệm, chống lãng phí năm 2013 cho công chức', undefined],
    ['Tuyên truyền Luật Bảo vệ, chăm sóc và giáo dục trẻ em năm 2004', undefined],
    ['Phổ biến Luật Trật tự, an toàn giao thông đường bộ năm 2024', undefined],
    ['Triển khai Luật Phòng, chống tham nhũng năm 2018', undefined],
    ['2. Giao Phòng Nội vụ phổ biến Luật Đất đai, tổ chức thực hiện năm 2026.', 'năm 2026'],
    ['Phổ biến Luật Đất đai, triển khai năm 2025', 'năm 2025'],
    ['Tập huấn Luật Giao thông, báo cáo kết quả năm 2026', 'năm 2026'],
    ['Phổ biến Luật Đất đai, cho cán bộ, công chức các xã trên địa bàn huyện năm 2026', 'năm 2026'],
    // A clock time before the day: the day is the deadline.
    ['Sở Tư pháp tổng hợp, báo cáo UBND tỉnh chậm nhất 17h ngày 15/12/2026.', 'chậm nhất 17h ngày 15/12/2026'],
    ['gửi báo cáo trước 16 giờ 30 phút ngày 05 tháng 02 năm 2026', 'trước 16 giờ 30 phút ngày 05 tháng 02 năm 2026'],
    ['tổ chức phổ biến, giáo dục pháp luật năm 2026', 'năm 2026'],
  ])('%s → %s', (text, phrase) => {
    expect(findDeadlinePhrase(text)).toBe(phrase);
  });
});

describe('looksLikeUnit: a group named by its kind', () => {
  // The area levels come from core/text's AREA_LEVELS: a level added there names groups ("các đặc khu") here too.
  it.each(AREA_WORDS)('"các %s …" names bodies', (word) => {
    expect(looksLikeUnit(`các ${word} ven biển`)).toBe(true);
    expect(looksLikeUnit(`Các ${word}, thị trấn`)).toBe(true);
  });
  it('a group of things that are not bodies does not, nor a kind run into another word', () => {
    expect(looksLikeUnit('Các chương trình, dự án')).toBe(false);
    expect(looksLikeUnit('các xãhội')).toBe(false);
  });
});
