/**
 * The built CLI, spawned, for the fault tests: `vanban(args)` runs bin/vanban.js with
 * node and returns its exit code and both streams. `buildOnce()` compiles dist/ from
 * the sources under test when a source is newer than dist/ (tsc still emits when files
 * elsewhere are mid-edit). Only then: tsc rewrites every file of dist/, and a CLI that
 * another test file spawns meanwhile could load a half-written module.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "bin/vanban.js");

export type CliResult = { status: number | null; stdout: string; stderr: string };

export function vanban(args: string[], opts: Pick<SpawnSyncOptions, "cwd" | "input" | "env" | "timeout"> = {}): CliResult {
  // Vietnamese, as on a clerk's machine, whatever the runner's locale.
  const env = { ...(opts.env ?? process.env), LANG: "vi_VN.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000, ...opts, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function buildOnce(): void {
  const built = statSync(join(ROOT, "dist/src/cli/main.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built && ["src", "pipelines", "schemas"].every((dir) => newestSource(join(ROOT, dir)) < built)) return;
  spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.json")], { stdio: "pipe" });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
