// Used by scripts/bundle.js (and its test, test/package/ascii-source.test.ts).

/**
 * JavaScript source with every character above U+007F written as a \u escape. V8 keeps
 * a source with any character above U+00FF at two bytes per character: the CLI's 1 MB
 * became 2 MB to decode and hold, and fresh memory is dear at start-up (each first touch
 * of a 4 kB page costs ~10 µs on the 2-core machine). esbuild writes strings as ASCII
 * but leaves comments and regular expressions as they are; there an escape means the
 * same character (a pattern's .source shows the escape, which a RegExp made from it
 * reads as the same character). A character after a backslash, or a line separator
 * (which ends a // comment, where its escape would not), cannot be escaped so: refused.
 */
export function asciiSource(text, file) {
  return text.replace(/[^\x00-\x7f]/g, (c, at) => {
    const code = c.charCodeAt(0).toString(16).padStart(4, '0');
    if (text[at - 1] === '\\' || c === '\u2028' || c === '\u2029') throw new Error(`${file}: U+${code} at ${at} cannot be written as an escape`);
    return `\\u${code}`;
  });
}
