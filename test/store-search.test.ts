import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBackend, type Backend, type SearchResult } from "../src/store/index.js";
import { STORE_BACKENDS } from "./pg-backends.js";
import { extraction, ingest, world } from "./store-fixtures.js";

describe.each(STORE_BACKENDS)("full-text search ($name)", (backend) => {
  let store: Backend;
  // Synchronous on both backends (PostgreSQL's connection blocks as better-sqlite3 does).
  const searchStore = (q: string) => store.operations.searchStore(q) as SearchResult;

  beforeAll(async () => {
    store = openBackend(await backend.newDb());
    const db = store.db;
    for (const x of world) ingest(db, x);
    ingest(db, extraction({
      file: "vp.txt",
      meta: { kind: "thong-bao", code: "07-TB/ĐU", issuer: "Văn phòng Đảng uỷ xã Phú Thịnh", date: "2026-03-02", title: "Thông báo lịch họp của Đảng ủy xã tháng 3" },
      tasks: [{ text: "Rà soát dữ liệu dân cư, đảm bảo \"đúng, đủ, sạch, sống\"" }, { text: "Triển khai NEAR-field thanh toán không tiền mặt (thí điểm *)" }],
    }));
  });
  afterAll(() => store.close());

  const codes = (q: string) => searchStore(q).hits.filter((h) => h.type === "document").map((h) => h.document.code);
  const texts = (q: string) => searchStore(q).hits.map((h) => h.text);

    it("finds titles with and without diacritics", () => {
      expect(codes("nghị quyết")).toContain("41-KH/ĐU");
      expect(codes("nghi quyet")).toContain("41-KH/ĐU");
      expect(codes("NGHI QUYET")).toEqual(codes("nghị quyết"));
    });

    it("folds đ to d, so 'dang uy' finds 'Đảng ủy' and 'Đảng uỷ'", () => {
      expect(codes("dang uy")).toEqual(expect.arrayContaining(["07-TB/ĐU", "05-KL/ĐU"]));
      expect(codes("Đảng ủy")).toEqual(expect.arrayContaining(["07-TB/ĐU", "05-KL/ĐU"]));
      expect(codes("đảng uỷ").sort()).toEqual(codes("Đảng ủy").sort());
    });

    it("finds a document by its code as written, first", () => {
      const hits = searchStore("57-NQ/TW").hits;
      expect(hits[0]).toMatchObject({ type: "document", tier: 0, document: { code: "57-NQ/TW", placeholder: true } });
      expect(searchStore("41-KH/ĐU").hits.slice(0, 2).map((h) => h.tier)).toEqual([0, 0]);
      expect(searchStore("144/KH-UBND").hits[0].document.code).toBe("144/KH-UBND");
    });

    it("ranks the exact wording above scattered words", () => {
      const hits = searchStore("kỹ năng số").hits.filter((h) => h.type === "task");
      expect(hits.length).toBeGreaterThan(0);
      expect(hits[0].tier).toBe(1);
      const scattered = searchStore("năng kỹ").hits.filter((h) => h.type === "task");
      expect(scattered.length).toBeGreaterThan(0);
      expect(scattered.every((h) => h.tier === 3)).toBe(true);
    });

    it("treats FTS syntax in the input as data", () => {
      for (const q of ['"đúng, đủ', "NEAR(", "thí điểm *", "-field", "text: OR", "AND NOT", 'sạch" OR "x', "a:b", "^", "'; DROP TABLE tasks; --"])
        expect(() => searchStore(q)).not.toThrow();
      expect(texts('"đúng, đủ, sạch')[0]).toContain("đúng, đủ, sạch, sống");
      expect(texts("NEAR field")[0]).toContain("NEAR-field");
      expect(searchStore("OR").hits).toEqual([]);
      expect(searchStore("*").hits).toEqual([]);
      expect(store.db.prepare("SELECT count(*) FROM tasks").pluck().get()).toBeGreaterThan(0);
    });
});
