// Reporting duties written as prose in "Tổ chức thực hiện": "… xây dựng Kế
// hoạch thực hiện gửi về UBND huyện (qua phòng Tư pháp) trước ngày 05/02/2024",
// "Định kỳ 6 tháng (trước ngày 20/5), hàng năm (trước ngày 15/11) gửi báo cáo
// kết quả thực hiện về UBND huyện …". Each becomes a duty; a sentence without a
// deadline ("định kỳ báo cáo về Sở Tư pháp") is left in the text only.
import { parseDeadline } from '../core/deadline.js';
import type { ReportPeriod } from '../core/model.js';
import { localized } from '../core/diagnostic.js';
import type { UnitRegistry } from '../core/units.js';
import type { Note } from './finalize.js';
import { looksLikeUnit, OPENING_CLAUSE, ROLE_WORDS, sentenceAssignment, unitNames, workGivenAt } from './sentence.js';
import { HEAD_TITLE, splitUnitList, startsUnit } from './unit-list.js';
import { capitalize, findDeadlinePhrase, fold } from './words.js';

export interface DutyDraft {
  id: string;
  title: string;
  by: string[];
  to: string;
  due: string;
  period?: ReportPeriod;
  text: string;
  line: number;
}

const PERIOD_WORDS: { re: RegExp; period: ReportPeriod; id: string; title: string }[] = [
  { re: /^6 thang$/, period: '6m', id: '6-thang', title: '6 tháng' },
  { re: /^9 thang$/, period: '9m', id: '9-thang', title: '9 tháng' },
  { re: /^(hang|hằng)? ?nam$/, period: 'year', id: 'nam', title: 'năm' },
  { re: /^(hang|hằng)? ?thang$/, period: 'month', id: 'thang', title: 'tháng' },
];

/** The deadline phrase of a text when the grammar reads it as a day to be due by (else none). */
function findDueDay(text: string): string | undefined {
  return readable(findDeadlinePhrase(text));
}

function readable(phrase: string | undefined): string | undefined {
  return phrase !== undefined && parseDeadline(phrase).ok ? phrase : undefined;
}

/** Sentences of a paragraph: split after "." / ";" before an upper-case letter. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "UBND huyện (qua phòng Tư pháp" → "UBND huyện (qua phòng Tư pháp)": the source often forgets the bracket. */
function closeBrackets(s: string): string {
  const open = (s.match(/\(/g) ?? []).length - (s.match(/\)/g) ?? []).length;
  return open > 0 ? s + ')'.repeat(open) : s;
}

/** What a report is about, after "về" ("về tình hình, kết quả triển khai thực hiện Kế hoạch này"), up to its time or the sentence's end. */
const ABOUT = /^(?:tình hình|kết quả|tiến độ|việc)[^;.]*?(?=\s+(?:trước|chậm nhất|để|theo)(?=[\s,;.]|$)|\s*[;.](?:\s|$)|$)/u;

function recipientAfter(text: string, from: number): string | undefined {
  const rest = text.slice(from);
  const m = /^\s*(?:gửi\s+)?(?:về|đến|tới|lên)?\s*(.+?)(?=\s+(?:trước|chậm nhất|để|theo|tại|trong thời hạn|hoặc)(?=[\s,;.]|$)|\s*[;.](?:\s|$)|$)/u.exec(rest);
  const to = m?.[1]?.trim().replace(/[,;:]$/, '');
  return to ? closeBrackets(to) : undefined;
}

/** Who a report goes to: a body, or its head ("báo cáo Giám đốc Sở định kỳ 6 tháng (…)", "báo cáo Bộ trưởng kết quả …"). */
function reportedTo(text: string): boolean {
  return startsUnit(text) || /^(?:bộ trưởng|thủ trưởng|thủ tướng|giám đốc|chủ tịch|chánh văn phòng|trưởng ban|trưởng phòng)(?=\s|$)/iu.test(text);
}

/** The verb after a sender's name: "Giao X theo dõi, báo cáo …", "X căn cứ nhiệm vụ được giao …", "X là cơ quan thường trực …". */
const SENDER_ENDS = new RegExp(
  `\\s+(theo dõi|tổng hợp|chủ trì|chủ động|chỉ đạo|triển khai|có trách nhiệm|thực hiện|tổ chức|định kỳ|hướng dẫn|căn cứ|được giao|được phân công|${ROLE_WORDS}|làm đầu mối)(?=[\\s,;]|$).*$`,
  'u',
);

/** Who must send: the known units right before the verb ("…, các cơ quan thuộc UBND huyện; …, UBND các xã, thị trấn"). */
export function subjectUnits(prefix: string, registry?: UnitRegistry): string[] {
  // "1. Văn phòng HĐND và UBND xã: Là cơ quan thường trực, …": the unit before the colon sends; the colon may end the
  // prefix ("Phòng Tư pháp: định kỳ hằng quý báo cáo …" is cut before "định kỳ").
  const colon = /^\s*(?:\d+[.)]|[a-zđ]\)|[-–•])?\s*([^:;]{3,120}?)\s*:(?:\s|$)/u.exec(prefix);
  if (colon && looksLikeUnit(colon[1]!, registry)) return unitNames(colon[1]!, registry);
  let cleaned = prefix
    .replace(/\s+(trong phạm vi|căn cứ|theo)\s+chức năng.*$/u, '')
    .replace(/^\s*(\d+[.)]|[a-zđ]\)|[-–•])\s*/u, '')
    .replace(/^(đề nghị|yêu cầu|giao)\s+/iu, '')
    // "Căn cứ hướng dẫn của Sở Tư pháp, Phòng X, Công an xã báo cáo …", "Sau khi Kế hoạch được phê duyệt, Phòng X …": the
    // sentence's opening clause, to its first comma, is not the sender (and its nouns, "hướng dẫn", are no verb to cut at).
    .replace(OPENING_CLAUSE, '')
    // "Thủ trưởng các đơn vị thuộc Bộ …" reports for the units.
    .replace(HEAD_TITLE, '')
    // "Giao X theo dõi, báo cáo …", "X căn cứ nhiệm vụ được giao …", "X chỉ đạo triển khai …": the verb after the name is not part of it.
    .replace(SENDER_ENDS, '')
    .trim();
  cleaned = cleaned.slice(0, workGivenAt(cleaned)).trim();
  const pieces = cleaned.split(/(\s*;\s*|,\s+)/u);
  const words: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) words.push(pieces[i]!.trim());
  const out: string[] = [];
  let end = words.length;
  const isUnit = (s: string) => {
    const e = registry?.lookup(s);
    return e !== undefined && e.kind !== 'vague';
  };
  while (end > 0) {
    let found = -1;
    for (let start = Math.max(0, end - 4); start < end; start++) {
      const candidate = joinPieces(pieces, start, end);
      if (isUnit(candidate)) {
        found = start;
        break;
      }
    }
    if (found === -1) break;
    out.unshift(joinPieces(pieces, found, end));
    end = found;
  }
  if (end > 0) {
    // Before the known names (or with none known at the end): the trailing names that read like units, so that
    // "Các phòng chuyên môn, đơn vị thuộc UBND xã; các thôn, bản" keeps the offices when only the villages are known.
    const names = splitUnitList(out.length === 0 ? cleaned : joinPieces(pieces, 0, end), registry);
    while (names.length > 0 && (registry?.lookup(names[names.length - 1]!) || startsUnit(names[names.length - 1]!))) out.unshift(names.pop()!);
  }
  return out;
}

function joinPieces(parts: string[], from: number, to: number): string {
  let s = parts[from * 2]!.trim();
  for (let i = from + 1; i < to; i++) s += `${parts[i * 2 - 1]!.includes(';') ? '; ' : ', '}${parts[i * 2]!.trim()}`;
  return s;
}

/** Drop an entry whose units another entry of the list already covers ("cơ quan đóng trên địa bàn huyện" inside "các cơ quan, tổ chức huyện"). */
export function dropCovered(names: string[], registry?: UnitRegistry): string[] {
  if (!registry) return names;
  const sets = names.map((n) => {
    const e = registry.lookup(n);
    return e && e.kind !== 'vague' ? new Set(registry.expand(e).map((u) => u.name)) : undefined;
  });
  return names.filter((_, i) => {
    const mine = sets[i];
    if (!mine || mine.size === 0) return true;
    return !sets.some((other, j) => j !== i && other && (other.size > mine.size || (other.size === mine.size && j < i)) && [...mine].every((u) => other.has(u)));
  });
}

/**
 * Duties in the paragraphs of "Tổ chức thực hiện". A report whose time is not a day ("trong vòng 24 giờ kể từ khi xảy ra
 * thiên tai") is no duty, with a note that says so.
 */
export function findDuties(paragraphs: { text: string; line: number; needsSender?: boolean }[], registry?: UnitRegistry, note?: Note, issuers: string[] = []): DutyDraft[] {
  const duties: DutyDraft[] = [];
  // "8. Ủy ban nhân dân các xã, thị trấn" over "- Định kỳ … báo cáo …": the heading's unit sends.
  let headingUnits: string[] = [];
  let headingLettered = false;
  for (const p of paragraphs) {
    const lettered = /^[a-zđ]\)/u.test(p.text.trim());
    // … or lettered ("a) Phòng Văn hóa – Xã hội:" over its bullets, in a "Tổ chức thực hiện" that letters its units).
    const heading = /^(?:\d{1,2}[.)]|[a-zđ]\))\s+(?:(?:đề nghị|giao)\s+)?(\p{Lu}[^.;:]*?)\s*[.:]?$/iu.exec(p.text.trim());
    // "2. Các thôn báo cáo tiến độ về UBND xã … trước ngày 25 hằng tháng" is a report, not a heading: a name has no such verb.
    if (heading && looksLikeUnit(heading[1]!, registry) && !/\s(?:báo cáo|gửi)(?=[\s,.;]|$)/u.test(heading[1]!)) {
      headingUnits = unitNames(heading[1]!, registry);
      headingLettered = lettered;
      continue;
    }
    // Its bullets and lettered items ("1. Phòng Kinh tế:" over "a) …" … "e) Định kỳ hằng quý … báo cáo …") are the unit's;
    // a lettered heading's lettered sibling ("a) Phòng Văn hóa – Xã hội:" … "c) Định kỳ …") is not.
    if (!/^[-–•+]/u.test(p.text.trim()) && (!lettered || headingLettered)) headingUnits = [];
    let subject: string[] = headingUnits;
    let listBefore: string[] = [];
    const queue = sentences(p.text);
    // A clause queued after a plan's duty, and the sentence it is part of (the duty's text).
    const sentenceOf = new Map<string, string>();
    for (let k = 0; k < queue.length; k++) {
      const sentence = queue[k]!.replace(/^\s*(\d+[.)]|[a-zđ]\)|[-–•])\s+/u, '');
      const whole = sentenceOf.get(queue[k]!) ?? sentence;
      const plan = /xây dựng\s+(kế hoạch[^,;()]*?)\s+(?:và\s+)?gửi\b/iu.exec(sentence);
      if (plan) {
        const s = subjectUnits(sentence.slice(0, plan.index), registry);
        if (s.length) subject = s;
        const due = findDueDay(sentence.slice(plan.index));
        if (due) {
          const to = recipientAfter(sentence, plan.index + plan[0].length);
          duties.push({ id: 'ke-hoach', title: capitalize(plan[1]!.trim()), by: subject, to: to ?? '', due, text: whole, line: p.line });
        }
        // "… gửi về UBND huyện trước ngày 05/4/2024; định kỳ 6 tháng (…), năm (…) báo cáo kết quả … về UBND huyện": the
        // clauses after the plan's are the same units' reports (they were lost).
        const next = sentence.indexOf(';', plan.index);
        if (next >= 0 && /báo cáo/u.test(sentence.slice(next))) {
          const rest = sentence.slice(next + 1).trim();
          queue.splice(k + 1, 0, rest);
          sentenceOf.set(rest, whole);
        }
        continue;
      }
      // "báo cáo kết quả 6 tháng (trước ngày 10/6/2026) và năm (trước ngày 05/12/2026) về X": a bracketed time is one word here.
      const sent = /(?:gửi\s+)?(báo cáo(?!\s+của\s)(?:,?\s(?:[^\s,;().]+|\([^()]*\))){0,14}?)\s+(?:gửi\s+)?(về|đến|tới|lên)\s/iu.exec(sentence);
      // "báo cáo UBND tỉnh, Bộ Tư pháp kết quả thực hiện Kế hoạch trước ngày 20/12/2026": the body reported to, then what.
      const direct = sent ? null : /báo cáo\s+(\p{Lu}[^;.()]{0,80}?)\s+((?:kết quả|tình hình|tiến độ)[^;.()]*?)(?=\s+(?:trước|chậm nhất|định kỳ|hằng|hàng|để|theo)\s|\s*[;.(]|$)/u.exec(sentence);
      // "tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm": the body, then the time (a body, not "báo cáo Tổng kết …").
      const bare = sent || direct ? null : /báo cáo\s+(\p{Lu}[^;.()\d]{0,80}?)(?=\s+(?:trước|chậm nhất|định kỳ|hằng|hàng)\s)/u.exec(sentence);
      // The body reported to reads as one ("báo cáo Tổng kết 10 năm kết quả …" is the report's name), and ends where
      // a "về" recipient would ("Hội đồng nhân dân phường tại kỳ họp cuối năm").
      // "báo cáo Ủy ban nhân dân tỉnh (qua Sở X) về tình hình, kết quả …": the body first, then "về" what the report is about.
      const body = sent && /^về$/iu.test(sent[2]!) ? sent[1]!.slice('báo cáo'.length).trim() : '';
      const about = body && startsUnit(body) ? ABOUT.exec(sentence.slice(sent!.index + sent![0].length)) : null;
      const report = about
        ? { index: sent!.index, what: `báo cáo ${about[0]}`, to: closeBrackets(body) }
        : sent
          ? { index: sent.index, what: sent[1]!, to: recipientAfter(sentence, sent.index + sent[0].length - sent[2]!.length - 1) }
          : direct && reportedTo(direct[1]!)
            ? { index: direct.index, what: `báo cáo ${direct[2]!}`, to: recipientAfter(direct[1]!, 0) }
            : bare && reportedTo(bare[1]!)
              ? { index: bare.index, what: 'báo cáo', to: recipientAfter(bare[1]!, 0) }
              : undefined;
      if (!report) {
        // "Các sở, ban, ngành; UBND các xã, phường căn cứ nhiệm vụ được giao … . Định kỳ 6 tháng … báo cáo …": the next
        // sentence, with no subject of its own, is theirs (the list before a ";" too).
        const said = sentenceAssignment(sentence, registry);
        const list = said ? [] : unitNames(sentence.replace(/[;,.\s]+$/u, ''), registry);
        if (said) subject = [...listBefore, ...said.lead];
        listBefore = list.length > 0 && list.every((n) => looksLikeUnit(n, registry)) ? [...listBefore, ...list] : [];
        continue;
      }
      const before = sentence.slice(0, report.index);
      let s = subjectUnits(before.replace(/\s*(định kỳ|hằng|hàng).*$/iu, ''), registry);
      // "Hai Sở … báo cáo UBND tỉnh …" in a joint plan (Kế hoạch liên tịch): the issuers report together.
      if (s.length === 0 && issuers.length > 1 && /^(?:cả\s+)?hai\s+(?:sở|bộ|cơ quan|ngành|bên|đơn vị)(?=[\s,]|$)/iu.test(before.trim())) s = [...issuers];
      // "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường định kỳ … báo cáo …": the list before the ";" sends too.
      if (s.length) subject = [...listBefore.filter((n) => !s.includes(n)), ...s];
      listBefore = [];
      const to = report.to;
      const what = capitalize(report.what.replace(/\s+(?:6 tháng|9 tháng|(?:hằng|hàng)?\s*năm|(?:hằng|hàng)\s*tháng)\s*(?:\(|,?\s+(?:trước|chậm nhất)\s).*$/iu, '').trim());
      // "6 tháng (trước ngày 20/5), hàng năm (trước ngày 15/11)", or the other way round:
      // "trước ngày 15/6/2026 (báo cáo 6 tháng) và trước ngày 15/12/2026 (báo cáo năm)".
      const periodBefore = [...sentence.matchAll(/(6 tháng|9 tháng|(?:hằng|hàng)?\s*năm|(?:hằng|hàng)\s*tháng)\s*\(([^()]*)\)/giu)].map((m) => ({ word: m[1]!, time: m[2]! }));
      const periodAfter = [
        ...sentence.matchAll(
          /((?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)\s*\((?:đối với\s+)?(?:báo cáo\s+)?(6 tháng|9 tháng|(?:hằng|hàng)?\s*năm|(?:hằng|hàng)\s*tháng)\)/giu,
        ),
      ].map((m) => ({ word: m[2]!, time: m[1]! }));
      // "báo cáo kết quả định kỳ 6 tháng trước ngày 10/6/2026 về X": the period word right before its day, no brackets.
      const periodPlain = [
        ...sentence.matchAll(/(6 tháng|9 tháng|(?:hằng|hàng)\s*năm)\s*,?\s+((?:trước|chậm nhất)\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)(?!\s*[/.-]?\s*\d|\s+(?:hằng|hàng)\s)/giu),
      ].map((m) => ({ word: m[1]!, time: m[2]! }));
      const periodic = periodBefore.length > 0 ? periodBefore : periodAfter.length > 0 ? periodAfter : periodPlain;
      if (periodic.length > 0) {
        for (const m of periodic) {
          const word = fold(m.word.trim()).replace(/\s+/g, ' ');
          const kind = PERIOD_WORDS.find((k) => k.re.test(word));
          const due = readable(findDeadlinePhrase(m.time) ?? m.time.trim());
          if (!kind || !due) continue;
          duties.push({ id: `bao-cao-${kind.id}`, title: `${what} ${kind.title}`, by: subject, to: to ?? '', due, period: kind.period, text: whole, line: p.line });
        }
        continue;
      }
      // The report's own clause first: "X: rà soát … trong quý III/2026; tổng hợp, báo cáo … trước ngày 20/11/2026" is due
      // by 20/11 (the quarter is the work's); it ends at the next ";" ("X: định kỳ hằng quý báo cáo …; hoàn thành việc rà
      // soát trước ngày 30/9/2026" is quarterly, the day is the work's).
      const end = sentence.indexOf(';', report.index);
      const clause = sentence.slice(sentence.lastIndexOf(';', report.index) + 1, end < 0 ? undefined : end);
      const phrase = findDeadlinePhrase(clause) ?? findDeadlinePhrase(sentence);
      const read = phrase === undefined ? undefined : parseDeadline(phrase);
      const due = read?.ok ? phrase : undefined;
      // A report sent each time something happens ("trong vòng 24 giờ kể từ khi xảy ra thiên tai") is no duty of a period:
      // it stays in the text, and is a task with that time if it assigns one.
      const onEvent = read?.ok === true && read.deadline.kind === 'event';
      if ((onEvent || (!due && phrase)) && subject.length > 0)
        note?.(
          p.line,
          phrase!,
          localized(
            `báo cáo có thời gian tính từ một sự việc, không phải một ngày: không thành nghĩa vụ báo cáo (${what})`,
            `a report timed from an event, not a day: not made a reporting duty (${what})`,
          ),
        );
      if (!due || onEvent || /^(thường xuyên|hằng năm|hàng năm|định kỳ)$/iu.test(due)) continue;
      duties.push({ id: 'bao-cao', title: what, by: subject, to: to ?? '', due, text: whole, line: p.line });
    }
  }
  // Outside "Tổ chức thực hiện" a sentence about a report ("công bố báo cáo dự báo về …") is a duty only when someone must send it.
  const strict = new Set(paragraphs.filter((p) => p.needsSender).map((p) => p.line));
  const seen = new Map<string, number>();
  return duties
    .filter((d) => d.by.length > 0 || !strict.has(d.line))
    .map((d) => {
      const n = (seen.get(d.id) ?? 0) + 1;
      seen.set(d.id, n);
      return { ...d, id: n === 1 ? d.id : `${d.id}-${n}`, by: dropCovered(d.by, registry) };
    });
}
