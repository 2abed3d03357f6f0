import { defineConfig } from 'vitest/config';

// The middle tier (`npm run test:medium`): the services with their real repositories on a copy of
// the database migrated once per run, real DuckDB pipelines, no HTTP server and no process spawned.
export default defineConfig({
  test: {
    include: ['medium/**/*.test.ts'],
    // Each file opens its own copy of the template database, so files may run side by side.
    globalSetup: ['support/template-database.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
