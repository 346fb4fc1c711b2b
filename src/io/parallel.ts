// Checking plan files on both cores: a worker thread (check-worker.ts, its own
// bundle dist/check-worker.js) and this thread take files from one shared
// counter until none is left, so neither waits for the other however the work
// is spread; the results come back in file order (assembleWorkspace merges
// them as it merges cache entries), so the output is the same byte for byte.
// Only for work that pays for a thread's start-up (~0.1 s of the other core);
// run from the sources (the tests) there is no worker bundle and every file is
// checked here.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import type { PlanChecker, PlanJob, PlanRecipe, PlanResult } from '../core/workspace.js';
import type { Allocate } from './read-file.js';

/** Below this many bytes of plans to read, a thread costs more than it saves. */
const MIN_BYTES = 1 << 20;
/** A worker that finishes no file for this long is given up on: this thread checks what it took. */
const STALLED_MS = 30_000;

/** The shared counters (Int32Array indices): the next job to take, jobs the worker finished, the worker done (1). */
export const NEXT = 0;
export const FINISHED = 1;
export const DONE = 2;

/** What the worker is sent. */
export interface WorkerInput {
  recipe: PlanRecipe;
  /** The shared memory every job's bytes are in (not copied per job). */
  buffers: SharedArrayBuffer[];
  /** Per job: file, which buffer, start and end in it, key. */
  jobs: { file: string; buffer: number; start: number; end: number; key?: string }[];
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** What the worker sends back once: results by job index, or why it stopped. */
export type WorkerOutput = { results: [number, PlanResult][] } | { error: string };

/**
 * When to use threads, from PLAN_THREADS: `auto` by size (the default); `off`;
 * `worker`, every file on the worker and none here (the tests of this path, on
 * small workspaces: a result the worker does not give is then an error, not
 * made up for here).
 */
export function parallelChecker(mode: string | undefined): PlanChecker {
  return (recipe, jobs, here) => {
    let bytes = 0;
    for (const job of jobs) bytes += job.bytes.length;
    const onlyWorker = mode === 'worker';
    const wanted = onlyWorker || (mode !== 'off' && bytes >= MIN_BYTES && jobs.length > 1 && os.availableParallelism() > 1);
    const workerFile = fileURLToPath(new URL('./check-worker.js', import.meta.url));
    if (!wanted || !(onlyWorker || existsSync(workerFile))) return jobs.map((_, i) => here(i));
    return inTwoThreads(workerFile, recipe, jobs, onlyWorker ? undefined : here);
  };
}

// Loaded only when threads are used: a few milliseconds of every other command's start-up.
const requireHere = createRequire(import.meta.url);

/**
 * Memory for the plan files of a run that may check them on two threads: shared
 * (SharedArrayBuffer), so the worker reads the very bytes this thread read, with
 * no copy (copying 17 MB into fresh memory costs ~0.1 s here, mostly page faults).
 */
export function sharedMemory(): Allocate {
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

function inTwoThreads(workerFile: string, recipe: PlanRecipe, jobs: readonly PlanJob[], here: ((i: number) => PlanResult) | undefined): PlanResult[] {
  const { MessageChannel, receiveMessageOnPort, Worker } = requireHere('node:worker_threads') as typeof import('node:worker_threads');
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
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { recipe, buffers, jobs: sent, counters: counters.buffer as SharedArrayBuffer, port: port2 };
  const worker = new Worker(workerFile, { workerData: input, transferList: [port2] });
  // The process ends when the work does, whatever the worker is still doing.
  worker.unref();

  const results: (PlanResult | undefined)[] = new Array(jobs.length);
  let mine = 0;
  if (here) {
    for (let i = Atomics.add(counters, NEXT, 1); i < jobs.length; i = Atomics.add(counters, NEXT, 1)) {
      results[i] = here(i);
      mine++;
    }
  }
  if (mine < jobs.length) {
    // The worker took the others: wait for its results (it reports once, when the counter runs out).
    let finished = Atomics.load(counters, FINISHED);
    let since = Date.now();
    while (Atomics.wait(counters, DONE, 0, 1000) === 'timed-out') {
      const now = Atomics.load(counters, FINISHED);
      if (now !== finished) {
        finished = now;
        since = Date.now();
      } else if (Date.now() - since > STALLED_MS) break;
    }
    const message = receiveMessageOnPort(port1)?.message as WorkerOutput | undefined;
    if (message && 'results' in message) for (const [i, result] of message.results) results[i] = result;
    else if (!here) throw new Error(`the check worker gave no results: ${message && 'error' in message ? message.error : 'it stopped'}`);
  } else {
    // Every file was checked here before the worker started: it has nothing left to do.
    void worker.terminate();
  }
  port1.close();
  // Whatever the worker could not give (it stopped, or failed) is checked here, as without it.
  return results.map((r, i) => {
    if (r) return r;
    if (!here) throw new Error(`the check worker gave no result for ${jobs[i]!.file}`);
    return here(i);
  });
}
