/**
 * Documents written for this test in the style of real commune documents, but NOT
 * seeds: header agency lines (which the seeds lost in conversion), another column
 * order, a Party report with a status annex, other phrasings. Every expectation was
 * read off the document text by hand. They guard against rules that only fit the
 * seeds' wording.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../schemas/extraction.js";
import { extractDocument } from "../src/extract/index.js";
import { parseFile } from "../src/parse/index.js";

const extract = async (name: string): Promise<Extraction> =>
  extractDocument(await parseFile(new URL(`./holdout/${name}`, import.meta.url).pathname));
const byCode = (x: Extraction) => new Map(x.references.map((r) => [r.code, r]));

describe("a UBND plan with header lines and a reordered responsibility table", async () => {
  const x = await extract("ke-hoach-tan-cuong.md");

  it("reads the header, title and signature", () => {
    expect(x.document).toMatchObject({
      kind: "ke-hoach", code: "125/KH-UBND", symbol: "KH-UBND", place: "Tân Cương", date: "2026-03-12",
      title: "Chuyển đổi số và phát triển kinh tế số xã Tân Cương năm 2026",
      signer: { name: "Trần Văn Bình", position: "Chủ tịch" },
    });
    expect(x.document.issuer).toMatch(/^(UBND|Ủy ban nhân dân) xã Tân Cương$/i);
  });

  it("finds every citation with its relation, and the nested one", () => {
    const refs = byCode(x);
    expect([...refs.keys()].sort()).toEqual(["22-ĐA/TU", "30/2020/NĐ-CP", "3216/UBND-KGVX", "35/KH-UBND", "749/QĐ-TTg"]);
    expect(refs.get("30/2020/NĐ-CP")).toMatchObject({ kind: "nghi-dinh", date: "2020-03-05", issuer: "Chính phủ", relation: "basis" });
    expect(refs.get("749/QĐ-TTg")).toMatchObject({ kind: "quyet-dinh", date: "2020-06-03", relation: "basis" });
    expect(refs.get("35/KH-UBND")).toMatchObject({ date: "2026-02-04", relation: "implements", implements: ["22-ĐA/TU"] });
    expect(refs.get("3216/UBND-KGVX")).toMatchObject({ kind: "cong-van", date: "2026-04-09" });
    expect(x.references.some((r) => r.code === "125/KH-UBND")).toBe(false);
  });

  it("reads table tasks by header wording, whatever the column order", () => {
    const table = x.tasks.filter((t) => t.origin === "table");
    expect(table.map((t) => t.ordinal)).toEqual(["1", "2", "3", "4"]);
    expect(table[0]).toMatchObject({ lead: ["Công an xã"], support: ["Phòng Văn hóa - Xã hội", "Trưởng các thôn"], output: "Báo cáo kết quả" });
    expect(table[0].deadline).toMatchObject({ kind: "by", end: "2026-05-15" });
    // A comma inside "Phòng Văn hóa, Thể thao và Du lịch" does not split it; the one before "Văn phòng" does.
    expect(table[1].lead).toEqual(["Phòng Văn hóa, Thể thao và Du lịch", "Văn phòng HĐND và UBND xã"]);
    expect(table[1].deadline).toMatchObject({ kind: "quarter", start: "2026-07-01", end: "2026-09-30" });
    expect(table[2].deadline).toMatchObject({ kind: "recurring", start: null, end: null });
    expect(table[3].deadline).toMatchObject({ kind: "half-year", start: "2026-07-01", end: "2026-12-31" });
  });

  it("reads assignment sentences and ignores the header block", () => {
    const narrative = x.tasks.filter((t) => t.origin === "narrative");
    expect(narrative[0]).toMatchObject({ lead: ["Phòng Văn hóa - Xã hội"], support: ["Công an xã"] });
    expect(narrative[0].deadline).toMatchObject({ kind: "month", start: "2026-06-01", end: "2026-06-30" });
    expect(narrative.some((t) => t.deadline?.kind === "by" && t.deadline.end === "2026-04-30")).toBe(true);
    expect(x.tasks.some((t) => /CỘNG HÒA|Độc lập|ngày 12 tháng 3/.test(t.text))).toBe(false);
  });

  it("reads comparators and ratios in the objectives", () => {
    const m = (v: number) => x.metrics.find((k) => k.value === v && k.unit === "%");
    expect(m(85)).toMatchObject({ comparator: ">=", role: "target" });
    expect(m(60)).toMatchObject({ comparator: ">=", role: "target" });
    expect(m(5)).toMatchObject({ comparator: "<=", role: "target" });
    expect(x.metrics.find((k) => k.numerator === 2500)).toMatchObject({ denominator: 3000, comparator: ">=" });
  });
});

describe("a Party report in plain text with a status annex", async () => {
  const x = await extract("bao-cao-phuong-hoa-binh.txt");

  it("reads the Party header and numbering", () => {
    expect(x.document).toMatchObject({ kind: "bao-cao", code: "27-BC/ĐU", symbol: "BC/ĐU", date: "2026-06-05", signer: { name: "Nguyễn Thị Lan", position: "Bí thư" } });
    expect(x.document.issuer).toMatch(/Đảng (ủy|uỷ) phường Ho(à|a)/);
  });

  it("cites the plan and the guidance, not itself", () => {
    expect(x.references.map((r) => r.code).sort()).toEqual(["05-HD/VPTW", "12-KH/ĐU"]);
    expect(byCode(x).get("05-HD/VPTW")).toMatchObject({ kind: "huong-dan", date: "2026-03-10", issuer: "Văn phòng Trung ương Đảng" });
  });

  it("reads results as actual values, the ratio and its percentage separately", () => {
    expect(x.metrics.find((m) => m.value === 92.5)).toMatchObject({ unit: "%", role: "actual" });
    expect(x.metrics.find((m) => m.numerator === 1162)).toMatchObject({ denominator: 1205 });
    expect(x.metrics.find((m) => m.value === 96.43)).toMatchObject({ unit: "%" });
    expect(x.metrics.find((m) => m.value === 78)).toMatchObject({ comparator: "=" });
  });

  it("reads the status annex whose status column comes first", () => {
    const rows = x.tasks.filter((t) => t.origin === "table");
    expect(rows.map((t) => t.status)).toEqual(["done", "overdue", "in-progress"]);
    expect(rows[1].lead).toEqual(["Văn phòng Đảng uỷ", "Trung tâm Phục vụ hành chính công"]);
    expect(rows[1].deadline).toMatchObject({ kind: "by", end: "2026-03-31" });
    expect(rows[0].text).toBe("Ban hành Kế hoạch chuyển đổi số năm 2026");
  });

  it("reads the directives for the next period with their deadlines", () => {
    const next = x.tasks.filter((t) => t.origin === "narrative");
    expect(next).toHaveLength(2);
    expect(next[0]).toMatchObject({ lead: ["Văn phòng Đảng uỷ"], support: ["Ban Xây dựng Đảng"] });
    expect(next[0].deadline).toMatchObject({ kind: "by", end: "2026-09-30" });
    expect(next[1].lead).toEqual(["Ủy ban Kiểm tra Đảng ủy"]);
    expect(next[1].deadline).toMatchObject({ kind: "quarter", start: "2026-10-01", end: "2026-12-31" });
  });
});

describe("a short Party plan in Windows-1258 with 'Số' and no colon, no numbered sections", async () => {
  const x = extractDocument(await parseFile(new URL("./faults/files/cp1258.txt", import.meta.url).pathname));

  it("takes 'Số 41-KH/ĐU' as its own number and composes the issuer from the two header lines", () => {
    expect(x.document).toMatchObject({ kind: "ke-hoach", code: "41-KH/ĐU", symbol: "KH/ĐU", issuer: "Đảng ủy xã Phú Thịnh" });
    expect(x.references.map((r) => r.code)).toEqual(["06-KH/BCĐ"]);
  });

  it("reads its numbered directives as tasks", () => {
    expect(x.tasks.map((t) => [t.lead, t.support])).toEqual([
      [["Ủy ban nhân dân xã"], ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]],
      [["Văn phòng Đảng ủy"], []],
    ]);
    expect(x.tasks[1].deadline).toMatchObject({ kind: "by", end: "2026-06-30" });
  });
});
