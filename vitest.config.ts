import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests never depend on the machine's zone: dates are computed for Vietnam.
    env: { TZ: 'America/Los_Angeles', NO_COLOR: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
