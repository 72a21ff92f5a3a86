/**
 * The store the web tests serve: the five fixture documents (the seeds, as
 * text) and the hostile injection.md, imported by the real pipeline into a
 * temporary SQLite file, and a server on a free port of 127.0.0.1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importPaths } from "../pipelines/import.js";
import { startWebServer, type RunningWebServer } from "../src/web/server.js";

export const FIXTURES = {
  conclusion: "fixtures/000_9cf0e1b2418f68ec.txt",
  plan60: "fixtures/001_3086ccc4e4aed2ea.txt",
  plan002: "fixtures/002_6446a6058fd84167.txt",
  report003: "fixtures/003_dd124789fcb3a41d.txt",
  report004: "fixtures/004_c41bed75581ceb3b.txt",
  injection: "test/faults/files/injection.md",
} as const;

export type FixtureIds = Record<keyof typeof FIXTURES, number> & { nq57: number };

export type WebTestStore = { db: string; server: RunningWebServer; url: string; ids: FixtureIds; stop(): Promise<void> };

export async function startFixtureServer(): Promise<WebTestStore> {
  const dir = mkdtempSync(join(tmpdir(), "vanban-web-"));
  const db = join(dir, "web.db");
  const summary = await importPaths(Object.values(FIXTURES).map((f) => resolve(f)), { db, jobs: 2 });
  if (summary.failed) throw new Error(`fixture import failed: ${JSON.stringify(summary.errors)}`);
  const server = await startWebServer({ db, port: 0 });
  return {
    db,
    server,
    url: server.url,
    ids: await fixtureIds(server.url),
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Store ids of the fixture files and of 57-NQ/TW, read through the API as a client would. */
async function fixtureIds(url: string): Promise<FixtureIds> {
  const held = (await (await fetch(`${url}/api/documents?held=1&limit=100`)).json()) as { documents: { id: number; files: string[] }[] };
  const ids: Partial<FixtureIds> = {};
  for (const [name, file] of Object.entries(FIXTURES)) {
    const doc = held.documents.find((d) => d.files.includes(resolve(file)));
    if (!doc) throw new Error(`fixture ${file} is not in the store`);
    ids[name as keyof typeof FIXTURES] = doc.id;
  }
  const nq57 = (await (await fetch(`${url}/api/documents/${encodeURIComponent("57-NQ/TW")}`)).json()) as { document: { id: number } };
  return { ...(ids as Record<keyof typeof FIXTURES, number>), nq57: nq57.document.id };
}
