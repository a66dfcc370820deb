import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn the CLI and parse fixtures: generous but bounded.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
