/**
 * The link stage on its own: no store is opened here. Expected keys follow the
 * identity rules of src/link/document-identity.ts (national codes by code alone,
 * local codes by place and year) and the fixtures' own wording.
 */
import { describe, expect, it } from "vitest";
import { agencyMatches, agencyWords, linkExtraction, matchReportRows, MIN_SCORE, nearestAgencies, normText, sameTasks, type PlanTaskCandidate } from "../src/link/index.js";
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

describe("sameTasks (task identity across documents)", () => {
  // Documents 1 and 2: one commune, 2026, 2 cites 1. Document 3: same commune, 2027. Document 4: another commune.
  const facts = {
    1: { kind: "ke-hoach", issuer: "UBND xã A", title: "Chuyển đổi số", year: "2026" },
    2: { kind: "ke-hoach", issuer: "UBND xã A", title: "Điều chỉnh", year: "2026" },
    3: { kind: "ke-hoach", issuer: "UBND xã A", title: "Chuyển đổi số", year: "2027" },
    5: { kind: "ke-hoach", issuer: "UBND xã A", title: "Chuyển đổi số", year: "2026" },
  } as Record<number, { kind: string; issuer: string; title: string; year: string }>;
  const candidates: [number, number, string, string][] = [
    [10, 1, "Trang bị máy tính cho cán bộ", "commune:a"],
    [20, 2, "Trang bị máy tính cho cán bộ.", "commune:a"],
    [30, 3, "Trang bị máy tính cho cán bộ", "commune:a"],
    [50, 5, "Trang bị máy tính cho cán bộ", "commune:a"],
    [40, 4, "Trang bị máy tính cho cán bộ", "commune:b"],
  ];
  const store = {
    candidates: (localities: string[]) => candidates.filter((c) => localities.includes(c[3])),
    cites: (a: number, b: number) => a === 2 && b === 1,
    documentFacts: (id: number) => facts[id] ?? { kind: null, issuer: null, title: null, year: null },
    shareSource: () => false,
  };

  it("pairs the same wording in related documents of the same place and year, and nothing else", () => {
    const pairs = sameTasks([{ id: 10, documentId: 1, text: "Trang bị máy tính cho cán bộ", locality: "commune:a", status: null }], store);
    // 20: cited by 1's citer (folded wording equal despite the full stop); 50: same kind, issuer and title (a version);
    // 30: next year's plan; 40: another commune.
    expect(pairs.sort()).toEqual([[10, 20], [10, 50]]);
  });

  it("leaves a report's status rows out", () => {
    expect(sameTasks([{ id: 10, documentId: 1, text: "Trang bị máy tính cho cán bộ", locality: "commune:a", status: "done" }], store)).toEqual([]);
  });

  it("folds wording: case, diacritics, tone placement and punctuation", () => {
    expect(normText("Đảng uỷ, xã.")).toBe(normText("đảng ủy xa"));
  });
});

describe("agency matching (what a person types ↔ stored names)", () => {
  it("reduces spellings of one office to the same words", () => {
    const words = ["Phòng Văn hóa Xã hội", "Phòng VH-XH", "phòng vh-xh", "phòng văn hoá - xã hội", "PHÒNG VĂN HÓA – XÃ HỘI"].map((s) => agencyWords(s, true));
    expect(new Set(words)).toEqual(new Set(["phong van hoa xa hoi"]));
  });

  it("matches a run of whole words of the stored name, not parts of words", () => {
    expect(agencyMatches(agencyWords("van hoa xa hoi", true), "Phòng Văn hóa - Xã hội")).toBe(true);
    expect(agencyMatches(agencyWords("VP Đảng ủy", true), "Văn phòng Đảng ủy xã Phú Thịnh")).toBe(true);
    expect(agencyMatches(agencyWords("hoa xa", true), "Phòng Văn hóa - Xã hội")).toBe(true);
    expect(agencyMatches(agencyWords("hoa xa ho", true), "Phòng Văn hóa - Xã hội")).toBe(false);
    expect(agencyMatches(agencyWords("xã hội văn hóa", true), "Phòng Văn hóa - Xã hội")).toBe(false);
  });

  it("suggests the nearest names, best first, none that share only common words", () => {
    const stored = [{ name: "Văn phòng Đảng ủy" }, { name: "Phòng Văn hóa - Xã hội" }, { name: "Công an xã" }, { name: "Phòng Kinh tế" }];
    const near = nearestAgencies("Phòng Văn hóa Thông tin", stored);
    expect(near[0].name).toBe("Phòng Văn hóa - Xã hội");
    expect(near.map((a) => a.name)).not.toContain("Công an xã");
    expect(nearestAgencies("zzz", stored)).toEqual([]);
  });
});
