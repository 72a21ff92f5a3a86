/**
 * vitest globalSetup: one throwaway PostgreSQL cluster per `vitest run` (test/pg-cluster.ts),
 * stopped and removed when the run ends. Tests get its admin URL with `inject("pgAdminUrl")`
 * and make their own database with `pgTestDatabase()` (test/pg-database.ts).
 */
import type { TestProject } from "vitest/node";
import { startPgCluster } from "./pg-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide("pgAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
