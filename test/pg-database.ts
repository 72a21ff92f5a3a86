/**
 * Inside a test file: a fresh, empty database in the run's loopback cluster
 * (test/pg-global-setup.ts). Each call gives a new database, so files and cases never share rows.
 */
import { inject } from "vitest";
import { freshPgDatabase } from "./pg-cluster.js";

export function pgTestDatabase(prefix?: string): Promise<string> {
  return freshPgDatabase(inject("pgAdminUrl"), prefix);
}
