import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, searchStore, type Store } from "../src/store/index.js";
import { extraction, ingest, tempDb, world } from "./store-fixtures.js";

let db: Store;

beforeAll(() => {
  db = openStore(tempDb());
  for (const x of world) ingest(db, x);
  ingest(db, extraction({
    file: "vp.txt",
    meta: { kind: "thong-bao", code: "07-TB/ĐU", issuer: "Văn phòng Đảng uỷ xã Phú Thịnh", date: "2026-03-02", title: "Thông báo lịch họp của Đảng ủy xã tháng 3" },
    tasks: [{ text: "Rà soát dữ liệu dân cư, đảm bảo \"đúng, đủ, sạch, sống\"" }, { text: "Triển khai NEAR-field thanh toán không tiền mặt (thí điểm *)" }],
  }));
});
afterAll(() => db.close());

const codes = (q: string) => searchStore(db, q).hits.filter((h) => h.type === "document").map((h) => h.document.code);
const texts = (q: string) => searchStore(db, q).hits.map((h) => h.text);

describe("full-text search", () => {
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
    const hits = searchStore(db, "57-NQ/TW").hits;
    expect(hits[0]).toMatchObject({ type: "document", tier: 0, document: { code: "57-NQ/TW", placeholder: true } });
    expect(searchStore(db, "41-KH/ĐU").hits.slice(0, 2).map((h) => h.tier)).toEqual([0, 0]);
    expect(searchStore(db, "144/KH-UBND").hits[0].document.code).toBe("144/KH-UBND");
  });

  it("ranks the exact wording above scattered words", () => {
    const hits = searchStore(db, "kỹ năng số").hits.filter((h) => h.type === "task");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].tier).toBe(1);
    const scattered = searchStore(db, "năng kỹ").hits.filter((h) => h.type === "task");
    expect(scattered.length).toBeGreaterThan(0);
    expect(scattered.every((h) => h.tier === 3)).toBe(true);
  });

  it("treats FTS syntax in the input as data", () => {
    for (const q of ['"đúng, đủ', "NEAR(", "thí điểm *", "-field", "text: OR", "AND NOT", 'sạch" OR "x', "a:b", "^", "'; DROP TABLE tasks; --"])
      expect(() => searchStore(db, q)).not.toThrow();
    expect(texts('"đúng, đủ, sạch')[0]).toContain("đúng, đủ, sạch, sống");
    expect(texts("NEAR field")[0]).toContain("NEAR-field");
    expect(searchStore(db, "OR").hits).toEqual([]);
    expect(searchStore(db, "*").hits).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM tasks").pluck().get()).toBeGreaterThan(0);
  });
});
