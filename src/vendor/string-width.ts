// string-width, bundled on its own (dist/vendor/string-width.cjs) and loaded through
// src/vendor/libraries.ts only when a terminal table meets text that is not all
// one-column characters (wide scripts, emoji, combining marks).
export { default } from 'string-width';
