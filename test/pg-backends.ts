/**
 * The two store backends the store tests run against (`describe.each(STORE_BACKENDS)`):
 * `newDb()` gives a fresh, empty store location — a temp SQLite file, or a new
 * database in the run's loopback PostgreSQL cluster (test/pg-global-setup.ts).
 * Open it with openStore/openBackend as any `--db` value.
 */
import { pgTestDatabase } from "./pg-database.js";
import { tempDb } from "./store-fixtures.js";

export type TestBackend = { name: "sqlite" | "postgres"; newDb: () => Promise<string> };

export const STORE_BACKENDS: TestBackend[] = [
  { name: "sqlite", newDb: async () => tempDb() },
  { name: "postgres", newDb: () => pgTestDatabase() },
];
