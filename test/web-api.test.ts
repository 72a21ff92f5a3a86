/**
 * The web server's JSON API and downloads, over HTTP, against a real server on a
 * store imported from the fixtures (a real SQLite file). Shapes, paging, 400/404
 * errors as JSON, and hostile input treated as data.
 */
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../src/web/html.js";
import { startFixtureServer, type FixtureIds, type WebTestStore } from "./web-test-store.js";

let store: WebTestStore;
let ids: FixtureIds;

type Answer = { status: number; headers: Headers; body: any; text: string };

async function get(path: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(store.url + path, init);
  const text = await response.text();
  let body: unknown = null;
  if (text && (response.headers.get("content-type") ?? "").startsWith("application/json")) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

async function ok(path: string): Promise<any> {
  const r = await get(path);
  expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(200);
  return r.body;
}

async function fails(path: string, status: number): Promise<string> {
  const r = await get(path);
  expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  expect(typeof r.body.error).toBe("string");
  expect(r.body.error.length).toBeGreaterThan(0);
  return r.body.error;
}

const q = (s: string) => encodeURIComponent(s);

/** fetch's text() drops a byte-order mark; Excel needs it, so look at the bytes. */
async function startsWithBom(path: string): Promise<boolean> {
  const bytes = new Uint8Array(await (await fetch(store.url + path)).arrayBuffer());
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

beforeAll(async () => {
  store = await startFixtureServer();
  ids = store.ids;
}, 120_000);

afterAll(async () => {
  await store?.stop();
});

describe("GET /api/documents", () => {
  it("lists documents with a total and paging", async () => {
    const all = await ok("/api/documents");
    expect(all).toMatchObject({ limit: 50, offset: 0 });
    expect(all.total).toBeGreaterThan(6);
    expect(all.documents.length).toBe(Math.min(50, all.total));
    for (const d of all.documents) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["id", "code", "kind", "issuer", "date", "title", "placeholder", "files", "localityKey", "locality"]));
    }
    const first = await ok("/api/documents?limit=3&offset=0");
    const second = await ok("/api/documents?limit=3&offset=3");
    expect(first.total).toBe(all.total);
    expect(first.documents.map((d: any) => d.id)).toEqual(all.documents.slice(0, 3).map((d: any) => d.id));
    expect(second.documents.map((d: any) => d.id)).toEqual(all.documents.slice(3, 6).map((d: any) => d.id));
    const past = await ok(`/api/documents?offset=${all.total}`);
    expect(past.documents).toEqual([]);
    expect(past.total).toBe(all.total);
  });

  it("filters by held, kind, issuer, commune, date and words", async () => {
    const held = await ok("/api/documents?held=1");
    expect(held.total).toBe(6);
    expect((await ok("/api/documents?held=0")).total).toBe((await ok("/api/documents")).total - 6);

    const plans = await ok("/api/documents?kind=ke-hoach&limit=1000");
    expect(plans.total).toBeGreaterThan(0);
    expect(plans.documents.every((d: any) => d.kind === "ke-hoach")).toBe(true);

    // Diacritics and case aside, as typed by someone without a Vietnamese keyboard.
    const phongQuang = await ok(`/api/documents?issuer=${q("dang uy xa phong quang")}&held=1`);
    expect(phongQuang.documents.map((d: any) => d.id)).toContain(ids.plan60);

    const byKey = await ok(`/api/documents?locality=${q("commune:phong quang")}&limit=1000`);
    const byName = await ok(`/api/documents?commune=${q("xã Phong Quang")}&limit=1000`);
    expect(byKey.documents.map((d: any) => d.id)).toContain(ids.plan60);
    expect(byName.documents.map((d: any) => d.id)).toEqual(byKey.documents.map((d: any) => d.id));
    expect(byKey.documents.every((d: any) => d.localityKey === "commune:phong quang")).toBe(true);

    // 001 is dated 2026-01-15; a month filter includes it, the next month does not.
    const january = await ok("/api/documents?from=2026-01-01&to=2026-01-31&held=1");
    expect(january.documents.map((d: any) => d.id)).toContain(ids.plan60);
    const february = await ok("/api/documents?from=2026-02-01&to=2026-02-28&held=1");
    expect(february.documents.map((d: any) => d.id)).not.toContain(ids.plan60);

    const words = await ok(`/api/documents?q=${q("60-KH")}`);
    expect(words.documents.map((d: any) => d.id)).toContain(ids.plan60);
  });

  it("answers bad parameters with 400", async () => {
    await fails("/api/documents?limit=abc", 400);
    await fails("/api/documents?limit=-1", 400);
    await fails("/api/documents?limit=100000", 400);
    await fails("/api/documents?offset=1.5", 400);
    await fails("/api/documents?from=2026-13-01", 400);
    await fails("/api/documents?to=yesterday", 400);
    await fails("/api/documents?held=maybe", 400);
    await fails(`/api/documents?q=${"x".repeat(600)}`, 400);
  });
});

describe("GET /api/documents/:id", () => {
  it("returns the document, its facts, its text and the spans to highlight", async () => {
    const v = await ok(`/api/documents/${ids.plan60}`);
    expect(v.document).toMatchObject({ id: ids.plan60, code: "60-KH/ĐU", kind: "ke-hoach", placeholder: false });
    expect(v.references.length).toBeGreaterThan(0);
    expect(v.tasks.length).toBeGreaterThan(0);
    expect(typeof v.text).toBe("string");
    expect(v.annotations.length).toBeGreaterThan(0);
    for (const a of v.annotations) {
      expect(["task", "reference", "deadline", "metric"]).toContain(a.type);
      expect(a.start).toBeGreaterThanOrEqual(0);
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.end).toBeLessThanOrEqual(v.text.length);
    }
    // The provenance span of the 57-NQ/TW reference covers its code in the text.
    const nq57 = v.annotations.find((a: any) => a.type === "reference" && a.label.includes("57-NQ/TW"));
    expect(v.text.slice(nq57.start, nq57.end)).toContain("57-NQ/TW");
    expect(nq57.target.placeholder).toBe(true);
  });

  it("takes a code as well as an id; a placeholder says so", async () => {
    const v = await ok(`/api/documents/${q("57-NQ/TW")}`);
    expect(v.document.placeholder).toBe(true);
    expect(v.text).toBeNull();
    expect(v.citedBy.count).toBeGreaterThan(0);
  });

  it("without the document's text, the page still shows the extracted facts", async () => {
    // As in a store imported before texts were kept: the server reads the change (WAL) without restarting.
    const writer = new Database(store.db);
    writer.prepare("DELETE FROM document_texts WHERE document_id = ?").run(ids.report003);
    writer.close();
    const v = await ok(`/api/documents/${ids.report003}`);
    expect(v.text).toBeNull();
    expect(v.tasks.length).toBeGreaterThan(0);
    const page = await get(`/documents/${ids.report003}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="doc-text"');
    expect(page.text).toContain("Kho chưa lưu nội dung văn bản này");
    expect(page.text).toContain(escapeHtml(v.tasks[0].text));
  });

  it("404s an unknown document, 400s a file path", async () => {
    expect(await fails("/api/documents/999999", 404)).toMatch(/999999/);
    await fails(`/api/documents/${q("999-XX/NOPE")}`, 404);
    await fails(`/api/documents/${q("/etc/passwd")}`, 400);
    await fails(`/api/documents/${q("../fixtures/001_3086ccc4e4aed2ea.txt")}`, 400);
  });
});

describe("citation queries", () => {
  it("/api/citing lists the documents citing 57-NQ/TW, paged", async () => {
    const direct = await ok(`/api/citing?code=${q("57-NQ/TW")}`);
    expect(direct.target.code).toBe("57-NQ/TW");
    expect(direct.transitive).toBe(false);
    const citing = direct.citing.map((c: any) => c.document.id);
    for (const f of ["conclusion", "plan60", "report003", "report004"] as const) expect(citing).toContain(ids[f]);
    expect(citing).not.toContain(ids.plan002);

    const transitive = await ok(`/api/citing?code=${q("57-NQ/TW")}&transitive=1&limit=1000`);
    expect(transitive.total).toBeGreaterThan(direct.total);
    // injection.md cites 41-KH/ĐU, which implements 57-NQ/TW.
    const viaPlan = transitive.citing.find((c: any) => c.document.id === ids.injection);
    expect(viaPlan).toMatchObject({ depth: 2, via: { code: "41-KH/ĐU" } });

    const page = await ok(`/api/citing?code=${q("57-NQ/TW")}&transitive=1&limit=3&offset=3`);
    expect(page).toMatchObject({ total: transitive.total, limit: 3, offset: 3 });
    expect(page.citing.map((c: any) => c.document.id)).toEqual(transitive.citing.slice(3, 6).map((c: any) => c.document.id));
  });

  it("/api/cites lists what a document cites", async () => {
    const r = await ok(`/api/cites?doc=${q("60-KH/ĐU")}`);
    expect(r.document.id).toBe(ids.plan60);
    expect(r.total).toBe(r.cites.length);
    expect(r.cites.map((c: any) => c.target.code)).toContain("57-NQ/TW");
    for (const c of r.cites) expect(["basis", "implements", "annex-of", "cites"]).toContain(c.relation);
    const paged = await ok(`/api/cites?doc=${ids.plan60}&limit=2&offset=1`);
    expect(paged.cites).toEqual(r.cites.slice(1, 3));
  });

  it("/api/path follows a chain, 404s when there is none", async () => {
    const r = await ok(`/api/path?from=${ids.injection}&to=${q("57-NQ/TW")}`);
    expect(r.steps.map((s: any) => s.document.code)).toEqual([null, "41-KH/ĐU", "57-NQ/TW"]);
    expect(await fails(`/api/path?from=${ids.plan002}&to=${q("57-NQ/TW")}`, 404)).toMatch(/không có chuỗi trích dẫn/);
  });

  it("/api/graph gives the citing tree of 57-NQ/TW as nodes and typed edges", async () => {
    const g = await ok(`/api/graph?code=${q("57-NQ/TW")}`);
    const nodeIds = new Set(g.nodes.map((n: any) => n.id));
    expect(g.nodes.find((n: any) => n.id === g.focus)).toMatchObject({ code: "57-NQ/TW", depth: 0 });
    for (const f of ["conclusion", "plan60", "report003", "report004", "injection"] as const) expect(nodeIds.has(ids[f])).toBe(true);
    expect(nodeIds.has(ids.plan002)).toBe(false);
    for (const e of g.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
      expect(["basis", "implements", "annex-of", "cites"]).toContain(e.relation);
    }
    const direct = await ok(`/api/graph?code=${q("57-NQ/TW")}&transitive=0`);
    expect(direct.nodes.map((n: any) => n.id)).not.toContain(ids.injection);
    const plansOnly = await ok(`/api/graph?code=${q("57-NQ/TW")}&kind=ke-hoach`);
    expect(plansOnly.nodes.filter((n: any) => n.id !== plansOnly.focus).every((n: any) => n.kind === "ke-hoach")).toBe(true);
    const whole = await ok("/api/graph");
    expect(whole.focus).toBeNull();
    expect(whole.nodes.length).toBeGreaterThan(g.nodes.length);
  });

  it("400s a missing parameter, 404s an unknown code", async () => {
    await fails("/api/citing", 400);
    await fails("/api/cites", 400);
    await fails("/api/path?from=57-NQ/TW", 400);
    await fails(`/api/citing?code=${q("12345-XYZ/NOWHERE")}`, 404);
    await fails(`/api/citing?code=${q("57-NQ/TW")}&transitive=perhaps`, 400);
    await fails(`/api/graph?code=${q("12345-XYZ/NOWHERE")}`, 404);
  });
});

describe("tasks, agencies, metrics, deadlines, search, runs", () => {
  it("/api/tasks filters by agency, document, status and due date, paged", async () => {
    const all = await ok("/api/tasks?limit=1000");
    expect(all.total).toBe(all.tasks.length);
    expect(all.total).toBeGreaterThan(50);
    const t = all.tasks[0];
    expect(Object.keys(t)).toEqual(expect.arrayContaining(["id", "document", "text", "lead", "support", "deadline", "sources", "effectiveStatus"]));

    const page = await ok("/api/tasks?limit=5&offset=5");
    expect(page).toMatchObject({ total: all.total, limit: 5, offset: 5 });
    expect(page.tasks.map((x: any) => x.id)).toEqual(all.tasks.slice(5, 10).map((x: any) => x.id));

    const office = await ok(`/api/tasks?agency=${q("Văn phòng Đảng ủy")}&limit=1000`);
    expect(office.total).toBeGreaterThan(0);
    for (const x of office.tasks) expect([...x.lead, ...x.support].some((a: any) => /Văn phòng Đảng ủy/i.test(a.agency))).toBe(true);

    const ofPlan = await ok(`/api/tasks?doc=${q("60-KH/ĐU")}&limit=1000`);
    expect(ofPlan.total).toBeGreaterThan(0);
    expect(ofPlan.tasks.every((x: any) => x.document.id === ids.plan60)).toBe(true);

    const due = await ok("/api/tasks?dueBefore=2026-04-30&dueAfter=2026-04-01&limit=1000");
    for (const x of due.tasks) {
      const day = x.deadline.end ?? x.deadline.start;
      expect(day >= "2026-04-01" && day <= "2026-04-30").toBe(true);
    }
    await fails("/api/tasks?status=finished", 400);
    await fails("/api/tasks?dueBefore=31/02/2026", 400);
    await fails(`/api/tasks?doc=${q("999-XX/NOPE")}`, 404);
    await fails(`/api/tasks?source=${q("999-XX/NOPE")}`, 404);
  });

  it("/api/agencies counts what each agency owes", async () => {
    const r = await ok("/api/agencies?today=2026-01-01");
    expect(r.total).toBeGreaterThan(0);
    for (const a of r.agencies) {
      expect(typeof a.name).toBe("string");
      for (const n of [a.lead, a.support, a.done, a.overdue]) expect(Number.isInteger(n)).toBe(true);
    }
  });

  it("/api/metrics pairs targets with results, paged", async () => {
    const all = await ok("/api/metrics?limit=1000");
    expect(all.total).toBe(all.pairs.length);
    expect(all.metrics).toBeGreaterThanOrEqual(all.total);
    const page = await ok("/api/metrics?limit=2&offset=2");
    expect(page.pairs).toEqual(all.pairs.slice(2, 4));
    await fails(`/api/metrics?subject=${q("%%")}`, 400);
  });

  it("/api/deadlines lists a known fixture deadline with its lead agency and state", async () => {
    // 002's annex row 2: "Trước ngày 30/4/2026", led by Phòng Văn hóa - Xã hội.
    const april = await ok("/api/deadlines?from=2026-04-01&to=2026-04-30&today=2026-04-01");
    const row = april.deadlines.find((d: any) => d.text === "Trước ngày 30/4/2026" && d.document.id === ids.plan002);
    expect(row).toMatchObject({ day: "2026-04-30", kind: "by", state: "upcoming", lead: ["Phòng Văn hóa - Xã hội"] });
    expect(april.deadlines.every((d: any) => d.day >= "2026-04-01" && d.day <= "2026-04-30")).toBe(true);
    const later = await ok("/api/deadlines?from=2026-04&to=2026-04&today=2026-05-01");
    expect(later.deadlines.find((d: any) => d.id === row.id).state).toBe("overdue");
    const overdue = await ok("/api/deadlines?state=overdue&today=2026-05-01&limit=1000");
    expect(overdue.deadlines.every((d: any) => d.state === "overdue" && d.day < "2026-05-01")).toBe(true);
    const paged = await ok("/api/deadlines?limit=2&offset=1");
    expect(paged).toMatchObject({ limit: 2, offset: 1 });
    expect(paged.deadlines.length).toBe(2);
    await fails("/api/deadlines?from=April", 400);
    await fails("/api/deadlines?state=late", 400);
    await fails("/api/deadlines?today=2026-04", 400);
  });

  it("/api/search finds documents, tasks and passages of the text, paged", async () => {
    const r = await ok(`/api/search?q=${q("chuyển đổi số")}&limit=100`);
    expect(r.total).toBeGreaterThan(0);
    expect(new Set(r.hits.map((h: any) => h.type))).toEqual(new Set(["document", "task", "passage"]));
    const page = await ok(`/api/search?q=${q("chuyển đổi số")}&limit=2&offset=2`);
    expect(page.hits.map((h: any) => h.text)).toEqual(r.hits.slice(2, 4).map((h: any) => h.text));
    await fails("/api/search", 400);
  });

  it("/api/runs lists import runs", async () => {
    const r = await ok("/api/runs");
    expect(r.total).toBe(1);
    expect(r.runs[0]).toMatchObject({ command: "import", seen: 6, failed: 0 });
    expect(Array.isArray(r.runs[0].arguments)).toBe(true);
  });

  it("/api/facets gives the values the filters offer", async () => {
    const f = await ok("/api/facets");
    expect(f.kinds.map((k: any) => k.value)).toContain("ke-hoach");
    expect(f.localities.find((l: any) => l.key === "commune:phu thinh")?.name).toBe("xã Phú Thịnh");
  });
});

describe("hostile input is data", () => {
  const hostile = [
    `<script>alert(1)</script>`,
    `' OR 1=1 --`,
    `"; DROP TABLE documents; --`,
    `%' ESCAPE '\\`,
    `"chuyển đổi số" NEAR(tiến độ, 5) AND thuế* OR NOT tên:giá ^đầu`,
  ];

  it("in query parameters: answered, not obeyed", async () => {
    for (const s of hostile) {
      const docs = await ok(`/api/documents?q=${q(s)}&issuer=${q(s)}`);
      expect(docs.total).toBe(0);
      const search = await ok(`/api/search?q=${q(s)}`);
      expect(Array.isArray(search.hits)).toBe(true);
      const tasks = await get(`/api/tasks?agency=${q(s)}`);
      expect([200, 400]).toContain(tasks.status);
      // Unknown code (404), or refused outright for looking like a path (400): never a 500.
      expect([400, 404]).toContain((await get(`/api/documents/${q(s)}`)).status);
      expect([400, 404]).toContain((await get(`/api/citing?code=${q(s)}`)).status);
    }
    // The store is intact.
    expect((await ok("/api/documents?held=1")).total).toBe(6);
  });

  it("as the text of a document: escaped in the page, raw in the JSON", async () => {
    const json = await ok(`/api/documents/${ids.injection}`);
    expect(json.text).toContain("<script>alert(1)</script>");
    const page = await get(`/documents/${ids.injection}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).not.toMatch(/<img[^>]*onerror/i);
    // The only scripts are the page's own module files.
    for (const m of page.text.matchAll(/<script\b[^>]*>/g)) expect(m[0]).toMatch(/^<script type="module" src="\/static\/js\/[a-z-]+\.js">$/);
  });
});

describe("HTTP behaviour", () => {
  it("every answer carries the Content-Security-Policy", async () => {
    for (const path of ["/documents", "/api/documents", "/api/nope", "/static/css/app.css", "/no-such-page"]) {
      const r = await get(path);
      expect(r.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("unknown routes are 404 (JSON under /api, a page elsewhere); other methods 405", async () => {
    await fails("/api/nope", 404);
    await fails("/api/documents/1/extra", 404);
    const page = await get("/no-such-page");
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const post = await get("/api/documents", { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.body.error).toMatch(/POST/);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const head = await get("/api/documents", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
  });

  it("a failure inside the server is a bare 500 in JSON (details only in the log)", async () => {
    const writer = new Database(store.db);
    writer.exec("ALTER TABLE runs RENAME TO runs_elsewhere");
    try {
      const r = await get("/api/runs");
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: "lỗi nội bộ" });
      expect((await get("/api/documents?limit=1")).status).toBe(200);
    } finally {
      writer.exec("ALTER TABLE runs_elsewhere RENAME TO runs");
      writer.close();
    }
    expect((await get("/api/runs")).status).toBe(200);
  });

  it("pages render server-side for every section", async () => {
    for (const path of ["/", "/documents", `/documents/${ids.plan60}`, "/graph?code=57-NQ%2FTW", "/deadlines", "/tasks"]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.text).toMatch(/^<!doctype html>/);
      expect(r.text).toContain('lang="vi"');
    }
    expect((await get("/documents/999999")).status).toBe(404);
    expect((await get("/graph?code=NOPE")).status).toBe(200); // the page loads; its script reports the API's 404
  });

  it("serves static files, cytoscape and the label module; nothing outside", async () => {
    const labels = await get("/static/js/labels.js");
    expect(labels.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(labels.text).toContain('"ke-hoach":"Kế hoạch"');
    expect((await get("/static/vendor/cytoscape.esm.min.mjs")).status).toBe(200);
    expect((await get("/static/vendor/cytoscape.cjs.js")).status).toBe(404);
    expect((await get("/static/..%2f..%2f..%2fpackage.json")).status).toBe(404);
    expect((await get("/static/%2e%2e/server.ts")).status).toBe(404);
  });
});

describe("downloads", () => {
  it("deadlines as iCalendar: all-day events on the deadline's day", async () => {
    const r = await get("/export/deadlines.ics?from=2026-04-01&to=2026-04-30");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(r.headers.get("content-disposition")).toMatch(/attachment; filename="thoi-han.ics"/);
    const events = new ICAL.Component(ICAL.parse(r.text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.length).toBeGreaterThan(0);
    const known = events.find((e) => e.description?.includes("Thời hạn: Trước ngày 30/4/2026") && e.description.includes("Phòng Văn hóa - Xã hội"));
    expect(known).toBeDefined();
    expect(known!.startDate.isDate).toBe(true);
    expect(known!.startDate.toString()).toBe("2026-04-30");
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("deadlines as CSV", async () => {
    const r = await get("/export/deadlines.csv?from=2026-04&to=2026-04");
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await startsWithBom("/export/deadlines.csv")).toBe(true);
    expect(r.text.startsWith("Ngày,Thời hạn,")).toBe(true);
    expect(r.text).toContain("2026-04-30,Trước ngày 30/4/2026,");
  });

  it("tasks as CSV and XLSX with the same rows", async () => {
    const filter = `agency=${q("Văn phòng Đảng ủy")}`;
    const tasks = await ok(`/api/tasks?${filter}&limit=1000`);
    const csv = await get(`/export/tasks.csv?${filter}`);
    expect(await startsWithBom(`/export/tasks.csv?${filter}`)).toBe(true);
    expect(csv.text.startsWith("Văn bản,")).toBe(true);
    const response = await fetch(`${store.url}/export/tasks.xlsx?${filter}`);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Nhiệm vụ")!;
    expect(sheet.rowCount).toBe(tasks.total + 1);
    expect(sheet.getRow(1).getCell(5).value).toBe("Nhiệm vụ");
    expect(sheet.getRow(2).getCell(5).value).toBe(tasks.tasks[0].text);
    await fails(`/export/tasks.csv?status=finished`, 400);
  });

  it("defuses spreadsheet formulas in CSV cells", async () => {
    const csv = await get(`/export/tasks.csv?doc=${ids.injection}`);
    for (const line of csv.text.split("\r\n").slice(1)) expect(line).not.toMatch(/(^|,)[=+@]/);
  });
});
