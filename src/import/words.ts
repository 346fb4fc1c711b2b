// Small text helpers shared by the recognisers: folding for keyword tests,
// the labelled lines of a task, deadline phrases found inside prose.
import { parseDeadline } from '../core/deadline.js';

/** Lower case, no diacritics, đ → d: "Cơ quan, đơn vị chủ trì" → "co quan, don vi chu tri". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .normalize('NFC');
}

export type Field = 'lead' | 'support' | 'due' | 'outputs';

/**
 * Which field a label names, or undefined. Labels seen: "Cơ quan, đơn vị chủ trì",
 * "Cơ quan chủ trì", "Chủ trì", "Đơn vị thực hiện", "Đơn vị chủ trì thực hiện";
 * "… phối hợp"; "Thời gian hoàn thành / thực hiện", "Thời gian", "Thời hạn",
 * "Tiến độ"; "Sản phẩm", "Kết quả", "Sản phẩm đầu ra".
 */
export function labelField(label: string): Field | undefined {
  const f = fold(label).replace(/[*_]/g, '').trim();
  if (f.split(/\s+/).length > 8) return undefined;
  if (/phoi hop/.test(f)) return 'support';
  if (/chu tri/.test(f)) return 'lead';
  if (/^(co quan|don vi|co quan, don vi)( thuc hien| trien khai)$/.test(f) || /^(don vi|co quan) (thuc hien|trien khai)/.test(f)) return 'lead';
  if (/^(thoi gian|thoi han|tien do|moc thoi gian)/.test(f)) return 'due';
  if (/^(san pham|ket qua|ket qua\/san pham|san pham\/ket qua|ket qua, san pham|hinh thuc san pham)/.test(f)) return 'outputs';
  return undefined;
}

const LABEL_RE = /^([^:;]{2,80}?)\s*:\s*(.*)$/su;

/** "Cơ quan chủ trì: Phòng Tư pháp." → { field: 'lead', value: 'Phòng Tư pháp.' } */
export function labelledLine(text: string): { field: Field; value: string } | undefined {
  const m = LABEL_RE.exec(text);
  if (!m) return undefined;
  const field = labelField(m[1]!);
  return field ? { field, value: m[2]!.trim() } : undefined;
}

/** A value's closing full stop is punctuation, not text; "..." and "…" are kept. */
export function trimEndStop(s: string): string {
  const t = s.trim();
  if (/(\.\.\.|…)$/.test(t)) return t;
  return t.replace(/\s*[.;,]+$/u, '').trim();
}

/** Deliverables: the "Sản phẩm:" value split on ";", each part as written. */
export function splitOutputs(value: string): string[] {
  return value
    .split(/\s*;\s*|\n+/)
    .map((p) => trimEndStop(p.replace(/^[-–•+]\s*/, '')))
    .filter((p) => p !== '');
}

/** A clock time before the day ("chậm nhất 17h ngày 15/12/2026", "trước 16 giờ 30 phút ngày …"): the grammar reads it. */
const CLOCK = String.raw`(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*(?:phút|p)(?!\p{L}))?)?\s*,?\s+)?`;

/** The words that introduce a day to be done by: "trước ngày 15/12/2026", "chậm nhất 17h ngày …", "không quá ngày …". */
const STATED_DAY = String.raw`(?:hoàn thành\s+)?(?:trước|chậm nhất|không quá)\s+${CLOCK}(?:ngày\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2}|\s+tháng\s+\d)`;

const PROSE_DEADLINES: RegExp[] = [
  // Recurring: "định kỳ hằng quý, trước ngày 15 tháng cuối quý", "trước ngày 20 hằng tháng", "tháng 6 và tháng 12 hằng năm".
  /(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:tháng|quý|năm)\s*,?\s*(?:trước|chậm nhất)\s+ngày\s+\d{1,2}(?:\s+(?:của\s+)?tháng\s+(?:cuối|đầu)\s+quý|\s*[/.-]\s*\d{1,2})?/iu,
  /(?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s+(?:(?:của\s+)?tháng\s+(?:cuối|đầu)\s+quý|(?:hằng|hàng)\s+(?:tháng|quý))/iu,
  /tháng\s+\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})+\s+(?:hằng|hàng)\s+năm/iu,
  // "trước ngày 10/6 và 10/12", "trước ngày 15/6/2026 và trước ngày 15/12/2026": a list of days is one phrase.
  new RegExp(
    String.raw`(?:hoàn thành\s+)?(?:trước|chậm nhất|không quá)\s+${CLOCK}(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?:\s*(?:,|và)\s*(?:trước\s+)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)*(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?`,
    'iu',
  ),
  // A day the activity is held: "tổ chức vào ngày 01/6/2026" (not "Kế hoạch số … ngày 20/02/2026", a document's date).
  /vào\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?/iu,
  // Windows: "từ ngày 01/9 đến ngày 30/12 hằng năm", "từ tháng 3 đến tháng 6/2026".
  /từ\s+(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2})(?:\s*[/.-]\s*\d{4})?\s*(?:đến|[-–])\s*(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2}|\d{1,2}\s*[/.-]\s*\d{1,2})(?:\s*[/.-]\s*\d{4})?(?:\s+(?:hằng|hàng)\s+năm)?/iu,
  // Limits counted from an event, and events: "chậm nhất 03 ngày sau khi …", "khi có lệnh của Chủ tịch UBND xã".
  /(?:chậm nhất|trong vòng|trong thời hạn|không quá)\s+\d{1,3}\s+ngày(?:\s+làm việc)?\s+(?:sau khi|kể từ(?:\s+ngày|\s+khi)?)\s+[^.;,()]+/iu,
  /(?:ngay\s+)?khi\s+có\s+(?:lệnh|yêu cầu|chỉ đạo|văn bản|quyết định)[^.;,()]*/iu,
  // An authority's act the work waits for: "khi Chính phủ và các Bộ, ngành ban hành các văn bản quy định chi tiết, hướng dẫn
  // thi hành" (to the end of its clause: the list of documents holds commas), or to a day the sentence states ("Sau khi Kế
  // hoạch được phê duyệt, X báo cáo … trước ngày 15/12/2026": the day is the deadline, the event only starts the work).
  // No "i" flag (it would let \p{Lu} match any letter): "Sau khi" opening a sentence is spelt out; a bare "Khi …" opening
  // one is its condition ("Khi UBND tỉnh ban hành …, X tham mưu …"), no time. The verb may end the sentence.
  new RegExp(
    String.raw`(?:[Nn]gay\s+)?(?:[Ss]au\s+)?khi\s+(?=\p{Lu})[^.;()]{0,80}?\s(?:ban hành|có hướng dẫn|hướng dẫn|phê duyệt|sửa đổi|có văn bản)(?=[\s,.;)]|$)(?:(?!,?\s+${STATED_DAY})[^.;()])*`,
    'u',
  ),
  new RegExp(String.raw`(?:hoàn thành\s+)?(?:trước|chậm nhất)\s+${CLOCK}ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng))?`, 'iu'),
  /(?:trong\s+)?quý\s+(?:[IV]+|\d)(?:\s*[/]\s*\d{4}|\s+năm\s+\d{4})?/iu,
  /(?:trong\s+)?(?:6|9) tháng (?:đầu|cuối) năm(?:\s+\d{4})?/iu,
  /(?:trong\s+)?tháng\s+\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*[/]\s*\d{4}|\s+năm\s+\d{4})/iu,
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu,
  /(?:trong\s+)?năm\s+\d{4}(?:\s*[-–]\s*\d{4})?/iu,
  /(?:định kỳ\s+)?(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)|thường xuyên|định kỳ/iu,
];

/**
 * Times a sentence gives that the deadline grammar has no words for: hours after an event ("trong vòng 24 giờ kể từ khi
 * xảy ra thiên tai", "24h kể từ …" too, not a clock's "chậm nhất 17h"), seasons ("trước mùa mưa bão"). Kept as written (dueText), never read as the year inside them.
 */
const UNREAD_TIMES: RegExp[] = [
  /(?:trong vòng|trong thời hạn|chậm nhất|không quá)\s+\d{1,3}(?:\s+(?:giờ|tiếng)(?:\s+(?:sau khi|kể từ(?:\s+khi|\s+lúc)?)\s+[^.;,()]+)?|h\s+(?:sau khi|kể từ(?:\s+khi|\s+lúc)?)\s+[^.;,()]+)/iu,
  /(?:ngay\s+)?(?:trước|trong|sau|vào|đầu|cuối)\s+mùa\s+(?:mưa bão|mưa lũ|mưa|bão|lũ|khô|hanh khô|nắng nóng|cháy rừng)(?:\s+(?:hằng|hàng)\s+năm|\s+năm\s+\d{4})?/iu,
];

/** "hằng tháng" and, apart from it in the clause, a day with no month of its own ("… trước ngày 25."). */
const MONTHLY_DAY_APART = /(?:hằng|hàng)\s+tháng(?!\s*,?\s*(?:trước|chậm nhất)\s)[^.;]*?\s((?:trước|chậm nhất)\s+ngày\s+\d{1,2})(?!\d|\s*[/.-]\s*\d|\s+(?:của\s+)?tháng|\s+(?:hằng|hàng|mỗi|các)\s)/iu;

/**
 * "…; thời gian: quý II/2026." — a time the sentence labels itself, up to the end of its clause. A label followed by
 * nothing ("(thời gian:   )." once its time is blanked out) labels no time: the value starts with a word.
 */
const TIME_LABEL = /(?:^|[\s.;,(])(?:thời gian(?:\s+(?:thực hiện|hoàn thành|hoàn tất|triển khai))?|thời hạn(?:\s+(?:thực hiện|hoàn thành))?)\s*:\s*([^;\s.,)][^;]*?)\s*(?=[;)]|\.(?:\s|$)|$)/iu;
/** A phrase the sentence introduces as its deadline ("hoàn thành trước …", "trong quý II") outranks a year that is part of a name. */
const DEADLINE_WORDS = 'hoàn thành|hoàn tất|xong|trước|chậm nhất|không quá|trong|từ|vào|hằng|hàng|định kỳ|thường xuyên';
const DEADLINE_WORD_BEFORE = new RegExp(`(?:${DEADLINE_WORDS})\\s*$`, 'iu');
const DEADLINE_WORD_FIRST = new RegExp(`^(?:${DEADLINE_WORDS})`, 'iu');

/** A document's date: "ngày 14/12/2020", "ngày 14 tháng 12 năm 2020", or its year. */
const DOC_DATE = String.raw`(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|năm\s+\d{4})`;
/**
 * A date that belongs to a document cited, not to the work: the date after a document's number ("Nghị định số
 * 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020", "Kế hoạch số 624/KH-UBND ngày 14/12/2020", "Nghị quyết số 57-NQ/TW ngày …")
 * and the year of a law named by it ("Luật Giáo dục năm 2019"; capitalised: "pháp luật năm 2026" is the work's year).
 * A time word between them ("Luật Việc làm trong năm 2026", "Luật Thanh niên tháng 12 năm 2026", "Kế hoạch số 5/KH-UBND
 * trước ngày …") ends the law's name and keeps the time; a law's own date follows its name ("Luật Việc làm ngày 16/6/2025").
 * A comma after the name's first words (up to 4: "Luật Thực hành tiết kiệm, chống lãng phí") is part of it ("Luật
 * Cán bộ, công chức năm 2025") when what follows is a name's short tail (the longest: "Luật Bảo vệ, chăm sóc và giáo dục
 * trẻ em", 7 words); a clause with a work verb ("Luật Đất đai, tổ chức thực hiện năm 2026") or a longer one is the
 * task's, and so is its year.
 */
const LAW_WORD = String.raw`\s+(?!(?:trong|trước|đến|từ|vào|hoàn thành|chậm nhất|cuối|đầu|sau|hằng|hàng|quý|tháng|kỳ|đợt|giai đoạn|lần|tuần|ngày|mùa|dịp)\s|\d)[^\s,;.:()“”"]+`;
const WORK_VERB = String.raw`(?:tổ chức|thực hiện|triển khai|báo cáo|tuyên truyền|phổ biến|hoàn thành|tập huấn|quán triệt|kiểm tra|rà soát|xây dựng|ban hành|hướng dẫn|tổng kết|sơ kết|đánh giá|tổng hợp|gửi)(?!\p{L})`;
const LAW_TAIL_WORD = String.raw`(?=\s+(?!${WORK_VERB}))${LAW_WORD}`;
const CITED_DATE = new RegExp(
  String.raw`\d{1,5}(?:\/\d{4})?[-/]\p{Lu}[\p{L}\d./-]*\s*,?\s*${DOC_DATE}|(?<!\p{L})(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?:(?:${LAW_WORD}){1,4},(?:${LAW_TAIL_WORD}){1,7}?|(?:${LAW_WORD}){1,12}?)\s+${DOC_DATE}`,
  'gu',
);

/**
 * The deadline phrase of a sentence: the time it labels ("thời gian: …", kept
 * as written even when the grammar cannot read it), else the phrase the grammar
 * accepts that a deadline word introduces, else the first phrase it accepts.
 */
export function findDeadlinePhrase(text: string): string | undefined {
  const labelled = TIME_LABEL.exec(text);
  if (labelled && labelled[1]!.trim()) return labelled[1]!.trim();
  // Names in quotes ("Đề án “…, đến năm 2030”") and horizons ("đến năm 2030", "giai đoạn 2026-2030", "tầm nhìn") are not deadlines.
  // "giáo dục thường xuyên" (continuing education) and "chi thường xuyên" (recurrent spending) are names, not times.
  // Money "trong dự toán năm 2026", "kinh phí … được cấp có thẩm quyền giao hàng năm" (a year's budget) is not a time to finish by.
  const masked = text
    .replace(/[“"][^”"]*[”"]/gu, (q) => ' '.repeat(q.length))
    .replace(CITED_DATE, (q) => ' '.repeat(q.length))
    .replace(/(?:giáo dục|chi|nhiệm vụ chi|dự toán chi)\s+thường xuyên/giu, (q) => ' '.repeat(q.length))
    .replace(
      /(?:(?:trong|từ|vào)\s+)?(?:nguồn\s+)?(?:dự toán|kế hoạch vốn|nguồn vốn)(?:\s+(?:ngân sách|chi thường xuyên|chi))?(?:\s+(?:nhà nước|địa phương|tỉnh|huyện|xã))?(?:\s+(?:các\s+)?năm\s+\d{4}(?:\s*[-–]\s*\d{4})?)?/giu,
      (q) => ' '.repeat(q.length),
    )
    .replace(/(?:dự toán|ngân sách|nguồn vốn|kinh phí)[^.;]{0,60}?(?:hằng|hàng)\s+năm/giu, (q) => ' '.repeat(q.length))
    .replace(/(?:đến|tầm nhìn(?: đến)?|giai đoạn|thời kỳ|từ)\s+(?:năm\s+)?\d{4}(?:\s*[-–]\s*\d{4})?/giu, (q) => ' '.repeat(q.length));
  const found: { at: number; end: number; phrase: string; introduced: boolean }[] = [];
  for (const re of PROSE_DEADLINES) {
    const m = re.exec(masked);
    if (!m) continue;
    const phrase = m[0].trim().replace(/^hoàn thành\s+/iu, '');
    if (!parseDeadline(phrase).ok) continue;
    const introduced = DEADLINE_WORD_FIRST.test(m[0].trim()) || DEADLINE_WORD_BEFORE.test(masked.slice(0, m.index));
    found.push({ at: m.index, end: m.index + m[0].length, phrase, introduced });
  }
  // "X định kỳ hằng tháng báo cáo … trước ngày 25": the lone day is of each month the sentence names, as "trước ngày 25 hằng tháng".
  const monthlyDay = MONTHLY_DAY_APART.exec(masked);
  if (monthlyDay) {
    const at = monthlyDay.index + monthlyDay[0].length - monthlyDay[1]!.length;
    found.push({ at, end: at + monthlyDay[1]!.length, phrase: `${monthlyDay[1]!} hằng tháng`, introduced: true });
  }
  for (const re of UNREAD_TIMES) {
    const m = re.exec(masked);
    if (m) found.push({ at: m.index, end: m.index + m[0].length, phrase: m[0].trim(), introduced: true });
  }
  // A phrase inside a longer one ("hằng năm" in "tháng 6 và tháng 12 hằng năm") is part of it.
  const whole = found.filter((f) => !found.some((g) => g !== f && g.at <= f.at && g.end >= f.end && g.end - g.at > f.end - f.at));
  // A phrase with a date or a number of its own outranks a bare "định kỳ" or "thường xuyên" in the same sentence
  // ("định kỳ trước ngày 20 hằng tháng báo cáo …" is due before the 20th).
  const rank = (f: (typeof whole)[number]) => (/\d/.test(f.phrase) ? 2 : 0) + (f.introduced ? 1 : 0);
  let best: (typeof whole)[number] | undefined;
  for (const f of whole) if (!best || rank(f) > rank(best) || (rank(f) === rank(best) && f.at < best.at)) best = f;
  return best?.phrase;
}

/** The first letter in upper case: a title made from a phrase inside a sentence. */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toLocaleUpperCase('vi');
}
