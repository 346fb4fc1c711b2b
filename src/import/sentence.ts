// Assignments written as sentences: "Sở X chủ trì, phối hợp với Y …",
// "Giao X chủ trì …", "(Giao X chủ trì, phối hợp với Y)", "X có trách nhiệm …",
// "Đề nghị X …", "Bộ trưởng Bộ X có trách nhiệm …". The subject is the unit
// list before the first verb. Official names write each part capitalised
// ("Sở Xây dựng", "Ban Quản lý …") while the verbs of a sentence are lower
// case ("… xây dựng kế hoạch"), so a name is cut at the first lower-case verb;
// a units.yaml name that runs past it ("Hội đồng phối hợp PBGDPL huyện") wins.
// Pure.
import { areaWordsOf } from '../core/text.js';
import type { UnitRegistry } from '../core/units.js';
import { HEAD_TITLE, splitUnitList, startsUnit, trimListEnd } from './unit-list.js';
import { labelledLine } from './words.js';

/** "X là cơ quan thường trực …": the role a unit is given, a predicate only a subject stands before. */
const ROLES = ['là cơ quan', 'là đơn vị', 'là đầu mối'];
export const ROLE_WORDS = ROLES.join('|');

/** Words that start the predicate of an assignment sentence (lower case only: see above). */
const VERBS = [
  'chủ trì',
  'phối hợp',
  'có trách nhiệm',
  'chịu trách nhiệm',
  ...ROLES,
  'làm đầu mối',
  'tổ chức',
  'thực hiện',
  'triển khai',
  'xây dựng',
  'tham mưu',
  'hướng dẫn',
  'theo dõi',
  'kiểm tra',
  'nghiên cứu',
  'đề xuất',
  'chỉ đạo',
  'rà soát',
  'tuyên truyền',
  'phổ biến',
  'bố trí',
  'cân đối',
  'tổng hợp',
  'báo cáo',
  'chủ động',
  'căn cứ',
  'đẩy mạnh',
  'tăng cường',
  'nâng cao',
  'quản lý',
  'ban hành',
  'cung cấp',
  'hỗ trợ',
  'giám sát',
  'đôn đốc',
  'đảm bảo',
  'bảo đảm',
  'thẩm định',
  'trình',
  'lập',
  'cập nhật',
  'duy trì',
  'kiện toàn',
  'vận hành',
  'đánh giá',
  'hoàn thiện',
  'tiếp tục',
  'ưu tiên',
  'khẩn trương',
  'định kỳ',
  'hằng năm',
  'hàng năm',
  'theo',
  'trong',
  'được',
  'cử',
  'phân công',
  'quán triệt',
  'lồng ghép',
  'thường xuyên',
  'tập trung',
  'huy động',
  'sử dụng',
  'tiếp nhận',
  'điều phối',
  'hoàn thành',
  'thành lập',
  'xử lý',
  'cần',
  'phải',
  'sẽ',
  'để',
  'nhằm',
  'giúp',
  'gửi',
  'tiến hành',
  'phát huy',
  'vận động',
  'tích cực',
  'nắm',
  'thống kê',
  'sắp xếp',
  'nêu cao',
  'phát động',
];
// After a comma, "các" or "và", "tổ chức" is a noun ("các cơ quan, tổ chức huyện"), not the verb; the other verbs
// stay verbs there ("phối hợp với các thôn, báo cáo UBND xã …" ends the list at "báo cáo").
const VERB_RE = new RegExp(
  `(?<=\\s)(?:(?<!(?:[,;]|các|và|những)\\s)tổ\\s+chức|${VERBS.filter((v) => v !== 'tổ chức')
    .map((v) => v.replace(/\s+/g, '\\s+'))
    .join('|')})(?=[\\s,;:.]|$)`,
  'u',
);

/** The verbs that only follow the subject: what stands before them is the unit. */
const STRONG_VERB = new RegExp(`(?<=\\s)(?:chủ trì|có trách nhiệm|chịu trách nhiệm|${ROLE_WORDS})(?=[\\s,;:.]|$)`, 'u');
/** Words that end a name: capitalised words and place levels ("phường", "tỉnh"), nothing else. */
const NAME_TAIL = new RegExp(`^(?:\\s+(?:\\p{Lu}\\S*|${areaWordsOf()}))*\\s*$`, 'u');

/** A capitalised function a body's name ends in before the (lower-case) field it covers: "Phòng Quản lý xây dựng". */
const FUNCTION_HEAD = /(?:^|\s)(?:Quản lý|Phát triển|Xúc tiến|Kiểm soát)\s+$/u;
/** The words of VERBS that are also such a field. */
const FIELD_VERB = /^(?:xây\s+dựng|xử\s+lý)$/u;
/** The field: one to five lower-case words ("xây dựng", "đô thị và xây dựng"). */
const OBJECT_WORDS = /^\p{Ll}+(?:\s+\p{Ll}+){0,4}\s*$/u;

/** The verbs that end a condition's own clause ("Khi Sở Tài chính, Sở X có hướng dẫn, …", "Khi cần thiết, …"). */
const CONDITION_VERBS = ['ban hành', 'có', 'được', 'cần', 'phê duyệt', 'hướng dẫn', 'sửa đổi', 'xảy ra', 'kết thúc', 'hoàn thành'].join('|');

/**
 * A clause that opens a sentence before its subject: the grounds ("Căn cứ …", "Trên cơ sở …", "Thực hiện …"), to the
 * first comma, or a condition ("Sau khi …", "Khi …"), to the comma after its verb, as its own subject may be a list of
 * bodies ("Khi UBND tỉnh, Bộ Văn hóa, Thể thao và Du lịch ban hành …, X …"). A condition with none of those verbs, or
 * grounds that run into a body given the work ("Căn cứ nhiệm vụ được giao Văn phòng Sở, Phòng X …": a comma missing,
 * so who is meant is unsure), is no clause: the sentence then names no subject.
 */
export const OPENING_CLAUSE = new RegExp(
  String.raw`^(?:(?:[Cc]ăn cứ|[Tt]rên cơ sở|[Tt]hực hiện)\s(?:(?!giao\s+\p{Lu})[^,;:])*|(?:[Ss]au khi|[Kk]hi)\s(?:\p{Lu}[^,;:]*,\s*)*?(?:[^,;:]*?\s)?(?:${CONDITION_VERBS})(?=[\s,])[^,;:]*),\s*`,
  'u',
);

/** What a subject read after an opening clause must be followed by: a verb, not a link word ("Giám đốc Sở triệu tập họp các phòng để …"). */
const LINK_WORD = /^(?:để|theo|trong|nhằm)(?=[\s,;:.]|$)/u;

/**
 * Words for the work a unit is given (lower case), which no name holds: a name written without a verb ends before them.
 * "việc làm" is a name's ("Trung tâm Dịch vụ việc làm tỉnh"), not the work.
 */
const WORK_GIVEN = /(?<=\s)(?:(?:các|những|toàn bộ)\s+)?(?:nội dung|nhiệm vụ|công việc|việc(?!\s+làm(?=[\s,;:.]|$)))(?=[\s,;:.]|$)/u;

/** Where the work given starts after a name ("Công an xã các nội dung …": at "các"), or the text's length (none, or no name before it: "Các nhiệm vụ cụ thể …"). */
export function workGivenAt(text: string): number {
  const given = WORK_GIVEN.exec(text);
  return given && !/^\s*(?:(?:các|những|toàn bộ)\s*)?$/iu.test(text.slice(0, given.index)) ? given.index : text.length;
}

/** Up to six lower-case words, no punctuation, not ending in a conjunction: the tail of a name before "chủ trì". */
const LOWER_TAIL = /^(?:\p{Ll}+\s+){1,6}$/u;
const LOWER_TAIL_END = /(?:^|\s)(?:và|hoặc|cùng|với|để|các|những)\s+$|^được\s/u;

const LEAD_IN = /^(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-–—•+*]|bước\s+\d{1,2}\s*[:.)–-])\s*)?(?:(giao|đề nghị|yêu cầu|phân công)\s+)?/iu;

export interface SentenceAssignment {
  lead: string[];
  /** The sentence after the subject ("chủ trì, phối hợp với …"). */
  predicate: string;
  /** "Giao X …" / "Đề nghị X …" rather than a bare subject. */
  introduced: boolean;
}

/** Whether a piece of text reads as the name of a body (known, or a unit head and short). */
export function looksLikeUnit(name: string, registry?: UnitRegistry): boolean {
  if (registry?.lookup(name)) return true;
  const words = name.split(/\s+/).length;
  // "các sở, ban, ngành" names bodies; "Các chương trình, dự án" does not.
  if (/^(các|những)\s/iu.test(name) && !GROUP_NOUN.test(name)) return false;
  // A head's title left inside a name is a list of people, or a sentence: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …",
  // "Ủy ban nhân dân tỉnh giao Giám đốc các sở" ("Văn phòng Chủ tịch nước" keeps its title inside, after no comma).
  if (TITLE_INSIDE.test(name)) return false;
  // A group written as a list of kinds runs longer than a body's name.
  return startsUnit(name) && words <= (/^(các|những)\s/iu.test(name) ? 18 : 14) && !/[.:!?/]/.test(name) && !/\d{3,}/.test(name);
}

const TITLE_INSIDE = /(?:^|,\s*|\sgiao\s)(?:bộ trưởng|thủ trưởng|giám đốc|chủ tịch)(?=[\s,]|$)/iu;

/** "các sở, ban, ngành", "các xã, phường": the kinds of body a group of them is named by (the area levels from core/text). */
const GROUP_NOUN = new RegExp(
  `^(?:các|những)\\s+(?:sở|ban|ngành|bộ|cơ quan|đơn vị|tổ chức|địa phương|${areaWordsOf()}|hội|đoàn thể|doanh nghiệp|trường|phòng|trung tâm|ubnd|ủy ban|uỷ ban|thành viên|lực lượng|cấp|bệnh viện|đài|báo|cục|chi cục|viện|ban chỉ đạo|tập đoàn|tổng công ty|công ty|hợp tác xã|chủ đầu tư|nhà trường|ngân hàng|nhà mạng|nhà cung cấp|thôn|bản|ấp|xóm|khu phố|tổ dân phố|khu dân cư|hạt kiểm lâm|đồn biên phòng|trạm y tế)(?=[\\s,;]|$)`,
  'iu',
);

/**
 * Unit names in a lead or support text: the list split, "A/B" (either body, as the text allows) split too, a head's
 * title dropped ("Trưởng các thôn" is the villages' work).
 */
export function unitNames(text: string, registry?: UnitRegistry): string[] {
  return splitUnitList(text, registry).flatMap((whole) => {
    const n = whole.replace(HEAD_TITLE, '').trim();
    const sides = n.split(/\s*\/\s*/u);
    return sides.length > 1 && sides.every((x) => looksLikeUnit(x, registry)) ? sides : [n];
  });
}

/** The end of a unit name (or list of names) at the start of `text`: before the first lower-case verb, or a longer known name. */
export function subjectEnd(text: string, registry?: UnitRegistry): number {
  const m = VERB_RE.exec(text);
  let end = m ? m.index : text.length;
  // "Trung tâm Dịch vụ tổng hợp phường chủ trì": a verb-like word inside a name ends at a place level before "chủ trì".
  const strong = m ? STRONG_VERB.exec(text.slice(m.index)) : null;
  if (m && strong && strong.index > 0 && NAME_TAIL.test(text.slice(m.index + m[0].length, m.index + strong.index))) end = m.index + strong.index;
  // "Vụ Các vấn đề chung về xây dựng pháp luật chủ trì", "Cục … Quản lý xử lý vi phạm hành chính chủ trì": a ministry's
  // departments write their names in lower case after the first word; a short lower-case stretch with no punctuation
  // between the verb-like word and "chủ trì" is the rest of the name.
  else if (m && strong && strong.index > 0 && LOWER_TAIL.test(text.slice(m.index, m.index + strong.index)) && !LOWER_TAIL_END.test(text.slice(m.index, m.index + strong.index)))
    end = m.index + strong.index;
  // "phối hợp với Vụ Các vấn đề chung về xây dựng pháp luật tổ chức thực hiện": a name does not end in "về", "của" or
  // "cho"; its lower-case rest runs to the verb that closes the clause.
  if (m && /\s(?:về|của|cho)\s*$/u.test(text.slice(0, end))) {
    const rest = /^((?:\p{Ll}+\s+){1,6}?)(?=(?:tổ chức thực hiện|tổ chức triển khai|thực hiện|triển khai|chủ trì|phối hợp|có trách nhiệm)(?=[\s,;:.]|$))/u.exec(text.slice(end));
    if (rest) end += rest[1]!.length;
  }
  // "Phòng Quản lý xây dựng tổ chức …", "Ban Quản lý đô thị": a name ending in the work it manages writes that work in
  // lower case ("xây dựng" is then no verb); the name runs through it, to the next verb or punctuation.
  if (m && end === m.index && FIELD_VERB.test(m[0]) && FUNCTION_HEAD.test(text.slice(0, end))) {
    const after = m.index + m[0].length;
    const next = VERB_RE.exec(text.slice(after));
    const stretch = text.slice(m.index, next ? after + next.index : text.length).split(/[,;:.()]/u)[0]!;
    if (OBJECT_WORDS.test(stretch)) end = m.index + stretch.length;
  }
  // "Giao Phòng Văn hóa – Xã hội các nội dung tại điểm a", "Phòng Kinh tế nhiệm vụ kiểm tra …": what the unit is given
  // is no part of its name, verb or not.
  const given = workGivenAt(text);
  if (given < end) end = given;
  // "Hội đồng phối hợp PBGDPL huyện": a known name that runs past the verb.
  if (registry && m) {
    const words = text.split(/(?<=\s)/u);
    let at = 0;
    for (const w of words) {
      at += w.length;
      if (at <= end) continue;
      const candidate = trimListEnd(text.slice(0, at));
      const last = splitUnitList(candidate, registry).pop();
      if (last && registry.lookup(last) && at - end < 40) end = at;
      if (at - end > 40) break;
    }
  }
  return end;
}

/**
 * The units a sentence assigns to, when it begins with them; undefined when
 * it does not begin with a unit (a task's description, a goal).
 */
export function sentenceAssignment(text: string, registry?: UnitRegistry): SentenceAssignment | undefined {
  const lead = LEAD_IN.exec(text)!;
  const introduced = lead[1] !== undefined;
  const opened = text.slice(lead[0].length);
  // "Sau khi Kế hoạch được phê duyệt, Phòng X tổ chức …": the subject follows the opening clause (only a unit, named first).
  const afterClause = introduced ? undefined : opened.replace(OPENING_CLAUSE, '');
  const afterOpening = afterClause !== undefined && afterClause !== opened && startsUnit(afterClause);
  const rest = (afterOpening ? afterClause : opened).replace(HEAD_TITLE, '');
  if (!introduced && !startsUnit(rest) && !registry?.lookup(trimListEnd(rest.slice(0, subjectEnd(rest, registry))))) return undefined;
  const end = subjectEnd(rest, registry);
  if (end >= rest.length) return undefined;
  // After an opening clause, only a subject followed by its verb is read: the clause may have been misread.
  if (afterOpening && LINK_WORD.test(rest.slice(end).trim())) return undefined;
  const subject = trimListEnd(rest.slice(0, end));
  let names = unitNames(subject, registry).filter(Boolean);
  // "Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể": one group, written as a list of kinds.
  if (!names.every((n) => looksLikeUnit(n, registry)) && looksLikeUnit(subject, registry)) names = [subject];
  if (names.length === 0 || !names.every((n) => looksLikeUnit(n, registry))) return undefined;
  return { lead: names, predicate: rest.slice(end).trim(), introduced };
}

/**
 * An assignment inside a task's text rather than at its start: "(Giao X chủ trì, phối hợp với Y)", labels in
 * brackets "(Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian: Z)", or a later sentence "… . Giao X chủ trì …".
 */
export function bracketAssignment(text: string, registry?: UnitRegistry): { lead: string[]; support: string[]; at: number; length: number } | undefined {
  const m = /\((?:giao|đề nghị)\s+([^()]+?)\)/iu.exec(text);
  const inner = m ? sentenceAssignment(`Giao ${m[1]!}`, registry) : undefined;
  if (m && inner) return { lead: inner.lead, support: supportIn(inner.predicate, registry), at: m.index, length: m[0].length };
  const labelled = /\(([^()]*(?:chủ trì|thực hiện)\s*:[^()]*)\)/iu.exec(text);
  if (labelled) {
    const fields = new Map<string, string>();
    for (const part of labelled[1]!.split(/\s*;\s*|,\s*(?=(?:cơ quan |đơn vị )?(?:chủ trì|phối hợp|thời gian|thời hạn)[^:,;]{0,25}:)/iu)) {
      const label = labelledLine(part);
      if (label && !fields.has(label.field)) fields.set(label.field, label.value);
    }
    const lead = fields.get('lead');
    if (lead) {
      const support = fields.get('support');
      return { lead: unitNames(trimListEnd(lead), registry), support: support ? unitNames(trimListEnd(support), registry) : [], at: labelled.index, length: labelled[0].length };
    }
  }
  // "Xây dựng môi trường làm việc không khói thuốc. Giao Sở Nội vụ chủ trì …" (or "… . Sở Nội vụ chủ trì, phối hợp với …"):
  // the sentence after the task's names who.
  for (const later of text.matchAll(/(?<=[.;])\s+(\p{Lu}[\s\S]*)$/gu)) {
    const said = sentenceAssignment(later[1]!, registry);
    // "Đề nghị các sở, ban, ngành … khẩn trương thực hiện" closing a section names no one body: only a named unit, or one
    // that "chủ trì", takes the task before it.
    const named = said?.introduced ? /^(?:Giao|Đề nghị)\s+\p{Lu}/u.test(later[1]!) : /^chủ trì(?=[\s,;.]|$)/u.test(said?.predicate ?? '');
    if (said && named) return { lead: said.lead, support: supportIn(said.predicate, registry), at: later.index! + later[0].length - later[1]!.length, length: later[1]!.length };
  }
  return undefined;
}

/** Units after "phối hợp với" up to the verb that follows them. */
export function supportIn(text: string, registry?: UnitRegistry): string[] {
  // A unit may be written in lower case after "với": "phối hợp với trường Tiểu học Kim Đồng", "… với trạm Y tế xã".
  const m = /[Pp]hối hợp (?:chặt chẽ )?(?:với\s+)?(?=\p{Lu}|các\s|cơ quan|đơn vị|(?:trường|trạm|phòng|ban|hội|đoàn|sở|trung tâm|chi cục|hạt|đội|tổ|công an|bệnh viện)\s+\p{Lu})(.+)$/u.exec(text);
  if (!m) return [];
  const tail = m[1]!;
  // "(qua Sở X)" and "(Viettel, VNPT)" belong to the name; another parenthesis ends it.
  // "… về việc thí điểm cơ chế": the matter the partners work on, not part of a name.
  const cut = tail.search(/[;.:](?:\s|$)|\s\((?!qua\b|\p{Lu})|\svề việc\s/u);
  const span = cut === -1 ? tail : tail.slice(0, cut);
  const names = unitNames(span.slice(0, subjectEnd(span, registry)), registry);
  return names.filter((n) => looksLikeUnit(n, registry));
}
