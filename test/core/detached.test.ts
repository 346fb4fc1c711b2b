import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { linesOfText } from '../../src/core/lines.js';
import { detached, looseKey, nameKey } from '../../src/core/text.js';
import { planCheckerFor } from '../../src/core/workspace.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

// A collection on demand, for this file only: the flag is set while a new context takes its `gc`, and unset again.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
v8.setFlagsFromString('--no-expose-gc');

const MB = 1 << 20;

let texts = 0;

/** What `keep` makes of a new text, in a call of its own: a frame still running would keep the text alive. */
function keepFromText(keep: (text: string, firstLine: string) => unknown, lines: number): unknown {
  const firstLine = `Phòng Thử nghiệm số ${++texts} lúc ${process.hrtime.bigint()}`;
  // Decoded from bytes: one flat two-byte string, as a plan file's text is.
  return keep(Buffer.from(`${firstLine}\n${'# Ủy ban nhân dân xã Sơn Động\n'.repeat(lines)}`).toString('utf8'), firstLine);
}

/**
 * Heap bytes that stay in use, once collected, while `kept` (what `keep` made of a text, by default of ~9 MB) is alive
 * and the text is not. The text's first line is one no earlier call has made (a name, for the keys remembered for the
 * whole run).
 */
function retainedBy(keep: (text: string, firstLine: string) => unknown, lines = 150_000): number {
  gc();
  const before = v8.getHeapStatistics().used_heap_size;
  const kept = keepFromText(keep, lines);
  gc();
  const retained = v8.getHeapStatistics().used_heap_size - before;
  expect(kept).toBeDefined();
  return retained;
}

describe('detached', () => {
  it('is the same text', () => {
    for (const s of ['', 'a', 'Phòng Tư pháp', 'Ủy ban nhân dân huyện Sơn Động, tỉnh Bắc Giang'.repeat(3)]) expect(detached(s)).toBe(s);
  });

  it('keeps a piece of a long text without the whole of it (a plain slice keeps the whole)', () => {
    expect(retainedBy((text) => text.slice(100, 140))).toBeGreaterThan(4 * MB);
    expect(retainedBy((text) => detached(text.slice(100, 140)))).toBeLessThan(MB);
  });

  it('lines kept for code frames, and the name keys remembered, do not keep their text', () => {
    expect(retainedBy((text) => linesOfText(text, [2, 3, 1000]))).toBeLessThan(MB);
    // The first line, a name not asked for before: nameKey and looseKey remember it for the rest of the run.
    expect(retainedBy((text, name) => nameKey(text.slice(0, name.length)))).toBeLessThan(MB);
    expect(retainedBy((text, name) => looseKey(text.slice(0, name.length)))).toBeLessThan(MB);
  });

  it("a plan file's result (its diagnostics, the lines they show, its summary) does not keep the file's text", () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const check = planCheckerFor({ data: { unitsFile: 'units.yaml', dataDir: '.', units: { file: 'units.yaml', bytes: encode(UNITS_YAML) } } });
    // A deadline phrase no earlier test has used: the phrases read are remembered for the rest of the run.
    const year = 2030 + (Number(process.hrtime.bigint() % 60n) | 0);
    const plan = (padding: string) =>
      planYaml(
        `      - id: "1.1"
        title: Nhiệm vụ một
        lead: [Phòng Tư pháp, Phòng Không Có Thật]
        due: trước ngày 15 tháng 3 năm ${year} đối với các xã
        outputs: [Kế hoạch]`,
        padding,
      );
    // Made once before measuring: the units registry, the rules and the schema's parsers, which the checker keeps.
    check({ file: 'plan.yaml', bytes: encode(plan('')) });
    let result: ReturnType<typeof check> | undefined;
    // ~720 kB of text: a plan's bytes are decoded into the heap only below ~1 MB (a longer text is kept outside it,
    // where this measure would not see it). With a key, as for the content cache: the lines framed are kept too.
    const retained = retainedBy((text) => {
      result = check({ file: 'plan.yaml', bytes: encode(plan(`#${text}`)), key: 'a key' });
      return result;
    }, 12_000);
    // What the result holds is real: a diagnostic with its framed line, and the summary.
    expect(result!.diagnostics.length).toBeGreaterThan(0);
    expect(Object.keys(result!.lines ?? {}).length).toBeGreaterThan(0);
    expect(result!.summary).toBeDefined();
    expect(retained).toBeLessThan(MB / 4);
    // Without a key (no content cache) no lines are framed: only the pretty format shows them, from the text.
    const uncached = check({ file: 'plan.yaml', bytes: encode(plan('')) });
    expect(uncached.diagnostics.length).toBeGreaterThan(0);
    expect(uncached.lines).toBeUndefined();
  });
});
