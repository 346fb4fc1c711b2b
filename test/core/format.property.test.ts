// fmt is idempotent and never changes the data, on generated plans written in
// any key order, flow or block style, with comments and awkward strings.
import fc from 'fast-check';
import { Document, parseDocument, Scalar, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/core/format.js';

const WORDS = [
  'Phòng Tư pháp',
  'UBND xã An Lạc',
  'năm 2024',
  'trước ngày 20/5',
  'số: 12/KH',
  '#1',
  '- gạch',
  '"trích"',
  "it's",
  'hòa giải',
  'Hoà giải',
  '[x]',
  '{y}',
  'a: b',
  'thường xuyên',
  'yes',
  '1.10',
  'null',
  '  đầu',
  'cuối  ',
];
const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((ws) => ws.join(' ').trim() || 'x');
const date = fc.constantFrom('05/02/2024', '2024-03-01', '1/1/2024');

const taskArb = (id: string, depth: number): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(
      {
        title: text,
        body: text,
        points: fc.array(text, { minLength: 1, maxLength: 3 }),
        lead: fc.array(text, { minLength: 1, maxLength: 3 }),
        support: fc.array(text, { maxLength: 2 }),
        due: text,
        outputs: fc.array(fc.oneof(text, fc.record({ text, evidence: fc.array(fc.record({ number: text, date }, { requiredKeys: ['number'] }), { minLength: 1, maxLength: 2 }) })), {
          minLength: 1,
          maxLength: 3,
        }),
        status: fc.constantFrom('todo', 'doing', 'done', 'stopped'),
        done: date,
        note: text,
        progress: fc.array(fc.record({ unit: text, status: fc.constantFrom('todo', 'done'), done: date }, { requiredKeys: ['unit', 'status'] }), { minLength: 1, maxLength: 2 }),
        tasks: depth > 0 ? fc.array(fc.constant(null), { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
      },
      { requiredKeys: ['title'] },
    )
    .chain((t) => {
      const subs = Array.isArray(t.tasks) ? (t.tasks as null[]).map((_, i) => taskArb(`${id}.${String.fromCharCode(97 + i)}`, depth - 1)) : [];
      const rest = { ...t };
      delete rest.tasks;
      return (subs.length ? fc.tuple(...subs) : fc.constant([] as Record<string, unknown>[])).map((children) => ({ id, ...rest, ...(children.length ? { tasks: children } : {}) }));
    });

const planArb = fc
  .record({
    title: text,
    place: text,
    purposes: fc.array(text, { maxLength: 2 }),
    tasks: fc.integer({ min: 1, max: 3 }),
    duty: fc.boolean(),
  })
  .chain((p) =>
    fc.tuple(...Array.from({ length: p.tasks }, (_, i) => taskArb(`1.${i + 1}`, 1))).map((tasks) => ({
      number: '05/KH-UBND',
      issuer: { name: 'UBND huyện Sơn Động', level: 'district' },
      place: p.place,
      date: '05/02/2024',
      title: p.title,
      year: 2024,
      ...(p.purposes.length ? { purposes: p.purposes } : {}),
      groups: [{ id: '1', title: 'Nhiệm vụ', tasks }],
      ...(p.duty ? { duties: [{ id: 'bc', title: 'Báo cáo', by: ['Phòng Tư pháp'], to: 'UBND huyện', due: 'trước ngày 20/5', submissions: [{ unit: 'Phòng Tư pháp', date: '2024-05-10' }] }] } : {}),
    })),
  );

/** Write a plan the way a clerk might: shuffled keys, mixed styles, comments, blank lines. */
const writtenArb = planArb.chain((data) =>
  fc.record({ seed: fc.integer(), flow: fc.boolean(), width: fc.constantFrom(40, 80, 200), comments: fc.boolean() }).map(({ seed, flow, width, comments }) => {
    const doc = new Document(data);
    let n = seed;
    const next = () => (n = (n * 1103515245 + 12345) & 0x7fffffff);
    visit(doc, {
      Map(_, map) {
        if (next() % 2) map.items.reverse();
        if (flow && next() % 4 === 0) map.flow = true;
        if (comments && next() % 3 === 0 && map.items[0]) (map.items[map.items.length - 1]!.key as Scalar).commentBefore = ` ghi chú ${next() % 100}`;
      },
      Seq(_, seq) {
        if (flow && next() % 3 === 0) seq.flow = true;
        if (!seq.flow && comments && seq.items.length > 1 && next() % 2) (seq.items[1] as Scalar).spaceBefore = true;
      },
      Scalar(key, s) {
        if (key !== 'key' && typeof s.value === 'string') s.type = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_FOLDED][next() % 4] as Scalar.Type;
      },
    });
    return doc.toString({ lineWidth: width, indentSeq: next() % 2 === 0 });
  }),
);

describe('formatPlanText (properties)', () => {
  it('is idempotent and keeps the data and every comment', () => {
    fc.assert(
      fc.property(writtenArb, (src) => {
        const once = formatPlanText(src);
        if (!once.ok) throw new Error(`refused generated plan:\n${src}\n${JSON.stringify(once.diagnostics.map((d) => d.message.en))}`);
        const twice = formatPlanText(once.text);
        expect(twice.ok && twice.text).toBe(once.text);
        expect(twice.ok && twice.changed).toBe(false);
        expect(parseDocument(once.text).toJS()).toEqual(parseDocument(src).toJS());
        const comments = (t: string) => [...t.matchAll(/# ghi chú \d+/g)].map((m) => m[0]).sort();
        expect(comments(once.text)).toEqual(comments(src));
        for (const line of once.text.split('\n')) if (!/^\s*(- )?[\w]+: ".*"$/.test(line)) expect(line.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 150 },
    );
  });
});
