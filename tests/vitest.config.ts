import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Every JSON answer of the API is checked against its route's contract.
    setupFiles: ['support/api-contracts.setup.ts'],
    // Each file builds its own installation (SQLite + DuckDB); two cores are better used one file at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The CLI the tests spawn is the built one, bundled once before the first file; a fresh
    // installation starts from the database migrated once (support/template-database.ts).
    globalSetup: ['support/built-backend.ts', 'support/template-database.ts'],
  },
});
