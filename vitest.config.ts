import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites each start their own redis-server processes; two cores do not need more forks.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
