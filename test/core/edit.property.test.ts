// Issue 13 §1: `plan set` works on every layout `plan fmt` writes (folded >-,
// literal |, quoted, plain): fmt, then set a note, then fmt again gives the
// same text as formatting a plan that had the new note from the start, and
// the set itself changes no byte outside the edited value.
import fc from 'fast-check';
import { Document, isScalar, parseDocument, Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyTaskEdit } from '../../src/core/edit.js';
import { formatPlanText } from '../../src/core/format.js';

const WORDS = [
  'Phòng Tư pháp',
  'năm 2024',
  'trước ngày 20/5',
  'số: 12/KH',
  '#1',
  '- gạch',
  '"trích"',
  "it's",
  'hòa giải',
  '[x]',
  '{y}',
  'a: b',
  'yes',
  '1.10',
  'null',
  'đ',
  'ư',
  'rất dài về việc kiện toàn đội ngũ báo cáo viên pháp luật',
];
const words = (max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max }).map((ws) => ws.join(' '));
// Short and long notes: over 100 characters fmt folds them into a block.
const note = fc.oneof(words(3), words(30));
const styles = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL] as const;

function planText(notes: readonly string[], style: Scalar.Type): string {
  const doc = new Document({
    number: '05/KH-UBND',
    issuer: { name: 'UBND huyện Sơn Động', level: 'district' },
    date: '05/02/2024',
    place: 'Sơn Động',
    title: 'Kế hoạch',
    year: 2024,
    groups: [{ id: '1', title: 'Nhiệm vụ', tasks: notes.map((n, i) => ({ id: `1.${i + 1}`, title: `Việc ${i + 1}`, lead: ['Phòng Tư pháp'], note: n })) }],
  });
  const tasks = (doc.getIn(['groups', 0, 'tasks'], true) as { items: Document['contents'][] }).items;
  for (const t of tasks) {
    const n = (t as unknown as { get: (k: string, keep: true) => unknown }).get('note', true);
    if (isScalar(n)) n.type = style;
  }
  return doc.toString();
}

function fmt(text: string): string {
  const r = formatPlanText(text);
  if (!r.ok) throw new Error(`fmt refused:\n${text}\n${JSON.stringify(r.diagnostics.map((d) => d.message.en))}`);
  return r.text;
}

describe('fmt, then set note=, then fmt (property)', () => {
  it('keeps every other byte and the new value, whatever layout the note had', () => {
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 3 }), fc.constantFrom(...styles), fc.nat(), note, (notes, style, pick, newNote) => {
        const index = pick % notes.length;
        const id = `1.${index + 1}`;
        const formatted = fmt(planText(notes, style));
        const edited = applyTaskEdit(formatted, { taskId: id, note: newNote });
        if (!edited.ok) throw new Error(`set refused: ${edited.reason.en}\n${formatted}`);

        // Only the note's own value changed.
        const node = parseDocument(formatted).getIn(['groups', 0, 'tasks', index, 'note'], true) as Scalar;
        let prefix = 0;
        while (prefix < formatted.length && formatted[prefix] === edited.text[prefix]) prefix++;
        let suffix = 0;
        while (suffix < formatted.length - prefix && formatted[formatted.length - 1 - suffix] === edited.text[edited.text.length - 1 - suffix]) suffix++;
        if (formatted !== edited.text) {
          expect(prefix).toBeGreaterThanOrEqual(node.range![0]);
          expect(formatted.length - suffix).toBeLessThanOrEqual(node.range![2]);
        }
        expect(parseDocument(edited.text).getIn(['groups', 0, 'tasks', index, 'note'])).toBe(newNote);

        // And fmt afterwards lands on the layout of a plan written with the new
        // note in the style set gave it (a block becomes one line, fmt folds it again).
        const wanted = notes.map((n, i) => (i === index ? newNote : n));
        const styleAfter = (parseDocument(edited.text).getIn(['groups', 0, 'tasks', index, 'note'], true) as Scalar).type!;
        const others = planText(wanted, style);
        const sameStyle = parseDocument(others);
        (sameStyle.getIn(['groups', 0, 'tasks', index, 'note'], true) as Scalar).type = styleAfter;
        expect(fmt(edited.text)).toBe(fmt(sameStyle.toString()));
      }),
      { numRuns: 150 },
    );
  });
});
