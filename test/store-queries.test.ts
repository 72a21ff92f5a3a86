import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, queryCites, queryCiting, queryMetrics, queryPath, queryTasks, showDocument, type Store } from "../src/store/index.js";
import { STORE_BACKENDS } from "./pg-backends.js";
import { ingest, world } from "./store-fixtures.js";

const PLAN = "/virtual/pt-41-kh-du.txt";
const APRIL = "/virtual/pt-bc-thang-4.txt";
const label = (d: { code: string | null; kind: string | null; placeholder: boolean }) => `${d.code ?? d.kind}${d.placeholder ? "?" : ""}`;

describe.each(STORE_BACKENDS)("store queries ($name)", (backend) => {
  let db: Store;
  beforeAll(async () => {
    db = openStore(await backend.newDb());
    for (const x of world) ingest(db, x);
  });
  afterAll(() => db.close());

  it("citing: direct citers, with placeholders and reported edges marked", () => {
    const r = queryCiting(db, "57-NQ/TW");
    expect(r.target).toMatchObject({ code: "57-NQ/TW", kind: "nghi-quyet", issuer: "Bộ Chính trị", date: "2024-12-22", placeholder: true, files: [] });
    expect(r.citing.map((c) => label(c.document)).sort()).toEqual(["144/KH-UBND", "39/KH-UBND?", "41-KH/ĐU", "41-KH/ĐU"]);
    expect(r.citing.find((c) => c.document.code === "39/KH-UBND")).toMatchObject({ reported: true, relations: ["implements"] });
    expect(r.citing.find((c) => c.document.code === "144/KH-UBND")?.document.files).toEqual(["/virtual/tn-144-kh-ubnd.txt"]);
  });

  it("citing --transitive: through chains of implementation, including documents not held", () => {
    const r = queryCiting(db, "57-NQ/TW", { transitive: true });
    const depth2 = r.citing.filter((c) => c.depth === 2).map((c) => label(c.document)).sort();
    expect(depth2).toEqual(["12/BC-UBND", "bao-cao"]);
    const april = r.citing.find((c) => c.document.kind === "bao-cao" && c.document.code === null)!;
    expect(april.via).not.toBeNull();
    const page = queryCiting(db, "57-NQ/TW", { transitive: true, limit: 2 });
    expect(page).toMatchObject({ total: r.total });
    expect(page.citing.map((c) => c.document.id)).toEqual(r.citing.slice(0, 2).map((c) => c.document.id));
    // The 2025 plan of the same number does not implement 57-NQ/TW, so neither does the conclusion citing it.
    expect(r.citing.some((c) => c.document.code === "05-KL/ĐU")).toBe(false);
  });

  it("citing a local code needs the issuer when several places use it", () => {
    expect(() => queryCiting(db, "41-KH/ĐU")).toThrow("no document matches 41-KH/ĐU — add --issuer (2 communes use this code: Phong Quang, Phú Thịnh)");
    const r = queryCiting(db, "41-KH/ĐU", { issuer: "Đảng ủy xã Phú Thịnh" });
    expect(r.target.files).toEqual([PLAN]);
    expect(r.citing.map((c) => label(c.document)).sort()).toEqual(["12/BC-UBND", "bao-cao"]);
  });

  it("cites: references with relation types, and what others report about a placeholder", () => {
    const r = queryCites(db, APRIL);
    expect(r.cites.map((c) => [c.relation, label(c.target)])).toEqual([
      ["implements", "41-KH/ĐU"], ["cites", "39/KH-UBND?"], ["basis", "144/KH-UBND"],
    ]);
    const p = queryCites(db, "39/KH-UBND");
    expect(p.cites).toHaveLength(1);
    expect(p.cites[0]).toMatchObject({ relation: "implements", origin: "implements", target: { code: "57-NQ/TW" }, reportedBy: { kind: "bao-cao", files: [APRIL] } });
  });

  it("path: the chain between two documents, either way round", () => {
    const r = queryPath(db, "12/BC-UBND", "57-NQ/TW");
    expect(r.direction).toBe("forward");
    expect(r.steps.map((s) => [label(s.document), s.relation])).toEqual([["12/BC-UBND", "implements"], ["41-KH/ĐU", "implements"], ["57-NQ/TW?", null]]);
    expect(queryPath(db, "57-NQ/TW", "12/BC-UBND").direction).toBe("backward");
    expect(() => queryPath(db, "05-KL/ĐU", "57-NQ/TW")).toThrow("no citation chain between 05-KL/ĐU and 57-NQ/TW");
  });

  it("tasks: a plan task's latest status comes from the newest report", () => {
    const tasks = queryTasks(db, { doc: PLAN }).tasks;
    expect(tasks.map((t) => [t.effectiveStatus, t.latest?.report.code ?? null])).toEqual([
      ["done", null], ["in-progress", "12/BC-UBND"], [null, null],
    ]);
    expect(tasks[0].latest).toMatchObject({ status: "done", report: { kind: "bao-cao", date: "2026-04-24" } });
    expect(tasks[1].latest!.score).toBeGreaterThan(0.55);
    const may = queryTasks(db, { doc: "12/BC-UBND" }).tasks[0];
    expect(may.reportsOn).toMatchObject({ method: "sources", plan: { files: [PLAN] } });
    expect(may.sources.map((s) => s.document.files)).toEqual([[PLAN]]);
  });

  it("tasks: filters by status, deadline, source and agency", () => {
    const texts = (f: Parameters<typeof queryTasks>[1]) => queryTasks(db, f).tasks.map((t) => t.text);
    expect(texts({ status: "in-progress" })).toHaveLength(2);
    expect(texts({ status: "done" })).toEqual([expect.stringMatching(/^Trang bị máy tính/), expect.stringMatching(/^Trang bị máy tính/)]);
    expect(texts({ dueBefore: "2026-06-30" })).toEqual([expect.stringMatching(/^Trang bị máy tính/)]);
    expect(texts({ dueAfter: "2026-07-01" })).toHaveLength(2);
    expect(texts({ source: "41-KH/ĐU" })).toEqual([expect.stringMatching(/^Tập huấn cán bộ/)]);
    expect(texts({ agency: "UBND xã", doc: PLAN })).toHaveLength(2);
    expect(() => queryTasks(db, { status: "finished" })).toThrow(/unknown status finished/);
    expect(() => queryTasks(db, { dueBefore: "30/6/2026" })).toThrow(/ISO date/);
  });

  it("metrics: targets beside reported results of the same place", () => {
    const r = queryMetrics(db, { subject: "ho so truc tuyen" });
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ target: { value: 80, comparator: ">", document: { code: "41-KH/ĐU" } }, actual: { value: 75, document: { kind: "bao-cao" } } });
    expect(queryMetrics(db, { doc: APRIL }).pairs[0].target?.value).toBe(80);
  });

  it("show: a document with its references, tasks, deadlines, metrics and provenance", () => {
    const r = showDocument(db, PLAN);
    expect(r.document).toMatchObject({ code: "41-KH/ĐU", kind: "ke-hoach", issuer: "Ban Thường vụ Đảng ủy xã Phú Thịnh", placeholder: false });
    expect(r.files.map((f) => f.path)).toEqual([PLAN]);
    expect(r.references.map((c) => c.target.code)).toEqual(["57-NQ/TW"]);
    expect(r.citedBy.count).toBe(2);
    expect(r.tasks.map((t) => t.lead.map((a) => `${a.written} → ${a.agency}`))).toEqual([
      ["Văn phòng Đảng uỷ → Văn phòng Đảng ủy"], ["UBND xã → Ủy ban nhân dân xã Phú Thịnh"], ["Ủy ban nhân dân xã Phú Thịnh → Ủy ban nhân dân xã Phú Thịnh"],
    ]);
    expect(r.tasks[0].deadline).toEqual({ text: "Trước ngày 30/5/2026", kind: "by", start: null, end: "2026-05-30" });
    expect(r.metrics.map((m) => m.value)).toEqual([80]);
    expect(showDocument(db, String(r.document.id)).document.key).toBe(r.document.key);
    expect(() => showDocument(db, "999/KH-UBND")).toThrow("no document matches 999/KH-UBND");
  });
});
