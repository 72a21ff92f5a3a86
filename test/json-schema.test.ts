import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractionJsonSchema } from "../scripts/gen-json-schema.js";

describe("schemas/extraction.schema.json", () => {
  it("is generated from the zod schema (run `npx tsx scripts/gen-json-schema.ts` when this fails)", () => {
    const committed = readFileSync(new URL("../schemas/extraction.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(extractionJsonSchema());
  });
  it("requires the contract's top-level keys", () => {
    const schema = JSON.parse(extractionJsonSchema());
    expect(schema.required).toEqual(
      expect.arrayContaining(["schemaVersion", "source", "document", "references", "tasks", "deadlines", "metrics", "warnings"]),
    );
  });
});
