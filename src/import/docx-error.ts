// Why a DOCX could not be read, in the clerk's language and in the project's
// own codes: no zip or XML library's text ever reaches the user.
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';

export type DocxErrorCode = 'docx-corrupt' | 'docx-too-large' | 'docx-too-complex' | 'docx-not-word';

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    readonly text: Localized,
  ) {
    super(text.en);
    this.name = 'DocxError';
  }

  static corrupt(vi: string, en: string): DocxError {
    return new DocxError('docx-corrupt', localized(`tệp DOCX hỏng: ${vi}`, `damaged DOCX file: ${en}`));
  }

  static badXml(part: string, line: number, column: number): DocxError {
    return DocxError.corrupt(`phần ${part} không phải XML hợp lệ (dòng ${line}, cột ${column})`, `part ${part} is not well-formed XML (line ${line}, column ${column})`);
  }

  static tooLarge(part: string, limit: number): DocxError {
    return new DocxError(
      'docx-too-large',
      localized(
        `tệp DOCX quá lớn khi giải nén: phần ${part} vượt ${mb(limit)} (có thể là "bom zip"); không đọc`,
        `the DOCX is too large once unpacked: part ${part} exceeds ${mb(limit)} (possibly a zip bomb); not read`,
      ),
    );
  }

  /** Too many of something no plan has that many of: refused before any block is built. */
  static tooMany(whatVi: string, whatEn: string, limit: number): DocxError {
    return new DocxError(
      'docx-too-complex',
      localized(
        `tệp DOCX có quá nhiều ${whatVi} (tối đa ${limit.toLocaleString('vi-VN')}); một kế hoạch không lớn như vậy, không đọc`,
        `the DOCX has too many ${whatEn} (at most ${limit.toLocaleString('en-US')}); no plan is that large, not read`,
      ),
    );
  }

  static notWord(vi: string, en: string): DocxError {
    return new DocxError('docx-not-word', localized(`không phải tệp Word (DOCX): ${vi}`, `not a Word (DOCX) file: ${en}`));
  }
}
