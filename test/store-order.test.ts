/**
 * Ingesting the same files in any order yields the same store (compared as a
 * canonical dump: ids replaced by identity keys). Also after a file changes.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Whole imports (and PostgreSQL databases) per test: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });
import { importPaths } from "../pipelines/import.js";
import { Extraction } from "../schemas/extraction.js";
import { canonicalDump, forgetFile, openStore } from "../src/store/index.js";
import { STORE_BACKENDS, type TestBackend } from "./pg-backends.js";
import { extraction, ingest, planPhongQuang, planPhuThinh, reportApril, tempDir, world } from "./store-fixtures.js";

async function dumpAfter(backend: TestBackend, xs: Extraction[]) {
  const db = openStore(await backend.newDb());
  for (const x of xs) ingest(db, x);
  const dump = canonicalDump(db);
  db.close();
  return dump;
}

/** Deterministic shuffles (mulberry32), so a failure can be replayed. */
function shuffles<T>(xs: T[], n: number, seed = 7): T[][] {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [xs, [...xs].reverse()];
  while (out.length < n) {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    out.push(a);
  }
  return out;
}

const goldDir = resolve("../shared/gold");
const gold = existsSync(goldDir)
  ? readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort().map((f) => Extraction.parse(JSON.parse(readFileSync(join(goldDir, f), "utf8"))))
  : [];

describe.each(STORE_BACKENDS)("order independence ($name)", (backend) => {
  // Each order is a new database on PostgreSQL (a second or so): fewer orders there.
  const many = (n: number) => (backend.name === "sqlite" ? n : Math.ceil(n / 3));

  it("gives the same graph for every order of a hand-built world", async () => {
    const orders = shuffles(world, many(24));
    const reference = await dumpAfter(backend, orders[0]);
    expect(reference.documents.length).toBeGreaterThan(world.length);
    expect(reference.taskLinks.length).toBeGreaterThan(0);
    for (const order of orders.slice(1)) expect(await dumpAfter(backend, order)).toEqual(reference);
  });

  it.skipIf(!gold.length)("gives the same graph for every order of the gold extractions together with the world", async () => {
    const all = [...gold, ...world];
    const orders = shuffles(all, many(12));
    const reference = await dumpAfter(backend, orders[0]);
    for (const order of orders.slice(1)) expect(await dumpAfter(backend, order)).toEqual(reference);
  });

  it("ends where a fresh import of the final files ends when a file changes on the way", async () => {
    const revised = extraction({
      file: planPhuThinh.source.file,
      content: "revised",
      meta: { ...planPhuThinh.document, date: "2026-01-18" },
      tasks: [{ text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu", lead: ["VP Đảng ủy"] }],
    });
    const db = openStore(await backend.newDb());
    for (const x of [planPhuThinh, ...world]) ingest(db, x);
    ingest(db, revised); // same path, new content
    const changed = canonicalDump(db);
    db.close();
    const fresh = await dumpAfter(backend, [revised, ...world.filter((x) => x !== planPhuThinh)]);
    expect(changed).toEqual(fresh);
    expect(changed.tasks.filter((t) => (t as { document: string }).document.startsWith("41-KH/ĐU|commune:phu thinh"))).toHaveLength(1);
  });

  it("gives the same store for several orders of the real pipeline on fixtures/*.txt", async () => {
    const files = readdirSync("fixtures").filter((f) => f.endsWith(".txt")).sort().map((f) => join("fixtures", f));
    expect(files.length).toBe(5);
    const dumps = [];
    for (const order of shuffles(files, backend.name === "sqlite" ? 3 : 2)) {
      const db = await backend.newDb();
      const summary = await importPaths(order, { db });
      expect(summary).toMatchObject({ seen: 5, new: 5, failed: 0 });
      const store = openStore(db);
      dumps.push(canonicalDump(store));
      store.close();
    }
    for (const d of dumps.slice(1)) expect(d).toEqual(dumps[0]);
  }, 600_000);

  it("walks folders; re-importing parses nothing; a copy under a new name is recorded without parsing", async () => {
    const folder = join(tempDir(), "archive");
    mkdirSync(join(folder, "sub"), { recursive: true });
    const txt = readdirSync("fixtures").filter((f) => f.endsWith(".txt")).sort();
    txt.forEach((f, i) => copyFileSync(join("fixtures", f), join(folder, i % 2 ? "sub" : "", f)));
    writeFileSync(join(folder, "notes.json"), "{}"); // not a document type: ignored when walking
    const db = await backend.newDb();
    expect(await importPaths([folder], { db })).toMatchObject({ seen: 5, new: 5, skipped: 0, failed: 0 });
    expect(await importPaths([folder], { db })).toMatchObject({ seen: 5, new: 0, changed: 0, skipped: 5, failed: 0 });
    copyFileSync(join("fixtures", txt[0]), join(folder, "copy.txt"));
    expect(await importPaths([folder], { db })).toMatchObject({ seen: 6, new: 0, skipped: 6, failed: 0 });
    const store = openStore(db);
    const docOf = store.prepare("SELECT document_id FROM files WHERE path = ?").pluck();
    expect(docOf.get(join(folder, "copy.txt"))).toBe(docOf.get(join(folder, txt[0])));
    expect(store.prepare("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL").pluck().get()).toBe(3);
    store.close();
  }, 600_000);

  describe("same-task links made at import", () => {
    const TASK = "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu cho cán bộ";
    const PT = { kind: "ke-hoach" as const, symbol: "KH/ĐU", issuer: "Ban Thường vụ Đảng ủy xã Phú Thịnh", place: "Phú Thịnh", locality: "xã Phú Thịnh" };
    const cites41 = [{ code: "41-KH/ĐU", kind: "ke-hoach" as const, date: "2026-01-16", issuer: "Đảng ủy xã Phú Thịnh", text: "Kế hoạch số 41-KH/ĐU ngày 16/01/2026" }];
    // Cites 41-KH/ĐU, same place and year, the same task worded with other case and punctuation: one task.
    const adjusting = extraction({
      file: "pt-45-kh-du.txt",
      meta: { ...PT, code: "45-KH/ĐU", date: "2026-03-02", title: "điều chỉnh tiến độ" },
      references: cites41,
      tasks: [{ text: "Trang bị máy tính cấu hình tối thiểu và thiết bị làm việc thiết yếu cho cán bộ.", lead: ["Văn phòng Đảng ủy"] }],
    });
    // The same wording a year later, citing 41-KH/ĐU: a new assignment, not the same task.
    const nextYear = extraction({
      file: "pt-3-kh-du-2027.txt",
      meta: { ...PT, code: "3-KH/ĐU", date: "2027-01-05", title: "chuyển đổi số năm 2027" },
      references: cites41,
      tasks: [{ text: TASK }],
    });
    const docs = [planPhuThinh, adjusting, nextYear, planPhongQuang, reportApril];
    const pairs = async (xs: Extraction[]) => {
      const db = openStore(await backend.newDb());
      for (const x of xs) ingest(db, x);
      const d = canonicalDump(db);
      db.close();
      return d.sameTaskLinks;
    };

    it("pairs the plan's task with the adjusting plan's, both ways, whichever document arrives first", async () => {
      expect(planPhuThinh.tasks[0].text).toBe(TASK);
      const expected = [
        { document: "41-KH/ĐU|commune:phu thinh|2026", task: 0, peer_document: "45-KH/ĐU|commune:phu thinh|2026", peer_task: 0 },
        { document: "45-KH/ĐU|commune:phu thinh|2026", task: 0, peer_document: "41-KH/ĐU|commune:phu thinh|2026", peer_task: 0 },
      ];
      for (const order of shuffles(docs, many(12))) expect(await pairs(order)).toEqual(expected);
    });

    it("drops the pair when the citing plan's file goes", async () => {
      const db = openStore(await backend.newDb());
      for (const x of docs) ingest(db, x);
      expect(canonicalDump(db).sameTaskLinks).toHaveLength(2);
      forgetFile(db, `/virtual/${adjusting.source.file}`);
      expect(canonicalDump(db).sameTaskLinks).toEqual([]);
      db.close();
    });
  });
});
