import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One throwaway PostgreSQL cluster on a loopback port per run (the PostgreSQL store tests).
    globalSetup: ["test/pg-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep forks few so spawned CLIs and SQLite writers don't starve.
    pool: "forks",
    maxWorkers: 2,
  },
});
