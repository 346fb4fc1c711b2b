// Defence in depth: should the fast read path ever accept a text `yaml` refuses (as it once took `title: "x"#c` for
// a comment), formatting gives `yaml`'s located syntax error, not an internal error ("Document with errors cannot be
// stringified"). The read is made wrong here on purpose: it reads the text as if the comment had a space before it.
// (Not by mocking the fast path's module: test files share their worker's modules, isolate: false.)
import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/core/format.js';
import { parsePlan } from '../../src/core/load.js';
import { planYaml } from '../helpers.js';

const wrongRead: typeof parsePlan = (file, text) => parsePlan(file, text.replace('"#c', '" #c'));

describe('formatPlanText when the fast path is wrong', () => {
  it('gives the located yaml-syntax error', () => {
    const text = planYaml('      - id: "1.1"\n        title: "Nhiệm vụ một"#c\n        lead: [Phòng Tư pháp]\n        due: năm 2024\n        outputs: [Kế hoạch]');
    expect(text).toContain('"Nhiệm vụ một"#c');
    const line = text.split('\n').findIndex((l) => l.includes('#c'));
    const result = formatPlanText(text, 'plans/p.yaml', wrongRead);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    const error = result.diagnostics.find((d) => d.code === 'yaml-syntax')!;
    // On the line of the comment (range offsets into the text).
    expect(text.slice(0, error.range![0]).split('\n').length - 1).toBe(line);
    // With a space before the comment, the same plan formats.
    expect(formatPlanText(text.replace('"#c', '" #c'), 'plans/p.yaml', wrongRead).ok).toBe(true);
    // Read as it is, the text is refused before any formatting.
    expect(formatPlanText(text, 'plans/p.yaml').ok).toBe(false);
  });
});
