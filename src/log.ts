/**
 * The one logger: pino, JSON to stderr, quiet (warn) unless --verbose (debug) or
 * VANBAN_LOG=level. Data goes to stdout; logs never do.
 */
import { pino } from "pino";

export const log = pino(
  { level: process.env.VANBAN_LOG ?? "warn", base: undefined },
  pino.destination({ dest: 2, sync: true }),
);

export function setVerbose(verbose: boolean): void {
  if (verbose) log.level = "debug";
}
