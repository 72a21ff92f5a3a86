/**
 * Writes schemas/extraction.schema.json (the contract), schemas/answers.schema.json
 * (every `--json` and API answer) and schemas/openapi.json (the HTTP API, also
 * served at /api/openapi.json) from the zod schemas (schemas/json-schemas.ts).
 * `npm run schema`; test/json-schema.test.ts fails when a file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { answersJsonSchema, extractionJsonSchema, openApiJson } from "../schemas/json-schemas.js";

export { answersJsonSchema, extractionJsonSchema, openApiJson };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = (name: string) => fileURLToPath(new URL(`../schemas/${name}`, import.meta.url).href.replace("/dist/schemas/", "/schemas/"));
  for (const [name, text] of [["extraction.schema.json", extractionJsonSchema()], ["answers.schema.json", answersJsonSchema()], ["openapi.json", openApiJson()]] as const) {
    writeFileSync(target(name), text);
    console.log(`wrote ${target(name)}`);
  }
}
