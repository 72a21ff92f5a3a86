/**
 * `queryTasks` with an agency reads each matched agency's tasks as a range of the
 * page index (migration 10) and merges them: the pages must be exactly the pages of
 * the whole task list (document date newest first, undated last, then key and
 * position) filtered to the agency — across offsets, with a task under two matched
 * agencies or under one agency twice, with other filters, and after a document is
 * stored again under another date.
 */
import { describe, expect, it } from "vitest";
import { openStore, queryTasks, type Store } from "../src/store/index.js";
import { extraction, ingest, tempDb } from "./store-fixtures.js";

const OFFICE = "Văn phòng Đảng ủy";
const communes = ["Phú Thịnh", "Phong Quang", "An Trung", "Yên Lạc"];

function plan(commune: string, n: number, date: string | null, content = "") {
  return extraction({
    file: `${commune}-${n}.txt`,
    content: `${commune}-${n}-${date}-${content}`,
    meta: { kind: "ke-hoach", code: `${n}-KH/ĐU`, symbol: "KH/ĐU", issuer: `Đảng ủy xã ${commune}`, place: commune, date, title: `kế hoạch ${n}`, locality: `xã ${commune}` },
    tasks: [
      { text: `Rà soát hồ sơ đảng viên đợt ${n}`, lead: [OFFICE], deadline: { text: "Tháng 6/2026", kind: "month", start: "2026-06-01", end: "2026-06-30" } },
      { text: `Tập huấn kỹ năng số đợt ${n}`, lead: ["Phòng Văn hóa - Xã hội"], support: [OFFICE] },
      // The office as lead and as support of one task: one task, listed once.
      { text: `Số hóa văn bản đợt ${n}`, lead: [OFFICE, "Ủy ban nhân dân xã"], support: ["Văn phòng Đảng uỷ"], deadline: { text: "Quý IV/2026", kind: "quarter", start: "2026-10-01", end: "2026-12-31" } },
      { text: `Báo cáo kết quả đợt ${n}`, lead: ["Công an xã"] },
    ],
  });
}

/** The whole list in page order, filtered to tasks naming the office (the answer the range read must give). */
function expected(db: Store, filters: { dueAfter?: string } = {}): number[] {
  const all = queryTasks(db, filters).tasks;
  const office = new Set(queryTasks(db, { agency: OFFICE }).tasks.flatMap((t) => [...t.lead, ...t.support]).filter((a) => /văn phòng đảng/iu.test(a.written)).map((a) => a.agencyId));
  expect(office.size).toBe(communes.length);
  return all.filter((t) => [...t.lead, ...t.support].some((a) => office.has(a.agencyId))).map((t) => t.id);
}

function expectPages(db: Store, filters: { dueAfter?: string } = {}) {
  const want = expected(db, filters);
  expect(want.length).toBeGreaterThan(8);
  for (const limit of [1, 3, 7, 50])
    for (let offset = 0; offset <= want.length; offset += 2) {
      const r = queryTasks(db, { agency: OFFICE, limit, offset, ...filters });
      expect(r.total).toBe(want.length);
      expect(r.tasks.map((t) => t.id)).toEqual(want.slice(offset, offset + limit));
    }
  expect(queryTasks(db, { agency: OFFICE, ...filters }).tasks.map((t) => t.id)).toEqual(want);
}

describe("query tasks --agency as a range read", () => {
  const file = tempDb();
  const db = openStore(file);
  const dates = ["2026-01-16", "2026-03-02", null, "2026-03-02", "2025-11-30"];
  communes.forEach((c, i) => dates.forEach((d, j) => ingest(db, plan(c, j + 1 + i * 10, d), `/kho/${c}/${j}.txt`)));

  it("gives the pages of the whole list filtered to the agency, at every offset", () => {
    expectPages(db);
  });

  it("with another filter on the tasks", () => {
    expectPages(db, { dueAfter: "2026-07-01" });
    expect(queryTasks(db, { agency: OFFICE, dueAfter: "2026-07-01" }).total).toBe(communes.length * dates.length);
  });

  it("follows a document stored again under another date", () => {
    const before = queryTasks(db, { agency: OFFICE, limit: 1 }).tasks[0];
    expect(before.document.date).toBe("2026-03-02");
    ingest(db, plan("Yên Lạc", 35, "2027-02-01", "sửa"), "/kho/Yên Lạc/4.txt");
    const first = queryTasks(db, { agency: OFFICE, limit: 1 }).tasks[0];
    expect(first.document).toMatchObject({ code: "35-KH/ĐU", date: "2027-02-01" });
    expectPages(db);
  });

  it("sees agencies another connection stored after this one answered", () => {
    const reader = openStore(file);
    try {
      expect(queryTasks(reader, { agency: "Ban Tuyên giáo" }).total).toBe(0);
      const x = plan("Phú Thịnh", 90, "2026-08-01");
      x.tasks[3].lead = ["Ban Tuyên giáo và Dân vận"];
      ingest(db, x, "/kho/Phú Thịnh/90.txt");
      expect(queryTasks(reader, { agency: "Ban Tuyên giáo" })).toMatchObject({ total: 1, tasks: [{ text: "Báo cáo kết quả đợt 90" }] });
    } finally {
      reader.close();
    }
  });
});
