/** How commands print: JSON for --json, one-line errors naming the file and the reason. */
// From sniff.js, not parse/index.js: loading every parser (remark, pdf.js glue) for a query command cost ~0.2 s a start.
import { ParseError } from "../parse/sniff.js";
import { printable } from "../printable.js";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function failureLine(e: unknown, file: string): string {
  if (e instanceof ParseError) return printable(`${e.file}: ${e.stage}: ${e.reason}`);
  const m = e instanceof Error ? e.message : String(e);
  return printable(`${file}: ${m.split("\n")[0]}`);
}

export function reportFailure(e: unknown, file: string): void {
  console.error(`error: ${failureLine(e, file)}`);
}
