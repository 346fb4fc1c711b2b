// js-yaml 4 words each error with a snippet of the source around it, found by scanning the whole text for its line
// breaks (30–130 ms on a 1.5 MB plan with one bad line, on this machine). plan's fast read path (src/core/fast-yaml.ts)
// drops its errors unread (`yaml` reads the file again and words the diagnostic), so the bundle builds none; js-yaml 4
// has no option for it (3.x's YAMLException.throwAt hook was patched before).
import { readFileSync } from 'node:fs';

const SNIPPET = 'mark.snippet = makeSnippet(mark);';

/** js-yaml's ES module (dist/js-yaml.mjs) without its error snippet; throws if js-yaml no longer builds it in one place. */
export function withoutSnippet(source) {
  const at = source.indexOf(SNIPPET);
  if (at === -1 || source.indexOf(SNIPPET, at + 1) !== -1) throw new Error(`js-yaml: expected one "${SNIPPET}" (scripts/js-yaml-no-snippet.js)`);
  return source.slice(0, at) + source.slice(at + SNIPPET.length);
}

/** The esbuild plugin. */
export const jsYamlWithoutSnippet = {
  name: 'js-yaml-without-snippet',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => ({ contents: withoutSnippet(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};
