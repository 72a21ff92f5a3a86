/**
 * A throwaway PostgreSQL cluster on a loopback port, for tests: real PostgreSQL, no mock.
 *
 * `startPgCluster()` runs Debian's `initdb` into a fresh temp dir, `pg_ctl start` on a free
 * 127.0.0.1 port with the Unix socket inside the temp dir (no clash with a system cluster),
 * and returns the admin URL; `stop()` stops it (`-m immediate`: nothing to keep) and removes
 * the dir. `freshPgDatabase(adminUrl)` creates one empty database per test file or case.
 *
 * initdb and the server refuse to run as root, and we run as root here and on CI: then both
 * run as the `postgres` user (created by the Debian package) through `runuser`, and the temp
 * dir is handed to that user. The binaries are found under /usr/lib/postgresql/<version>/bin
 * (Debian keeps them off PATH; the newest installed version wins), else on PATH.
 * scripts/system-packages.txt lists `postgresql` (contrib included: `unaccent`).
 *
 * Used by test/pg-global-setup.ts (one cluster per `vitest run`, URL given to tests through
 * `inject("pgAdminUrl")`); a test may also start its own.
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres — superuser, trust auth on loopback. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/** The directory holding initdb/pg_ctl: the newest /usr/lib/postgresql/N/bin, else PATH (""). */
export function pgBinDir(): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return "";
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, "bin") : "";
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface PgUser {
  uid: number;
  gid: number;
}

async function postgresUser(): Promise<PgUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout } = await run("id", ["-u", "postgres"]).catch(() => {
    throw new Error(
      "pg-cluster: running as root but there is no `postgres` user — install Debian's postgresql (scripts/setup-system)",
    );
  });
  const gid = (await run("id", ["-g", "postgres"])).stdout;
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
async function runPg(user: PgUser | undefined, bin: string, args: string[]): Promise<string> {
  const file = join(pgBinDir(), bin);
  const [command, argv] = user ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  try {
    const { stdout } = await run(command, argv, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    if ((e as { code?: string }).code === "ENOENT") {
      throw new Error(
        `pg-cluster: ${bin} not found (looked in /usr/lib/postgresql/*/bin and PATH) — install Debian's postgresql (scripts/setup-system)`,
      );
    }
    throw new Error(`pg-cluster: ${bin} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export async function startPgCluster(): Promise<PgCluster> {
  const user = await postgresUser();
  const dir = mkdtempSync(join(tmpdir(), "vanban-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, "data");
  const port = await freePort();
  await runPg(user, "initdb", [
    "-D", dataDir,
    "-U", "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
    "--no-instructions",
  ]);
  // Loopback only, socket in the temp dir, no durability (a test cluster), small memory.
  const serverOptions = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    `-c fsync=off`,
    `-c synchronous_commit=off`,
    `-c full_page_writes=off`,
    `-c max_connections=100`,
    `-c shared_buffers=32MB`,
  ].join(" ");
  await runPg(user, "pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const stop = async (): Promise<void> => {
    await runPg(user, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dataDir, stop };
}

let counter = 0;

/** Creates an empty database in the cluster and returns its URL (name unique per process). */
export async function freshPgDatabase(adminUrl: string, prefix = "vanban_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
