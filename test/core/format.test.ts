import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/core/format.js';
import { planYaml } from '../helpers.js';

function fmt(text: string): string {
  const r = formatPlanText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics.map((d) => d.message.en)));
  return r.text;
}

const SHIPPED = readFileSync(new URL('../../plans/kh-pbgdpl-2024-son-dong.yaml', import.meta.url), 'utf8');

describe('formatPlanText', () => {
  it('puts keys in the documented order and keeps the comments with their keys', () => {
    const src = planYaml(`      - outputs: [Kế hoạch]
        # who leads
        lead: [Phòng Tư pháp]
        due: năm 2024 # as written
        title: Nhiệm vụ một
        id: "1.1"`)
      .replace('number: "05/KH-UBND"\n', '')
      .replace('year: 2024\n', 'year: 2024\nnumber: "05/KH-UBND"\n');
    const out = fmt(src);
    expect(out.indexOf('number:')).toBeLessThan(out.indexOf('issuer:'));
    const task = out.slice(out.indexOf('- id: "1.1"'));
    expect(task).toBe(`- id: "1.1"
        title: Nhiệm vụ một
        # who leads
        lead:
          - Phòng Tư pháp
        due: năm 2024 # as written
        outputs:
          - Kế hoạch
`);
  });

  it('double-quotes ids and dates however they were written', () => {
    const src = planYaml(`      - id: '1.1'
        title: Nhiệm vụ một
        lead: [Phòng Tư pháp]
        status: done
        done: 2024-03-01
        progress:
          - {unit: Phòng Tư pháp, status: done, done: 01/03/2024}`).replace('date: "05/02/2024"', 'date: 05/02/2024');
    const out = fmt(src);
    expect(out).toContain('date: "05/02/2024"');
    expect(out).toContain('- id: "1.1"');
    expect(out).toContain('done: "2024-03-01"');
    expect(out).toContain('done: "01/03/2024"');
    expect(out).toContain('- id: "1"\n');
  });

  it('writes a long one-line string as a folded block within the line width', () => {
    const long = 'Tổ chức hội nghị quán triệt, triển khai các Luật, Nghị quyết, Nghị định, Thông tư mới được ban hành theo chức năng';
    const out = fmt(planYaml(`      - id: "1.1"\n        title: "${long}"\n        lead: [Phòng Tư pháp]`));
    expect(out).toContain('title: >-\n');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(parseDocument(out).getIn(['groups', 0, 'tasks', 0, 'title'])).toBe(long);
  });

  it('keeps blank lines between tasks and CRLF line ends', () => {
    const src = planYaml(`      - id: "1.1"
        title: Một

      - id: "1.2"
        title: Hai`).replace(/\n/g, '\r\n');
    const out = fmt(src);
    expect(out).toContain('title: Một\r\n\r\n      - id: "1.2"');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses a file with errors and says where', () => {
    const bad = planYaml().replace('  level: district', '   level: district');
    const r = formatPlanText(bad, 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.some((d) => d.severity === 'error' && d.file === 'x.yaml' && d.range)).toBe(true);
    }
    expect(formatPlanText(planYaml().replace('id: "1.1"', 'id: 1.10')).ok).toBe(false);
  });

  it('reports unchanged when the text is already canonical', () => {
    const once = fmt(SHIPPED);
    const r = formatPlanText(once);
    expect(r.ok && r.changed).toBe(false);
    expect(r.ok && r.text).toBe(once);
  });

  it('drops a byte order mark', () => {
    const once = fmt(planYaml());
    expect(fmt(`\ufeff${once}`)).toBe(once);
  });

  it('formats the shipped plan without changing its data or losing a comment', () => {
    const once = fmt(SHIPPED);
    expect(fmt(once)).toBe(once);
    expect(parseDocument(once).toJS()).toEqual(parseDocument(SHIPPED).toJS());
    const comments = (t: string) => t.split('\n').flatMap((l) => (/(^|\s)#\s.*$/.exec(l)?.[0].trim() ? [/(^|\s)(#\s.*)$/.exec(l)![2]] : []));
    expect(comments(once)).toEqual(comments(SHIPPED));
  });
});
