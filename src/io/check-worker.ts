// The worker thread of src/io/parallel.ts (bundled apart as dist/check-worker.js):
// takes plan files from the shared counter and checks each as the main thread
// would (core/workspace.ts planCheckerFor), then sends every result at once.
import { workerData } from 'node:worker_threads';
import { type PlanResult, planCheckerFor } from '../core/workspace.js';
import { DONE, FINISHED, NEXT, type WorkerInput, type WorkerOutput } from './parallel.js';

const { recipe, buffers, jobs, counters: shared, port } = workerData as WorkerInput;
const counters = new Int32Array(shared);

const results: [number, PlanResult][] = [];
let output: WorkerOutput;
try {
  const check = planCheckerFor(recipe);
  for (let i = Atomics.add(counters, NEXT, 1); i < jobs.length; i = Atomics.add(counters, NEXT, 1)) {
    const job = jobs[i]!;
    const bytes = new Uint8Array(buffers[job.buffer]!, job.start, job.end - job.start);
    results.push([i, check({ file: job.file, bytes, ...(job.key !== undefined ? { key: job.key } : {}) })]);
    Atomics.add(counters, FINISHED, 1);
  }
  output = { results };
} catch (e) {
  // The main thread checks this worker's files itself (and meets the same failure, reported as usual).
  output = { error: String((e as Error)?.stack ?? e) };
}
port.postMessage(output);
Atomics.store(counters, DONE, 1);
Atomics.notify(counters, DONE);
port.close();
