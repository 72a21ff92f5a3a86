/**
 * Developer view of the document model: one line per block (tables row by row).
 *   npx tsx scripts/dump-blocks.ts FILE [--spans]
 */
import { parseFile } from "../src/parse/index.js";

const file = process.argv[2];
const spans = process.argv.includes("--spans");
const doc = await parseFile(file);
console.log(`${file}: ${doc.source.format}, ${doc.pages.length} pages, ${doc.text.length} chars`);
for (const b of doc.blocks) {
  const at = `p${b.page}${spans ? ` ${b.span.start}-${b.span.end}` : ""}`;
  if (b.type === "table") {
    console.log(`TABLE ${at}..p${b.pageEnd} rows=${b.rows.length}`);
    for (const r of b.rows) console.log(`   ${r.header ? "H" : " "} p${r.page} ${r.cells.map((c) => c.text.replace(/\n/g, "⏎")).join(" | ")}`);
  } else if (b.type === "signature") console.log(`signature  ${at} ${JSON.stringify([b.authority, b.position, b.name])}`);
  else {
    const tag = b.type === "heading" ? `L${b.level} ${b.numbering ?? ""}` : b.type === "paragraph" ? (b.numbering ?? "") : b.type === "list-item" ? `${b.marker}${b.depth}` : b.label;
    console.log(`${b.type.padEnd(10)} ${at} [${tag}] ${b.text.replace(/\n/g, "⏎")}`);
  }
}
for (const w of doc.warnings) console.log(`warning: ${w.source}: ${w.reason}`);
