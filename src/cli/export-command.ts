/**
 * `vanban export graph --format graphml|csv [--code C] [--out FILE|DIR]` — the
 * citation graph for Gephi and other graph tools (src/export/graph-files.ts).
 * Without --code: every document that cites or is cited; with it: that document
 * and every document citing it, through chains of implementation.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { t, VanbanError } from "../i18n/index.js";
import { openStore, resolveDocument } from "../store/index.js";
import { citationGraph } from "../web/citation-graph-view.js";
import { edgesCsv, graphml, nodesCsv } from "../export/graph-files.js";
import { DEFAULT_DB } from "./import-command.js";
import { reportError } from "./output.js";

type ExportOpts = { db: string; format: string; code?: string; issuer?: string; out?: string };

export function registerExport(program: Command): void {
  program
    .command("export")
    .description(t("export.description"))
    .command("graph")
    .description(t("export.graph"))
    .option("--format <format>", t("export.format"), "graphml")
    .option("--code <code>", t("export.code"))
    .option("--issuer <issuer>", t("opt.issuer"))
    .option("--out <path>", t("export.out"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .action(async (opts: ExportOpts) => {
      try {
        if (opts.format !== "graphml" && opts.format !== "csv") throw new VanbanError("export.formatBad", { value: opts.format });
        const db = openStore(opts.db, { mustExist: true });
        let graph;
        try {
          const focusId = opts.code ? resolveDocument(db, opts.code, { issuer: opts.issuer }) : undefined;
          graph = citationGraph(db, { focusId, transitive: true, maxNodes: Number.MAX_SAFE_INTEGER });
        } finally {
          db.close();
        }
        const counts = { nodes: graph.nodes.length, edges: graph.edges.length };
        if (opts.format === "graphml") {
          if (!opts.out) return void process.stdout.write(graphml(graph));
          await writeFile(opts.out, graphml(graph));
          console.error(t("export.written", { files: opts.out, ...counts }));
        } else if (!opts.out) {
          process.stdout.write(edgesCsv(graph));
        } else {
          await mkdir(opts.out, { recursive: true });
          const files = [join(opts.out, "nodes.csv"), join(opts.out, "edges.csv")];
          await writeFile(files[0], nodesCsv(graph));
          await writeFile(files[1], edgesCsv(graph));
          console.error(t("export.written", { files: files.join(", "), ...counts }));
        }
      } catch (e) {
        reportError(e);
        process.exitCode = 1;
      }
    });
}
