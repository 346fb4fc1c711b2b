import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlugs } from '../../src/core/slug.js';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

describe('slugify', () => {
  it('strips diacritics and turns đ into d', () => {
    expect(slugify('Phòng Tư pháp')).toBe('phong-tu-phap');
    expect(slugify('UBND xã Đại Sơn')).toBe('ubnd-xa-dai-son');
    expect(slugify('Trung tâm Văn hóa – Thông tin & Thể thao')).toBe('trung-tam-van-hoa-thong-tin-the-thao');
    expect(slugify('Phòng Tư pháp'.normalize('NFD'))).toBe('phong-tu-phap');
  });
  it('never yields a path, an empty name or a reserved name', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('a/b\\c')).toBe('a-b-c');
    expect(slugify('...')).toBe('don-vi');
    expect(slugify('')).toBe('don-vi');
    expect(slugify('CON')).toBe('con-don-vi');
    expect(slugify('Lpt1')).toBe('lpt1-don-vi');
    expect(slugify('index')).toBe('index-don-vi');
  });
  it('is safe for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const s = slugify(name);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(90);
        expect(WINDOWS_RESERVED.test(s)).toBe(false);
        expect(s).not.toContain('..');
      }),
    );
  });
});

describe('uniqueSlugs', () => {
  it('keeps the first and numbers the rest, in the order given', () => {
    expect(uniqueSlugs(['Phòng Tư pháp', 'Phong Tu Phap', 'phòng tư pháp'])).toEqual(['phong-tu-phap', 'phong-tu-phap-2', 'phong-tu-phap-3']);
  });
  it('gives distinct, safe slugs for any list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Phòng Tư pháp', 'phong tu phap', 'con', 'a-2', 'a', 'A')), { maxLength: 40 }), (names) => {
        const slugs = uniqueSlugs(names);
        expect(slugs).toHaveLength(names.length);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});
