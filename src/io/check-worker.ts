// The worker thread of src/io/parallel.ts (bundled apart as dist/check-worker.cjs):
// started while the main thread still reads the plan files, it loads, then waits
// for the work; it takes plan files from the shared counter and checks each as
// the main thread would (core/workspace.ts planCheckerFor), sending each result
// as soon as it has it.
import { workerData } from 'node:worker_threads';
import { type PlanResult, planCheckerFor, readAhead } from '../core/workspace.js';
import { readDataFiles } from './files.js';
import { DONE, FINISHED, NEXT, type WorkerInput, type WorkerOutput, type WorkerStart } from './parallel.js';

const { port, where } = workerData as WorkerStart;
let workDone: (() => void) | undefined;

/** Runs `then` once the work is done, before the main thread is told so (bin/load-cli.js: the worker's code cache, made then). */
export function afterWork(then: () => void): void {
  workDone = then;
}

// While the main thread reads the plan files: the files beside them, read and parsed as the
// checker will want them (the checker parses them again only if the main thread read other bytes).
if (where) {
  try {
    readAhead(readDataFiles(where.paths, where.units));
  } catch {
    // The checker reads what the main thread sends, and words any problem there.
  }
}

port.once('message', (input: WorkerInput) => {
  const counters = new Int32Array(input.counters);
  const send = (output: WorkerOutput) => port.postMessage(output);
  try {
    const check = planCheckerFor(input.recipe);
    const { buffers, jobs } = input;
    for (let i = Atomics.add(counters, NEXT, 1); i < jobs.length; i = Atomics.add(counters, NEXT, 1)) {
      const job = jobs[i]!;
      const bytes = new Uint8Array(buffers[job.buffer]!, job.start, job.end - job.start);
      const result: PlanResult = check({ file: job.file, bytes, ...(job.key !== undefined ? { key: job.key } : {}) });
      send([i, result]);
      Atomics.add(counters, FINISHED, 1);
    }
  } catch (e) {
    // The main thread checks this worker's files itself (and meets the same failure, reported as usual).
    send({ error: String((e as Error)?.stack ?? e) });
  }
  workDone?.();
  Atomics.store(counters, DONE, 1);
  Atomics.notify(counters, DONE);
  port.close();
});
