import { describe, expect, it } from 'vitest';
import { assembleWorkspace, planCheckerFor, readAhead } from '../../src/core/workspace.js';
import { checkYaml, codes, planYaml, UNITS_YAML } from '../helpers.js';

const lineOf = (yaml: string, needle: string) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a valid plan', () => {
  it('has no diagnostics and keeps ids as strings', () => {
    const { plan, diagnostics } = checkYaml(planYaml());
    expect(diagnostics).toEqual([]);
    expect(plan!.groups[0]!.tasks[0]!.id).toBe('1.1');
    expect(plan!.years).toEqual({ from: 2024, to: 2024 });
  });
});

describe('YAML problems are located', () => {
  it('a typo in a key names the key and suggests the right one', () => {
    const yaml = planYaml().replace('        title: Nhiệm vụ một', '        tittle: Nhiệm vụ một\n        title: Nhiệm vụ một');
    const { diagnostics } = checkYaml(yaml);
    const d = diagnostics.find((x) => x.code === 'unknown-key')!;
    expect(d.line).toBe(lineOf(yaml, 'tittle'));
    expect(d.column).toBe(9);
    expect(d.help!.en).toContain('did you mean "title"');
  });
  it('a list or map written as a key: located at that key, and no Node warning on stderr', async () => {
    const warnings: unknown[] = [];
    const listen = (w: unknown) => warnings.push(w);
    process.on('warning', listen);
    try {
      for (const key of ['{year: 1}', '[a, b]']) {
        const yaml = planYaml().replace('        title: Nhiệm vụ một', `        ? ${key}\n        : x\n        title: Nhiệm vụ một`);
        const d = checkYaml(yaml).diagnostics.find((x) => x.code === 'unknown-key');
        expect(d, key).toMatchObject({ line: lineOf(yaml, `? ${key}`), column: 11 });
      }
      // Node emits 'warning' on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    // yaml reported the stringified key through process.emitWarning, which Node prints as "(node:…) Warning".
    expect(warnings).toEqual([]);
  });
  it('a tab used for indentation', () => {
    const yaml = planYaml().replace('        due: năm 2024', '\tdue: năm 2024');
    const { diagnostics } = checkYaml(yaml);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.line).toBe(lineOf(yaml, '\tdue'));
    expect(codes(diagnostics)).toContain('tab-indent');
  });
  it('a duplicate key', () => {
    const yaml = planYaml().replace('        due: năm 2024', '        due: năm 2024\n        due: năm 2025');
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['duplicate-key']);
    expect(diagnostics[0]!.line).toBe(lineOf(yaml, 'due: năm 2025'));
  });
  it('broken indentation', () => {
    const yaml = planYaml().replace('        due: năm 2024', '          due: năm 2024');
    const { diagnostics } = checkYaml(yaml);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && d.line! >= lineOf(yaml, 'support:'))).toBe(true);
  });
  it('an unclosed quote', () => {
    const { diagnostics } = checkYaml(planYaml().replace('title: Kế hoạch thử', 'title: "Kế hoạch thử'));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.severity).toBe('error');
  });
  it('an unquoted id 1.10 is refused with the quoted form', () => {
    const yaml = planYaml().replace('id: "1.1"', 'id: 1.10');
    const { diagnostics } = checkYaml(yaml);
    const d = diagnostics.find((x) => x.code === 'id-not-string')!;
    expect(d.message.vi).toContain('1.10');
    expect(d.help!.vi).toContain('id: "1.10"');
    expect(d.line).toBe(lineOf(yaml, 'id: 1.10'));
  });
  it('a %YAML 1.1 directive is refused', () => {
    const { diagnostics } = checkYaml(`%YAML 1.1\n---\n${planYaml()}`);
    expect(codes(diagnostics)).toEqual(['yaml-version']);
  });
  it('an empty file and a file of comments', () => {
    expect(codes(checkYaml('').diagnostics)).toEqual(['empty-file']);
    expect(codes(checkYaml('# chỉ có ghi chú\n# không có gì khác\n').diagnostics)).toEqual(['empty-file']);
  });
  it('an alias bomb becomes a diagnostic', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    expect(codes(checkYaml(bomb.join('\n')).diagnostics)).toEqual(['alias-bomb']);
  });
  it('a missing required key points at the object', () => {
    const yaml = planYaml().replace('place: Sơn Động\n', '');
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics)).toEqual(['missing-key']);
    expect(diagnostics[0]!.message.en).toContain('"place"');
  });
  it('a wrong type', () => {
    const { diagnostics } = checkYaml(planYaml().replace('lead: [Phòng Tư pháp]', 'lead: Phòng Tư pháp'));
    expect(codes(diagnostics)).toEqual(['wrong-type']);
  });
  it('a bad status value lists the allowed ones', () => {
    const { diagnostics } = checkYaml(planYaml().replace('outputs: [Kế hoạch]', 'outputs: [Kế hoạch]\n        status: xong'));
    expect(codes(diagnostics)).toEqual(['invalid-value']);
    expect(diagnostics[0]!.help!.en).toContain('todo, doing, done, stopped');
  });
});

describe('one run reports every mistake', () => {
  it('an unknown key does not hide an unknown unit elsewhere', () => {
    const yaml = planYaml().replace('        title: Nhiệm vụ một', '        titel: x\n        title: Nhiệm vụ một').replace('lead: [Phòng Tư pháp]', 'lead: [Phòng Tư Phap]');
    const { diagnostics } = checkYaml(yaml);
    expect(codes(diagnostics).sort()).toEqual(['unknown-key', 'unknown-unit']);
  });
});

describe('the files beside the plans, remembered between loads of one process', () => {
  const withoutDanToc = UNITS_YAML.replace('  - name: Phòng Dân tộc\n    level: district\n', '').replace('Phòng Tư pháp, Phòng Dân tộc,', 'Phòng Tư pháp,');
  const leadBy = (unit: string) => planYaml(`      - id: "1.1"\n        title: Nhiệm vụ một\n        lead: [${unit}]\n        due: năm 2024`);
  const unknown = (units: string) => codes(checkYaml(leadBy('Phòng Dân tộc'), { units }).diagnostics).includes('unknown-unit');

  it('a units file read again with other bytes under the same name is parsed again', () => {
    expect(withoutDanToc).not.toContain('Phòng Dân tộc');
    expect(unknown(UNITS_YAML)).toBe(false);
    expect(unknown(withoutDanToc)).toBe(true);
    expect(unknown(UNITS_YAML)).toBe(false);
  });

  it('a buffer the caller fills again after a load does not change what was remembered', () => {
    // Another spelling of the same length in bytes, so the buffer can be filled again with the original.
    const renamed = UNITS_YAML.replaceAll('Phòng Dân tộc', 'Phòng Dân tậc');
    const bytes = new TextEncoder().encode(renamed);
    expect(bytes.length).toBe(new TextEncoder().encode(UNITS_YAML).length);
    const unknownWith = (units: Uint8Array) =>
      assembleWorkspace(
        { plans: [{ file: 'plan.yaml', bytes: new TextEncoder().encode(leadBy('Phòng Dân tộc')) }], units: { file: 'units.yaml', bytes: units }, unitsFile: 'units.yaml', dataDir: '.', problems: [] },
        {},
      ).diagnostics.some((d) => d.code === 'unknown-unit');
    expect(unknownWith(bytes)).toBe(true);
    // The I/O layer may read the next file into the buffer it read this one into.
    bytes.set(new TextEncoder().encode(UNITS_YAML));
    expect(unknownWith(new TextEncoder().encode(UNITS_YAML))).toBe(false);
  });

  it('a worker that read the units file ahead checks with the bytes it is then sent, not those it read ahead', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const data = (units: string) => ({ units: { file: 'units.yaml', bytes: encode(units) }, unitsFile: 'units.yaml', dataDir: '.' });
    const job = { file: 'plan.yaml', bytes: encode(leadBy('Phòng Dân tộc')) };
    const unknownAfter = (ahead: string, sent: string) => {
      readAhead(data(ahead));
      return planCheckerFor({ data: data(sent) })(job).diagnostics.map((d) => d.code);
    };
    expect(unknownAfter(UNITS_YAML, withoutDanToc)).toContain('unknown-unit');
    expect(unknownAfter(withoutDanToc, UNITS_YAML)).not.toContain('unknown-unit');
    // Read ahead or not, the same result.
    expect(unknownAfter(UNITS_YAML, UNITS_YAML)).toEqual(planCheckerFor({ data: data(UNITS_YAML) })(job).diagnostics.map((d) => d.code));
  });

  it('the same units file read twice gives equal diagnostics, located in each load', () => {
    const broken = `${UNITS_YAML}\n  - nme: Phòng Nội vụ\n`;
    const first = checkYaml(planYaml(), { units: UNITS_YAML });
    const read = () => {
      const ws = assembleWorkspace(
        {
          plans: [{ file: 'plan.yaml', bytes: new TextEncoder().encode(planYaml()) }],
          units: { file: 'units.yaml', bytes: new TextEncoder().encode(broken) },
          unitsFile: 'units.yaml',
          dataDir: '.',
          problems: [],
        },
        {},
      );
      return ws.diagnostics.filter((d) => d.file === 'units.yaml');
    };
    const once = read();
    expect(once.length).toBeGreaterThan(0);
    expect(once.every((d) => d.line !== undefined && d.line >= 1)).toBe(true);
    expect(read()).toEqual(once);
    expect(first.diagnostics).toEqual([]);
  });
});
