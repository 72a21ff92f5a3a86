import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep forks few so spawned CLIs and SQLite writers don't starve.
    pool: "forks",
    maxWorkers: 2,
  },
});
