/**
 * The one logger: pino, JSON to stderr, quiet (warn) unless --verbose (debug) or
 * VANBAN_LOG=level. Data goes to stdout; logs never do.
 */
import { pino } from "pino";
import { printable } from "./printable.js";

export const log = pino(
  {
    level: process.env.VANBAN_LOG ?? "warn",
    base: undefined,
    // JSON escapes C0 controls but not C1 (\x9b is CSI), line separators or bidi overrides, which a file name may carry.
    formatters: { log: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? printable(v) : v])) },
  },
  pino.destination({ dest: 2, sync: true }),
);

export function setVerbose(verbose: boolean): void {
  if (verbose) log.level = "debug";
}
