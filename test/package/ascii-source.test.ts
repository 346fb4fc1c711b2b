// Issue 15 (start-up): the CLI's bundle is written in ASCII (scripts/ascii-source.js),
// so V8 holds it at one byte a character. The escapes must leave the program as it was.
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiSource } from '../../scripts/ascii-source.js';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What a script's last expression gives, as JSON. */
const result = (code: string) => JSON.stringify(vm.runInNewContext(code));

describe('asciiSource', () => {
  it('writes comments, regular expressions, identifiers and templates in ASCII, and the program gives the same results', () => {
    const code = [
      '// Thứ Hai, đ\n/* Tết 🎉 */',
      'const thứ = /^Thứ [đð]+/u;',
      'const astral = /[🎉😀]/u;',
      `const joined = new RegExp(\`\${thứ.source}|ê\`);`,
      `const t = \`Kế hoạch \${1 + 1} ‹›\`;`,
      "[thứ.test('Thứ đð'), thứ.test('Thu d'), astral.test('x😀'), '😀'.match(astral)?.[0], joined.test('ê'), joined.test('Thứ đ'), t, 'Tết'.length]",
    ].join('\n');
    const ascii = asciiSource(code, 'sample.js');
    expect(isAscii(Buffer.from(ascii))).toBe(true);
    expect(ascii).toContain('\\u1ee9');
    expect(result(ascii)).toBe(result(code));
    expect(JSON.parse(result(ascii))).toEqual([true, false, true, '😀', true, true, 'Kế hoạch 2 ‹›', 3]);
  });

  it('leaves ASCII as it is', () => {
    const code = "const s = 'a\\u0111'; /\\d+/.test(s);";
    expect(asciiSource(code, 'sample.js')).toBe(code);
  });

  it('refuses what an escape would change: a character after a backslash, a line separator', () => {
    expect(() => asciiSource('/\\đ/.test("đ")', 'sample.js')).toThrow(/sample\.js: U\+0111 at 2/);
    expect(() => asciiSource('// a\u2028b', 'sample.js')).toThrow(/U\+2028/);
  });

  it.runIf(existsSync(path.join(ROOT, 'dist', 'cli.cjs')))('the built CLI is ASCII', () => {
    expect(isAscii(readFileSync(path.join(ROOT, 'dist', 'cli.cjs')))).toBe(true);
  });
});
