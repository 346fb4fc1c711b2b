// Checking plan files on both cores: a worker thread (check-worker.ts, its own
// bundle dist/check-worker.cjs) and this thread take files from one shared
// counter until none is left, so neither waits for the other however the work
// is spread; the results come back in file order (assembleWorkspace merges
// them as it merges cache entries), so the output is the same byte for byte.
// Only for work that pays for a thread's start-up (~0.1 s of the other core),
// and only with a core to spare: while one thread checks a big workspace, V8's
// own background threads (the optimising compiler, the garbage collector) keep
// a second core about half busy, and a worker doubles that work (its isolate
// compiles the same code again), so on two cores it cost ~1.1-1.7 s of CPU and
// gave no wall time back. Run from the sources (the tests) there is no worker
// bundle and every file is checked here.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import type { Lang } from '../core/diagnostic.js';
import type { PlanChecker, PlanJob, PlanRecipe, PlanResult } from '../core/workspace.js';
import { fail } from './exit.js';
import type { Allocate } from './read-file.js';

/** Below this many bytes of plans to read, a thread costs more than it saves. */
const MIN_BYTES = 1 << 20;
/** The cores `auto` needs: the worker's own and one for V8's background threads besides this thread's. */
const MIN_CORES = 3;
/** A worker that finishes no file for this long is given up on: this thread checks what it took. */
const STALLED_MS = 30_000;
/** How often this thread, waiting for the worker, looks whether it said it failed (a bundle that does not load). */
const LOOK_MS = 50;

/** The shared counters (Int32Array indices): the next job to take, jobs the worker finished, the worker done (1). */
export const NEXT = 0;
export const FINISHED = 1;
export const DONE = 2;

/** What the worker is started with: the port its work comes in on and its results go out on, and where the plans are. */
export interface WorkerStart {
  port: MessagePort;
  /** The command's paths and --units: the worker reads the files beside the plans while this thread reads the plans. */
  where?: { paths: readonly string[]; units?: string };
}

/** The work, sent once the files are read. */
export interface WorkerInput {
  recipe: PlanRecipe;
  /** The shared memory every job's bytes are in (not copied per job). */
  buffers: SharedArrayBuffer[];
  /** Per job: file, which buffer, start and end in it, key. */
  jobs: { file: string; buffer: number; start: number; end: number; key?: string }[];
  counters: SharedArrayBuffer;
}

/**
 * What the worker sends back: each job's result as soon as it has it (job index, result), or why it stopped: its error,
 * or, when it ends without one (process.exit, a bundle that sets nothing up, an error thrown later), its exit code.
 */
export type WorkerOutput = [number, PlanResult] | { error: string } | { exited: number };

/** How a command that may check its plans on two threads reads them (alloc) and checks them (check). */
export interface TwoThreads {
  alloc: Allocate;
  check: PlanChecker;
}

/**
 * When to use threads, from PLAN_THREADS: `auto` by size, with three cores or
 * more (the default); `on` by size whatever the cores; `off`; `worker`, every
 * file on the worker and none here (the tests of this path, on small
 * workspaces: a result the worker does not give is then an error, not made up
 * for here). The worker is started as soon as the plan files read pass
 * the size that pays for it, so that it loads while this thread reads the rest.
 */
export function twoThreads(mode: string | undefined, lang: Lang, where?: WorkerStart['where']): TwoThreads {
  const onlyWorker = mode === 'worker';
  const allowed = threadsAllowed(mode, os.availableParallelism());
  // Without threads (PLAN_THREADS=off, too few cores) no worker reads the bytes: ordinary memory does.
  const shared = allowed ? sharedMemory() : undefined;
  let allocated = 0;
  let early: StartedWorker | undefined;
  // Started once at most while reading (no worker bundle: not asked again for every file).
  let tried = false;
  const alloc: Allocate = (size) => {
    if (!shared) return Buffer.allocUnsafe(size);
    allocated += size;
    if (!tried && (onlyWorker || allocated >= MIN_BYTES)) {
      tried = true;
      early = startWorker(onlyWorker, where);
    }
    return shared(size);
  };
  const check: PlanChecker = (recipe, jobs, here) => {
    let bytes = 0;
    for (const job of jobs) bytes += job.bytes.length;
    const wanted = allowed && (onlyWorker || (bytes >= MIN_BYTES && jobs.length > 1));
    const worker = wanted ? (tried ? early : startWorker(onlyWorker, where)) : undefined;
    if (!worker) {
      // Most files' results were kept (the content cache): the worker started while reading has nothing to do.
      early?.stop();
      return jobs.map((_, i) => here(i));
    }
    return inTwoThreads(worker, recipe, jobs, onlyWorker ? undefined : here, lang);
  };
  return { alloc, check };
}

/** Whether PLAN_THREADS lets a run with this many cores check on two threads when its work is big enough. */
export function threadsAllowed(mode: string | undefined, cores: number): boolean {
  if (mode === 'worker' || mode === 'on') return true;
  return mode !== 'off' && cores >= MIN_CORES;
}

// Loaded only when threads are used: a few milliseconds of every other command's start-up.
const requireHere = createRequire(import.meta.url);

/**
 * Memory for the plan files of a run that may check them on two threads: shared
 * (SharedArrayBuffer), so the worker reads the very bytes this thread read, with
 * no copy (copying 17 MB into fresh memory costs ~0.1 s here, mostly page faults).
 */
function sharedMemory(): Allocate {
  let chunk: Uint8Array | undefined;
  let used = 0;
  return (size) => {
    if (!chunk || used + size > chunk.length) {
      chunk = new Uint8Array(new SharedArrayBuffer(Math.max(size, SHARED_CHUNK)));
      used = 0;
    }
    used += size;
    return chunk.subarray(used - size, used);
  };
}

/** Shared memory is taken in pieces this big (pages are only touched as files fill them). */
const SHARED_CHUNK = 4 << 20;

interface StartedWorker {
  port: MessagePort;
  stop(): void;
}

/** The worker, loading; none when there is no worker bundle (run from the sources), unless only the worker may check. */
function startWorker(onlyWorker: boolean, where: WorkerStart['where']): StartedWorker | undefined {
  const workerFile = fileURLToPath(new URL('./check-worker.cjs', import.meta.url));
  if (!(onlyWorker || existsSync(workerFile))) return undefined;
  const { MessageChannel, Worker } = requireHere('node:worker_threads') as typeof import('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const start: WorkerStart = { port: port2, ...(where ? { where } : {}) };
  // Loaded as bin/plan.js loads the CLI: with its V8 code cache (the worker compiled its whole bundle anew every run).
  const loader = fileURLToPath(new URL('../bin/load-cli.js', import.meta.url));
  // A bundle that does not load says so on the port (the worker's own failures do, check-worker.ts), not as an
  // 'error' event: this thread, blocked waiting for the worker, would only see that once the run is over. So does a
  // worker that ends without a word: its exit, on the port, ends the wait at once. (After the work the port is closed
  // and that last message goes nowhere.)
  const worker = new Worker(
    `const { port } = require('node:worker_threads').workerData; process.on('exit', (code) => port.postMessage({ exited: code })); try { require(${JSON.stringify(loader)}).loadCheckWorker(); } catch (e) { port.postMessage({ error: e instanceof Error ? e.name + ': ' + e.message : String(e) }); }`,
    { eval: true, workerData: start, transferList: [port2] },
  );
  // The process ends when the work does, whatever the worker is still doing.
  worker.unref();
  // An error thrown in the worker outside its checks has already ended the wait through its exit on the port; as an
  // event it would come later, after this thread's answer, and end the process with a stack trace.
  worker.on('error', () => {});
  return {
    port: port1,
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}

function inTwoThreads(worker: StartedWorker, recipe: PlanRecipe, jobs: readonly PlanJob[], here: ((i: number) => PlanResult) | undefined, lang: Lang): PlanResult[] {
  const { receiveMessageOnPort } = requireHere('node:worker_threads') as typeof import('node:worker_threads');
  const buffers: SharedArrayBuffer[] = [];
  const numbers = new Map<SharedArrayBuffer, number>();
  // Bytes read some other way (not into sharedMemory) are copied into shared memory of their own.
  const copied = sharedMemory();
  const sent = jobs.map((j) => {
    const bytes = j.bytes.buffer instanceof SharedArrayBuffer ? j.bytes : copied(j.bytes.length);
    if (bytes !== j.bytes) bytes.set(j.bytes);
    const shared = bytes.buffer as SharedArrayBuffer;
    let buffer = numbers.get(shared);
    if (buffer === undefined) {
      numbers.set(shared, (buffer = buffers.length));
      buffers.push(shared);
    }
    return { file: j.file, buffer, start: bytes.byteOffset, end: bytes.byteOffset + bytes.length, ...(j.key !== undefined ? { key: j.key } : {}) };
  });
  const counters = new Int32Array(new SharedArrayBuffer(3 * 4));
  const input: WorkerInput = { recipe, buffers, jobs: sent, counters: counters.buffer as SharedArrayBuffer };
  worker.port.postMessage(input);

  const results: (PlanResult | undefined)[] = new Array(jobs.length);
  let failure: WorkerFailure | undefined;
  // The worker's results are taken in as they come, between this thread's own files, not all at the end.
  const takeResults = () => {
    for (let m = receiveMessageOnPort(worker.port); m; m = receiveMessageOnPort(worker.port)) {
      const output = m.message as WorkerOutput;
      if (Array.isArray(output)) results[output[0]] = output[1];
      // Its error, not the exit that follows it.
      else if (!failure || 'error' in output) failure = output;
    }
  };
  let mine = 0;
  if (here) {
    for (let i = Atomics.add(counters, NEXT, 1); i < jobs.length; i = Atomics.add(counters, NEXT, 1)) {
      results[i] = here(i);
      mine++;
      takeResults();
    }
  }
  if (mine < jobs.length) {
    // The worker took the others: wait for it to finish them (it says so once the counter runs out).
    let finished = Atomics.load(counters, FINISHED);
    let since = Date.now();
    while (Atomics.wait(counters, DONE, 0, LOOK_MS) === 'timed-out') {
      takeResults();
      if (failure !== undefined) break;
      const now = Atomics.load(counters, FINISHED);
      if (now !== finished) {
        finished = now;
        since = Date.now();
      } else if (Date.now() - since > STALLED_MS) break;
    }
    takeResults();
    worker.port.close();
  } else {
    // Every file was checked here before the worker took one: it has nothing left to do.
    worker.stop();
  }
  // Whatever the worker could not give (it stopped, or failed) is checked here, as without it; with PLAN_THREADS=worker
  // that is a failure of the run. (A loop, not results.map: map skips the holes a missing result leaves.)
  const out: PlanResult[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const r = results[i];
    if (r) out.push(r);
    else if (here) out.push(here(i));
    else workerFailed(lang, jobs[i]!.file, failure);
  }
  return out;
}

type WorkerFailure = Exclude<WorkerOutput, [number, PlanResult]>;

/** PLAN_THREADS=worker and a file the worker gave no result for: exit 1, saying which worker, which file and why. */
function workerFailed(lang: Lang, file: string, failure: WorkerFailure | undefined): never {
  const worker = 'dist/check-worker.cjs';
  // The first line of what the worker said (its error, not its stack); else how it ended, or that it stalled.
  let why = { vi: `không xong tệp nào trong ${STALLED_MS / 1000} giây`, en: `it finished no file in ${STALLED_MS / 1000} s` };
  if (failure && 'error' in failure) why = { vi: failure.error.split('\n')[0]!, en: failure.error.split('\n')[0]! };
  else if (failure) why = { vi: `luồng đã dừng mà không báo lỗi (mã thoát ${failure.exited})`, en: `it stopped without saying why (exit code ${failure.exited})` };
  return fail(lang, {
    vi: `lỗi: luồng kiểm tra thứ hai (${worker}, PLAN_THREADS=worker) không cho kết quả của ${file}: ${why.vi}`,
    en: `error: the check worker (${worker}, PLAN_THREADS=worker) gave no result for ${file}: ${why.en}`,
  });
}
