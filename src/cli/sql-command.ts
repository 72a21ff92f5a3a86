/**
 * `vanban sql "SELECT …"` — a read-only SQL console on the store (src/store/read/sql-console.ts).
 * Column names are printed as the statement names them; --ndjson streams the rows.
 */
import type { Command } from "commander";
import { t } from "../i18n/index.js";
import { runReadOnlySql } from "../store/index.js";
import { csvOf, table, writeNdjson, type Format } from "./answer-output.js";
import { DEFAULT_DB } from "./import-command.js";
import { printJson, reportError } from "./output.js";

const asWritten = (c: string) => c;

export function registerSql(program: Command): void {
  program
    .command("sql")
    .description(t("sql.description"))
    .argument("<statement>", t("sql.statement"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--json", t("opt.json"))
    .option("--csv", t("opt.csv"))
    .option("--ndjson", t("opt.ndjson"))
    .action(async (statement: string, opts: Format & { db: string }) => {
      try {
        const result = runReadOnlySql(opts.db, statement);
        if (opts.ndjson) return await writeNdjson(result.rows);
        const rows = [...result.rows];
        if (opts.json) printJson({ columns: result.columns, rows });
        else if (opts.csv) process.stdout.write(csvOf(rows, result.columns, asWritten));
        else process.stdout.write(`${t("sql.rows", { n: rows.length })}\n${rows.length ? table(rows, asWritten) : ""}`);
      } catch (e) {
        reportError(e);
        process.exitCode = 1;
      }
    });
}
