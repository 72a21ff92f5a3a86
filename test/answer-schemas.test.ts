/**
 * Every API route's answer and every `--json` answer, from a real server and a
 * real store imported from the fixtures, checked against its zod schema
 * (schemas/api.ts): the schema accepts it, and parsing keeps every key (a key the
 * schema does not know would be dropped, so the two would differ). Also: the
 * OpenAPI document is served, and warnings are positioned in the document view.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { importPaths } from "../pipelines/import.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES, COMMAND_ANSWERS } from "../schemas/api.js";
import { openApiDocument } from "../schemas/json-schemas.js";
import {
  examineStore, openStore, queryCites, queryCiting, queryMetrics, queryPath, queryTasks, searchStore, showDocument, sqliteOperations, type Store,
} from "../src/store/index.js";
import { FIXTURES, startFixtureServer, type WebTestStore } from "./web-test-store.js";

let store: WebTestStore;
let db: Store;

beforeAll(async () => {
  store = await startFixtureServer();
  db = openStore(store.db, { mustExist: true });
}, 120_000);

afterAll(async () => {
  db?.close();
  await store?.stop();
});

async function answer(path: string): Promise<unknown> {
  const r = await fetch(store.url + path);
  expect(r.status, path).toBe(200);
  return r.json();
}

function conforms(schema: { safeParse: (x: unknown) => { success: boolean; data?: unknown; error?: unknown } }, value: unknown, what: string): void {
  const parsed = schema.safeParse(value);
  expect(parsed.success, `${what}: ${JSON.stringify(parsed.error ?? null).slice(0, 500)}`).toBe(true);
  // JSON on both sides: the answer as sent, the parse as it would be sent.
  expect(JSON.parse(JSON.stringify(parsed.data)), what).toEqual(JSON.parse(JSON.stringify(value)));
}

describe("API answers match their schemas", () => {
  it("every route in schemas/api.ts is checked here", () => {
    const q = (s: string) => encodeURIComponent(s);
    const ids = store.ids;
    const calls: Record<string, string> = {
      "/api/documents": "/api/documents?limit=1000",
      "/api/documents/{id}": `/api/documents/${ids.report003}`,
      "/api/facets": "/api/facets",
      "/api/citing": `/api/citing?code=${q("57-NQ/TW")}&transitive=1`,
      "/api/cites": `/api/cites?doc=${ids.report003}`,
      "/api/path": `/api/path?from=${ids.report004}&to=${q("57-NQ/TW")}`,
      "/api/tasks": "/api/tasks?limit=1000",
      "/api/agencies": "/api/agencies?today=2026-05-01",
      "/api/metrics": "/api/metrics?limit=1000",
      "/api/deadlines": "/api/deadlines?today=2026-05-01&limit=1000",
      "/api/search": `/api/search?q=${q("chuyển đổi số")}`,
      "/api/runs": "/api/runs",
      "/api/graph": `/api/graph?code=${q("57-NQ/TW")}`,
    };
    expect(Object.keys(calls).sort()).toEqual(API_ROUTES.map((r) => r.path).sort());
    return Promise.all(
      API_ROUTES.map(async (route) => {
        const body = await answer(calls[route.path]);
        conforms(route.answer, body, route.path);
      }),
    );
  });

  it("/api/openapi.json is the generated OpenAPI document, the same as schemas/openapi.json", async () => {
    const served = await answer("/api/openapi.json");
    expect(served).toEqual(openApiDocument());
    expect(served).toEqual(JSON.parse(readFileSync(new URL("../schemas/openapi.json", import.meta.url), "utf8")));
    expect(Object.keys((served as { paths: object }).paths)).toEqual(expect.arrayContaining(API_ROUTES.map((r) => r.path)));
  });
});

describe("--json answers match their schemas", () => {
  it("query citing / cites / path / tasks / metrics, search, show, doctor, import", async () => {
    const report = resolve(FIXTURES.report003);
    // An import with a copy and a refused file, into a store of its own.
    const inbox = mkdtempSync(join(tmpdir(), "vanban-answers-"));
    for (const name of ["a.txt", "b.txt"]) copyFileSync(report, join(inbox, name));
    writeFileSync(join(inbox, "empty.pdf"), "");
    const answers: Record<string, unknown> = {
      "query citing": queryCiting(db, "57-NQ/TW", { transitive: true }),
      "query cites": queryCites(db, report),
      "query path": queryPath(db, resolve(FIXTURES.report004), "57-NQ/TW"),
      "query tasks": queryTasks(db, {}),
      "query metrics": queryMetrics(db, {}),
      search: searchStore(db, "chuyển đổi số"),
      show: showDocument(db, report),
      doctor: examineStore(db, store.db),
      import: await importPaths([inbox], { db: join(inbox, "v.db"), jobs: 1 }),
    };
    expect(Object.keys(answers).sort()).toEqual(Object.keys(COMMAND_ANSWERS).sort());
    for (const [command, value] of Object.entries(answers)) conforms(COMMAND_ANSWERS[command], value, command);
  });
});

describe("the store interface a second backend implements", () => {
  it("sqliteOperations answers as the functions do, without the connection argument", () => {
    const ops = sqliteOperations(db);
    expect(ops.queryCiting("57-NQ/TW", { transitive: true })).toEqual(queryCiting(db, "57-NQ/TW", { transitive: true }));
    expect(ops.queryTasks({ status: "overdue", today: "2026-05-01" })).toEqual(queryTasks(db, { status: "overdue", today: "2026-05-01" }));
    for (const [name, f] of Object.entries(ops)) expect(typeof f, name).toBe("function");
  });
});

describe("positioned warnings", () => {
  it("report 003's count check is a message at the statement it questions, kept beside the contract's string", async () => {
    const shown = showDocument(db, resolve(FIXTURES.report003));
    const view = (await answer(`/api/documents/${store.ids.report003}`)) as {
      text: string; annotations: { type: string; id: number; start: number; end: number }[];
    };
    const i = shown.document.messages.findIndex((m) => m.code === "consistency" && /Số nhiệm vụ đã hoàn thành/.test(m.message));
    expect(i).toBeGreaterThanOrEqual(0);
    const m = shown.document.messages[i];
    expect(m).toMatchObject({ severity: "warning", page: 1 });
    // The span is the statement the message quotes, read from the document's own text.
    expect(view.text.slice(m.span!.start, m.span!.end)).toBe("Số nhiệm vụ đã hoàn thành: 6");
    expect(shown.document.warnings[i]).toBe(`consistency: ${m.message} (page 1, span ${m.span!.start}-${m.span!.end})`);
    expect(view.annotations).toContainEqual(expect.objectContaining({ type: "message", id: i, start: m.span!.start, end: m.span!.end }));
    const page = await (await fetch(`${store.url}/documents/${store.ids.report003}`)).text();
    expect(page).toMatch(new RegExp(`<mark class="hl hl-message" title="Cảnh báo: [^"]*" id="message-${i}">Số nhiệm vụ đã hoàn thành: 6</mark>`));
    expect(page).toContain(`<a href="#message-${i}">`);
  });
});
