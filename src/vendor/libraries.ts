// `yaml` (the document model) and zod, loaded on first use. Most runs never need
// them: plan files are read by js-yaml (core/fast-yaml.ts) and judged by the
// structural pass (core/shape.ts); compiling the two libraries was a third of the
// start-up of `plan check`. The core is synchronous, and an ES module cannot be
// imported synchronously, so each library is bundled as CommonJS of its own
// (dist/vendor/*.cjs, see package.json "bundle") and required when first asked for;
// run from the sources (tests), the packages themselves are required.
import { createRequire } from 'node:module';
import type StringWidth from 'string-width';
import type * as YamlLibrary from './yaml.js';
import type * as ZodLibrary from './zod.js';

/** Defined (true) by the bundler; undefined when the sources run as they are. */
declare const PLAN_BUNDLED: boolean | undefined;

const requireHere = createRequire(import.meta.url);
const bundled = typeof PLAN_BUNDLED !== 'undefined' && PLAN_BUNDLED;

let yamlLibrary: typeof YamlLibrary | undefined;
let zodLibrary: typeof ZodLibrary | undefined;

/** The `yaml` package. */
export function yaml(): typeof YamlLibrary {
  return (yamlLibrary ??= requireHere(bundled ? './vendor/yaml.cjs' : 'yaml') as typeof YamlLibrary);
}

/** zod. */
export function zod(): typeof ZodLibrary {
  return (zodLibrary ??= requireHere(bundled ? './vendor/zod.cjs' : 'zod') as typeof ZodLibrary);
}

let stringWidthLibrary: typeof StringWidth | undefined;

/**
 * string-width: its set-up (an Intl.Segmenter, Unicode property patterns) is ~300 M instructions
 * that a table of Vietnamese text, measured without it, never needs.
 */
export function stringWidth(): typeof StringWidth {
  return (stringWidthLibrary ??= (requireHere(bundled ? './vendor/string-width.cjs' : 'string-width') as { default: typeof StringWidth }).default);
}

let prototypes: Readonly<Record<string, string>> | undefined;

/** Unicode's confusables table as the unhomoglyph package ships it (character → prototype), read when a skeleton is first needed. */
export function confusablePrototypes(): Readonly<Record<string, string>> {
  return (prototypes ??= requireHere(bundled ? './vendor/unhomoglyph-data.json' : 'unhomoglyph/data.json') as Record<string, string>);
}
