// js-yaml 4 words each error with a snippet of the source around it, found by scanning the whole text for its line
// breaks (30–130 ms on a 1.5 MB plan with one bad line, on this machine). plan's fast read path (src/core/fast-yaml.ts)
// drops its errors unread (`yaml` reads the file again and words the diagnostic), so the bundle builds none; js-yaml 4
// has no option for it (3.x's YAMLException.throwAt hook was patched before).
// It also tests each scalar it reads for non-printable characters, a regular expression over every scalar's text
// (~37 ms over the 1000-plan province); the fast path leaves any text holding one to `yaml` (LEFT_TO_YAML in
// src/core/fast-yaml.ts, tested once over the whole text, in the scan for control characters), so the bundle drops it.
// And it copies its whole state into a new object at every node, in case the node starts with a tag or an anchor
// (~250,000 objects for a quarter of the province, each promoted or scavenged); the bundle copies it only then.
// And it searches each whole text for a NUL, which the fast path's own scan has already refused (screenedForNul).
import { readFileSync } from 'node:fs';

const SNIPPET = 'mark.snippet = makeSnippet(mark);';

/** js-yaml's ES module (dist/js-yaml.mjs) without its error snippet; throws if js-yaml no longer builds it in one place. */
export function withoutSnippet(source) {
  const at = source.indexOf(SNIPPET);
  if (at === -1 || source.indexOf(SNIPPET, at + 1) !== -1) throw new Error(`js-yaml: expected one "${SNIPPET}" (scripts/js-yaml-no-snippet.js)`);
  return source.slice(0, at) + source.slice(at + SNIPPET.length);
}

const PRINTABLE_TEST = `} else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }`;

/** js-yaml's ES module without its test of each scalar for non-printable characters; throws if it is no longer written so, once. */
export function withoutPrintableTest(source) {
  const at = source.indexOf(PRINTABLE_TEST);
  if (at === -1 || source.indexOf(PRINTABLE_TEST, at + 1) !== -1) throw new Error('js-yaml: expected one test of PATTERN_NON_PRINTABLE (scripts/js-yaml-no-snippet.js)');
  return `${source.slice(0, at)}}${source.slice(at + PRINTABLE_TEST.length)}`;
}

const PROPERTY_SNAPSHOT = `const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);`;

/**
 * js-yaml's ES module snapshotting its state for a node's properties only at a "!" or "&": at any other character,
 * readTagProperty and readAnchorProperty read nothing and the loop ends with the snapshot unused. Throws if it is no
 * longer written so, once.
 */
export function withPropertySnapshotOnDemand(source) {
  const at = source.indexOf(PROPERTY_SNAPSHOT);
  if (at === -1 || source.indexOf(PROPERTY_SNAPSHOT, at + 1) !== -1) throw new Error("js-yaml: expected one snapshot of the state before reading a node's properties (scripts/js-yaml-no-snippet.js)");
  const [read, snapshot] = PROPERTY_SNAPSHOT.split('\n');
  return `${source.slice(0, at)}${read}\n        if (ch !== 33 && ch !== 38) break;\n${snapshot}${source.slice(at + PROPERTY_SNAPSHOT.length)}`;
}

const DUMPER_REQUIRED = '  const dumper2 = requireDumper();\n';
const DUMP_EXPORTED = 'jsYaml.dump = dumper2.dump;';

/**
 * js-yaml's ES module setting up its dumper (its tables and ~17 kB of code) only when `dump` is first called: plan
 * only loads YAML, and every start that reads a file paid for it. Throws if js-yaml no longer sets it up so, once.
 */
export function withDumperOnDemand(source) {
  for (const part of [DUMPER_REQUIRED, DUMP_EXPORTED]) {
    const at = source.indexOf(part);
    if (at === -1 || source.indexOf(part, at + 1) !== -1) throw new Error(`js-yaml: expected one "${part.trim()}" (scripts/js-yaml-no-snippet.js)`);
  }
  return source.replace(DUMPER_REQUIRED, '').replace(DUMP_EXPORTED, 'jsYaml.dump = (input, options) => requireDumper().dump(input, options);');
}

const NUL_SEARCH = 'const nullpos = input.indexOf("\\0");';

/** The option by which a caller says its text holds no NUL (src/core/fast-yaml.ts passes it for every text it loads). */
export const SCREENED_FOR_NUL = 'screenedForNul';

/**
 * js-yaml's ES module searching the text for a NUL (which it refuses) unless the caller says it has none
 * (`screenedForNul: true`; fast-yaml's scan already refuses every control character): in a text of UTF-16 code units
 * V8's search stops at each ASCII character's zero high byte, ~7 instructions a character, 0.7 % of a cold check's
 * instructions. Without the option it searches as published. Throws if js-yaml no longer searches so, once.
 */
export function withNulSearchUnlessScreened(source) {
  const at = source.indexOf(NUL_SEARCH);
  if (at === -1 || source.indexOf(NUL_SEARCH, at + 1) !== -1) throw new Error('js-yaml: expected one search of the input for a NUL (scripts/js-yaml-no-snippet.js)');
  return `${source.slice(0, at)}const nullpos = options.${SCREENED_FOR_NUL} === true ? -1 : input.indexOf("\\0");${source.slice(at + NUL_SEARCH.length)}`;
}

/** Every change the bundle makes to js-yaml's ES module. */
export function bundledJsYaml(source) {
  return withNulSearchUnlessScreened(withDumperOnDemand(withPropertySnapshotOnDemand(withoutPrintableTest(withoutSnippet(source)))));
}

/** The esbuild plugin. */
export const jsYamlWithoutSnippet = {
  name: 'js-yaml-without-snippet',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => ({
      contents: bundledJsYaml(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
