// The worker thread of src/io/parallel.ts (bundled apart as dist/check-worker.js):
// started while the main thread still reads the plan files, it loads, then waits
// for the work; it takes plan files from the shared counter and checks each as
// the main thread would (core/workspace.ts planCheckerFor), sending each result
// as soon as it has it.
import { workerData } from 'node:worker_threads';
import { type PlanResult, planCheckerFor } from '../core/workspace.js';
import { DONE, FINISHED, NEXT, type WorkerInput, type WorkerOutput, type WorkerStart } from './parallel.js';

const { port } = workerData as WorkerStart;

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
  Atomics.store(counters, DONE, 1);
  Atomics.notify(counters, DONE);
  port.close();
});
