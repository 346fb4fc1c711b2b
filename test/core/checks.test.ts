import { describe, expect, it } from 'vitest';
import { checkYaml, codes, planYaml, UNITS_YAML } from '../helpers.js';

const task = (id: string, extra = '', indent = 6) =>
  `${' '.repeat(indent)}- id: "${id}"\n${' '.repeat(indent + 2)}title: Việc ${id}\n${' '.repeat(indent + 2)}lead: [Phòng Tư pháp]\n${' '.repeat(indent + 2)}due: năm 2024\n${' '.repeat(indent + 2)}outputs: [Báo cáo]${extra}`;

describe('units', () => {
  it('unknown unit suggests the nearest name, at the reference', () => {
    const yaml = planYaml(task('1.1').replace('[Phòng Tư pháp]', '[Phòng Tư Phap]'));
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['unknown-unit']);
    const d = diagnostics[0]!;
    expect(d.help!.vi).toContain('"Phòng Tư pháp"');
    expect(d.column).toBe(yaml.split('\n')[d.line! - 1]!.indexOf('Phòng Tư Phap') + 1);
  });
  it('names match whatever the case, normalisation or tone placement', () => {
    const yaml = planYaml(task('1.1').replace('[Phòng Tư pháp]', `[phòng văn hoá - thông tin, "${'UBND các xã, thị trấn'.normalize('NFD')}"]`));
    expect(checkYaml(yaml).diagnostics).toEqual([]);
  });
  it('a comma inside an unquoted flow list is explained', () => {
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('[Phòng Tư pháp]', '[Phòng Tư pháp, UBND các xã, thị trấn]')));
    expect(codes(diagnostics)).toEqual(['unknown-unit', 'unknown-unit']);
    expect(diagnostics[0]!.help!.en).toContain('"UBND các xã, thị trấn"');
    expect(diagnostics[0]!.help!.en).toContain('quote');
  });
  it('a district plan cannot direct a provincial department', () => {
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('[Phòng Tư pháp]', '[Sở Tư pháp]')));
    expect(codes(diagnostics)).toEqual(['lead-outside-authority']);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message.vi).toBe('"Sở Tư pháp" là đơn vị cấp tỉnh; kế hoạch của UBND huyện Sơn Động không giao chủ trì cho đơn vị cấp trên được');
  });
  it('a name for many units kept at the province level is not called a provincial unit', () => {
    const units = UNITS_YAML.replace('groups:', '  - name: UBND các huyện, thành phố\n    level: province\ngroups:');
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('[Phòng Tư pháp]', '["UBND các huyện, thành phố"]')), { units });
    expect(codes(diagnostics)).toEqual(['lead-outside-authority']);
    expect(diagnostics[0]!.message.vi).toBe(
      '"UBND các huyện, thành phố" là cách gọi chung các đơn vị mà văn bản cấp tỉnh giao việc (units.yaml ghi level: province), không phải một đơn vị cấp tỉnh; kế hoạch của UBND huyện Sơn Động không giao chủ trì cho các đơn vị này được',
    );
    expect(diagnostics[0]!.message.en).toBe(
      '"UBND các huyện, thành phố" names the many units a province-level document addresses (units.yaml: level province), not one province-level unit; a plan of UBND huyện Sơn Động cannot direct them to lead',
    );
  });
  it('a unit marked collective is a name for many units whatever its words ("Sở, ban, ngành tỉnh" has no "các")', () => {
    const units = UNITS_YAML.replace('groups:', '  - name: Sở, ban, ngành tỉnh\n    level: province\n    collective: true\ngroups:');
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('[Phòng Tư pháp]', '["Sở, ban, ngành tỉnh"]')), { units });
    expect(codes(diagnostics)).toEqual(['lead-outside-authority']);
    expect(diagnostics[0]!.message.vi).toMatch(/^"Sở, ban, ngành tỉnh" là cách gọi chung các đơn vị mà văn bản cấp tỉnh giao việc/);
  });
  it('a group is described by its members above the issuer', () => {
    const units = UNITS_YAML.replace('vague:', '  - name: các sở, ngành\n    members: [Sở Tư pháp, Phòng Tư pháp]\nvague:');
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('[Phòng Tư pháp]', '["các sở, ngành"]')), { units });
    expect(codes(diagnostics)).toEqual(['lead-outside-authority']);
    expect(diagnostics[0]!.message.vi).toMatch(/^nhóm "các sở, ngành" có đơn vị cấp tỉnh: Sở Tư pháp; /);
    expect(diagnostics[0]!.message.en).toMatch(/^group "các sở, ngành" includes province-level units: Sở Tư pháp; /);
  });
});

describe('tasks', () => {
  it('a leaf needs a lead unit, a parent does not', () => {
    const yaml = planYaml(`      - id: "1.1"\n        title: Cha\n        tasks:\n          - id: "1.1.a"\n            title: Con\n            due: năm 2024\n            outputs: [x]`);
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['missing-lead']);
    expect(diagnostics[0]!.message.en).toContain('1.1.a');
  });
  it('missing deadline is an error, missing deliverables a warning', () => {
    const yaml = planYaml(`      - id: "1.1"\n        title: Việc\n        lead: [Phòng Tư pháp]`);
    const { diagnostics } = checkYaml(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['missing-deadline', 'error'],
      ['missing-outputs', 'warning'],
    ]);
  });
  it('tasks of a plan with no deliverables are named in one warning, shown at the first; one task keeps its own sentence', () => {
    const bare = (id: string, outputs = '') => `      - id: "${id}"\n        title: Việc ${id}\n        lead: [Phòng Tư pháp]\n        due: năm 2024${outputs}`;
    const { diagnostics } = checkYaml(planYaml([bare('1.1'), bare('1.2', '\n        outputs: [x]'), bare('1.3'), bare('1.4')].join('\n')));
    expect(diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([['missing-outputs', 'groups.0.tasks.0.id']]);
    expect(diagnostics[0]!.message.vi).toBe('3 nhiệm vụ chưa ghi sản phẩm (1.1, 1.3, 1.4; ở đây là nhiệm vụ 1.1)');
    expect(diagnostics[0]!.message.en).toBe('3 tasks list no deliverables (1.1, 1.3, 1.4; shown here: task 1.1)');
    expect(diagnostics[0]!.help?.vi).toBe('thêm "outputs: [...]" vào từng nhiệm vụ đó để đơn vị biết phải nộp gì');
    const one = checkYaml(planYaml([bare('1.1', '\n        outputs: [x]'), bare('1.2')].join('\n'))).diagnostics;
    expect(one.map((d) => [d.message.vi, d.path?.join('.')])).toEqual([['nhiệm vụ 1.2 chưa ghi sản phẩm', 'groups.0.tasks.1.id']]);
  });
  it('a time kept as written (dueText) is a warning, not a missing deadline', () => {
    const yaml = planYaml(`      - id: "1.1"\n        title: Việc\n        lead: [Phòng Tư pháp]\n        dueText: Sau khi có hướng dẫn của Bộ\n        outputs: [x]`);
    const { diagnostics } = checkYaml(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['unread-deadline', 'warning']]);
    expect(diagnostics[0]!.message.vi).toContain('Sau khi có hướng dẫn của Bộ');
  });
  it('tasks whose source gives no time (dueText: không ghi trong văn bản) are named in one warning, not one each', () => {
    const untimed = (id: string, text: string) => `      - id: "${id}"\n        title: Việc ${id}\n        lead: [Phòng Tư pháp]\n        dueText: ${text}\n        outputs: [x]`;
    const yaml = planYaml([untimed('1.1', 'không ghi trong văn bản'), untimed('1.2', 'Không ghi trong  văn bản'), untimed('1.3', 'Sau khi có hướng dẫn của Bộ')].join('\n'));
    const { diagnostics } = checkYaml(yaml);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['unread-deadline', 'warning'],
      ['unread-deadline', 'warning'],
    ]);
    // It is shown at the first task: it says so, and how to find the others.
    expect(diagnostics[0]!.message.vi).toBe('2 nhiệm vụ không ghi thời gian trong văn bản (1.1, 1.2; ở đây là nhiệm vụ 1.1); không tính quá hạn');
    expect(diagnostics[0]!.help?.vi).toBe('các nhiệm vụ đó đều ghi "dueText: không ghi trong văn bản"; khi đã có thời hạn, ghi "due: …" và bỏ dueText');
    expect(diagnostics[0]!.help?.en).toBe('each of them says "dueText: không ghi trong văn bản"; once a deadline is set, write "due: …" and remove dueText');
    expect(diagnostics[1]!.message.vi).toContain('nhiệm vụ 1.3: thời gian "Sau khi có hướng dẫn của Bộ"');
    expect(diagnostics[0]!.message.en).toBe('2 tasks have no time in the source document (1.1, 1.2; shown here: task 1.1); they are never overdue');
    // One task is one, in English.
    const one = checkYaml(planYaml(untimed('1.1', 'không ghi trong văn bản'))).diagnostics;
    expect(one.map((d) => d.message.en)).toEqual(['1 task has no time in the source document (1.1); it is never overdue']);
    expect(one[0]!.help?.en).toBe('once a deadline is set, write "due: …" and remove dueText');
  });
  it('duplicate ids', () => {
    const { diagnostics } = checkYaml(planYaml(`${task('1.1')}\n${task('1.1')}`));
    expect(codes(diagnostics)).toContain('duplicate-id');
  });
  it('an id must continue its parent numbering', () => {
    const yaml = planYaml(`      - id: "1.2"\n        title: Cha\n        tasks:\n${task('1.3.a', '', 10)}`);
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['id-numbering']);
    expect(diagnostics[0]!.help!.vi).toContain('1.2.a');
  });
  it('under a Roman section, items are numbered afresh or after the section ("III.2"), never after another', () => {
    const roman = (ids: string[]) =>
      planYaml()
        .replace('  - id: "1"\n', '  - id: "III"\n')
        .replace(/id: "1\.1"/, `id: "${ids[0]}"`);
    expect(codes(checkYaml(roman(['III.2'])).diagnostics)).toEqual([]);
    expect(codes(checkYaml(roman(['2'])).diagnostics)).toEqual([]);
    expect(codes(checkYaml(roman(['II.2'])).diagnostics)).toEqual(['id-numbering']);
  });
  it('a table\'s group row inside a part ("II.III") or the appendix ("PL.III") numbers its items as a Roman section does', () => {
    const group = (id: string, task: string) =>
      planYaml()
        .replace('  - id: "1"\n', `  - id: "${id}"\n`)
        .replace(/id: "1\.1"/, `id: "${task}"`);
    expect(codes(checkYaml(group('II.III', '5')).diagnostics)).toEqual([]);
    expect(codes(checkYaml(group('PL.III', 'PL.III.1')).diagnostics)).toEqual([]);
    expect(codes(checkYaml(group('PL.III', 'III.1')).diagnostics)).toEqual(['id-numbering']);
    expect(codes(checkYaml(group('PL.2', '1')).diagnostics)).toEqual(['id-numbering']);
  });
  it('a group is Roman by the importer\'s one numeral test: "C" is a lettered group as "A" is, "IIII" no numeral', () => {
    const group = (id: string, task: string) =>
      planYaml()
        .replace('  - id: "1"\n', `  - id: "${id}"\n`)
        .replace(/id: "1\.1"/, `id: "${task}"`);
    for (const letter of ['A', 'C', 'IIII', 'CIVIL', 'PL.C']) {
      expect(codes(checkYaml(group(letter, `${letter}.1`)).diagnostics), letter).toEqual([]);
      expect(codes(checkYaml(group(letter, '1')).diagnostics), letter).toEqual(['id-numbering']);
    }
    for (const roman of ['IV', 'XIV', 'XXXIX', 'II.IX']) expect(codes(checkYaml(group(roman, '1')).diagnostics), roman).toEqual([]);
  });
  it('sub-items use legal letters in legal order', () => {
    const children = `${task('1.2.d', '', 10)}\n${task('1.2.đ', '', 10)}\n${task('1.2.f', '', 10)}`;
    const { diagnostics } = checkYaml(planYaml(`      - id: "1.2"\n        title: Cha\n        tasks:\n${children}`));
    expect(codes(diagnostics)).toEqual(['illegal-letter']);
    const swapped = `${task('1.2.đ', '', 10)}\n${task('1.2.d', '', 10)}`;
    expect(codes(checkYaml(planYaml(`      - id: "1.2"\n        title: Cha\n        tasks:\n${swapped}`)).diagnostics)).toEqual(['id-order']);
  });
  it('an impossible date in a deadline is located at the deadline', () => {
    const yaml = planYaml(task('1.1').replace('due: năm 2024', 'due: "31/02/2024"'));
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['invalid-deadline']);
    expect(diagnostics[0]!.line).toBe(yaml.split('\n').findIndex((l) => l.includes('31/02/2024')) + 1);
    expect(diagnostics[0]!.message.vi).toContain('31/02/2024');
  });
  it('a deadline outside the plan year is a warning', () => {
    const { diagnostics } = checkYaml(planYaml(task('1.1').replace('due: năm 2024', 'due: "05/02/2025"')));
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['deadline-outside-period', 'warning']]);
  });
  it("a dated deadline before the plan's date is a warning; so is a yearly one that is never due after it", () => {
    const early = checkYaml(planYaml(task('1.1').replace('due: năm 2024', 'due: "01/02/2024"'))).diagnostics;
    expect(early.map((d) => [d.code, d.severity])).toEqual([['deadline-before-plan', 'warning']]);
    expect(early[0]!.message.vi).toBe('thời hạn "01/02/2024" (01/02/2024) ở trước ngày ban hành kế hoạch (05/02/2024)');
    const never = checkYaml(planYaml(task('1.1').replace('due: năm 2024', 'due: "trước ngày 20/1"'))).diagnostics;
    expect(never.map((d) => [d.code, d.severity])).toEqual([['deadline-before-plan', 'warning']]);
    expect(never[0]!.message.en).toBe('deadline "trước ngày 20/1" (20/01/2024) is before the plan\'s date (05/02/2024); it is never due in the year 2024');
    expect(codes(checkYaml(planYaml(task('1.1').replace('due: năm 2024', 'due: "trước ngày 05/02"'))).diagnostics)).toEqual([]);
  });
  it('a completion date after today is an error', () => {
    const yaml = planYaml(task('1.1', '\n        status: done\n        done: "01/03/2024"'));
    expect(codes(checkYaml(yaml, { today: { year: 2024, month: 2, day: 1 } }).diagnostics)).toEqual(['date-in-future']);
    expect(codes(checkYaml(yaml, { today: { year: 2024, month: 3, day: 1 } }).diagnostics)).toEqual([]);
  });
});

describe('header', () => {
  it('warns on an unnumbered document, a partial date and a misspelt place', () => {
    const yaml = planYaml().replace('"05/KH-UBND"', '"/KH-UBND"').replace('"05/02/2024"', '"01/2024"').replace('place: Sơn Động', 'place: Sơn Đông');
    expect(codes(checkYaml(yaml).diagnostics)).toEqual(['incomplete-number', 'place-spelling', 'incomplete-date']);
  });
});

describe('the model’s texts are NFC', () => {
  it('a title whose marks are escapes, in a file whose own characters need no normalising', () => {
    // ệ written as e, U+0323 (dot below), U+0302 (circumflex): NFC composes them; the file's text itself is all composed.
    const yaml = planYaml(task('1.1').replace('title: Việc 1.1', 'title: "Vie\\u0323\\u0302c 1.1"'));
    expect(yaml).toContain('\\u0323');
    expect(checkYaml(yaml).plan!.groups[0]!.tasks[0]!.title).toBe('Việc 1.1'.normalize('NFC'));
  });
});
