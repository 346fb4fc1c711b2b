// Splitting "các cơ quan, tổ chức huyện, UBND các xã, thị trấn" into the units
// it names. Commas also sit inside names, so a split is chosen, not forced:
// pieces cut at ", " / "; " / " và " are re-joined into the segmentation that
// names the most known units (units.yaml names, aliases, groups, vague
// phrases); text no known name covers is cut by a documented heuristic: a new
// unit starts at a piece whose first word is a unit head ("Sở", "Phòng",
// "UBND", "các", …), other pieces continue the previous name.
import { areaWordsOf } from '../core/text.js';
import { LISTED_KINDS, NOT_A_BODY, type UnitRegistry } from '../core/units.js';

const HEADS = [
  'ủy ban',
  'uỷ ban',
  'ubnd',
  'ubmttq',
  'mttq',
  'mặt trận',
  'hđnd',
  'hội đồng',
  'sở',
  'phòng',
  'ban',
  'bộ',
  'cục',
  'chi cục',
  'tổng cục',
  'văn phòng',
  'vp',
  'trung tâm',
  'thanh tra',
  'công an',
  'bộ chỉ huy',
  'ban chỉ huy',
  'bộ đội',
  'tòa án',
  'toà án',
  'viện',
  'kho bạc',
  'bảo hiểm',
  'đài',
  'báo',
  'thông tấn xã',
  'trường',
  'bệnh viện',
  'hội',
  'đoàn',
  'liên đoàn',
  'liên minh',
  'huyện đoàn',
  'tỉnh đoàn',
  'thành đoàn',
  'đảng ủy',
  'đảng uỷ',
  'huyện ủy',
  'huyện uỷ',
  'tỉnh ủy',
  'tỉnh uỷ',
  'thành ủy',
  'thành uỷ',
  'ngân hàng',
  'chi nhánh',
  'công ty',
  'tổng công ty',
  'các',
  'những',
  'cơ quan',
  'đơn vị',
  'tổ',
  'ủy',
  'bch',
  'cựu chiến binh',
  'lực lượng',
  'công chức',
  'cán bộ',
  'thôn',
  'tổ dân phố',
  'trạm',
  'vụ',
  'học viện',
  'đại học',
  'hạt kiểm lâm',
  'ban quản lý',
  'quỹ',
  'hợp tác xã',
  'đảng đoàn',
  'bưu điện',
  'cảng vụ',
];

const NOT_HEADS = new RegExp(`^${NOT_A_BODY}`, 'iu');

/**
 * The Government and its head are bodies only by their whole names: "Chính phủ điện tử của tỉnh", "Chính phủ số" are the
 * common words of digital-transformation plans, and "Thủ tướng Chính phủ về việc …" runs on past the name.
 */
const GOVERNMENT = 'chính phủ|thủ tướng(?: chính phủ)?';
const WHOLE_NAME_ONLY = new RegExp(`^(?:${GOVERNMENT})(?=\\s|,|$)`, 'u');
const WHOLE_NAME = new RegExp(`^(?:${GOVERNMENT})(?=,|$)`, 'u');

/** A kind of body alone, at most with its level ("Ban", "Ngành tỉnh", "Vụ thuộc Bộ"): a member of a list of kinds. */
const BARE_KIND = new RegExp(`^(?:${LISTED_KINDS}|địa phương)(?:\\s+(?:${areaWordsOf()}|thuộc\\s+\\S+))?$`, 'iu');

/** Titles of a body's head: "Bộ trưởng Bộ Công an" assigns to the ministry, "Trưởng các thôn" to the villages. */
export const HEAD_TITLE = /^(?:bộ trưởng|thủ trưởng|giám đốc|chủ tịch|chánh văn phòng|chánh thanh tra|trưởng ban|trưởng phòng|trưởng)\s+(?=\p{Lu}|các\s|cơ quan|ủy ban|uỷ ban)/iu;

/** Whether a piece of a list looks like the start of a new unit name. */
export function startsUnit(piece: string): boolean {
  const p = piece.trim().replace(HEAD_TITLE, '');
  const lower = p.toLowerCase();
  // Words that begin with a unit head but are verbs or common nouns: "báo cáo" is no newspaper ("Báo …"),
  // "ban hành" no board, "Phòng, chống thiên tai" no office, "Hội nghị" no association.
  if (NOT_HEADS.test(p)) return false;
  // A lower-case kind ("ban", "ngành", "đoàn thể") continues "các sở, ban, ngành": it names no body by itself;
  // nor does a kind in capitals with no name after it ("Các Sở, Ban, Ngành tỉnh": one collective, not "Ban, Ngành tỉnh").
  if (/^\p{Ll}+(?:\s\p{Ll}+)?$/u.test(p) && !/^(các|những)\s/u.test(p)) return false;
  if (BARE_KIND.test(p)) return false;
  if (WHOLE_NAME_ONLY.test(lower)) return WHOLE_NAME.test(lower);
  // "Sở, ban, ngành thuộc …": a kind followed by a comma starts the list of kinds.
  if (HEADS.some((h) => lower === h || lower.startsWith(`${h} `) || (lower.startsWith(`${h}, `) && /^\p{Lu}/u.test(p)))) {
    // "đơn vị", "cơ quan", "tổ chức" right after a comma continue "các cơ quan, đơn vị liên quan";
    // "cơ quan thông tấn báo chí", "cơ quan chuyên môn …" name bodies of their own.
    return !/^(đơn vị|cơ quan|tổ chức|tổ)(?=\s|$)/u.test(lower) || /^(cơ quan|đơn vị)\s+\p{Lu}/u.test(p) || /^cơ quan (thông tấn|báo chí|truyền thông|chuyên môn|thi hành án)/u.test(lower);
  }
  // An acronym such as "UBND", "HĐND", "VKSND".
  return /^\p{Lu}{2,}(?=[\s,;.]|$)/u.test(p);
}

interface Piece {
  text: string;
  /** The separator before this piece (empty for the first). */
  sep: string;
}

function cut(text: string): Piece[] {
  // Separators inside brackets ("các nhà mạng (Viettel, VNPT)") belong to the name.
  let depth = 0;
  const guarded = [...text]
    .map((c) => {
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (depth > 0 && (c === ',' || c === ';')) return '\u0000';
      return c;
    })
    .join('');
  const parts = guarded.split(/(\s*;\s*|,\s+|\s+và\s+)/u).map((x) => x.replace(/\u0000/g, ','));
  const pieces: Piece[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const t = parts[i]!.trim();
    const sep = i === 0 ? '' : parts[i - 1]!;
    if (t === '') continue;
    pieces.push({ text: t, sep });
  }
  return pieces;
}

/** The elected bodies an office serves: "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh" is one office. */
const BODY_END = /(?:HĐND|Hội đồng nhân dân|ĐBQH|Đoàn đại biểu Quốc hội)$/u;
const BODY_START = /^(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân)(?=\s|$)/u;

/** Whether piece k of a segment is one more body its "Văn phòng" serves, not a unit of its own. */
function servedBody(seg: Piece[], k: number): boolean {
  return /^văn phòng\s/iu.test(seg[0]!.text) && BODY_END.test(seg[k - 1]!.text) && BODY_START.test(seg[k]!.text);
}

/** A name that ends in its level word ("Ban Chỉ huy Quân sự xã", "Công an phường") is complete. */
const LEVEL_END = new RegExp(`\\s(?:${areaWordsOf()})$`, 'u');

/**
 * Whether piece k of a segment opens another unit: it starts like one, or it follows " và " after a name its level
 * word closed and is capitalised ("Công an phường và Tổ dân phố số 3"). "Sở Khoa học và Công nghệ", "Phòng Văn hóa và
 * Xã hội" stay one name: the piece before "và" has no level word.
 */
function opensUnit(seg: Piece[], k: number): boolean {
  const p = seg[k]!;
  if (startsUnit(p.text)) return true;
  return k > 0 && /^\s+và\s+$/u.test(p.sep) && LEVEL_END.test(seg[k - 1]!.text) && /^\p{Lu}/u.test(p.text);
}

function join(pieces: Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? p.text : `${p.sep}${p.text}`)).join('');
}

/** Trailing punctuation of a list ("…, thị trấn.") is not part of a name. */
export function trimListEnd(s: string): string {
  return s
    .trim()
    .replace(/\s*[.;,:]+$/u, '')
    .trim();
}

/** The unit names in a "chủ trì" / "phối hợp" value, as written. */
export function splitUnitList(text: string, registry?: UnitRegistry): string[] {
  const whole = trimListEnd(text);
  if (whole === '') return [];
  const pieces = cut(whole);
  const n = pieces.length;
  const known = (s: string) => registry?.lookup(s) !== undefined;
  // best[i]: cheapest segmentation of pieces[i..]; cost 0 per known name,
  // 1 per heuristic name, more than any heuristic split for a name it would not make.
  const best: { cost: number; segs: number; next: number }[] = new Array(n + 1);
  best[n] = { cost: 0, segs: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let choice = { cost: Infinity, segs: Infinity, next: n };
    for (let j = i + 1; j <= n; j++) {
      const seg = pieces.slice(i, j);
      const segText = join(seg);
      let cost: number;
      if (known(segText)) cost = 0;
      else {
        const heuristic = (i === 0 || opensUnit(pieces, i) || seg[0]!.sep.includes(';')) && seg.slice(1).every((p, k) => (!opensUnit(seg, k + 1) || servedBody(seg, k + 1)) && !p.sep.includes(';'));
        // A name the heuristic would not make costs more than any split it would make.
        cost = heuristic ? 1 : 2 * n + 5;
      }
      const rest = best[j]!;
      const total = cost + rest.cost;
      const segs = 1 + rest.segs;
      if (total < choice.cost || (total === choice.cost && segs < choice.segs)) choice = { cost: total, segs, next: j };
    }
    best[i] = choice;
  }
  const out: string[] = [];
  for (let i = 0; i < n; ) {
    const j = best[i]!.next;
    out.push(join(pieces.slice(i, j)));
    i = j;
  }
  return out.flatMap((name) => (known(name) ? [name] : namedPlaces(name)));
}

/** "các thôn Pác Luống, Nà Lầu", "các xã Tân Lập và Tân Hòa": places of one kind listed by their names. */
const NAMED_PLACES = new RegExp(`^(?:các|những)\\s+(${areaWordsOf()}|thôn|bản|ấp|xóm|làng|buôn|sóc|tổ dân phố|khu phố|khu dân cư)\\s+(\\p{Lu}.*)$`, 'u');
const PLACE_NAME = /^(?:\p{Lu}\p{Ll}*|\d+)(?:\s+(?:\p{Lu}\p{Ll}*|\d+))*$/u;

/** Places listed by name after their kind, each its own unit ("thôn Pác Luống", "thôn Nà Lầu"); any other name as it is. */
function namedPlaces(name: string): string[] {
  const m = NAMED_PLACES.exec(name);
  if (!m) return [name];
  const names = m[2]!.split(/\s*,\s*|\s+và\s+/u);
  return names.length >= 2 && names.every((n) => PLACE_NAME.test(n)) ? names.map((n) => `${m[1]} ${n}`) : [name];
}
