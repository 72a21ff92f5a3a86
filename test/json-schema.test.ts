import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answersJsonSchema, extractionJsonSchema, openApiJson } from "../scripts/gen-json-schema.js";

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

describe("schemas/answers.schema.json and schemas/openapi.json", () => {
  it("are generated from the zod answer schemas (run `npx tsx scripts/gen-json-schema.ts` when this fails)", () => {
    expect(readFileSync(new URL("../schemas/answers.schema.json", import.meta.url), "utf8")).toBe(answersJsonSchema());
    expect(readFileSync(new URL("../schemas/openapi.json", import.meta.url), "utf8")).toBe(openApiJson());
  });

  it("every reference in the OpenAPI document points at a schema it defines", () => {
    const text = openApiJson();
    const defined = new Set(Object.keys(JSON.parse(text).components.schemas));
    const refs = [...text.matchAll(/"\$ref": "([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !r.startsWith("#/components/schemas/") || !defined.has(r.slice("#/components/schemas/".length)))).toEqual([]);
  });
});
