import { describe, expect, it } from 'vitest';
import { diffPlans, diffWorkspaceData, matchTasks, titleSimilarity, type WorkspaceData } from '../../src/core/diff.js';
import { assembleWorkspace } from '../../src/core/workspace.js';
import { parseUnits } from '../../src/core/load.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { periodName } from '../render/period-names.js';
import { describeChange, renderDiffTerminal } from '../../src/render/diff-terminal.js';
import { checkYaml, planYaml, UNITS_YAML } from '../helpers.js';

const registry = parseUnits('units.yaml', UNITS_YAML).value!;
const calendar = buildWorkCalendar(undefined);
const RULES = { rulesBefore: { calendar }, rulesAfter: { calendar } };
const plan = (tasks: string, extra = '') => {
  const p = checkYaml(planYaml(tasks, extra)).plan;
  if (!p) throw new Error('bad plan');
  return p;
};

const BASE = `      - id: "1.1"
        title: Tuyên truyền pháp luật cho Nhân dân
        lead: [Phòng Tư pháp]
        due: năm 2024
        outputs: [Kế hoạch]
      - id: "1.2"
        title: Kiện toàn đội ngũ hòa giải viên ở cơ sở
        lead: [Phòng Tư pháp]
        support: [UBND xã An Lạc]
        due: thường xuyên`;

describe('diffPlans', () => {
  it('finds nothing between a plan and itself written differently', () => {
    const relaid = BASE.replace('lead: [Phòng Tư pháp]', 'lead:\n          - "phòng tư pháp"').replace('UBND xã An Lạc', 'ubnd xã an lạc');
    expect(diffPlans('p.yaml', plan(BASE), plan(relaid), { registry, ...RULES })).toEqual([]);
  });

  it('reports a moved deadline with resolved dates before and after', () => {
    const changes = diffPlans('p.yaml', plan(BASE), plan(BASE.replace('due: năm 2024', 'due: "30/06/2024"')), { registry, ...RULES });
    // 30/06/2024 is a Sunday: the limit ends on Monday 01/07 (Civil Code, art. 148), as show says.
    expect(changes).toEqual([
      {
        kind: 'deadline-changed',
        plan: 'p.yaml',
        id: '1.1',
        title: 'Tuyên truyền pháp luật cho Nhân dân',
        before: 'năm 2024',
        after: '30/06/2024',
        resolvedBefore: ['31/12/2024'],
        resolvedAfter: ['30/06/2024 → 01/07/2024'],
        // As show --json gives them: the day it ends, and the day written when a day off moved it.
        datesBefore: [{ kind: 'due', start: '2024-01-01', due: '2024-12-31' }],
        datesAfter: [{ kind: 'due', due: '2024-07-01', written: '2024-06-30' }],
      },
    ]);
  });

  it('reports units added and removed by canonical name', () => {
    const after = BASE.replace('support: [UBND xã An Lạc]', 'support: [UBND thị trấn An Châu]').replace(
      'lead: [Phòng Tư pháp]\n        due: năm',
      'lead: [Phòng Tư pháp, Phòng Dân tộc]\n        due: năm',
    );
    const kinds = diffPlans('p.yaml', plan(BASE), plan(after), { registry, ...RULES }).map((c) => [c.kind, c.id, c.unit]);
    expect(kinds).toEqual([
      ['lead-added', '1.1', 'Phòng Dân tộc'],
      ['support-added', '1.2', 'UBND thị trấn An Châu'],
      ['support-removed', '1.2', 'UBND xã An Lạc'],
    ]);
  });

  it('recognises a renumbered task by its title', () => {
    const inserted = `      - id: "1.1"
        title: Một việc hoàn toàn mới về chuyển đổi số
        lead: [Phòng Tư pháp]
${BASE.replace('id: "1.2"', 'id: "1.3"').replace('id: "1.1"', 'id: "1.2"')}`;
    const changes = diffPlans('p.yaml', plan(BASE), plan(inserted), { registry, ...RULES });
    expect(changes.map((c) => [c.kind, c.fromId ?? null, c.id])).toEqual([
      ['task-renumbered', '1.1', '1.2'],
      ['task-renumbered', '1.2', '1.3'],
      ['task-added', null, '1.1'],
    ]);
  });

  it('reports removed tasks, outputs, status and duties', () => {
    const duty = `duties:
  - id: bc
    title: Báo cáo
    by: [Phòng Tư pháp]
    to: UBND huyện
    due: trước ngày 20/5`;
    const before = plan(BASE, duty);
    const after = plan(
      BASE.replace(/ {6}- id: "1.2"[\s\S]*$/, '')
        .trimEnd()
        .replace('outputs: [Kế hoạch]', 'outputs: [Kế hoạch, Báo cáo]\n        status: doing'),
      `${duty}\n    submissions:\n      - {unit: Phòng Tư pháp, date: "10/05/2024"}\n  - id: bc2\n    title: Báo cáo năm\n    by: [Phòng Tư pháp]\n    to: UBND huyện\n    due: trước ngày 15/11`,
    );
    const changes = diffPlans('p.yaml', before, after, { registry, ...RULES });
    expect(changes.map((c) => [c.kind, c.id, c.field ?? null, c.after ?? null])).toEqual([
      ['task-removed', '1.2', null, null],
      ['outputs-changed', '1.1', null, ['Kế hoạch', 'Báo cáo']],
      ['status-changed', '1.1', null, 'doing'],
      ['duty-changed', 'bc', 'submissions', ['Phòng Tư pháp 10/05/2024']],
      ['duty-added', 'bc2', null, null],
    ]);
  });

  it("a unit's own progress: one that came, one that changed, one that went, each a status change of that unit", () => {
    const progress = (entries: string) => BASE.replace('support: [UBND xã An Lạc]', `support: [UBND xã An Lạc]\n        progress:\n${entries}`);
    const before = progress('          - {unit: Phòng Tư pháp, status: doing}\n          - {unit: UBND xã An Lạc, status: doing}');
    const after = progress('          - {unit: ubnd xã an lạc, status: done, done: "15/03/2024"}\n          - {unit: Phòng Dân tộc, status: todo}');
    expect(diffPlans('p.yaml', plan(before), plan(after), { registry, ...RULES }).map((c) => [c.kind, c.id, c.unit, c.before, c.after])).toEqual([
      ['status-changed', '1.2', 'UBND xã An Lạc', 'doing', 'done 15/03/2024'],
      ['status-changed', '1.2', 'Phòng Dân tộc', null, 'todo'],
      ['status-changed', '1.2', 'Phòng Tư pháp', 'doing', null],
    ]);
  });

  it('a result a unit reported (plan collect --apply) is a change, where the status stays too; in both languages', () => {
    const result = (text: string) =>
      BASE.replace(
        'outputs: [Kế hoạch]',
        `outputs: [Kế hoạch]\n        results:\n          - {unit: Phòng Tư pháp, period: 6m, year: 2024, report: "15/BC-TP", date: "17/05/2024", status: todo, text: ${text}}`,
      );
    const changes = diffPlans('p.yaml', plan(BASE), plan(result('Chưa có.')), { registry, ...RULES });
    expect(changes).toEqual([
      {
        kind: 'result-changed',
        plan: 'p.yaml',
        id: '1.1',
        title: 'Tuyên truyền pháp luật cho Nhân dân',
        unit: 'Phòng Tư pháp',
        period: '6m',
        year: 2024,
        before: null,
        after: 'todo; 15/BC-TP 17/05/2024: Chưa có.',
      },
    ]);
    expect(describeChange(changes[0]!, 'vi', periodName.vi)).toBe('nhiệm vụ 1.1 (Phòng Tư pháp): kết quả báo cáo kỳ 6 tháng đầu năm 2024 — → "chưa thực hiện; 15/BC-TP 17/05/2024: Chưa có."');
    const edited = diffPlans('p.yaml', plan(result('Chưa có.')), plan(result('Đã xây dựng dự thảo.')), { registry, ...RULES });
    expect(describeChange(edited[0]!, 'en', periodName.en)).toBe(
      'task 1.1 (Phòng Tư pháp): result reported for the first six months of 2024 "not started; 15/BC-TP 17/05/2024: Chưa có." → "not started; 15/BC-TP 17/05/2024: Đã xây dựng dự thảo."',
    );
    expect(diffPlans('p.yaml', plan(result('Chưa có.')), plan(BASE), { registry, ...RULES }).map((c) => [c.kind, c.after])).toEqual([['result-changed', null]]);
    expect(diffPlans('p.yaml', plan(result('Chưa có.')), plan(result('Chưa có.')), { registry, ...RULES })).toEqual([]);
  });

  it('a plan present on one side only', () => {
    expect(diffPlans('p.yaml', undefined, plan(BASE), RULES)[0]!.kind).toBe('plan-added');
    expect(diffPlans('p.yaml', plan(BASE), undefined, RULES)[0]!.kind).toBe('plan-removed');
  });

  it('title similarity and matching', () => {
    expect(titleSimilarity('Kiện toàn đội ngũ hòa giải viên', 'Kiện toàn đội ngũ hoà giải viên')).toBe(1);
    expect(titleSimilarity('abc', 'xyz')).toBe(0);
    const p = plan(BASE);
    const m = matchTasks(p.groups[0]!.tasks, p.groups[0]!.tasks);
    expect(m.matched.length).toBe(2);
  });
});

describe('diffPlans: the header and the rules that move dates', () => {
  const duty = `duties:
  - id: bao-cao-nam
    title: Báo cáo kết quả năm
    by: [UBND xã An Lạc]
    to: Phòng Tư pháp
    due: trước ngày 10/03`;

  it('a change of year alone is reported, with every deadline and duty that moves with it', () => {
    const before = plan(BASE, duty);
    const after = checkYaml(planYaml(BASE, duty).replace('year: 2024', 'year: 2025')).plan!;
    const changes = diffPlans('p.yaml', before, after, { registry, ...RULES });
    expect(changes.find((c) => c.kind === 'header-changed')).toMatchObject({ field: 'year', before: '2024', after: '2025' });
    // "năm 2024" names its year and stays; "trước ngày 10/03" falls in the plan's year and moves.
    expect(changes.some((c) => c.kind === 'deadline-changed' && c.id === '1.1')).toBe(false);
    expect(changes.find((c) => c.kind === 'duty-changed' && c.id === 'bao-cao-nam')).toMatchObject({ field: 'due', resolvedBefore: ['10/03/2024 → 11/03/2024'], resolvedAfter: ['10/03/2025'] });
  });

  it('number, date, place, issuer and title are fields of their own', () => {
    const text = planYaml(BASE);
    const after = checkYaml(
      text
        .replace('05/KH-UBND', '07/KH-UBND')
        .replace('date: "05/02/2024"', 'date: "07/02/2024"')
        .replace('place: Sơn Động', 'place: An Lạc')
        .replace('name: UBND huyện Sơn Động', 'name: UBND huyện Lục Nam')
        .replace('title: Kế hoạch thử', 'title: Kế hoạch khác'),
    ).plan!;
    const fields = diffPlans('p.yaml', plan(BASE), after, { registry, ...RULES })
      .filter((c) => c.kind === 'header-changed')
      .map((c) => c.field);
    expect(fields.sort()).toEqual(['date', 'issuer', 'number', 'place', 'title']);
  });

  it('strictBefore: "trước ngày 10/03" is 09/03, as show and overdue read it', () => {
    const strict = { calendar, strictBefore: true };
    const before = plan(BASE, duty);
    const after = checkYaml(planYaml(BASE, duty).replace('due: trước ngày 10/03', 'due: trước ngày 20/03')).plan!;
    const change = diffPlans('p.yaml', before, after, { registry, rulesBefore: strict, rulesAfter: strict }).find((c) => c.kind === 'duty-changed' && c.field === 'due');
    // 09/03/2024 is a Saturday: the limit ends on Monday 11/03, as the issue's show and overdue say.
    expect(change).toMatchObject({ resolvedBefore: ['09/03/2024 → 11/03/2024'], resolvedAfter: ['19/03/2024'] });
  });
});

describe('diffWorkspaceData: units, settings and calendar', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const TASKS = `${BASE}
      - id: "1.3"
        title: Rà soát văn bản ở các xã
        lead: ["UBND các xã, thị trấn"]
        due: "05/03/2024"`;
  /** One side as the one loader reads it, with the plan's tasks naming the units. */
  const side = (files: { units?: string; calendar?: string; settings?: string } = {}): { data: WorkspaceData; rules: { calendar: ReturnType<typeof buildWorkCalendar>; strictBefore: boolean } } => {
    const ws = assembleWorkspace(
      {
        plans: [
          {
            file: 'p.yaml',
            bytes: bytes(
              planYaml(
                TASKS,
                `duties:\n  - id: bc\n    title: Báo cáo\n    by: [Phòng Tư pháp]\n    to: UBND huyện\n    due: trước ngày 10/03\n  - id: bc2\n    title: Báo cáo nhanh\n    by: [Phòng Dân tộc]\n    to: UBND huyện\n    due: trước ngày 13/03`,
              ),
            ),
          },
        ],
        units: { file: 'units.yaml', bytes: bytes(files.units ?? UNITS_YAML) },
        unitsFile: 'units.yaml',
        dataDir: '.',
        ...(files.calendar ? { calendar: { file: 'calendar.yaml', bytes: bytes(files.calendar) } } : {}),
        ...(files.settings ? { settings: { file: 'settings.yaml', bytes: bytes(files.settings) } } : {}),
        problems: [],
      },
      {},
    );
    expect(ws.plans).toHaveLength(1);
    return {
      data: {
        registry: ws.registry,
        calendar: ws.calendar,
        settings: ws.settings,
        unitsFile: 'units.yaml',
        calendarFile: 'calendar.yaml',
        settingsFile: 'settings.yaml',
        plans: [{ file: 'p.yaml', plan: ws.plans[0]! }],
      },
      rules: { calendar: ws.calendar, strictBefore: ws.settings.strictBefore },
    };
  };

  it('finds nothing between a workspace and itself', () => {
    expect(diffWorkspaceData(side().data, side().data)).toEqual([]);
  });

  it('a renamed unit (its old name kept as an alias) is one change, listing the tasks and duties that name it', () => {
    const renamed = UNITS_YAML.replace('  - name: Phòng Tư pháp\n', '  - name: Phòng Tư pháp huyện\n    aliases: [Phòng Tư pháp]\n');
    const changes = diffWorkspaceData(side().data, side({ units: renamed }).data);
    expect(changes).toEqual([
      {
        kind: 'unit-renamed',
        plan: 'units.yaml',
        unit: 'Phòng Tư pháp huyện',
        before: 'Phòng Tư pháp',
        after: 'Phòng Tư pháp huyện',
        affects: [{ plan: 'p.yaml', tasks: ['1.1', '1.2'], duties: ['bc'] }],
      },
    ]);
    expect(renderDiffTerminal(changes, 'en', 'A → B', periodName.en)).toContain('\n1 change\n');
    // Names swapped (the alias becomes the name, the name an alias) is a rename too; another alias added with it is a change of its own.
    const swapped = renamed.replace('  - name: Phòng Tư pháp huyện\n    aliases: [Phòng Tư pháp]\n', '  - name: Phòng Tư pháp\n    aliases: [Phòng Tư pháp huyện, PTP]\n');
    expect(diffWorkspaceData(side({ units: renamed }).data, side({ units: swapped }).data).map((c) => [c.kind, c.field ?? null, c.added ?? null, c.removed ?? null])).toEqual([
      ['unit-renamed', null, null, null],
      ['unit-changed', 'aliases', ['PTP'], []],
    ]);
  });

  it('a dropped alias lists the tasks and duties written with it, which no longer reach the unit', () => {
    const before = UNITS_YAML.replace('  - name: Phòng Tư pháp\n', '  - name: Phòng Tư pháp huyện\n    aliases: [Phòng Tư pháp]\n');
    const after = UNITS_YAML.replace('  - name: Phòng Tư pháp\n', '  - name: Phòng Tư pháp huyện\n');
    const changes = diffWorkspaceData(side({ units: before }).data, side({ units: after }).data);
    expect(changes.find((c) => c.field === 'aliases')).toEqual({
      kind: 'unit-changed',
      plan: 'units.yaml',
      unit: 'Phòng Tư pháp huyện',
      field: 'aliases',
      before: ['Phòng Tư pháp'],
      after: [],
      added: [],
      removed: ['Phòng Tư pháp'],
      affects: [{ plan: 'p.yaml', tasks: ['1.1', '1.2'], duties: ['bc'] }],
    });
    // Tasks and duties are counted apart.
    expect(renderDiffTerminal(changes, 'vi', 'A → B', periodName.vi)).toContain('đơn vị Phòng Tư pháp huyện: tên khác bỏ "Phòng Tư pháp" (2 nhiệm vụ, 1 nghĩa vụ báo cáo: p.yaml 1.1, 1.2, bc)');
    expect(renderDiffTerminal(changes, 'en', 'A → B', periodName.en)).toContain('unit Phòng Tư pháp huyện: aliases removed "Phòng Tư pháp" (2 tasks, 1 duty: p.yaml 1.1, 1.2, bc)');
  });

  it('units added and removed, a symbol set, and a group whose members change who does its tasks', () => {
    const after = UNITS_YAML.replace('  - name: Phòng Dân tộc\n    level: district\n', '')
      .replace('  - name: Sở Tư pháp\n', '  - name: Sở Tư pháp\n    symbol: STP\n')
      .replace('  - name: UBND thị trấn An Châu\n    level: commune\n', '  - name: UBND thị trấn An Châu\n    level: commune\n  - name: UBND xã Vân Sơn\n    level: commune\n')
      .replace('members: [UBND xã An Lạc, UBND thị trấn An Châu]', 'members: [UBND xã An Lạc, UBND thị trấn An Châu, UBND xã Vân Sơn]')
      .replace('members: [Phòng Tư pháp, Phòng Dân tộc, Phòng Văn hóa – Thông tin]', 'members: [Phòng Tư pháp, Phòng Văn hóa – Thông tin]');
    const changes = diffWorkspaceData(side().data, side({ units: after }).data);
    // before/after are the whole lists, as for aliases; added/removed what changed.
    expect(changes.map((c) => [c.kind, c.unit, c.field ?? null, c.before ?? null, c.after ?? null, c.added ?? null, c.removed ?? null])).toEqual([
      ['unit-removed', 'Phòng Dân tộc', null, null, null, null, null],
      ['unit-changed', 'Sở Tư pháp', 'symbol', '', 'STP', null, null],
      ['unit-changed', 'UBND các xã, thị trấn', 'members', ['UBND xã An Lạc', 'UBND thị trấn An Châu'], ['UBND xã An Lạc', 'UBND thị trấn An Châu', 'UBND xã Vân Sơn'], ['UBND xã Vân Sơn'], []],
      ['unit-changed', 'các cơ quan, tổ chức huyện', 'members', ['Phòng Tư pháp', 'Phòng Dân tộc', 'Phòng Văn hóa – Thông tin'], ['Phòng Tư pháp', 'Phòng Văn hóa – Thông tin'], [], ['Phòng Dân tộc']],
      ['unit-added', 'UBND xã Vân Sơn', null, null, null, null, null],
    ]);
    expect(describeChange(changes[2]!, 'en', periodName.en)).toBe('group UBND các xã, thị trấn: members added "UBND xã Vân Sơn" (1 task: p.yaml 1.3)');
    expect(describeChange(changes[3]!, 'en', periodName.en)).toMatch(/^group các cơ quan, tổ chức huyện: members removed "Phòng Dân tộc" \(/);
    expect(describeChange(changes[3]!, 'vi', periodName.vi)).toMatch(/^nhóm các cơ quan, tổ chức huyện: thành viên bỏ "Phòng Dân tộc" \(/);
    // The commune that joined the group now has task 1.3.
    expect(changes[2]!.affects).toEqual([{ plan: 'p.yaml', tasks: ['1.3'], duties: [] }]);
    expect(changes[4]!.affects).toEqual([{ plan: 'p.yaml', tasks: ['1.3'], duties: [] }]);
  });

  it('a removed unit the plans still name: those tasks and duties, and a warning that plan check will fail', () => {
    const after = UNITS_YAML.replace('  - name: Phòng Dân tộc\n', '  - name: Phòng Dân tộc huyện\n');
    const changes = diffWorkspaceData(side().data, side({ units: after }).data);
    const removed = changes.find((c) => c.kind === 'unit-removed');
    // Duty bc2 is written "Phòng Dân tộc": it now names no unit.
    expect(removed).toMatchObject({ unit: 'Phòng Dân tộc', stillNamed: [{ plan: 'p.yaml', tasks: [], duties: ['bc2'] }] });
    expect(describeChange(removed!, 'vi', periodName.vi)).toContain(
      '; 1 nghĩa vụ báo cáo vẫn nêu tên đơn vị này, nay không có trong units.yaml: plan check sẽ báo lỗi (nếu là đổi tên, ghi tên cũ vào aliases của tên mới)',
    );
    expect(describeChange(removed!, 'en', periodName.en)).toContain('; 1 duty still names it, no longer in units.yaml: plan check will fail');
    // Kept as an alias, it is a rename and nothing dangles.
    const renamed = diffWorkspaceData(side().data, side({ units: after.replace('  - name: Phòng Dân tộc huyện\n', '  - name: Phòng Dân tộc huyện\n    aliases: [Phòng Dân tộc]\n') }).data);
    expect(renamed.map((c) => [c.kind, c.unit, c.field ?? null, c.stillNamed])).toEqual([['unit-renamed', 'Phòng Dân tộc huyện', null, undefined]]);
  });

  it('strictBefore in settings: the setting, and each deadline whose last day it moves, with its dates before and after', () => {
    const before = side();
    const after = side({ settings: 'strictBefore: true\n' });
    expect(diffWorkspaceData(before.data, after.data)).toEqual([{ kind: 'setting-changed', plan: 'settings.yaml', field: 'strictBefore', before: false, after: true }]);
    const moved = diffPlans('p.yaml', before.data.plans[0]!.plan, after.data.plans[0]!.plan, { registry, rulesBefore: before.rules, rulesAfter: after.rules });
    // "trước ngày 10/03": Sunday 10/03 or Saturday 09/03, the limit ends on Monday 11/03 either way (as show
    // --json says), so duty bc is not listed; "trước ngày 13/03" (a Wednesday) now ends on Tuesday 12/03.
    expect(moved).toEqual([
      {
        kind: 'duty-changed',
        plan: 'p.yaml',
        id: 'bc2',
        title: 'Báo cáo nhanh',
        field: 'due',
        before: 'trước ngày 13/03',
        after: 'trước ngày 13/03',
        resolvedBefore: ['13/03/2024'],
        resolvedAfter: ['12/03/2024'],
        datesBefore: [{ kind: 'due', due: '2024-03-13' }],
        datesAfter: [{ kind: 'due', due: '2024-03-12' }],
      },
    ]);
  });

  it('a day off removed is a working day again, unless it falls on a weekend', () => {
    const off = (date: string) => side({ calendar: `years:\n  2024:\n    off:\n      - {date: ${date}, name: "Nghỉ thử"}\n` });
    const [sunday] = diffWorkspaceData(off('10/03/2024').data, side().data);
    expect(sunday).toMatchObject({ kind: 'day-off-removed', date: '10/03/2024', stillOff: { vi: '10/03/2024 là Chủ nhật', en: '10/03/2024 is a Sunday' } });
    expect(describeChange(sunday!, 'vi', periodName.vi)).toBe('bỏ ngày nghỉ 10/03/2024 (Nghỉ thử): vẫn nghỉ, 10/03/2024 là Chủ nhật');
    const [tuesday] = diffWorkspaceData(off('12/03/2024').data, side().data);
    expect(tuesday!.stillOff).toBeUndefined();
    expect(describeChange(tuesday!, 'en', periodName.en)).toBe('day off removed 12/03/2024 (Nghỉ thử): a working day');
  });

  it('a swapped day off removed while its make-up Saturday stays: the Saturday is named', () => {
    const swap = (off: string) =>
      side({
        calendar: `years:\n  2024:\n${off ? `    off:\n${off}` : ''}    work:\n      - {date: 04/05/2024, name: "Làm bù cho ngày 29/04/2024"}\n      - {date: 11/05/2024, name: "Làm bù đợt khác"}\n`,
      });
    const changes = diffWorkspaceData(swap('      - {date: 29/04/2024, name: "Nghỉ hoán đổi"}\n').data, swap('').data);
    expect(changes).toEqual([
      {
        kind: 'day-off-removed',
        plan: 'calendar.yaml',
        date: '29/04/2024',
        before: 'Nghỉ hoán đổi',
        after: null,
        makeUpKept: [{ date: '04/05/2024', name: 'Làm bù cho ngày 29/04/2024' }],
      },
    ]);
    expect(describeChange(changes[0]!, 'vi', periodName.vi)).toBe(
      'bỏ ngày nghỉ 29/04/2024 (Nghỉ hoán đổi): là ngày làm việc; ngày làm bù 04/05/2024 (Làm bù cho ngày 29/04/2024) vẫn còn trong calendar.yaml: bỏ cả ngày làm bù nếu không còn hoán đổi',
    );
    expect(describeChange(changes[0]!, 'en', periodName.en)).toBe(
      'day off removed 29/04/2024 (Nghỉ hoán đổi): a working day; the make-up working day 04/05/2024 (Làm bù cho ngày 29/04/2024) is still in calendar.yaml: remove it too if the swap is gone',
    );
    // The tie may be written on the day off instead ("làm bù thứ Bảy 11/5").
    const [cited] = diffWorkspaceData(swap('      - {date: 30/05/2024, name: "Nghỉ hoán đổi (làm bù thứ Bảy 11/5)"}\n').data, swap('').data);
    expect(cited!.makeUpKept).toEqual([{ date: '11/05/2024', name: 'Làm bù đợt khác' }]);
    // Both days removed together: nothing left half-done.
    const whole = diffWorkspaceData(swap('      - {date: 29/04/2024, name: "Nghỉ hoán đổi"}\n').data, side({ calendar: 'years:\n  2024:\n    work: []\n' }).data);
    expect(whole.find((c) => c.kind === 'day-off-removed')!.makeUpKept).toBeUndefined();
  });

  it('a day off announced in calendar.yaml, and the task whose deadline it moves', () => {
    const before = side();
    const after = side({ calendar: 'years:\n  2024:\n    off:\n      - {date: 05/03/2024, name: "Nghỉ bão"}\n    work:\n      - {date: 10/03/2024, name: "Làm bù"}\n' });
    expect(diffWorkspaceData(before.data, after.data)).toEqual([
      { kind: 'day-off-added', plan: 'calendar.yaml', date: '05/03/2024', before: null, after: 'Nghỉ bão' },
      { kind: 'working-day-added', plan: 'calendar.yaml', date: '10/03/2024', before: null, after: 'Làm bù' },
    ]);
    const moved = diffPlans('p.yaml', before.data.plans[0]!.plan, after.data.plans[0]!.plan, { registry, rulesBefore: before.rules, rulesAfter: after.rules });
    expect(moved.map((c) => [c.kind, c.id, c.resolvedBefore, c.resolvedAfter])).toEqual([
      ['deadline-changed', '1.3', ['05/03/2024'], ['05/03/2024 → 06/03/2024']],
      // Sunday 10/03 is now a working day: "trước ngày 10/03" no longer moves to Monday.
      ['duty-changed', 'bc', ['10/03/2024 → 11/03/2024'], ['10/03/2024']],
    ]);
  });

  it('a day off the law makes is named in English with --lang en; an announced one as calendar.yaml writes it', () => {
    // 2024 recorded with nothing announced: the law's National Day break (02/9 and the adjacent Sunday 01/9, made up on 03/9).
    const before = side({ calendar: 'years:\n  2024:\n    work: []\n' });
    const after = side({ calendar: 'years:\n  2024:\n    off:\n      - {from: 02/09/2024, to: 03/09/2024, name: "Nghỉ Quốc khánh"}\n' });
    const changes = diffWorkspaceData(before.data, after.data);
    const removed = changes.find((c) => c.kind === 'day-off-removed' && c.date === '01/09/2024')!;
    expect(removed).toMatchObject({ before: 'Quốc khánh (nghỉ liền kề, 01/9)', nameEn: 'National Day (adjacent day, 1 September)' });
    expect(describeChange(removed, 'en', periodName.en)).toContain('(National Day (adjacent day, 1 September))');
    expect(describeChange(removed, 'vi', periodName.vi)).toContain('(Quốc khánh (nghỉ liền kề, 01/9))');
    for (const c of changes) expect(describeChange(c, 'en', periodName.en), JSON.stringify(c)).not.toMatch(/nghỉ liền kề|Nghỉ bù/);
  });
});
