/** How commands print: JSON for --json, one-line errors naming the file and the reason, in the user's language. */
// From sniff.js, not parse/index.js: loading every parser (remark, pdf.js glue) for a query command cost ~0.2 s a start.
import { localise, t } from "../i18n/index.js";
import { localiseReason } from "../i18n/reasons.js";
import { ParseError } from "../parse/sniff.js";
import { printable } from "../printable.js";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function failureLine(e: unknown, file: string): string {
  // The caller's name for the input, not the parser's: pasted text ("-") is "(đầu vào chuẩn)".
  if (e instanceof ParseError) return printable(`${file}: ${e.stage}: ${localiseReason(e.reason)}`);
  return printable(`${file}: ${localise(e)}`);
}

export function reportFailure(e: unknown, file: string): void {
  console.error(t("cli.error", { message: failureLine(e, file) }));
}

/** "lỗi: …" on stderr: the error's message in the user's language, one line. */
export function reportError(e: unknown): void {
  console.error(t("cli.error", { message: printable(localise(e)) }));
}
