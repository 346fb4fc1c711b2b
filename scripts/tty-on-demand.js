// Used by scripts/bundle.js (and its test, test/package/tty-on-demand.test.ts).
// chalk's supports-color asks at start whether standard output and error are terminals (tty.isatty(1), (2)), and
// node:tty brings node:net and its handles with it (~150 kB of a start's young heap, 2-3 M instructions), which a run
// writing to a file or a pipe has no other use for. Only a character device can be a terminal: one fstat answers for
// a file or a pipe, and node:tty is asked only about a character device (a terminal, or /dev/null).

/** What chalk gets for node:tty: its isatty, the one thing chalk asks of it. */
export const TTY_ON_DEMAND = `const { fstatSync } = require('node:fs');
exports.isatty = (fd) => {
  let stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false;
  }
  return stats.isCharacterDevice() && require('node:tty').isatty(fd);
};`;

/** The esbuild plugin: chalk's node:tty is TTY_ON_DEMAND. */
export const ttyOnDemand = {
  name: 'tty-on-demand',
  setup(b) {
    b.onResolve({ filter: /^node:tty$/ }, (args) => (/[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'tty', namespace: 'tty-on-demand' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'tty-on-demand' }, () => ({ contents: TTY_ON_DEMAND, loader: 'js' }));
  },
};
