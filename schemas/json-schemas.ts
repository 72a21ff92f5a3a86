/**
 * JSON Schemas and the OpenAPI document, generated from the zod schemas (the
 * single source of truth): the extraction contract, every `--json` answer and API
 * answer ($defs), and the HTTP API as OpenAPI 3.1. scripts/gen-json-schema.ts
 * writes them to schemas/*.json; the web server serves the OpenAPI document.
 */
import { z } from "zod";
import { API_ROUTES, ApiError, COMMAND_ANSWERS } from "./api.js";
import { Extraction } from "./extraction.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
/** Answers repeat DocumentSummary and friends many times: named ones become $defs. */
const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;

export function extractionJsonSchema(): string {
  const schema = z.toJSONSchema(Extraction, { target: "draft-2020-12" }) as Record<string, unknown>;
  return json({ $id: "https://vanban.local/schemas/extraction.schema.json", title: "vanban extraction, contract version 1", ...schema });
}

const componentName = (path: string) =>
  path.replace(/^\/api\//, "").replace(/\{(\w+)\}/g, "By-$1").split(/[/-]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");

/**
 * A schema with its named parts ($defs) moved into `shared`, and its references
 * pointed at `where` (the place the shared parts end up in the whole document).
 */
function hoisted(schema: z.ZodType, shared: Record<string, unknown>, where: string): Record<string, unknown> {
  const { $schema: _, $defs, ...rest } = toSchema(schema) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const point = (x: unknown) => JSON.parse(JSON.stringify(x).replaceAll('"#/$defs/', `"${where}`)) as Record<string, unknown>;
  for (const [name, def] of Object.entries($defs ?? {})) shared[name] = point(def);
  return point(rest);
}

/** Each command's and each route's answer under $defs, named by command or route; shared parts by their names. */
export function answersJsonSchema(): string {
  const $defs: Record<string, unknown> = {};
  for (const [command, schema] of Object.entries(COMMAND_ANSWERS)) $defs[`cli ${command}`] = hoisted(schema, $defs, "#/$defs/");
  for (const route of API_ROUTES) $defs[`GET ${route.path}`] = hoisted(route.answer, $defs, "#/$defs/");
  return json({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://vanban.local/schemas/answers.schema.json", title: "vanban answers (--json and /api/)", $defs });
}

/** OpenAPI 3.1 (whose schemas are JSON Schema 2020-12). */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { ApiError: hoisted(ApiError, {}, "") };
  for (const route of API_ROUTES) {
    const name = componentName(route.path);
    schemas[name] = hoisted(route.answer, schemas, "#/components/schemas/");
    paths[route.path] = {
      get: {
        summary: route.summary,
        operationId: `get${name}`,
        parameters: route.parameters.map((p) => ({ name: p.name, in: p.in, required: p.in === "path" || Boolean(p.required), description: p.description, schema: p.schema ?? { type: "string" } })),
        responses: {
          200: { description: "the answer", content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } },
          400: { description: "a bad parameter", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } },
          404: { description: "no such document", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } },
        },
      },
    };
  }
  paths["/api/openapi.json"] = { get: { summary: "this document", operationId: "getOpenapi", responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": {} } } } } };
  return {
    openapi: "3.1.0",
    info: { title: "vanban", version: "1", description: "The JSON API of `vanban serve`: the archive's documents, citations, tasks, deadlines and metrics. Read-only." },
    paths,
    components: { schemas },
  };
}

export const openApiJson = () => json(openApiDocument());
