// Every diagnostic code, what it means, an example and the fix: the one table
// behind `plan explain CODE` and docs/diagnostics.md (generated from it; a test
// keeps them equal, and fails naming any code the source emits that is missing
// here). Adding a code = one entry below.
import type { Localized } from './diagnostic.js';

export interface CatalogueEntry {
  /** What the code means. */
  meaning: Localized;
  /** A few lines that draw it (YAML unless said otherwise). */
  example: string;
  /** How to make it go away. */
  fix: Localized;
}

const e = (meaningVi: string, meaningEn: string, example: string, fixVi: string, fixEn: string): CatalogueEntry => ({
  meaning: { vi: meaningVi, en: meaningEn },
  example,
  fix: { vi: fixVi, en: fixEn },
});

export const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  // Reading the file: bytes, encoding, YAML.
  'unreadable-file': e(
    'không đọc được tệp (không có, không có quyền, là thư mục, liên kết hỏng)',
    'the file cannot be read (missing, no permission, a folder, a broken link)',
    'plan check plans/khong-co.yaml',
    'kiểm tra đường dẫn và quyền đọc tệp',
    'check the path and the permission to read it',
  ),
  'file-too-large': e(
    'tệp lớn hơn giới hạn đọc (10 MB); một kế hoạch chỉ vài chục KB',
    'the file is over the reading limit (10 MB); a plan is a few dozen KB',
    '(một tệp 20 MB trong plans/)',
    'kiểm tra có nhầm tệp không; tách kế hoạch quá lớn',
    'check it is the right file; split a plan that big',
  ),
  'binary-file': e(
    'tệp không phải văn bản (ảnh, PDF, tệp Word…)',
    'the file is not text (an image, a PDF, a Word file…)',
    '(kế-hoạch.docx đổi tên thành .yaml)',
    'nhập tệp Word bằng plan import; không đổi đuôi tệp',
    'import Word files with plan import; do not rename them',
  ),
  'not-utf8': e('tệp không lưu bằng UTF-8', 'the file is not saved as UTF-8', '(tệp lưu bằng Windows-1258)', 'mở tệp và lưu lại với bảng mã UTF-8', 'open the file and save it as UTF-8'),
  'legacy-encoding': e(
    'có đoạn gõ bằng bảng mã cũ (TCVN3, VNI) nên hiện thành chữ lạ',
    'a passage is typed in a legacy encoding (TCVN3, VNI) and shows as gibberish',
    'title: "KÕ ho¹ch tuyªn truyÒn"',
    'chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi dán lại',
    'convert it to Unicode (Unikey’s converter) and paste it again',
  ),
  'empty-file': e(
    'tệp rỗng, không có nội dung kế hoạch',
    'the file is empty',
    '# chỉ có chú thích',
    'viết nội dung kế hoạch, hoặc chạy plan init để có tệp mẫu',
    'write the plan, or run plan init for a sample',
  ),
  'yaml-version': e('tệp khai báo YAML 1.1; chỉ hỗ trợ YAML 1.2', 'the file declares YAML 1.1; only YAML 1.2 is supported', '%YAML 1.1\n---', 'xoá dòng %YAML', 'remove the %YAML line'),
  'yaml-syntax': e(
    'lỗi cú pháp YAML: dấu ngoặc, dấu nháy chưa đóng, ký tự sai chỗ',
    'a YAML syntax error: an unclosed bracket or quote, a character out of place',
    'title: "Kế hoạch',
    'đóng dấu nháy hoặc dấu ngoặc ở dòng được chỉ',
    'close the quote or bracket on the line shown',
  ),
  'bad-indent': e(
    'thụt lề sai: các khóa cùng cấp không thẳng cột',
    'wrong indentation: keys of one level do not line up',
    'tasks:\n  - id: "1.1"\n     title: Sai lề',
    'thụt lề bằng dấu cách, các khóa cùng cấp thẳng cột',
    'indent with spaces, keys of one level in one column',
  ),
  'tab-indent': e('thụt lề bằng ký tự Tab', 'a tab is used for indentation', 'tasks:\n\t- id: "1.1"', 'thay Tab bằng 2 dấu cách', 'replace the tab with 2 spaces'),
  'duplicate-key': e('một khóa viết hai lần trong cùng một bảng', 'a key is written twice in one mapping', 'title: A\ntitle: B', 'xoá hoặc gộp dòng lặp', 'remove or merge the repeated line'),
  'alias-bomb': e(
    'tệp dùng bí danh YAML (*alias) mở rộng quá nhiều lần',
    'the file expands YAML aliases (*alias) too many times',
    'a: &a [x, x]\nb: &b [*a, *a]',
    'viết nội dung trực tiếp, không dùng &neo và *bí danh',
    'write the content out instead of &anchors and *aliases',
  ),
  'too-deep': e(
    'tệp lồng nhau quá sâu (hàng trăm cấp), không phải một kế hoạch',
    'the file nests far too deep to be a plan',
    'title: [[[[[[[[ … ]]]]]]]]',
    'kiểm tra thụt lề và dấu ngoặc [ {',
    'check the indentation and the [ { brackets',
  ),
  'not-a-file': e(
    'đường dẫn không phải tệp thông thường (đường ống FIFO, thiết bị, socket); không đọc',
    'the path is not an ordinary file (a FIFO pipe, a device, a socket); not read',
    'plan check /dev/zero',
    'chỉ ra một tệp văn bản thông thường; kiểm tra liên kết tượng trưng hoặc đường dẫn',
    'name an ordinary text file; check the symbolic link or the path',
  ),
  'symlink-outside': e(
    'liên kết tượng trưng trong thư mục kế hoạch trỏ ra ngoài thư mục đó; không đọc',
    'a symbolic link in the plans folder points outside it; not read',
    'plans/x.yaml -> /etc/passwd',
    'chép tệp vào thư mục kế hoạch, hoặc chỉ ra đích danh tệp đó trên dòng lệnh',
    'copy the file into the plans folder, or name that file on the command line',
  ),
  'too-many-errors': e(
    'quá 200 lỗi cú pháp trong một tệp; dừng đọc tệp ở đó',
    'more than 200 syntax errors in one file; reading stopped there',
    '(một dòng toàn dấu " lặp lại hàng nghìn lần)',
    'kiểm tra có nhầm tệp không; sửa các lỗi đầu tiên rồi kiểm tra lại',
    'check it is the right file; fix the first errors and check again',
  ),
  'undefined-anchor': e(
    'bí danh *tên trỏ tới một neo &tên chưa được đặt ở phía trên',
    'an alias *name refers to an anchor &name not defined above it',
    'lead: *chu_tri\n# không có &chu_tri ở trên',
    'đặt &tên trước nội dung cần dùng lại (ở phía trên), hoặc viết nội dung trực tiếp',
    'put &name on the content to reuse (above it), or write the content out',
  ),
  'unknown-tag': e(
    'giá trị có thẻ YAML (!…) không được hỗ trợ',
    'a value carries an unsupported YAML tag (!…)',
    'title: !python/object Kế hoạch',
    'xoá phần bắt đầu bằng ! hoặc !! trước giá trị; kế hoạch không dùng thẻ YAML',
    'remove the part starting with ! or !! before the value; plans use no YAML tags',
  ),
  'control-character': e(
    'tệp có ký tự điều khiển (ESC, ký tự C0/C1, ký tự đảo chiều chữ); chúng làm rối màn hình hoặc đảo chữ',
    'the file holds a control character (ESC, C0/C1 controls, bidi overrides); it can garble the terminal or reverse the text',
    'title: "Kế hoạch \\u001b[31m"',
    'xoá ký tự được chỉ (thường do dán từ nơi khác vào)',
    'delete the character shown (it usually comes with pasted text)',
  ),
  // The schema: keys, types, values.
  'not-a-plan': e(
    'nội dung không phải một kế hoạch (không phải bảng khóa: giá trị)',
    'the content is not a plan (not a mapping of keys)',
    '- một\n- danh sách',
    'viết kế hoạch theo docs/format.md',
    'write the plan as docs/format.md shows',
  ),
  'missing-key': e('thiếu khóa bắt buộc', 'a required key is missing', 'issuer:\n  name: UBND huyện A\n# thiếu number, title…', 'thêm khóa được chỉ ra', 'add the key named'),
  'unknown-key': e(
    'khóa không có trong định dạng (thường do gõ sai)',
    'a key the format does not have (often a typo)',
    'titel: Kế hoạch',
    'sửa tên khóa theo danh sách gợi ý',
    'spell the key as the list of valid keys shows',
  ),
  'wrong-type': e(
    'giá trị sai kiểu (ví dụ danh sách ở chỗ cần văn bản)',
    'a value of the wrong type (e.g. a list where text is needed)',
    'title: [a, b]',
    'viết giá trị đúng kiểu như gợi ý',
    'write a value of the type shown',
  ),
  'id-not-string': e(
    'số thứ tự viết như một số, YAML đọc 1.10 thành 1.1',
    'an id written as a number; YAML reads 1.10 as 1.1',
    'id: 1.10',
    'đặt số thứ tự trong dấu nháy: id: "1.10"',
    'quote the id: id: "1.10"',
  ),
  'invalid-date': e(
    'ngày không có thật hoặc sai dạng',
    'a date that does not exist or is badly written',
    'date: "30/02/2024"',
    'viết ngày có thật, dạng DD/MM/YYYY',
    'write a real date as DD/MM/YYYY',
  ),
  'invalid-period': e('giai đoạn không đúng dạng', 'a period that is not in the expected form', 'period: 2022 đến 2027', 'viết dạng "2022-2027"', 'write it as "2022-2027"'),
  'invalid-value': e('giá trị không thuộc các giá trị cho phép', 'a value outside the allowed ones', 'status: xong', 'chọn một giá trị trong danh sách gợi ý', 'choose one of the values listed'),
  'out-of-range': e(
    'số nằm ngoài khoảng cho phép (ví dụ năm)',
    'a number outside the allowed range (e.g. a year)',
    'year: 20240',
    'viết số trong khoảng được chỉ',
    'write a number within the range shown',
  ),
  'empty-list': e('danh sách rỗng ở chỗ cần ít nhất một mục', 'an empty list where at least one item is needed', 'groups: []', 'thêm ít nhất một mục, hoặc bỏ khóa', 'add an item, or remove the key'),
  'empty-value': e('giá trị rỗng ở chỗ cần nội dung', 'an empty value where content is needed', 'title: ""', 'viết nội dung, hoặc bỏ khóa', 'write the content, or remove the key'),
  // Ids and numbering.
  'duplicate-id': e('số thứ tự (hoặc mã nghĩa vụ) bị trùng', 'an id (or duty id) is used twice', '- id: "1.1"\n- id: "1.1"', 'đặt cho mỗi mục một số riêng', 'give each item its own id'),
  'malformed-id': e('số thứ tự không đúng dạng 1.2.a', 'an id not in the form 1.2.a', 'id: "1-2"', 'viết dạng nhóm.số.chữ, ví dụ "1.2.a"', 'write group.number.letter, e.g. "1.2.a"'),
  'illegal-letter': e(
    'chữ cái không dùng để đánh số mục (f, j, w, z)',
    'a letter not used to number items (f, j, w, z)',
    'id: "1.2.f"',
    'đánh số theo thứ tự a, b, c, d, đ, e, g…',
    'number in the legal order a, b, c, d, đ, e, g…',
  ),
  'id-numbering': e(
    'số thứ tự không khớp với nhóm hoặc mục cha',
    'an id that does not match its group or parent',
    'groups:\n  - id: "1"\n    tasks:\n      - id: "2.1"',
    'đánh số theo nhóm và mục cha',
    'number it under its group and parent',
  ),
  'id-order': e('số thứ tự không theo thứ tự', 'ids out of order', '- id: "1.3"\n- id: "1.2"', 'sắp xếp hoặc đánh số lại', 'reorder or renumber'),
  // Units.
  'units-not-found': e(
    'không tìm thấy tệp danh mục đơn vị',
    'the units file is not found',
    'plan check kế-hoạch.yaml   # không có units.yaml cạnh đó',
    'đặt units.yaml cạnh kế hoạch, hoặc chỉ ra bằng --units',
    'put units.yaml beside the plans, or name it with --units',
  ),
  'unknown-unit': e(
    'tên đơn vị không có trong danh mục đơn vị',
    'a unit name not in the units file',
    'lead: [Phòng Tư Phap]',
    'sửa tên theo gợi ý, hoặc thêm đơn vị vào units.yaml',
    'spell it as suggested, or add the unit to units.yaml',
  ),
  'lead-outside-authority': e(
    'đơn vị chủ trì không thuộc quyền chỉ đạo của cơ quan ban hành',
    'a lead unit outside the issuer’s authority',
    'issuer: {name: UBND xã A, level: commune}\n… lead: [Sở Tư pháp]',
    'để đơn vị cấp trên ở "support", hoặc kiểm tra cấp của đơn vị',
    'move the higher unit to "support", or check its level',
  ),
  'duplicate-unit': e(
    'một đơn vị (hoặc tên gọi khác) khai báo hai lần trong units.yaml',
    'a unit (or alias) declared twice in units.yaml',
    'units:\n  - name: Phòng Tư pháp\n  - name: Phòng Tư pháp',
    'giữ một khai báo',
    'keep one declaration',
  ),
  'unknown-member': e(
    'nhóm đơn vị có thành viên không có trong danh mục',
    'a group lists a member that is not a unit',
    'groups:\n  - name: các xã\n    members: [UBND xã Không Có]',
    'sửa tên thành viên hoặc thêm đơn vị',
    'fix the member’s name or add the unit',
  ),
  'unsafe-unit-name': e(
    'tên đơn vị có ký tự không dùng được làm tên tệp (/ hoặc ..)',
    'a unit name with characters unusable in a file name (/ or ..)',
    '- name: Phòng A/B',
    'bỏ dấu / và ..',
    'remove / and ..',
  ),
  'unit-name-collision': e(
    'hai đơn vị cho cùng một tên tệp phiếu',
    'two units would share a sheet’s file name',
    '- name: Phòng Tư pháp\n- name: Phong Tu Phap',
    'đặt tên khác nhau rõ ràng',
    'give them clearly different names',
  ),
  'mixed-script-name': e(
    'tên đơn vị trộn chữ Latin với chữ Kirin hoặc Hy Lạp trông giống hệt',
    'a unit name mixes Latin letters with look-alike Cyrillic or Greek ones',
    '- name: Phòng Tư phá\u0440   # \u0440: chữ р Kirin',
    'gõ lại các chữ <U+…> bằng bàn phím tiếng Việt (Unikey)',
    'type the <U+…> letters again with a Vietnamese keyboard',
  ),
  'invisible-character': e(
    'tên đơn vị có ký tự vô hình (khoảng trắng độ rộng 0, dấu mềm…)',
    'a unit name holds an invisible character (zero-width space, soft hyphen…)',
    '- name: "Phòng Tư\\u200bpháp"   # \\u200b: khoảng trắng độ rộng 0',
    'xoá ký tự <U+…> (thường do dán từ trang web hoặc Word)',
    'delete the <U+…> character (it usually comes from pasting from the web or Word)',
  ),
  'confusable-names': e(
    'hai tên đơn vị trông giống hệt nhau nhưng viết bằng chữ khác (bảng ký tự dễ nhầm của Unicode)',
    'two unit names look the same but are spelt with other characters (Unicode confusables)',
    '- name: Phòng Tư pháp\n- name: Phòng Tư phá\u0440',
    'gõ lại tên bằng bàn phím tiếng Việt (Unikey); nếu là một đơn vị, gộp lại',
    'type the name again with a Vietnamese keyboard; if it is one unit, merge the entries',
  ),
  // The header.
  'incomplete-number': e('số văn bản chưa có số', 'the document number has no number yet', 'number: "/KH-UBND"', 'ghi số khi văn bản được vào sổ', 'write the number once the document is registered'),
  'incomplete-date': e('ngày ban hành chưa đủ ngày, tháng', 'the date issued lacks a day or month', 'date: "01/2024"   # chưa có ngày', 'ghi đủ ngày ban hành', 'write the full date'),
  'place-spelling': e(
    'địa danh viết khác tên cơ quan ban hành',
    'the place is spelt otherwise than in the issuer’s name',
    'issuer: {name: UBND huyện Sơn Động}\nplace: Sơn Đông',
    'viết địa danh đúng như tên cơ quan',
    'spell the place as in the issuer’s name',
  ),
  // Tasks and deadlines.
  'missing-lead': e('nhiệm vụ chưa có cơ quan chủ trì', 'a task has no lead unit', '- id: "1.1"\n  title: Tuyên truyền', 'thêm "lead: [...]"', 'add "lead: [...]"'),
  'missing-deadline': e('nhiệm vụ chưa có thời hạn', 'a task has no deadline', '- id: "1.1"\n  lead: [Phòng Tư pháp]', 'thêm "due: …"', 'add "due: …"'),
  'missing-outputs': e(
    'nhiệm vụ chưa có sản phẩm (nhiều nhiệm vụ của một kế hoạch: một cảnh báo nêu tất cả, chỉ ra nhiệm vụ đầu)',
    'a task has no deliverables (several in a plan: one warning names them all, shown at the first)',
    '- id: "1.1"\n  due: năm 2024',
    'thêm "outputs: [...]"',
    'add "outputs: [...]"',
  ),
  'invalid-deadline': e(
    'thời hạn không đọc được (hoặc mơ hồ)',
    'a deadline that cannot be read (or is ambiguous)',
    'due: trước ngày 31/02',
    'viết thời hạn theo docs/format.md, ví dụ "trước ngày 30/6/2024"',
    'write it as docs/format.md shows, e.g. "trước ngày 30/6/2024"',
  ),
  'unread-deadline': e(
    'thời gian nhập từ văn bản chưa đọc được thành thời hạn (một cảnh báo mỗi nhiệm vụ), hoặc văn bản không ghi thời gian (một cảnh báo nêu mọi nhiệm vụ như thế, chỉ ra nhiệm vụ đầu); không tính quá hạn',
    'an imported time that is not a readable deadline (a warning each), or none in the source (one warning names every such task, shown at the first); never overdue',
    '- id: "1.1"\n  dueText: theo chỉ đạo của cấp trên\n- id: "1.2"\n  dueText: không ghi trong văn bản\n- id: "1.3"\n  dueText: không ghi trong văn bản',
    'đối chiếu văn bản gốc, ghi "due: …" và bỏ dueText',
    'check the source, write "due: …" and remove dueText',
  ),
  'deadline-outside-period': e(
    'thời hạn nằm ngoài năm hoặc giai đoạn của kế hoạch',
    'a deadline outside the plan’s year or period',
    'year: 2024\n… due: "30/06/2025"',
    'kiểm tra năm của thời hạn',
    'check the year of the deadline',
  ),
  'deadline-before-plan': e(
    'thời hạn ở trước ngày ban hành kế hoạch (việc định kỳ chỉ tính từ ngày ban hành)',
    'a deadline before the plan’s date (recurring work counts only from that date)',
    'date: "05/01/2024"\n… due: "03/01/2024"',
    'đối chiếu văn bản gốc: ngày, năm của thời hạn và ngày ban hành',
    'check the source: the day and year of the deadline, and the plan’s date',
  ),
  'deadline-on-day-off': e(
    'hạn ghi rơi vào ngày nghỉ; hạn thực tế là ngày làm việc kế tiếp (BLDS 2015, Điều 148)',
    'the written limit falls on a day off; it ends on the next working day (Civil Code 2015, art. 148)',
    'due: trước ngày 10/03/2024   # Chủ nhật → 11/03',
    'ghi rõ ngày khác nếu không muốn hạn chuyển',
    'write another date if the move is not meant',
  ),
  // Progress and submissions.
  'date-in-future': e(
    'ngày đã ghi (hoàn thành, gửi) ở sau hôm nay',
    'a recorded date (done, sent) after today',
    'done: "01/01/2099"',
    'sửa ngày; chỉ ghi việc đã xảy ra',
    'fix the date; record only what has happened',
  ),
  'done-without-date': e('tình trạng hoàn thành nhưng chưa ghi ngày hoàn thành', 'status done without a completion date', 'status: done', 'thêm "done: DD/MM/YYYY"', 'add "done: DD/MM/YYYY"'),
  'done-date-without-status': e(
    'có ngày hoàn thành nhưng tình trạng chưa là hoàn thành',
    'a completion date while the status is not done',
    'status: doing\ndone: "01/03/2024"',
    'đặt status: done, hoặc bỏ ngày',
    'set status: done, or remove the date',
  ),
  'deliverables-delivered': e(
    'mọi sản phẩm đã có văn bản nhưng nhiệm vụ chưa ghi hoàn thành',
    'every deliverable has its document but the task is not marked done',
    'outputs:\n  - text: Kế hoạch\n    evidence: [{number: 12/KH-UBND}]',
    'ghi status: done và ngày hoàn thành',
    'record status: done and its date',
  ),
  'duplicate-progress': e(
    'tiến độ của một đơn vị ghi hai lần cho cùng nhiệm vụ',
    'a unit’s progress recorded twice on one task',
    'progress:\n  - {unit: UBND xã A, status: done}\n  - {unit: UBND xã A, status: doing}',
    'giữ một dòng',
    'keep one line',
  ),
  'progress-unit-not-on-task': e(
    'ghi tiến độ cho đơn vị không chủ trì, không phối hợp nhiệm vụ',
    'progress recorded for a unit that neither leads nor supports the task',
    'progress:\n  - {unit: Phòng Dân tộc, status: done}',
    'sửa tên đơn vị, hoặc thêm đơn vị vào nhiệm vụ',
    'fix the unit, or add it to the task',
  ),
  'duplicate-submission': e(
    'một đơn vị gửi cùng một kỳ hai lần',
    'a unit’s submission for one period recorded twice',
    'submissions:\n  - {unit: UBND xã A, date: "10/06/2024"}\n  - {unit: UBND xã A, date: "11/06/2024"}',
    'giữ một lần gửi',
    'keep one submission',
  ),
  'submission-not-a-unit': e(
    'lần gửi ghi cho một nhóm hoặc cách gọi chung, không phải một đơn vị',
    'a submission recorded for a group or vague phrase, not a unit',
    'submissions:\n  - {unit: UBND các xã, date: "10/06/2024"}',
    'ghi từng đơn vị đã gửi',
    'record each unit that sent it',
  ),
  'submission-unit-not-owing': e(
    'đơn vị gửi không thuộc các đơn vị phải gửi',
    'the unit that sent it does not owe the duty',
    'by: [UBND các xã]\nsubmissions:\n  - {unit: Phòng Tư pháp, date: …}',
    'sửa tên đơn vị, hoặc thêm vào "by"',
    'fix the unit, or add it to "by"',
  ),
  'submission-year-outside': e(
    'lần gửi thuộc năm mà nghĩa vụ không có kỳ nào',
    'a submission for a year the duty has no period in',
    'submissions:\n  - {unit: UBND xã A, date: "18/05/2025"}   # kế hoạch 2024',
    'nếu là báo cáo gửi muộn, ghi thêm "year: …"',
    'for a late report, add "year: …"',
  ),
  // Writing.
  'not-written': e(
    'plan fmt không ghi được tệp (tệp đã bị sửa trong lúc đó, đang bị khoá, hoặc không có quyền ghi); tệp giữ nguyên',
    'plan fmt could not write the file (it changed meanwhile, is locked, or cannot be written); it is left unchanged',
    'plan fmt plans/   # trong lúc plan set đang sửa cùng tệp',
    'chạy lại plan fmt khi lệnh kia xong; kiểm tra quyền ghi',
    'run plan fmt again once the other command is done; check the permission to write',
  ),
  // calendar.yaml.
  'calendar-date-outside-year': e(
    'ngày trong calendar.yaml không thuộc năm được khai báo',
    'a date in calendar.yaml outside the year it is listed under',
    'years:\n  2024:\n    off:\n      - {date: 02/01/2025}',
    'đặt ngày dưới đúng năm',
    'list the date under its own year',
  ),
  'calendar-long-range': e(
    'khoảng ngày nghỉ dài bất thường',
    'an unusually long range of days off',
    'years:\n  2024:\n    off:\n      - {from: 01/01/2024, to: 31/03/2024}',
    'kiểm tra ngày đầu và ngày cuối',
    'check the first and last days',
  ),
  'calendar-off-and-work': e(
    'một ngày vừa là ngày nghỉ vừa là ngày làm bù',
    'a day listed both off and as a working day',
    'years:\n  2024:\n    off:\n      - {date: 16/03/2024}\n    work:\n      - {date: 16/03/2024}',
    'giữ ở một danh sách',
    'keep it in one list',
  ),
  'calendar-work-on-working-day': e(
    'ngày làm bù vốn đã là ngày làm việc',
    'a make-up working day that is a working day anyway',
    'years:\n  2024:\n    work:\n      - {date: 06/03/2024}   # thứ Tư',
    'chỉ ghi ngày làm bù vào thứ Bảy, Chủ nhật',
    'list only Saturdays or Sundays worked',
  ),
  // Wording templates (--templates).
  'bad-template-line': e('dòng trong tệp mẫu lời văn không có dạng "khóa: nội dung"', 'a template line not in the form "key: text"', 'tieu de BÁO CÁO', 'viết "khóa: nội dung"', 'write "key: text"'),
  'duplicate-template-key': e('một khóa viết hai lần trong tệp mẫu', 'a template key written twice', 'title: A\ntitle: B', 'giữ một dòng', 'keep one line'),
  'missing-template-key': e('tệp mẫu thiếu một khóa bắt buộc', 'a template lacks a required key', '(report.txt không có dòng title:)', 'thêm khóa được chỉ ra', 'add the key named'),
  'unknown-template-key': e('khóa không có trong mẫu', 'a key the template does not have', 'tieude: BÁO CÁO', 'sửa tên khóa theo danh sách gợi ý', 'spell the key as listed'),
  'unknown-template-field': e(
    'trường {{…}} không có trong mẫu',
    'a {{…}} field the template does not have',
    'opening: Thực hiện {{plan}}, {{don_vi}} báo cáo',
    'dùng các trường được liệt kê, ví dụ {{unit}}',
    'use the fields listed, e.g. {{unit}}',
  ),
};

/** The entry for a code, or undefined when the catalogue does not know it. */
export function explainCode(code: string): CatalogueEntry | undefined {
  return Object.hasOwn(CATALOGUE, code) ? CATALOGUE[code] : undefined;
}
