/**
 * The built CLI, spawned, for the fault tests: `vanban(args)` runs bin/vanban.js with
 * node and returns its exit code and both streams. `buildOnce()` compiles dist/ from
 * the sources under test (tsc still emits when files elsewhere are mid-edit).
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "bin/vanban.js");

export type CliResult = { status: number | null; stdout: string; stderr: string };

export function vanban(args: string[], opts: Pick<SpawnSyncOptions, "cwd" | "input" | "env" | "timeout"> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000, ...opts });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function buildOnce(): void {
  spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.json")], { stdio: "pipe" });
}
