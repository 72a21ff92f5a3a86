import type { Command } from "commander";
import { t } from "../i18n/index.js";
import { printable } from "../printable.js";
import { printJson, reportFailure } from "./output.js";

export function registerParse(program: Command): void {
  program
    .command("parse")
    .description(t("parse.description"))
    .argument("<file>")
    .option("--json", t("parse.json"))
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        // Loaded on demand: the other commands need none of the parsers.
        const { parseFile } = await import("../parse/index.js");
        const doc = await parseFile(file);
        if (opts.json) return printJson(doc);
        const counts = new Map<string, number>();
        for (const b of doc.blocks) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
        console.log(t("parse.summary", { file: printable(file), format: `${doc.source.format}${doc.source.encoding ? ` (${doc.source.encoding})` : ""}`, pages: doc.pages.length, chars: doc.text.length }));
        console.log(t("parse.blocks", { list: [...counts].map(([type, n]) => `${n} ${type}`).join(", ") }));
        for (const b of doc.blocks)
          if (b.type === "heading") console.log(`${"  ".repeat(Math.min(b.level - 1, 5))}${b.text.split("\n")[0].slice(0, 100)}  (${t("parse.page", { page: b.page })})`);
          else if (b.type === "table") console.log(`  ${t("parse.table", { rows: b.rows.length, columns: b.rows[0]?.cells.length ?? 0, from: b.page, to: b.pageEnd })}`);
        for (const w of doc.warnings) console.error(printable(t("cli.warning", { message: `${w.source}: ${w.reason}` })));
      } catch (e) {
        reportFailure(e, file);
        process.exitCode = 2;
      }
    });
}
