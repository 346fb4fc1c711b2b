// An all-caps summary becomes the sentence a report cites ("… về triển khai thi hành Luật Việc làm …"),
// with the capitals the document's own mixed-case text gives its words.
import { describe, expect, it } from 'vitest';
import { titleAsWritten } from '../../src/import/title-case.js';

describe('titleAsWritten', () => {
  it('takes the spelling of a run of words from the text: laws, places, programmes', () => {
    const texts = ['Căn cứ Luật Việc làm ngày 16 tháng 6 năm 2025;', 'Để triển khai thi hành Luật Việc làm trên địa bàn Thành phố, Ủy ban nhân dân Thành phố Hồ Chí Minh ban hành Kế hoạch như sau:'];
    expect(titleAsWritten('TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH', texts)).toBe('Triển khai thi hành Luật Việc làm trên địa bàn Thành phố Hồ Chí Minh');
  });
  it("does not take a sentence's first capital for the word's own, but a name's capital where no sentence starts with it", () => {
    const texts = ['Hà Tĩnh, ngày 10 tháng 3 năm 2025', 'Các trường mầm non trên địa bàn tỉnh Hà Tĩnh thực hiện.', 'Trên địa bàn còn nhiều khó khăn.'];
    expect(titleAsWritten('NÂNG CAO CHẤT LƯỢNG GIÁO DỤC MẦM NON TRÊN ĐỊA BÀN TỈNH HÀ TĨNH', texts)).toBe('Nâng cao chất lượng giáo dục mầm non trên địa bàn tỉnh Hà Tĩnh');
  });
  it('keeps numbers and abbreviations in capitals; lower-cases what the text never writes', () => {
    const texts = ['UBND huyện giao Phòng Tư pháp chủ trì.'];
    expect(titleAsWritten('VỀ TRIỂN KHAI NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP TRONG CÁC CƠ QUAN THUỘC UBND HUYỆN NĂM 2026', texts)).toBe(
      'Về triển khai Nghị định số 30/2020/NĐ-CP trong các cơ quan thuộc UBND huyện năm 2026',
    );
  });
  it('capitalises a document named by its number (ND 30/2020 Phụ lục II), not the same words without one', () => {
    const texts = ['UBND huyện giao Phòng Tư pháp chủ trì.'];
    expect(titleAsWritten('QUÁN TRIỆT NGHỊ QUYẾT SỐ 57-NQ/TW VÀ BAN HÀNH KẾ HOẠCH THỰC HIỆN', texts)).toBe('Quán triệt Nghị quyết số 57-NQ/TW và ban hành kế hoạch thực hiện');
  });
  it('keeps Roman numerals in capitals after a word that counts (quý, lần thứ, giai đoạn, khóa), not Vietnamese words spelt with I, V, X', () => {
    const texts = ['UBND huyện giao Phòng Tư pháp chủ trì.'];
    expect(titleAsWritten('SƠ KẾT QUÝ IV VÀ HỘI NGHỊ LẦN THỨ XV GIAI ĐOẠN II CỦA HĐND KHÓA XIV', texts)).toBe('Sơ kết quý IV và hội nghị lần thứ XV giai đoạn II của HĐND khóa XIV');
    expect(titleAsWritten('XỬ LÝ VI PHẠM VỀ XI MĂNG', texts)).toBe('Xử lý vi phạm về xi măng');
  });
  it('leaves a title that is not in capitals as it is', () => {
    expect(titleAsWritten('Công tác PBGDPL năm 2026', ['công tác pbgdpl'])).toBe('Công tác PBGDPL năm 2026');
  });
});
