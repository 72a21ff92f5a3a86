/**
 * `vanban` — one command per job. Data goes to stdout (tables by default, --json on
 * every command that prints data); logs go to stderr through pino. Messages are
 * Vietnamese unless `--lang en` or an English locale asks otherwise (src/i18n).
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { languageFrom, setLanguage, t } from "../i18n/index.js";
import { setLogging } from "../log.js";
import { registerExtract } from "./extract-command.js";
import { registerDoctor } from "./doctor-command.js";
import { registerExport } from "./export-command.js";
import { registerImport } from "./import-command.js";
import { registerNightly } from "./nightly-command.js";
import { registerParse } from "./parse-command.js";
import { registerQueueCommands } from "./queue-commands.js";
import { localiseCommander } from "./program-language.js";
import { registerServe } from "./serve-command.js";
import { registerSql } from "./sql-command.js";
import { refuseOnPostgres } from "./postgres-commands.js";
import { registerStoreCommands } from "./store-commands.js";

// Read before the commands are declared: their --help texts are in this language.
setLanguage(languageFrom(process.argv, process.env));

const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command();
localiseCommander(program);
program
  .name("vanban")
  .description(t("cli.description"))
  .version(version, "-V, --version", t("cli.version"))
  .option("--lang <lang>", t("cli.lang"))
  .option("--verbose", t("cli.verbose"))
  .option("--log-json", t("cli.logJson"))
  .hook("preAction", (_, action) => {
    setLogging(action.optsWithGlobals());
    refuseOnPostgres(action);
  })
  // Set before the commands are added, so each inherits them: a usage error is one line, exit 2.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

registerParse(program);
registerExtract(program);
registerImport(program);
registerDoctor(program);
registerNightly(program);
registerStoreCommands(program);
registerSql(program);
registerExport(program);
registerServe(program);
registerQueueCommands(program);

// `vanban show … | head`: the reader has gone, so stop quietly, as a Unix filter does
// (keeping the exit code the command set), instead of a stack trace for EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit();
  });

await program.parseAsync(process.argv);
