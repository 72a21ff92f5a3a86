/**
 * How a store command's answer is printed. One answer, four forms:
 *   table (default)  titled, aligned, long cells clipped, headers in the user's language;
 *   --csv            the rows untruncated, UTF-8 with a BOM (src/web/csv.ts, as the web's downloads),
 *                    one file per section with `show --csv --out DIR`;
 *   --json           the library function's result, as it is (machine-readable);
 *   --ndjson         the answer's items, one JSON object per line, written as they come.
 */
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isMessageKey, render, language, t, VanbanError } from "../i18n/index.js";
import { maxOf } from "../large-arrays.js";
import { printable } from "../printable.js";
import { toCsv } from "../web/csv.js";
import { printJson } from "./output.js";

export type Row = Record<string, string | number | null>;
export type Section = { title: string; rows: Row[]; file?: string };
/** `text`, when given, is what a person reads instead of the table (the rows still make the CSV). */
export type Answer = { json: unknown; items?: Iterable<unknown> } & ({ title: string; rows: Row[]; text?: string } | { sections: Section[] });
export type Format = { json?: boolean; csv?: boolean; ndjson?: boolean; out?: string };

export async function printAnswer(a: Answer, f: Format): Promise<void> {
  if ([f.json, f.csv, f.ndjson].filter(Boolean).length > 1) throw new VanbanError("opt.formatsExclusive");
  if (f.json) return printJson(a.json);
  if (f.ndjson) return writeNdjson(a.items ?? ("rows" in a ? a.rows : [a.json]));
  const sections = "sections" in a ? a.sections : [{ title: a.title, rows: a.rows }];
  if (f.out) {
    if (!f.csv) throw new VanbanError("show.outNeedsCsv");
    await mkdir(f.out, { recursive: true });
    for (const [i, s] of sections.entries()) await writeFile(join(f.out, s.file ?? `${i + 1}.csv`), csvOf(s.rows));
    console.log(t("show.written", { n: sections.length, dir: f.out }));
    return;
  }
  if ("text" in a && a.text !== undefined && !f.csv) return void process.stdout.write(a.text);
  for (const [i, s] of sections.entries()) {
    if (f.csv) {
      // One BOM, at the very start: Excel reads the whole stream as UTF-8.
      if (sections.length > 1) process.stdout.write(`${i ? "\r\n" : "\uFEFF"}# ${s.title}\r\n`);
      process.stdout.write(sections.length > 1 ? csvOf(s.rows).replace(/^\uFEFF/, "") : csvOf(s.rows));
    } else {
      process.stdout.write(`${i ? "\n" : ""}${printable(s.title)}\n${table(s.rows)}`);
    }
  }
}

/**
 * One line per item; waits for the pipe to drain so a large answer is not held in
 * memory. A reader that stops early (`| head`) ends the answer quietly, as for any
 * Unix filter; the iterator is closed (an SQL statement finishes).
 */
export async function writeNdjson(items: Iterable<unknown>): Promise<void> {
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (e: NodeJS.ErrnoException) => void (failure ??= e);
  process.stdout.on("error", onError);
  try {
    for (const item of items) {
      if (!process.stdout.write(`${JSON.stringify(item)}\n`)) await once(process.stdout, "drain").catch(onError);
      if (failure) break;
    }
  } finally {
    process.stdout.off("error", onError);
  }
  if (failure && failure.code !== "EPIPE") throw failure;
}

/** A column's header in the user's language; an unknown column (an SQL alias) as written. */
export function columnTitle(column: string): string {
  const key = `col.${column}`;
  return isMessageKey(key) ? render(language(), key) : column;
}

/** `title` names the header of a column: the catalogue's words by default, as written for SQL answers. */
export function csvOf(rows: readonly Row[], columns: readonly string[] = rows.length ? Object.keys(rows[0]) : [], title = columnTitle): string {
  if (!columns.length) return "\uFEFF";
  return toCsv(columns.map(title), rows.map((r) => columns.map((c) => r[c])));
}

const WIDE = new Set(["task", "text", "title", "issuer", "subject", "value"]);

export function table(rows: readonly Row[], title = columnTitle): string {
  if (!rows.length) return `${t("table.none")}\n`;
  const columns = Object.keys(rows[0]);
  // Text from documents and file names: one safe line per cell (control characters escaped).
  const cell = (v: Row[string], c: string) => clip(v === null || v === undefined ? "" : printable(String(v).replace(/\s+/g, " ")), WIDE.has(c) ? 60 : 40);
  const headers = columns.map((c) => printable(title(c)));
  const widths = columns.map((c, i) => maxOf(rows, (r) => length(cell(r[c], c)), length(headers[i])));
  const line = (vals: string[]) => `${vals.map((v, i) => v + " ".repeat(widths[i] - length(v))).join("  ").trimEnd()}\n`;
  return line(headers) + line(widths.map((w) => "-".repeat(w))) + rows.map((r) => line(columns.map((c) => cell(r[c], c)))).join("");
}

const length = (s: string) => [...s].length;
const clip = (s: string, max: number) => (length(s) > max ? `${[...s].slice(0, max - 1).join("")}…` : s);
