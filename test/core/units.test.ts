// registry.match: names as people type them, diacritics forgiven only when one entry fits.
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { UNITS_YAML } from '../helpers.js';

const registry = (yaml = UNITS_YAML) => {
  const r = parseUnits('units.yaml', yaml).value;
  if (!r) throw new Error('bad test units');
  return r;
};

describe('registry.match', () => {
  it('exact: any case, Unicode form or tone placement', () => {
    expect(registry().match('PHÒNG TƯ PHÁP'.normalize('NFD'))).toMatchObject({ kind: 'exact', entry: { name: 'Phòng Tư pháp' } });
    expect(registry().match('Phòng Văn hoá – Thông tin')).toMatchObject({ kind: 'exact', entry: { name: 'Phòng Văn hóa – Thông tin' } });
  });

  it('plain: without any diacritics, đ typed as d, when exactly one entry fits', () => {
    expect(registry().match('phong tu phap')).toMatchObject({ kind: 'plain', entry: { name: 'Phòng Tư pháp' } });
    expect(registry().match('phong dan toc')).toMatchObject({ kind: 'plain', entry: { name: 'Phòng Dân tộc' } });
    expect(registry().match('ubnd cac xa, thi tran')).toMatchObject({ kind: 'plain', entry: { kind: 'group', name: 'UBND các xã, thị trấn' } });
    expect(registry().match('cac co quan, don vi huyen')).toMatchObject({ kind: 'plain', entry: { name: 'các cơ quan, tổ chức huyện' } });
  });

  it('ambiguous: every entry that fits, in Vietnamese order', () => {
    const yaml = `units:\n  - name: Thôn Đông\n  - name: Thôn Tây\ngroups:\n  - name: Thôn Dông\n    members: [Thôn Tây]\n`;
    const m = registry(yaml).match('thon dong');
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates.map((e) => e.name)).toEqual(['Thôn Dông', 'Thôn Đông']);
  });

  it('none: a name that differs in more than its diacritics', () => {
    expect(registry().match('Phòng Tư phá').kind).toBe('none');
    expect(registry().match('Sở Tư pháp tỉnh').kind).toBe('none');
  });
});
