/**
 * For tests that spawn the built CLI: build dist/ once, a store holding the
 * hand-built world (store-fixtures.ts), and the spawn itself — on a clerk's
 * machine (no English locale) unless the call says otherwise.
 */
import { spawnSync } from "node:child_process";
import { buildOnce } from "./faults/cli.js";
import { openStore } from "../src/store/index.js";
import { ingest, tempDb, world } from "./store-fixtures.js";

/** For tests that only spawn the CLI. */
export const buildCli = buildOnce;

export function buildCliAndWorld(): string {
  // Only when a source is newer than dist/: tsc rewrites every file of dist/, and a
  // CLI or import worker another test file starts meanwhile loads half-written modules.
  buildOnce();
  const db = tempDb();
  const store = openStore(db);
  for (const x of world) ingest(store, x);
  store.close();
  return db;
}

export function spawnCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const env = { ...process.env, VANBAN_LOG: "warn", LANG: "vi_VN.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...options.env };
  const r = spawnSync(process.execPath, ["bin/vanban.js", ...args], { encoding: "utf8", env, input: options.input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
