import type { Command } from "commander";
import { printable } from "../printable.js";
import { printJson, reportFailure } from "./output.js";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description("parse a PDF, DOCX, HTML, Markdown or text file into the document model")
    .argument("<file>")
    .option("--json", "print the document model as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        // Loaded on demand: the other commands need none of the parsers.
        const { parseFile } = await import("../parse/index.js");
        const doc = await parseFile(file);
        if (opts.json) return printJson(doc);
        const counts = new Map<string, number>();
        for (const b of doc.blocks) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
        console.log(`${printable(file)}: ${doc.source.format}${doc.source.encoding ? ` (${doc.source.encoding})` : ""}, ${doc.pages.length} page(s), ${doc.text.length} characters`);
        console.log(`blocks: ${[...counts].map(([t, n]) => `${n} ${t}`).join(", ")}`);
        for (const b of doc.blocks)
          if (b.type === "heading") console.log(`${"  ".repeat(Math.min(b.level - 1, 5))}${b.text.split("\n")[0].slice(0, 100)}  (p. ${b.page})`);
          else if (b.type === "table") console.log(`  [table: ${b.rows.length} rows × ${b.rows[0]?.cells.length ?? 0} columns, p. ${b.page}–${b.pageEnd}]`);
        for (const w of doc.warnings) console.error(printable(`warning: ${w.source}: ${w.reason}`));
      } catch (e) {
        reportFailure(e, file);
        process.exitCode = 2;
      }
    });
}
