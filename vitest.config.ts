import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests never depend on the machine's zone: dates are computed for Vietnam.
    // NODE_EXTRA_CA_CERTS empty: each Node process a test starts (the built plan, ~90 a run) would first read
    // the machine's CA bundle, ~70 ms of CPU here, and none of them opens a TLS connection. npm install, which
    // may, gets the machine's value back from PLAN_TEST_CA_CERTS (test/e2e/install.test.ts).
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '', PLAN_TEST_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '' },
    testTimeout: 60_000,
    // Every core (vitest's default leaves one idle: a single worker on a 2-core machine). Many
    // tests wait on pandoc, LibreOffice or a child process, so the cores are not all busy.
    maxWorkers: availableParallelism(),
    // A worker process runs many test files: the modules they share (the CLI, yaml, zod, docx…)
    // load once per worker, not once per file, which was a third of the suite's CPU. So a test
    // file must leave the process as it found it (environment, working folder, module state).
    isolate: false,
    hookTimeout: 120_000,
    // Longest files first (test/durations.json), also in a fresh clone that has no record of the last run.
    sequence: { sequencer: LongestFirst },
  },
});
