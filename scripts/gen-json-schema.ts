/**
 * Writes schemas/extraction.schema.json from the zod schema (the single source of
 * truth). `npm run schema`; test/json-schema.test.ts fails when the file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Extraction } from "../schemas/extraction.js";

export function extractionJsonSchema(): string {
  const schema = z.toJSONSchema(Extraction, { target: "draft-2020-12" }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: "https://vanban.local/schemas/extraction.schema.json", title: "vanban extraction, contract version 1", ...schema }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL("../schemas/extraction.schema.json", import.meta.url).href.replace("/dist/schemas/", "/schemas/"));
  writeFileSync(out, extractionJsonSchema());
  console.log(`wrote ${out}`);
}
