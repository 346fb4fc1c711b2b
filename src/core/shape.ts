// A cheap structural pass run before zod: predicates over plain data that say
// "certainly valid" for the files clerks keep (most of them, most of the time),
// so zod (whose first use in a process costs more than reading a plan) runs only
// on files that may have a mistake, to word its diagnostics. A predicate may
// answer false for data zod accepts (zod then decides), never true for data zod
// rejects or would change: test/core/shape.test.ts holds each one to its schema.

import type { ZodType } from 'zod';

/** A predicate over plain data (from YAML). */
export type Fits = (value: unknown) => boolean;

/** A file's schema: zod's (made when first needed, where that is costly), and the pass that spares most files from it. */
export interface FileSchema<T> {
  /** True only when zod would accept the data as it is. */
  fits: Fits;
  zod: () => ZodType<T>;
}

export const isText: Fits = (v) => typeof v === 'string' && v.length > 0;
export const isString: Fits = (v) => typeof v === 'string';
export const isBoolean: Fits = (v) => typeof v === 'boolean';

export function isInteger(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Fits {
  return (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
}

export function oneOf(values: readonly string[]): Fits {
  const allowed = new Set(values);
  return (v) => typeof v === 'string' && allowed.has(v);
}

/** A string of this form that `accept` also takes (the refinements of the date schemas). */
export function textMatching(form: RegExp, accept: (s: string) => boolean = () => true): Fits {
  return (v) => typeof v === 'string' && form.test(v) && accept(v);
}

export function listOf(item: Fits, minLength = 0): Fits {
  return (v) => {
    if (!Array.isArray(v) || v.length < minLength) return false;
    for (const x of v) if (!item(x)) return false;
    return true;
  };
}

export function either(...options: Fits[]): Fits {
  return (v) => {
    for (let k = 0; k < options.length; k++) if (options[k]!(v)) return true;
    return false;
  };
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A zod strictObject: these keys only; `required` ones present, every value
 * present fits its predicate (an optional key holding undefined is left to zod).
 */
export function strictRecord(required: Record<string, Fits>, optional: Record<string, Fits> = {}): Fits {
  const need = Object.keys(required);
  const fields = new Map<string, Fits>([...Object.entries(required), ...Object.entries(optional)]);
  // Run on every task of every plan (30,000 in a province): one list of the keys, loops by index.
  return (v) => {
    if (!isPlainRecord(v)) return false;
    for (let k = 0; k < need.length; k++) if (!Object.hasOwn(v, need[k]!)) return false;
    const keys = Object.keys(v);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const fits = fields.get(key);
      if (!fits?.(v[key])) return false;
    }
    // Symbol or non-enumerable keys are zod's to judge.
    return Reflect.ownKeys(v).length === keys.length;
  };
}

/** A zod record: every key of this form, every value fitting. */
export function recordOf(key: RegExp, value: Fits): Fits {
  return (v) => {
    if (!isPlainRecord(v) || Reflect.ownKeys(v).length !== Object.keys(v).length) return false;
    for (const [k, x] of Object.entries(v)) if (!key.test(k) || !value(x)) return false;
    return true;
  };
}

/** Both predicates (a shape and the cross-field rule of a superRefine). */
export function both(first: Fits, second: (v: Record<string, unknown>) => boolean): Fits {
  return (v) => first(v) && second(v as Record<string, unknown>);
}

/** A recursive shape (a task holds tasks): the predicate is made on first use. */
export function recursive(make: (self: Fits) => Fits): Fits {
  let made: Fits | undefined;
  const self: Fits = (v) => (made ??= make(self))(v);
  return self;
}
