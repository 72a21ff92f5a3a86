/**
 * Issue 12 item 6: DNS rebinding. `vanban serve` (the real CLI, on a real store)
 * answers only requests addressed to a name it is reached by — 127.0.0.1, localhost,
 * [::1] and the --host value, with its port — and 421 to any other Host header.
 * Requests are written by hand on a socket, so the Host header is exactly the forged one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOnce, CLI, ROOT, vanban } from "./cli.js";
import { tempDir } from "./generate.js";

const temp = tempDir("host");
let server: ChildProcess;
let port = 0;

beforeAll(async () => {
  buildOnce();
  const db = join(temp.dir, "store.db");
  expect(vanban(["import", join(ROOT, "fixtures/000_9cf0e1b2418f68ec.txt"), "--db", db]).status).toBe(0);
  server = spawn(process.execPath, [CLI, "serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  port = await portOf(server, "127.0.0.1");
}, 180_000);
afterAll(() => {
  server?.kill();
  temp.cleanup();
});

/** The port `serve --port 0` printed in its "đang phục vụ … tại http://ADDRESS:PORT" line. */
function portOf(child: ChildProcess, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = new RegExp(`http://${address.replace(/\./g, "\\.")}:(\\d+)`).exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`serve exited ${code}`)));
  });
}

/** One raw HTTP/1.1 request; the status code of the answer. */
function statusFor(hostLine: string | null, path = "/api/runs", to = { address: "127.0.0.1", port }): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(to.port, to.address);
    let answer = "";
    socket.on("data", (b) => (answer += b.toString("latin1")));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on("error", reject);
    socket.write(`GET ${path} HTTP/1.1\r\n${hostLine === null ? "" : `Host: ${hostLine}\r\n`}Connection: close\r\n\r\n`);
  });
}

describe("serve answers only its own names", () => {
  it("127.0.0.1, localhost and [::1] with the port: 200", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect(await statusFor(host), host).toBe(200);
  });

  it("a forged Host (a rebound name, a wrong port, no port, a suffix trick): 421, for pages and the API alike", async () => {
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1:${port + 1}`, "127.0.0.1", `127.0.0.1:${port}.evil.example`, `localhost.evil.example:${port}`, ""]) {
      expect(await statusFor(host), JSON.stringify(host)).toBe(421);
      expect(await statusFor(host, "/documents"), JSON.stringify(host)).toBe(421);
    }
  });

  it("no Host header at all (HTTP/1.1 requires one): 400 from node or 421, never the archive", async () => {
    expect([400, 421]).toContain(await statusFor(null));
  });
});

describe("serve --host ADDRESS", () => {
  it("also answers to the --host value", async () => {
    const db = join(temp.dir, "store.db");
    // Any 127.x.y.z is this machine on Linux: a listen address other than the defaults.
    const named = spawn(process.execPath, [CLI, "serve", "--db", db, "--port", "0", "--host", "127.0.0.2"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const namedPort = await portOf(named, "127.0.0.2");
      const to = { address: "127.0.0.2", port: namedPort };
      expect(await statusFor(`127.0.0.2:${namedPort}`, "/api/runs", to)).toBe(200);
      expect(await statusFor(`localhost:${namedPort}`, "/api/runs", to)).toBe(200);
      expect(await statusFor(`evil.example:${namedPort}`, "/api/runs", to)).toBe(421);
    } finally {
      named.kill();
    }
  });
});
