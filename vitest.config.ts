import { defineConfig } from 'vitest/config';

/**
 * One run for the whole repository. Workspace packages resolve to their
 * TypeScript sources through the `@trustlint/source` export condition, so
 * tests never depend on a stale build.
 */
export default defineConfig({
  resolve: {
    conditions: ['@trustlint/source', 'module', 'node', 'import', 'default'],
  },
  ssr: {
    resolve: {
      conditions: ['@trustlint/source', 'module', 'node', 'import', 'default'],
    },
  },
  test: {
    root: import.meta.dirname,
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'threads',
    sequence: { concurrent: false },
  },
});
