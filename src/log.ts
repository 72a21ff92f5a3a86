/**
 * The one logger: pino, JSON lines to stderr — silent unless asked for: --verbose
 * (debug), --log-json (info) or VANBAN_LOG=level. A clerk reads one-line messages
 * from the catalogue (src/i18n); what goes wrong with a file is in the summary, not
 * in a JSON line. Data goes to stdout; logs never do.
 */
import { pino } from "pino";
import { printable } from "./printable.js";

export const log = pino(
  {
    level: process.env.VANBAN_LOG || "silent",
    base: undefined,
    // JSON escapes C0 controls but not C1 (\x9b is CSI), line separators or bidi overrides, which a file name may carry.
    formatters: { log: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v])) },
  },
  pino.destination({ dest: 2, sync: true }),
);

/** `--verbose` wins over `--log-json`; without either, VANBAN_LOG or silence. */
export function setLogging(options: { verbose?: boolean; logJson?: boolean }): void {
  if (options.verbose) log.level = "debug";
  else if (options.logJson && !process.env.VANBAN_LOG) log.level = "info";
}
