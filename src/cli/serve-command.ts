/**
 * `vanban serve`: the web UI and JSON API over a store, read-only. Binds to
 * 127.0.0.1 unless --host says otherwise: the archive is internal documents,
 * and the server has no authentication.
 */
import type { Command } from "commander";
import { log } from "../log.js";
import { StoreError } from "../store/index.js";
import { printable } from "../printable.js";
import { languageFrom, setLanguage, t } from "../i18n/index.js";
import { DEFAULT_DB } from "./import-command.js";
import { wholeNumber } from "./option-values.js";
import { reportError } from "./output.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(t("serve.description"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--port <n>", t("serve.port"), wholeNumber("--port", 0, 65535), 8080)
    .option("--host <host>", t("serve.host"), "127.0.0.1")
    .action(async (opts: { db: string; port: number; host: string }) => {
      // The pages speak Vietnamese to every browser unless --lang asks otherwise: a server's own LANG (often en_US) is no reader's choice.
      setLanguage(languageFrom(process.argv, {}));
      // Loaded on demand: the other commands need none of the server.
      const { startWebServer } = await import("../web/server.js");
      const server = await startWebServer({ db: opts.db, host: opts.host, port: opts.port }).catch((e: unknown) => {
        if (!(e instanceof StoreError)) log.debug({ err: e }, "serve failed to start");
        reportError(e);
        process.exitCode = 1;
        return null;
      });
      if (!server) return;
      console.log(t("serve.listening", { db: printable(opts.db), url: server.url }));
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
