// Rounds of one command in one process, on the built bundle (dist/cli.cjs), for
// measuring a step too small for the noise of whole runs (issue 15):
//   node bench/rounds.cjs [--rounds N] [--cwd DIR] -- check --no-cache --format short --as-of 2024-06-30
// prints each round's CPU (user+sys) and wall time; round 1 is the cold run's
// work (V8 warming up included, start-up excluded), later rounds the steady state.
// Under callgrind each round is one dump, exact to a few instructions:
//   valgrind --tool=callgrind --zero-before=uv_getrusage --dump-before=uv_resident_set_memory \
//     node --predictable bench/rounds.cjs --rounds 2 -- check …
// (a round starts with process.cpuUsage() and ends with process.memoryUsage.rss()).
const path = require('node:path');
const { loadCli } = require('../bin/load-cli.js');

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const command = dashes < 0 ? ['check', '--no-cache', '--format', 'short', '--as-of', '2024-06-30'] : argv.slice(dashes + 1);
const option = (name, fallback) => {
  const at = own.indexOf(name);
  return at < 0 ? fallback : own[at + 1];
};
const rounds = Number(option('--rounds', '5'));
process.chdir(path.resolve(option('--cwd', path.join(__dirname, 'work', 'province'))));

const cli = loadCli(command[0]);
let written = 0;
const sink = {
  write: (s) => {
    written += s.length;
    return true;
  },
  isTTY: false,
};
const io = { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, now: () => new Date(), onSignal: () => {} };

(async () => {
  for (let round = 1; round <= rounds; round++) {
    written = 0;
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const code = await cli.main(command, io);
    const rss = process.memoryUsage.rss();
    const used = process.cpuUsage(cpu);
    const ms = (n) => (n / 1000).toFixed(0).padStart(5);
    process.stdout.write(
      `round ${round}: cpu ${ms(used.user + used.system)} ms, wall ${((performance.now() - wall) | 0).toString().padStart(5)} ms, exit ${code}, ${written} chars, rss ${(rss / 1048576) | 0} MB\n`,
    );
  }
})();
