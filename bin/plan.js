#!/usr/bin/env node
// The only place that touches the process: argv, the real streams, environment,
// clock and exit code. Everything else is main(argv, io) in src/cli.ts.
// CommonJS (bin/package.json), as `node -e` is: an ES module as the program made Node
// start its ES module loader and read the files on its thread pool, four more threads
// (~20 M instructions and ~100 page faults of every run's start).
const { commandOf, loadCli } = require('./load-cli.js');

const args = process.argv.slice(2);

/** The bundle is made by `npm run build` (and rebuilt by `npm test`): without it, say so, not a stack trace. */
function loadBuilt() {
  try {
    return loadCli(commandOf(args));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    const argv = process.argv;
    const at = argv.indexOf('--lang');
    const lang = argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (at > 0 ? argv[at + 1] : process.env.PLAN_LANG);
    const folder = require('node:path').join(__dirname, '..');
    process.stderr.write(
      lang === 'en'
        ? `plan: the program is not built (no ${e.path}): run 'npm run build' in ${folder}, or wait for a build under way to end\n`
        : `plan: chương trình chưa được dựng (không có ${e.path}): chạy 'npm run build' trong ${folder}, hoặc đợi lần dựng đang chạy xong\n`,
    );
    process.exit(1);
  }
}

const cli = loadBuilt();

// A reader that stops early (`plan check | head -1`) closes the pipe: stop
// writing and end quietly with the command's own exit code, no stack trace.
let stdoutClosed = false;
let stderrClosed = false;
const closedPipe = (e) => e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED';
process.stdout.on('error', (e) => {
  if (!closedPipe(e)) throw e;
  stdoutClosed = true;
});
const watchStderr = (stream) =>
  stream.on('error', (e) => {
    if (!closedPipe(e)) throw e;
    stderrClosed = true;
  });
// Standard error is made on first use (Node makes process.stderr when first asked for): to a pipe it is a
// net.Socket, node:net and a pipe handle, which a run that writes nothing there (a check) need not make. Whoever
// asks first, this file or Node for a warning, gets it with its handler of a closed pipe.
const stderrProperty = Object.getOwnPropertyDescriptor(process, 'stderr');
if (typeof stderrProperty?.get === 'function' && stderrProperty.configurable) {
  let watched = false;
  Object.defineProperty(process, 'stderr', {
    ...stderrProperty,
    get() {
      const stream = stderrProperty.get.call(process);
      if (!watched) {
        watched = true;
        watchStderr(stream);
      }
      return stream;
    },
  });
} else {
  watchStderr(process.stderr);
}

// A command that writes output asks, through io.onSignal, to have its staged
// files removed if Ctrl-C, SIGTERM or a closed terminal ends it; the exit code
// is the shell's 128 + signal number. Other commands keep the default action.
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const cleanups = [];
function onSignal(cleanup) {
  if (cleanups.length === 0) {
    for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
      process.on(signal, () => {
        for (const c of cleanups) c();
        process.exit(code);
      });
    }
  }
  if (!cleanups.includes(cleanup)) cleanups.push(cleanup);
}

// Long outputs (a province's overdue list: 30 MB) come in blocks of about 64 kB. Each is
// encoded into one reused buffer: a fresh Buffer per block costs ten times the encoding
// (new memory every time) and leaves garbage that grows with the output. The buffer is
// reused only when the stream wrote the block through (a file, a pipe on Linux); one
// still waiting in the stream keeps it, and the next block gets a new one.
// Bytes (the longest outputs come assembled as UTF-8) are written as they are; the answer
// tells the writer whether the stream kept them, so it does not reuse that buffer.
let scratch;
function writeOut(text) {
  if (typeof text !== 'string') {
    process.stdout.write(text);
    return process.stdout.writableLength > 0;
  }
  if (text.length < 4096) {
    process.stdout.write(text);
    return;
  }
  // At most 3 bytes of UTF-8 per UTF-16 unit.
  if (!scratch || scratch.length < text.length * 3) scratch = Buffer.allocUnsafeSlow(Math.max(text.length * 3, 1 << 18));
  const length = scratch.write(text);
  process.stdout.write(scratch.subarray(0, length));
  if (process.stdout.writableLength > 0) scratch = undefined;
}

const io = {
  stdout: {
    write: (text) => (!stdoutClosed && !process.stdout.destroyed ? writeOut(text) : undefined),
    isTTY: process.stdout.isTTY === true,
    get columns() {
      return process.stdout.columns;
    },
  },
  stderr: {
    write: (text) => {
      if (!stderrClosed && !process.stderr.destroyed) process.stderr.write(text);
    },
    get isTTY() {
      return process.stderr.isTTY === true;
    },
  },
  env: process.env,
  now: () => new Date(),
  onSignal,
};

cli.main(args, io).then((code) => {
  process.exitCode = code;
  // A cache V8 refused (another Node) or none at all: keep what this run compiled for the
  // next. Not under flags (--cpu-prof, NODE_OPTIONS): V8 refuses a cache made under others.
  if (process.execArgv.length > 0 || process.env.NODE_OPTIONS) return;
  if (!cli.cacheTaken) cli.saveCodeCache();
  // A command's first run that did its work (not a failure, not its help) makes the command's own cache.
  else if (cli.ownCacheToMake && code === 0 && !args.includes('-h') && !args.includes('--help')) cli.saveCodeCache(cli.ownCacheToMake);
});
