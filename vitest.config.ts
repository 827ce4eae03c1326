import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure code, fast, parallel), `db` (integration against a real PostgreSQL,
// one database per test file cloned from a migrated template), `e2e` (Chromium driving a live server).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    env: { TZ: 'Asia/Shanghai', GONGKAI_CHECK_RESPONSES: '1', GONGKAI_REQUIRE_2FA: '0' },
    // A worker process runs file after file instead of a fork per file (seconds of Node and dependency start-up
    // each on the 2-core machine: bench/README.md, "Test suite time"); test/fresh-modules.ts still gives every file
    // freshly evaluated project modules, as a new process would.
    poolOptions: { forks: { isolate: false } },
    setupFiles: ['test/fresh-modules.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/boundaries/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          // Readers run in upload worker threads: their first start on a busy 2-core machine takes seconds.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/db-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/db-global-setup.ts', 'test/e2e-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A page renders after its data arrives: on a loaded 2-core CI machine that can take longer than the
          // default second of expect.poll. Waiting longer changes no assertion, only how long a page may take.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
