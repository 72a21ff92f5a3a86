/**
 * For tests that spawn the built CLI: build dist/ once, a store holding the
 * hand-built world (store-fixtures.ts), and the spawn itself — on a clerk's
 * machine (no English locale) unless the call says otherwise.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/store/index.js";
import { ingest, tempDb, world } from "./store-fixtures.js";

/** Every source file older than its built .js: tsc would write the same files (and takes minutes on a loaded machine). */
function builtIsFresh(): boolean {
  const sources = ["src", "pipelines", "schemas", "scripts", "bench"].flatMap((dir) =>
    existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).map((f) => join(dir, f)) : [],
  );
  return sources.every((f) => {
    const built = join("dist", f.replace(/\.ts$/, ".js"));
    return existsSync(built) && statSync(built).mtimeMs >= statSync(f).mtimeMs;
  });
}

export function buildCli(): void {
  if (builtIsFresh()) return;
  // tsc exits non-zero on type errors in files under construction elsewhere, but still emits.
  try {
    execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "pipe" });
  } catch {
    /* emitted anyway; the spawns tell whether the CLI works */
  }
}

export function buildCliAndWorld(): string {
  buildCli();
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
