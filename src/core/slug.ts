// Safe file names from unit names: ASCII, no path tricks, no names Windows
// refuses, and unique within one output folder.

/** Names Windows refuses for a file whatever the extension; "index" is our own index file. */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', 'index', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);

/** Keep file names well under every file system's limit (255 bytes) with room for suffixes. */
const MAX_LENGTH = 80;

/** "Phòng Tư pháp" → "phong-tu-phap"; "đ" → "d"; never empty, never reserved. */
export function slugify(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length > MAX_LENGTH) s = s.slice(0, MAX_LENGTH).replace(/-+$/, '');
  if (s === '') return 'don-vi';
  if (RESERVED.has(s)) return `${s}-don-vi`;
  return s;
}

/**
 * One slug per name, in the order given: the first of two names that slug
 * alike keeps the plain slug, the next get "-2", "-3", …. Pass names in a
 * stable order (the units file's) so a file keeps its name from run to run.
 */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
