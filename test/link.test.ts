/**
 * The link stage on its own: no store is opened here. Expected keys follow the
 * identity rules of src/link/document-identity.ts (national codes by code alone,
 * local codes by place and year) and the fixtures' own wording.
 */
import { describe, expect, it } from "vitest";
import { linkExtraction, matchReportRows, MIN_SCORE, type PlanTaskCandidate } from "../src/link/index.js";
import { extraction, planPhuThinh } from "./store-fixtures.js";

describe("linkExtraction", () => {
  it("gives the document's identity and the identity of every document it names", () => {
    const linked = linkExtraction(planPhuThinh);
    expect(linked.identity.key).toBe("41-KH/ĐU|commune:phu thinh|2026");
    expect(linked.context.locality).toEqual({ level: "commune", name: "Phú Thịnh" });
    expect(linked.references.map((r) => [r.index, r.code, r.identity.key])).toEqual([[0, "57-NQ/TW", "57-NQ/TW||"]]);
  });

  it("resolves every lead and support to its agency, keeping positions and blanks", () => {
    const x = extraction({
      file: "a.txt",
      meta: { kind: "ke-hoach", code: "5/KH-UBND", issuer: "UBND xã Phú Thịnh", date: "2026-02-01", locality: "xã Phú Thịnh" },
      tasks: [{ text: "Rà soát", lead: ["UBND xã", "  "], support: ["Phòng VHXH"] }],
    });
    const [task] = linkExtraction(x).tasks;
    expect(task.lead[0]).toMatchObject({ written: "UBND xã", agency: { normalised: "Ủy ban nhân dân xã Phú Thịnh", localityKey: "commune:phu thinh" } });
    expect(task.lead[1]).toBeNull();
    expect(task.support[0]!.agency.nameKey).toBe("phong van hoa - xa hoi");
  });

  it("leaves out an annex repeating the document's own number, and places implemented local codes in the cited document's place", () => {
    const x = extraction({
      file: "b.txt",
      meta: { kind: "bao-cao", code: "12/BC-UBND", issuer: "UBND xã Phong Quang", date: "2026-04-01", locality: "xã Phong Quang" },
      references: [
        { code: "12/BC-UBND", date: "2026-04-01" },
        { code: "41-KH/ĐU", issuer: "Đảng ủy xã Phú Thịnh", date: "2026-01-16", implements: ["20-KH/ĐU", " "] },
      ],
      tasks: [{ text: "Báo cáo kết quả", sources: ["41-KH/ĐU", ""] }],
    });
    const linked = linkExtraction(x);
    expect(linked.references.map((r) => r.index)).toEqual([1]);
    expect(linked.references[0].identity.key).toBe("41-KH/ĐU|commune:phu thinh|2026");
    // Undated, so no year in the key: the store's group resolution finds the year (document-identity.ts).
    expect(linked.references[0].implements.map((i) => i.identity.key)).toEqual(["20-KH/ĐU|commune:phu thinh|"]);
    expect(linked.references[0].citedContext.year).toBe(2026);
    // A bare source code is scoped by the citing document's own place (the store reuses the named reference when it can).
    expect(linked.tasks[0].sources.map((s) => s?.identity.key ?? null)).toEqual(["41-KH/ĐU|commune:phong quang|", null]);
  });

  it("keys metrics by their folded subject", () => {
    const linked = linkExtraction(planPhuThinh);
    expect(linked.metricSubjectKeys).toEqual(["ty le ho so thu tuc hanh chinh duoc xu ly truc tuyen"]);
  });
});

describe("matchReportRows", () => {
  const plan = (id: number, documentId: number, text: string): PlanTaskCandidate => ({ id, documentId, text });
  const tasks = [
    plan(1, 10, "Trang bị máy tính cấu hình tối thiểu cho cán bộ"),
    plan(2, 10, "Tập huấn kỹ năng số cho cán bộ, công chức"),
    plan(3, 20, "Trang bị máy tính cấu hình tối thiểu cho cán bộ"),
  ];

  it("pairs a row with the same wording, the first plan winning a tie, by wording when the row names no plan", () => {
    const links = matchReportRows([{ id: 100, text: "Trang bị máy tính cấu hình tối thiểu cho cán bộ", namedPlans: new Set() }], tasks);
    expect(links).toEqual([{ reportTaskId: 100, planTaskId: 1, score: 1, method: "wording" }]);
  });

  it("keeps to the plans a row's own sources name", () => {
    const links = matchReportRows([{ id: 100, text: "Trang bị máy tính cấu hình tối thiểu cho cán bộ", namedPlans: new Set([20]) }], tasks);
    expect(links).toEqual([{ reportTaskId: 100, planTaskId: 3, score: 1, method: "sources" }]);
  });

  it("links nothing below MIN_SCORE", () => {
    const links = matchReportRows([{ id: 100, text: "Xây dựng bản đồ số di tích", namedPlans: new Set() }], tasks);
    expect(links).toEqual([]);
    expect(MIN_SCORE).toBeGreaterThan(0.5);
  });

  it("tells apart two tasks of one plan by wording, with diacritics and tone placement folded", () => {
    const links = matchReportRows([{ id: 101, text: "Tập huấn kĩ năng số cho cán bộ, công chức xã", namedPlans: new Set() }], tasks);
    expect(links.map((l) => l.planTaskId)).toEqual([2]);
    expect(links[0].score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(links[0].score).toBeLessThan(1);
  });
});
