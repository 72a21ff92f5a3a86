/**
 * `vanban` — one command per job. Data goes to stdout (tables by default, --json on
 * every command that prints data); logs go to stderr through pino.
 */
import { Command } from "commander";
import { setVerbose } from "../log.js";
import { registerExtract } from "./extract-command.js";
import { registerDoctor } from "./doctor-command.js";
import { registerImport } from "./import-command.js";
import { registerNightly } from "./nightly-command.js";
import { registerParse } from "./parse-command.js";
import { registerServe } from "./serve-command.js";
import { registerStoreCommands } from "./store-commands.js";
import { usageLine } from "./option-values.js";

const program = new Command();
program
  .name("vanban")
  .description("Vietnamese administrative documents → citations, tasks, deadlines and metrics")
  .option("--verbose", "log progress and decisions (pino, to stderr)")
  .hook("preAction", (cmd) => setVerbose(Boolean(cmd.optsWithGlobals().verbose)))
  // Set before the commands are added, so each inherits them: a usage error is one line, exit 2.
  .configureOutput({ outputError: (text, write) => write(usageLine(text)) })
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

registerParse(program);
registerExtract(program);
registerImport(program);
registerDoctor(program);
registerNightly(program);
registerStoreCommands(program);
registerServe(program);

// `vanban show … | head`: the reader has gone, so stop quietly, as a Unix filter does
// (keeping the exit code the command set), instead of a stack trace for EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit();
  });

await program.parseAsync(process.argv);
