// The content cache on disk (src/io/cache.ts): an entry's first line is read alone, and the rest
// only when asked for, and only from the very entry whose line was read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../src/io/cache.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-io-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an entry read by its first line', () => {
  const cache = openCache(dir);

  it('gives the line, then the rest, for lines shorter and longer than one read, in ASCII and UTF-8', () => {
    for (const [line, rest] of [
      ['{"a":1}', '{"b":2}\nmore'],
      ['x'.repeat(200_000), 'y'.repeat(70_000)],
      ['"Phòng Tư pháp"', 'Ủy ban'],
      ['no line end', undefined],
      ['', 'after an empty line'],
    ] as const) {
      const text = rest === undefined ? line : `${line}\n${rest}`;
      cache.set('entry', text);
      const got = cache.getLine('entry')!;
      expect(got.line).toBe(line);
      expect(got.rest()).toBe(rest ?? '');
      expect(cache.get('entry')).toBe(text);
    }
  });

  it('gives no rest once another entry has taken its place, and nothing for no entry', () => {
    cache.set('entry', 'head\nbody');
    const got = cache.getLine('entry')!;
    cache.set('entry', 'head\nanother body');
    expect(got.line).toBe('head');
    expect(got.rest()).toBeUndefined();
    const again = cache.getLine('entry')!;
    rmSync(path.join(dir, 'entry.json'));
    expect(again.rest()).toBeUndefined();
    expect(cache.getLine('entry')).toBeUndefined();
    writeFileSync(path.join(dir, 'empty.json'), '');
    expect(cache.getLine('empty')).toEqual({ line: '', rest: expect.any(Function) });
  });
});
