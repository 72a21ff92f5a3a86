/**
 * Consistency checks: each warning names the statement it questions by page and span.
 * Documents are built through the real parser; the task annex is given as data where
 * the check is about counting, and read by the whole extract stage on seed 003.
 */
import { describe, expect, it } from "vitest";
import type { DocumentMeta, Extraction, Task } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { extractDocument } from "../src/extract/index.js";
import { extractMetrics } from "../src/extract/metrics.js";
import { checkConsistency } from "../src/extract/warnings.js";
import { parseBytes, parseFile } from "../src/parse/index.js";

const BLANK: DocumentMeta = { kind: null, code: null, symbol: null, issuer: null, place: null, date: null, title: null, signer: null };
const md = (body: string) => `UBND XÃ PHÚ THỊNH\n\nPhú Thịnh, ngày 24 tháng 4 năm 2026\n\nBÁO CÁO\n\nKết quả chuyển đổi số\n\n${body}\n`;

async function check(body: string, tasks: Task[] = []): Promise<{ warnings: string[]; text: string }> {
  const doc = await parseBytes(Buffer.from(md(body)), "x.md");
  const ctx = makeContext(doc, BLANK);
  const x: Extraction = {
    schemaVersion: 1,
    source: { file: "x.md", sha256: "", format: "md" },
    document: BLANK,
    references: [],
    tasks,
    deadlines: [],
    metrics: extractMetrics(ctx),
    warnings: [],
  };
  return { warnings: checkConsistency(x, ctx), text: doc.text };
}
/** The span a warning names, as text. */
const spanned = (w: string, text: string) => {
  const m = /\(page (\d+), span (\d+)-(\d+)\)$/.exec(w);
  expect(m).not.toBeNull();
  return text.slice(Number(m![2]), Number(m![3]));
};
const task = (status: Task["status"]): Task => ({
  text: "Nhiệm vụ", ordinal: null, section: null, lead: [], support: [], output: null, deadline: null, sources: [], status, statusText: null, origin: "table",
});

describe("ratios and percentages", () => {
  it("accepts rounding and truncation to the printed decimals", async () => {
    const { warnings } = await check("+ Số hóa: 1.410/1.411 hồ sơ, tỷ lệ: 99,9%.\n\n+ Toàn trình: 1247/1484, tỷ lệ: 84,03%.\n\n+ Cấp kết quả: 1409/1483 hồ sơ, tỷ lệ: 95%.");
    expect(warnings).toEqual([]);
  });

  it("flags a percentage that does not follow from its ratio, naming the span", async () => {
    const { warnings, text } = await check("+ Số hóa: 1.410/1.500 hồ sơ, tỷ lệ: 99,9%.");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/99,9% but 1410\/1500 is 94%/);
    expect(spanned(warnings[0], text)).toBe("1.410/1.500 hồ sơ, tỷ lệ: 99,9%");
  });

  it("checks a percentage written before its ratio", async () => {
    const { warnings } = await check("100% các Tổ công nghệ số tại 46/48 tổ dân phố đã tuyên truyền.");
    expect(warnings).toHaveLength(1);
  });
});

describe("counts, totals and parts", () => {
  it("checks a count's rate against the total of the same noun", async () => {
    const ok = await check("- Tổng số nhiệm vụ được giao: 12, trong đó:\n\n+ Số nhiệm vụ đã hoàn thành: 6, tỷ lệ 50%.");
    expect(ok.warnings).toEqual([]);
    const bad = await check("- Tổng số nhiệm vụ được giao: 12, trong đó:\n\n+ Số nhiệm vụ đã hoàn thành: 6, tỷ lệ 60%.");
    expect(bad.warnings).toHaveLength(1);
    expect(bad.warnings[0]).toMatch(/60% but 6 of the total 12 is 50%/);
    expect(spanned(bad.warnings[0], bad.text)).toBe("Số nhiệm vụ đã hoàn thành: 6, tỷ lệ 60%");
  });

  it("adds up the parts of a total given in brackets or as a list", async () => {
    const { warnings } = await check(
      "- Tổng số hồ sơ đã tiếp nhận: 6.576 hồ sơ (Tiếp nhận trực tiếp 110 hồ sơ; tiếp nhận trực tuyến 6.316 hồ sơ);\n\n+ Tổng số TTHC: 414; số lượng TTHC trực tuyến toàn trình: 35, một phần: 379, trực tiếp: 0.",
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/total of 6\.576 but its parts add up to 6426/);
  });

  it("flags 'Trong đó' items that exceed their total, not ones that fall short", async () => {
    const over = await check("- Số hồ sơ đang giải quyết: 180 hồ sơ. Trong đó:\n\n+ Đang giải quyết trong hạn: 135 hồ sơ.\n\n+ Số hồ sơ chưa đến hạn: 135 hồ sơ.");
    expect(over.warnings).toHaveLength(1);
    expect(over.warnings[0]).toMatch(/adding up to 270, more than the total 180/);
    const under = await check("- Số hồ sơ đã giải quyết: 6.441 hồ sơ. Trong đó:\n\n+ Quá hạn: 6 hồ sơ.\n\n+ Trước hạn: 100 hồ sơ.");
    expect(under.warnings).toEqual([]);
  });
});

describe("tasks by status", () => {
  const annex = [task("done"), task("done"), task("done"), task("in-progress"), task("not-started")];

  it("compares prose counts with the status annex", async () => {
    const { warnings, text } = await check(
      "- Tổng số nhiệm vụ được giao: 5, trong đó:\n\n+ Số nhiệm vụ đã hoàn thành: 2, trong đó hoàn thành đúng hạn: 2.\n\n+ Số nhiệm vụ đang thực hiện: 2.\n\n+ Số nhiệm vụ quá hạn: 0.",
      annex,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/annex lists 3 tasks done/);
    expect(spanned(warnings[0], text)).toBe("Số nhiệm vụ đã hoàn thành: 2");
  });

  it("says nothing without a status annex", async () => {
    const { warnings } = await check("+ Số nhiệm vụ đã hoàn thành: 2.", [task("done")]);
    expect(warnings).toEqual([]);
  });

  it("003: the report counts 6 tasks done where its annex marks 7", async () => {
    const doc = await parseFile(new URL("../fixtures/003_dd124789fcb3a41d.txt", import.meta.url).pathname);
    const x = extractDocument(doc);
    const done = x.tasks.filter((t) => t.status === "done").length;
    const w = x.warnings.filter((s) => s.startsWith("consistency:"));
    if (done !== 6) expect(w.some((s) => s.includes(`"Số nhiệm vụ đã hoàn thành: 6" but the task-status annex lists ${done} tasks done`))).toBe(true);
    // The ratios and rates of the report are consistent.
    expect(w.filter((s) => /% but/.test(s))).toEqual([]);
  });
});
