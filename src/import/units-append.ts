// Proposed additions to units.yaml, and the text that adds them: new lines
// inserted at the end of the "units:" (or "vague:") list, every existing byte
// kept. Pure: text in, text out.
import { isMap, isSeq, parseDocument } from 'yaml';
import { Document } from 'yaml';

export interface UnitProposal {
  name: string;
  kind: 'unit' | 'vague';
  level?: 'province' | 'district' | 'commune';
}

/** A guess at what an unknown name is: "… có liên quan" / "các …" phrases are vague, others units. */
export function proposeUnit(name: string): UnitProposal {
  const lower = name.toLowerCase();
  if (/liên quan|^các |^những /u.test(lower)) return { name, kind: 'vague' };
  const word = (w: string) => new RegExp(`(^|\\s)(${w})(?=\\s|$)`, 'u').test(lower);
  const level = word('xã|phường|thị trấn|đặc khu') && /^(ubnd|ủy ban|uỷ ban)/u.test(lower)
    ? 'commune'
    : /^sở /u.test(lower) || word('tỉnh')
      ? 'province'
      : word('huyện|quận|thị xã')
        ? 'district'
        : undefined;
  return { name, kind: 'unit', ...(level ? { level } : {}) };
}

function itemLines(p: UnitProposal, indent: string): string {
  // The yaml library quotes what needs quoting.
  const scalar = (s: string) => new Document(s).toString().trimEnd();
  if (p.kind === 'vague') return `${indent}- ${scalar(p.name)}\n`;
  return `${indent}- name: ${scalar(p.name)}\n${p.level ? `${indent}  level: ${p.level}\n` : ''}`;
}

const STAMP = '# thêm bởi plan import, cần kiểm tra (added by plan import, please check)';

/** units.yaml text with the proposals added; existing text is unchanged byte for byte. */
export function appendUnits(source: string, proposals: UnitProposal[]): string {
  if (proposals.length === 0) return source;
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(source);
  const inserts: { at: number; text: string }[] = [];
  let tail = '';
  for (const kind of ['unit', 'vague'] as const) {
    const items = proposals.filter((p) => p.kind === kind);
    if (items.length === 0) continue;
    const key = kind === 'unit' ? 'units' : 'vague';
    const seq = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    if (isSeq(seq) && seq.range && seq.items.length > 0) {
      const first = seq.items[0] as { range?: [number, number, number] };
      const lineStart = source.lastIndexOf('\n', (first.range?.[0] ?? seq.range[0]) - 1) + 1;
      const dash = source.lastIndexOf('-', first.range?.[0] ?? seq.range[0]);
      const indent = ' '.repeat(Math.max(0, dash - lineStart));
      // After the line where the list's last value ends.
      const endOfValue = seq.range[1];
      const nl = source.indexOf('\n', Math.max(0, endOfValue - 1));
      const at = nl === -1 ? source.length : nl + 1;
      const text = `${indent}${STAMP}\n${items.map((p) => itemLines(p, indent)).join('')}`;
      inserts.push({ at, text: eol === '\n' ? text : text.replace(/\n/g, eol) });
    } else {
      tail += `${key}:\n  ${STAMP}\n${items.map((p) => itemLines(p, '  ')).join('')}`;
    }
  }
  let out = source;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) {
    const before = out.slice(0, ins.at);
    out = `${before}${before.endsWith('\n') || before === '' ? '' : eol}${ins.text}${out.slice(ins.at)}`;
  }
  if (tail) out = `${out}${out.endsWith('\n') ? '' : eol}${eol === '\n' ? tail : tail.replace(/\n/g, eol)}`;
  return out;
}
