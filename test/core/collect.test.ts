// plan collect's pure parts: markers written and read back, a returned
// document read into answers, documents and dates found in text, and the
// plan edit (new, same, replaced, older) that stays a valid plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { collectReport, findDate, findEvidence, readReturnedReport, type ReturnedDocument } from '../../src/core/collect.js';
import { applyCollected } from '../../src/core/collect-edit.js';
import { readMarkdown } from '../../src/collect/read-markdown.js';
import { parseUnits } from '../../src/core/load.js';
import { markdownProperties, markerProperties, readMarkdownProperties, readMarkerProperties, type ReportMarkers } from '../../src/core/report-markers.js';
import { checkYaml, codes, planYaml, UNITS_YAML } from '../helpers.js';

const MARKERS: ReportMarkers = { kind: 'unit-report', plans: [{ file: 'plan.yaml', number: '05/KH-UBND' }], period: '6m', year: 2024, unit: 'Phòng Tư pháp', tasks: [{ plan: 0, id: '1.1' }] };
const props = (m: ReportMarkers) => new Map(markerProperties(m).map((p) => [p.name, p.value]));

function returned(paragraphs: [string, string[]?][], markers = MARKERS): ReturnedDocument {
  return { properties: props(markers), paragraphs: paragraphs.map(([text, bookmarks]) => ({ text, bookmarks: bookmarks ?? [] })) };
}

const FILLED = returned([
  ['Số: 15/BC-TP'],
  ['Sơn Động, ngày 17 tháng 5 năm 2024'],
  ['1. Nhiệm vụ 1.1: Nhiệm vụ một (chủ trì)', ['kehoach_task_1']],
  ['Thời hạn: năm 2024 (31/12/2024)'],
  ['Tình trạng: Hoàn thành ngày 15/03/2024'],
  ['Sản phẩm:'],
  ['☐ Kế hoạch'],
  ['Đã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024.'],
  ['Tổ chức 3 hội nghị.'],
  ['II. TỒN TẠI, HẠN CHẾ', ['kehoach_end']],
  ['Không có tồn tại.'],
]);

describe('report markers', () => {
  it('read back what they wrote, through DOCX properties and Markdown comments alike', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.option(fc.constantFrom('todo', 'doing', 'done', 'stopped'), { nil: undefined })), { maxLength: 5 }),
        (unit, ids) => {
          const m: ReportMarkers = { ...MARKERS, unit, tasks: ids.map(([id, printed]) => ({ plan: 0, id, ...(printed ? { printed } : {}) })) };
          expect(readMarkerProperties(props(m))).toEqual({ ok: true, markers: m });
          const comment = markdownProperties(markerProperties(m));
          expect(comment.slice(4, -3)).not.toContain('--');
          expect(readMarkerProperties(readMarkdownProperties(`# x\n\n${comment}\n`))).toEqual({ ok: true, markers: m });
        },
      ),
    );
  });

  it('missing or damaged properties are a reason, not an exception', () => {
    expect(readMarkerProperties(new Map())).toMatchObject({ ok: false, reason: { en: expect.stringContaining('kehoach.* properties are gone') } });
    const bad = props(MARKERS);
    bad.set('kehoach.tasks', '[[7,"1.1"]]');
    expect(readMarkerProperties(bad)).toMatchObject({ ok: false, reason: { en: expect.stringContaining('damaged') } });
    // A printed status that is no status is no printed status (the task is still read).
    bad.set('kehoach.tasks', '[[0,"1.1","xong"]]');
    expect(readMarkerProperties(bad)).toMatchObject({ ok: true, markers: { tasks: [{ plan: 0, id: '1.1' }] } });
    expect(readMarkerProperties(bad).ok && 'printed' in readMarkerProperties(bad)).toBe(false);
  });
});

describe('reading a returned report', () => {
  it('finds number, date, the status with its date, the text under the task (skeleton lines left out) and the documents it names', () => {
    const r = readReturnedReport(FILLED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report).toMatchObject({ number: '15/BC-TP', date: { year: 2024, month: 5, day: 17 }, lost: [] });
    expect(r.report.answers).toEqual([
      {
        task: { plan: 0, id: '1.1' },
        status: { text: 'Hoàn thành ngày 15/03/2024', status: 'done' },
        done: { year: 2024, month: 3, day: 15 },
        text: 'Đã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024.\nTổ chức 3 hội nghị.',
        evidence: [{ number: '12/KH-UBND', date: { year: 2024, month: 3, day: 1 }, title: 'Kế hoạch' }],
      },
    ]);
  });

  it('English status words and a separate completion-date line', () => {
    const r = readReturnedReport(returned([['Done on 2024-03-15'], ['x', ['kehoach_task_1']], ['Status: In progress'], ['Completed on: 20/03/2024']]));
    expect(r.ok && r.report.answers[0]).toMatchObject({ status: { status: 'doing' }, done: { year: 2024, month: 3, day: 20 } });
  });

  it('status phrasings units write: "Đang triển khai", "Chưa triển khai" (refused as not understood before)', () => {
    const read = (line: string) => {
      const r = readReturnedReport(returned([['x', ['kehoach_task_1']], [line]]));
      return r.ok ? r.report.answers[0]?.status : undefined;
    };
    expect(read('Tình trạng: Đang triển khai')).toEqual({ text: 'Đang triển khai', status: 'doing' });
    expect(read('Tình trạng: Chưa triển khai')).toEqual({ text: 'Chưa triển khai', status: 'todo' });
    expect(read('Tình trạng: Hoàn tất ngày 20/05/2026')).toEqual({ text: 'Hoàn tất ngày 20/05/2026', status: 'done' });
    expect(read('Tình trạng: Đã triển khai')).toEqual({ text: 'Đã triển khai' });
  });

  it('dates and documents as clerks write them', () => {
    expect(findDate('ngày 5 tháng 2 năm 2024').date).toEqual({ year: 2024, month: 2, day: 5 });
    expect(findDate('ngày 31 tháng 2 năm 2024')).toEqual({ found: true });
    expect(findDate('không có ngày')).toEqual({ found: false });
    expect(findEvidence('Theo Quyết định số 407/QĐ-TTg ngày 30/3/2022 và Công văn số 15/UBND-TP, số 15/UBND-TP nữa').map((e) => e.number)).toEqual(['407/QĐ-TTg', '15/UBND-TP']);
  });
});

describe('recording a report in the plan', () => {
  const units = parseUnits('units.yaml', UNITS_YAML).value!;
  const text = planYaml(undefined, 'duties:\n  - id: "bc-6-thang"\n    title: Báo cáo 6 tháng\n    by: [Phòng Tư pháp]\n    to: UBND huyện\n    due: trước ngày 20/5\n    period: 6m\n');
  const plan = checkYaml(text).plan!;
  const asOf = { year: 2024, month: 6, day: 10 };
  const itemsOf = (doc: ReturnedDocument) => {
    const r = readReturnedReport(doc);
    if (!r.ok) throw new Error('unreadable');
    return collectReport(r.report, { plans: [plan], registry: units, asOf }).items;
  };

  it('writes the result, the lead status and the submission; the plan stays valid; the same report again is no change', () => {
    const first = applyCollected(text, itemsOf(FILLED), units);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.applied.map((a) => a.outcome)).toEqual(['new', 'new']);
    const after = checkYaml(first.text);
    expect(codes(after.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    const task = after.plan!.groups[0]!.tasks[0]!;
    expect(task).toMatchObject({ status: 'done', done: { year: 2024, month: 3, day: 15 } });
    expect(task.results[0]).toMatchObject({ report: '15/BC-TP', text: 'Đã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024.\nTổ chức 3 hội nghị.' });
    expect(after.plan!.duties[0]!.submissions[0]).toMatchObject({ date: { year: 2024, month: 5, day: 17 }, number: '15/BC-TP' });
    const again = applyCollected(first.text, itemsOf(FILLED), units);
    expect(again.ok && again.text).toBe(first.text);
    expect(again.ok && again.applied.map((a) => a.outcome)).toEqual(['same', 'same']);
  });

  it('a newer report replaces the record, an older one leaves it', () => {
    const first = applyCollected(text, itemsOf(FILLED), units);
    if (!first.ok) throw new Error('first');
    const newer = returned(FILLED.paragraphs.map((p) => [p.text.replace('ngày 17 tháng 5', 'ngày 19 tháng 5').replace('Tổ chức 3', 'Tổ chức 4'), p.bookmarks]));
    const second = applyCollected(first.text, itemsOf(newer), units);
    if (!second.ok) throw new Error('second');
    expect(second.applied.map((a) => a.outcome)).toEqual(['replaced', 'replaced']);
    const doc = parseDocument(second.text).toJS() as { groups: { tasks: { results: { text: string; date: string }[] }[] }[]; duties: { submissions: unknown[] }[] };
    expect(doc.groups[0]!.tasks[0]!.results).toHaveLength(1);
    expect(doc.groups[0]!.tasks[0]!.results[0]).toMatchObject({ date: '19/05/2024', text: expect.stringContaining('Tổ chức 4') });
    expect(doc.duties[0]!.submissions).toHaveLength(1);
    const third = applyCollected(second.text, itemsOf(FILLED), units);
    expect(third.ok && third.applied.map((a) => a.outcome)).toEqual(['older', 'older']);
    expect(third.ok && third.text).toBe(second.text);
  });

  it('a status left as the document printed it does not undo what the plan recorded since; its text is still news', () => {
    const first = applyCollected(text, itemsOf(FILLED), units);
    if (!first.ok) throw new Error('first');
    // A later document made when the task was not started, returned with the status untouched.
    const printedTodo = { ...MARKERS, tasks: [{ plan: 0, id: '1.1', printed: 'todo' as const }] };
    const untouched = (extra: string[]) =>
      returned(
        [
          ['Số: 16/BC-TP'],
          ['Sơn Động, ngày 19 tháng 5 năm 2024'],
          ['1. Nhiệm vụ 1.1: Nhiệm vụ một (chủ trì)', ['kehoach_task_1']],
          ['Tình trạng: Chưa thực hiện'],
          ...extra.map((t): [string] => [t]),
          ['II. TỒN TẠI', ['kehoach_end']],
        ],
        printedTodo,
      );
    const planNow = checkYaml(first.text).plan!;
    const items = (doc: ReturnedDocument) => {
      const r = readReturnedReport(doc);
      if (!r.ok) throw new Error('unreadable');
      return collectReport(r.report, { plans: [planNow], registry: units, asOf }).items;
    };
    expect(items(untouched([])).map((i) => i.kind)).toEqual(['submission']);
    const withText = items(untouched(['Tiếp tục tổ chức hội nghị.'])).filter((i) => i.kind === 'task');
    expect(withText).toHaveLength(1);
    expect(withText[0]).toMatchObject({ text: 'Tiếp tục tổ chức hội nghị.' });
    expect(withText[0]).not.toHaveProperty('status');
    // The same words where the unit changed the printed status are its answer.
    const changed = returned(
      untouched([]).paragraphs.map((p) => [p.text, p.bookmarks]),
      { ...MARKERS, tasks: [{ plan: 0, id: '1.1', printed: 'doing' }] },
    );
    expect(items(changed).find((i) => i.kind === 'task')).toMatchObject({ status: 'todo' });
  });

  it('boxes the unit ticked are kept in the result text, not those the report printed ticked; an emptied status says nothing', () => {
    const tasks = `      - id: "1.1"
        title: Nhiệm vụ một
        lead: [Phòng Tư pháp]
        due: năm 2024
        outputs:
          - Kế hoạch
          - Công văn
          - text: Báo cáo
            evidence:
              - number: "07/BC-TP"
          - Hội nghị`;
    const withOutputs = checkYaml(planYaml(tasks)).plan!;
    const doc = returned([
      ['Số: 15/BC-TP'],
      ['Sơn Động, ngày 17 tháng 5 năm 2024'],
      ['1. Nhiệm vụ 1.1: Nhiệm vụ một (chủ trì)', ['kehoach_task_1']],
      ['Tình trạng:'],
      ['Sản phẩm:'],
      ['☒ Kế hoạch'],
      ['✓ Công văn'],
      ['☑ Báo cáo: 07/BC-TP'],
      ['☐ Hội nghị'],
      ['II. TỒN TẠI', ['kehoach_end']],
    ]);
    const r = readReturnedReport(doc);
    if (!r.ok) throw new Error('unreadable');
    expect(r.report.answers[0]).toMatchObject({ ticked: ['Kế hoạch', 'Công văn', 'Báo cáo: 07/BC-TP'] });
    expect(r.report.answers[0]).not.toHaveProperty('status');
    const collected = collectReport(r.report, { plans: [withOutputs], registry: units, asOf });
    expect(collected.refusals).toEqual([]);
    const item = collected.items.find((i) => i.kind === 'task');
    expect(item).toMatchObject({ text: '☑ Kế hoạch\n☑ Công văn' });
    expect(item).not.toHaveProperty('status');
    // Markdown's [x] is a tick too.
    const md = readMarkdown('<!-- kehoach:bookmark kehoach_task_1 -->\n### 1. Nhiệm vụ 1.1\n\n- [x] Hội nghị\n- [ ] Kế hoạch\n');
    expect(readReturnedReport({ ...md, properties: props(MARKERS) })).toMatchObject({ ok: true, report: { answers: [{ ticked: ['Hội nghị'] }] } });
  });
});
