/**
 * `vanban serve`: the web UI and JSON API over a store, read-only. Binds to
 * 127.0.0.1 unless --host says otherwise: the archive is internal documents,
 * and the server has no authentication.
 */
import type { Command } from "commander";
import { log } from "../log.js";
import { printable } from "../printable.js";
import { StoreError } from "../store/store-error.js";
import { DEFAULT_DB } from "./import-command.js";
import { wholeNumber } from "./option-values.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("web UI and JSON API over a store (read-only)")
    .option("--db <file>", "store file", DEFAULT_DB)
    .option("--port <n>", "port (0 = any free port)", wholeNumber("--port", 0, 65535), 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .action(async (opts: { db: string; port: number; host: string }) => {
      // Loaded on demand: the other commands need none of the server.
      const { startWebServer } = await import("../web/server.js");
      const server = await startWebServer({ db: opts.db, host: opts.host, port: opts.port }).catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (!(e instanceof StoreError)) log.debug({ err: e }, "serve failed to start");
        console.error(`error: ${printable(message.split("\n")[0])}`);
        process.exitCode = 1;
        return null;
      });
      if (!server) return;
      console.log(`vanban: đang phục vụ ${printable(opts.db)} tại ${server.url} (Ctrl+C để dừng)`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
