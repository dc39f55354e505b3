import { defineConfig } from 'vitest/config';

// One root config: each workspace is a project, so `vitest run` from the root runs everything.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      { test: { name: 'agent', root: './agent', include: ['src/**/*.test.ts'] } },
      { test: { name: 'tests', root: './tests', include: ['**/*.test.ts'], testTimeout: 60_000 } },
    ],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Two cores: keep to two workers so process-level tests are not starved.
    maxWorkers: 2,
  },
});
