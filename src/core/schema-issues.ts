// zod issues in the clerk's words. zod's own messages (and its vi locale) speak
// of "string" and "object"; these say what to write instead.
import type { Document } from 'yaml';
import { yaml } from '../vendor/libraries.js';
import type { z } from 'zod';
import type { Diagnostic, Localized, YamlPath } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { closest } from './text.js';
import { countEn } from './text.js';

interface SourceLike {
  doc?: Document.Parsed;
}

type AnySchema = z.ZodType;

const TYPE_NAMES: Record<string, Localized> = {
  string: { vi: 'chuỗi văn bản', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  nan: { vi: 'không phải số', en: 'not a number' },
  date: { vi: 'ngày', en: 'a date' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'danh sách (các dòng "- …")', en: 'a list ("- …" lines)' },
  object: { vi: 'bảng khóa: giá trị', en: 'a mapping of key: value' },
  null: { vi: 'để trống', en: 'empty' },
  undefined: { vi: 'không có', en: 'missing' },
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** The sub-schema at a data path (through lazy, optional, arrays, unions), for listing allowed keys. */
export function schemaAt(schema: AnySchema, path: YamlPath): AnySchema | undefined {
  let cur: AnySchema | undefined = unwrap(schema);
  for (const seg of path) {
    if (!cur) return undefined;
    const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object' && typeof seg === 'string') cur = unwrap((def.shape as Record<string, AnySchema>)[seg]);
    else if (def.type === 'array' && typeof seg === 'number') cur = unwrap(def.element as AnySchema);
    else if (def.type === 'union') {
      const obj = (def.options as AnySchema[]).map(unwrap).find((o) => o && kindOf(o) === 'object');
      cur = obj ? schemaAt(obj, [seg]) : undefined;
    } else return undefined;
  }
  return cur;
}

function kindOf(s: AnySchema): string {
  return (s as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  let cur = s;
  for (let i = 0; cur && i < 10; i++) {
    const def = (cur as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'lazy') cur = (def.getter as () => AnySchema)();
    else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') cur = def.innerType as AnySchema;
    else break;
  }
  return cur;
}

export function objectKeys(schema: AnySchema, path: YamlPath): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') {
    const obj = (def.options as AnySchema[]).map(unwrap).find((o) => o && kindOf(o) === 'object');
    return obj ? objectKeys(obj, []) : [];
  }
  return [];
}

function isOptionalAt(schema: AnySchema, path: YamlPath): boolean {
  if (path.length === 0) return false;
  const parent = schemaAt(schema, path.slice(0, -1));
  if (!parent) return false;
  const def = (parent as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const key = path[path.length - 1];
  if (def.type !== 'object' || typeof key !== 'string') return false;
  const field = (def.shape as Record<string, AnySchema>)[key];
  return !!field && (field as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
}

export function describeIssue(file: string, schema: AnySchema, issue: z.core.$ZodIssue, data: unknown, source: SourceLike): Diagnostic[] {
  const path = issue.path as YamlPath;
  const key = path[path.length - 1];
  const keyName = typeof key === 'string' ? key : typeof path[path.length - 2] === 'string' ? String(path[path.length - 2]) : '';
  const base = { file, severity: 'error' as const, path };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schema, path);
      return issue.keys.map((k) => {
        const near = closest(k, allowed, 1, (s) => s.toLowerCase());
        const list = allowed.join(', ');
        return {
          ...base,
          path: [...path, k],
          atKey: true,
          code: 'unknown-key',
          message: localized(`khóa không hợp lệ "${k}"`, `unknown key "${k}"`),
          help: near[0]
            ? localized(`có phải ý bạn là "${near[0]}"? Các khóa hợp lệ: ${list}`, `did you mean "${near[0]}"? Valid keys: ${list}`)
            : localized(`các khóa hợp lệ ở đây: ${list}`, `valid keys here: ${list}`),
        };
      });
    }
    case 'invalid_type': {
      const actual = valueAt(data, path);
      const got = typeOf(actual);
      if (got === 'undefined') {
        return [
          {
            ...base,
            code: 'missing-key',
            message: localized(`thiếu khóa bắt buộc "${keyName}"`, `missing required key "${keyName}"`),
            help: localized(`thêm dòng "${keyName}: …"`, `add a line "${keyName}: …"`),
          },
        ];
      }
      if (keyName === 'id' && got === 'number') {
        const written = scalarSource(source, path) ?? String(actual);
        return [
          {
            ...base,
            code: 'id-not-string',
            message: localized(
              `số thứ tự ${written} phải đặt trong ngoặc kép (YAML đọc ${written} thành số${written !== String(actual) ? ` ${actual}` : ''})`,
              `id ${written} must be quoted (YAML reads ${written} as the number${written !== String(actual) ? ` ${actual}` : ''})`,
            ),
            help: localized(`viết id: "${written}"`, `write id: "${written}"`),
          },
        ];
      }
      if (path.length === 0) {
        // The whole file is a sentence or a list: not a plan at all.
        const gotName = TYPE_NAMES[got] ?? { vi: got, en: got };
        return [
          {
            ...base,
            code: 'not-a-plan',
            message: localized(
              `tệp không phải kế hoạch: cần các dòng "khóa: giá trị" (number:, title:, groups: …), ở đây là ${gotName.vi}`,
              `the file is not a plan: it needs "key: value" lines (number:, title:, groups: …), found ${gotName.en}`,
            ),
            help: localized('xem docs/format.md hoặc chạy `plan init` để có tệp mẫu', 'see docs/format.md, or run `plan init` for a sample file'),
          },
        ];
      }
      const expected = TYPE_NAMES[issue.expected] ?? { vi: issue.expected, en: issue.expected };
      // 2024.5 where a whole number belongs: name the value, "a number" would not say what is wrong.
      const gotName = issue.expected === 'int' && got === 'number' ? { vi: `số ${String(actual)}`, en: `the number ${String(actual)}` } : (TYPE_NAMES[got] ?? { vi: got, en: got });
      const quoteHint = issue.expected === 'string' && (got === 'number' || got === 'boolean');
      return [
        {
          ...base,
          code: 'wrong-type',
          message: localized(`"${keyName}" phải là ${expected.vi}, ở đây là ${gotName.vi}`, `"${keyName}" must be ${expected.en}, found ${gotName.en}`),
          ...(quoteHint ? { help: localized('đặt giá trị trong ngoặc kép: "…"', 'put the value in double quotes: "…"') } : {}),
        },
      ];
    }
    case 'invalid_format': {
      const written = String(valueAt(data, path));
      if (keyName === 'period') {
        return [
          {
            ...base,
            code: 'invalid-period',
            message: localized(`giai đoạn "${written}" không đúng dạng`, `period "${written}" is not in the expected form`),
            help: localized('viết dạng "2022-2027"', 'write it as "2022-2027"'),
          },
        ];
      }
      const isIssueDate = keyName === 'date' && path.length === 1;
      return [
        {
          ...base,
          code: 'invalid-date',
          message: localized(`ngày "${written}" không đúng dạng`, `date "${written}" is not in a known form`),
          help: isIssueDate
            ? localized('viết DD/MM/YYYY, hoặc MM/YYYY, YYYY khi chưa điền ngày', 'write DD/MM/YYYY, or MM/YYYY or YYYY when the day is not filled in')
            : localized('viết DD/MM/YYYY, ví dụ 05/02/2024', 'write DD/MM/YYYY, e.g. 05/02/2024'),
        },
      ];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      const written = String(valueAt(data, path));
      return [
        {
          ...base,
          code: 'invalid-value',
          message: localized(`giá trị "${written}" không hợp lệ cho "${keyName}"`, `"${written}" is not a valid value for "${keyName}"`),
          help: localized(`chọn một trong: ${allowed}`, `use one of: ${allowed}`),
        },
      ];
    }
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        const written = String(valueAt(data, path));
        const bound = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
        return [
          {
            ...base,
            code: 'out-of-range',
            message:
              issue.code === 'too_big'
                ? localized(`"${keyName}" là ${written}, quá lớn (tối đa ${bound})`, `"${keyName}" is ${written}, too large (at most ${bound})`)
                : localized(`"${keyName}" là ${written}, quá nhỏ (tối thiểu ${bound})`, `"${keyName}" is ${written}, too small (at least ${bound})`),
          },
        ];
      }
      if (issue.code === 'too_big') break;
      const isList = issue.origin === 'array';
      return [
        {
          ...base,
          code: isList ? 'empty-list' : 'empty-value',
          message: isList
            ? localized(`danh sách "${keyName}" cần ít nhất ${String(issue.minimum)} mục`, `list "${keyName}" needs at least ${countEn(Number(issue.minimum), 'item')}`)
            : localized(`"${keyName}" không được để trống`, `"${keyName}" must not be empty`),
        },
      ];
    }
    case 'custom': {
      if ((issue.params as { kind?: string } | undefined)?.kind === 'impossible-date') {
        const written = String(valueAt(data, path));
        return [
          {
            ...base,
            code: 'invalid-date',
            message: localized(`ngày "${written}" không có thật`, `there is no such day as "${written}"`),
            help: localized('kiểm tra lại ngày và tháng (ngày viết trước, tháng sau: 05/02/2024)', 'check the day and month (day first, then month: 05/02/2024)'),
          },
        ];
      }
      break;
    }
    case 'invalid_union': {
      const written = valueAt(data, path);
      if (keyName === 'outputs' || path.includes('outputs')) {
        // An object-shaped output: report what is wrong inside it rather than the union as a whole.
        if (written && typeof written === 'object' && !Array.isArray(written)) {
          const inner = issue.errors.find((errs) => errs.some((e) => e.code !== 'invalid_type' || e.path.length > 0));
          if (inner) return inner.flatMap((e) => describeIssue(file, schema, { ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, data, source));
        }
        return [{ ...base, code: 'wrong-type', message: localized('sản phẩm phải là chuỗi văn bản hoặc bảng {text, evidence}', 'a deliverable must be text or a {text, evidence} mapping') }];
      }
      return [{ ...base, code: 'wrong-type', message: localized(`giá trị của "${keyName}" không hợp lệ`, `invalid value for "${keyName}"`) }];
    }
    default:
      break;
  }
  // Anything not described above: zod's own words, still located.
  const optional = isOptionalAt(schema, path);
  return [
    {
      ...base,
      code: 'invalid-value',
      message: localized(`giá trị của "${keyName}" không hợp lệ: ${issue.message}`, `invalid value for "${keyName}": ${issue.message}`),
      ...(optional ? { help: localized('khóa này không bắt buộc: có thể xoá dòng', 'this key is optional: the line can be removed') } : {}),
    },
  ];
}

function scalarSource(source: SourceLike, path: YamlPath): string | undefined {
  const node = source.doc?.getIn(path as unknown[], true);
  if (yaml().isScalar(node) && typeof node.source === 'string') return node.source;
  return undefined;
}
