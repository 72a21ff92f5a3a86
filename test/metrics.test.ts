/**
 * Metrics: percentages, ratios, ranges and indicator-table cells as Vietnamese
 * documents print them, built through the real parser; and the seed fixtures checked
 * against their text. Expected values are read off the sentences and the contract.
 */
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../schemas/document.js";
import type { DocumentMeta, Metric } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { extractMetrics } from "../src/extract/metrics.js";
import { parseViNumber, parseViRange, parseViRatio } from "../src/extract/vietnamese-numbers.js";
import { parseBytes, parseFile } from "../src/parse/index.js";

const BLANK: DocumentMeta = { kind: null, code: null, symbol: null, issuer: null, place: null, date: null, title: null, signer: null };

function md(body: string, kind = "KẾ HOẠCH"): string {
  return `UBND XÃ PHÚ THỊNH\n\nSố: 12/KH-UBND\n\nPhú Thịnh, ngày 10 tháng 3 năm 2026\n\n${kind}\n\nChuyển đổi số trên địa bàn xã\n\n${body}\n`;
}
async function parse(text: string): Promise<DocumentModel> {
  return parseBytes(Buffer.from(text), "x.md");
}
async function metrics(body: string, kind?: string): Promise<Metric[]> {
  return extractMetrics(makeContext(await parse(md(body, kind)), BLANK));
}
const brief = (m: Metric) => [m.value, m.unit, m.comparator, m.role];

describe("Vietnamese numbers", () => {
  it.each([
    ["84,03", 84.03], ["6.576", 6576], ["30.098", 30098], ["0,556", 0.556], ["1.247,5", 1247.5], ["99.9", 99.9], ["01", 1], ["1.000.000", 1000000],
  ])("%s → %d", (raw, value) => expect(parseViNumber(raw as string)).toBe(value));
  it("rejects what is not one number", () => {
    expect(parseViNumber("1 247")).toBeNull();
    expect(parseViNumber("1,247.5")).toBeNull();
  });
  it("reads ratios and ranges", () => {
    expect(parseViRatio("1.247/1.484")).toEqual({ numerator: 1247, denominator: 1484 });
    expect(parseViRange("0,2–0,3".replace("–", "-"))).toEqual({ min: 0.2, max: 0.3 });
    expect(parseViRange("từ 0,2% đến 0,3%")).toEqual({ min: 0.2, max: 0.3 });
    expect(parseViRange("5 - 3")).toBeNull();
  });
});

describe("percentages and comparators", () => {
  it.each([
    ["Tỷ lệ dân số trưởng thành có chữ ký số đạt trên 70%.", [70, "%", ">", "target"]],
    ["Tối thiểu 90% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến.", [90, "%", ">=", "target"]],
    ["Phấn đấu ít nhất 80% hộ gia đình sử dụng thanh toán số.", [80, "%", ">=", "target"]],
    ["Tỷ lệ hài lòng không dưới 95%.", [95, "%", ">=", "target"]],
    ["Duy trì tỷ lệ hài lòng của người dân đạt từ 98% trở lên.", [98, "%", ">=", "target"]],
    ["Tỷ lệ hồ sơ trễ hạn dưới 2%.", [2, "%", "<", "target"]],
    ["Tỷ lệ hồ sơ trễ hạn tối đa 5%.", [5, "%", "<=", "target"]],
    ["Tỷ lệ hồ sơ phải bổ sung không quá 10%.", [10, "%", "<=", "target"]],
    ["Tỷ lệ giải ngân đạt khoảng 62%.", [62, "%", "=", "target"]],
    ["Tỷ lệ thanh toán trực tuyến đạt 99,67%.", [99.67, "%", "=", "target"]],
    ["Giảm 50 phần trăm thời gian giải quyết thủ tục.", [50, "%", "=", "target"]],
    ["Tỷ lệ che phủ rừng ≥ 45%.", [45, "%", ">=", "target"]],
  ])("%s", async (body, expected) => {
    expect((await metrics(body)).map(brief)).toEqual([expected]);
  });

  it("reads the subject after a leading figure and before a trailing one", async () => {
    const found = await metrics(
      "Tăng cường quản lý văn bản điện tử đảm bảo 100% văn bản được xử lý trên môi trường số.\n\nTỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 95%.",
    );
    expect(found.map((m) => m.subject)).toEqual(["Văn bản được xử lý trên môi trường số", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"]);
  });

  it("applies 'trên' only to the figure right after it", async () => {
    const found = await metrics("Tỷ lệ người dùng truy cập băng rộng với tốc độ trên 01 Gbps đạt 100%.", "BÁO CÁO");
    expect(found.map(brief)).toEqual([[100, "%", "=", "actual"]]);
  });

  it("reads a figure in the title but none in the signature or recipients", async () => {
    const text = md("Các đơn vị triển khai.\n\nNơi nhận:\n- 100% các đơn vị (để thực hiện);\n- Lưu: VT.").replace("Chuyển đổi số trên địa bàn xã", "Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên 80%");
    const found = extractMetrics(makeContext(await parse(text), BLANK));
    expect(found.map((m) => [m.value, m.subject])).toEqual([[80, "Tỷ lệ hồ sơ trực tuyến toàn trình"]]);
  });

  it("reads a range as one metric with its upper bound", async () => {
    const found = await metrics("Lãi suất cho vay ưu đãi 0,2–0,3%/tháng; tăng trưởng từ 6% đến 7%.");
    expect(found.map((m) => [m.value, m.max, m.comparator])).toEqual([
      [0.2, 0.3, ">="],
      [6, 7, ">="],
    ]);
  });
});

describe("ratios", () => {
  it("reads counts with thousands dots, the counted noun, and the percentage beside them as its own metric", async () => {
    const found = await metrics("- Số hóa: 1.410/1.411 hồ sơ, tỷ lệ: 99,9%.\n\n- Số lượng hồ sơ trực tuyến toàn trình: 1247/1484, tỷ lệ: 84,03%.", "BÁO CÁO");
    expect(found.map((m) => [m.value, m.unit, m.numerator ?? null, m.denominator ?? null, m.role])).toEqual([
      [1410, "hồ sơ", 1410, 1411, "actual"],
      [99.9, "%", null, null, "actual"],
      [1247, "hồ sơ", 1247, 1484, "actual"],
      [84.03, "%", null, null, "actual"],
    ]);
    expect(found[3].subject).toBe("Tỷ lệ hồ sơ trực tuyến toàn trình");
  });

  it("is not a date, a month, a document code or a clock", async () => {
    const found = await metrics(
      "Căn cứ Kế hoạch số 35/KH-UBND ngày 12/7/2026 và Nghị định số 30/2020/NĐ-CP; hoàn thành trước ngày 15/4, trong tháng 4/2026; phục vụ 24/7.",
    );
    expect(found).toEqual([]);
  });
});

describe("roles", () => {
  it("a report states results, except the task it names and the goals it repeats", async () => {
    const found = await metrics(
      [
        "I. KẾT QUẢ THỰC HIỆN",
        "- Việc (1) 100% các đơn vị gửi nhận văn bản có ký số; (2) Số hóa 100% tài liệu lưu trữ.",
        "+ Đến nay, 100% các cơ quan, đơn vị gửi nhận văn bản điện tử có ký số.",
        "+ Đã số hóa tài liệu lưu trữ, tuy nhiên chưa hoàn thành 100%.",
        "- Số hoá 100% quy trình nghiệp vụ của các cơ quan, đơn vị: đã thực hiện trên hệ thống 85% quy trình.",
        "II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
        "Phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 90%.",
      ].join("\n\n"),
      "BÁO CÁO",
    );
    expect(found.map((m) => [m.value, m.comparator, m.role])).toEqual([
      [100, "=", "target"],
      [100, "=", "target"],
      [100, "=", "actual"],
      [100, "<", "actual"],
      [100, "=", "target"],
      [85, "=", "actual"],
      [90, ">", "target"],
    ]);
  });

  it("a plan states goals, except results it reports", async () => {
    const found = await metrics("Năm 2025, tỷ lệ hồ sơ trực tuyến đã đạt 85%.\n\nPhấn đấu năm 2026 tỷ lệ hồ sơ trực tuyến đạt 95%.");
    expect(found.map((m) => [m.value, m.role])).toEqual([
      [85, "actual"],
      [95, "target"],
    ]);
  });
});

describe("tables", () => {
  const indicator = [
    "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả tháng 4/2026 |",
    "|---|---|---|---|---|",
    "| I | Phát triển hạ tầng |  |  |  |",
    "| 1. | Tỷ lệ phủ sóng 5G trên dân số | % | 90 | 72,5 |",
    "| 2. | Tỷ lệ hài lòng của người dân | % | $\\geq 98$ | 100 |",
    "| 3. | Giao dịch thuộc diện phi tiếp xúc | % | 80 | Không phát sinh trong kỳ báo cáo |",
    "| 4. | Hộ kinh doanh dùng thanh toán số | Hộ | 1.200 | 1.050 |",
    "| 5. | Lãi suất cho vay | % | 0,2-0,3 | Đạt 0,25% |",
    "| 6. | Hồ sơ số hóa | Hồ sơ | ≥ 1.500 | 1.247/1.484 |",
  ].join("\n");

  it("gives one metric per numeric target and result cell, with the unit column's unit", async () => {
    const found = await metrics(indicator, "BÁO CÁO");
    expect(found.map((m) => [m.subject, m.value, m.unit, m.comparator, m.role, m.max ?? null, m.numerator ?? null])).toEqual([
      ["Tỷ lệ phủ sóng 5G trên dân số", 90, "%", "=", "target", null, null],
      ["Tỷ lệ phủ sóng 5G trên dân số", 72.5, "%", "=", "actual", null, null],
      ["Tỷ lệ hài lòng của người dân", 98, "%", ">=", "target", null, null],
      ["Tỷ lệ hài lòng của người dân", 100, "%", "=", "actual", null, null],
      ["Giao dịch thuộc diện phi tiếp xúc", 80, "%", "=", "target", null, null],
      ["Hộ kinh doanh dùng thanh toán số", 1200, "Hộ", "=", "target", null, null],
      ["Hộ kinh doanh dùng thanh toán số", 1050, "Hộ", "=", "actual", null, null],
      ["Lãi suất cho vay", 0.2, "%", ">=", "target", 0.3, null],
      ["Lãi suất cho vay", 0.25, "%", "=", "actual", null, null],
      ["Hồ sơ số hóa", 1500, "Hồ sơ", ">=", "target", null, null],
      ["Hồ sơ số hóa", 1247, "Hồ sơ", "=", "actual", null, 1247],
    ]);
    expect(found[0].text).toBe("1. | Tỷ lệ phủ sóng 5G trên dân số | % | 90 | 72,5");
  });

  it("reads headers the column registry leaves open ('Kế hoạch năm', 'Thực hiện 6 tháng') and skips others", async () => {
    const found = await metrics(
      ["| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | Thực hiện 6 tháng | So sánh (%) |", "|---|---|---|---|---|---|", "| 1 | Tỷ lệ hồ sơ trực tuyến | % | 80 | 85,5 | 106 |"].join("\n"),
      "BÁO CÁO",
    );
    expect(found.map(brief)).toEqual([
      [80, "%", "=", "target"],
      [85.5, "%", "=", "actual"],
    ]);
  });

  it("in a task table, content and output are goals and the status column a result", async () => {
    const found = await metrics(
      ["| STT | Nhiệm vụ | Sản phẩm | Kết quả thực hiện |", "|---|---|---|---|", "| 1 | Số hóa 100% hồ sơ | 100% hồ sơ được số hóa | Đã hoàn thành 80% |"].join("\n"),
      "BÁO CÁO",
    );
    expect(found.map((m) => [m.value, m.role])).toEqual([
      [100, "target"],
      [100, "target"],
      [80, "actual"],
    ]);
  });

  it("keeps every span inside its row, the text as written", async () => {
    const doc = await parse(md(indicator, "BÁO CÁO"));
    const rows = doc.blocks.flatMap((b) => (b.type === "table" ? b.rows : []));
    for (const m of extractMetrics(makeContext(doc, BLANK))) expect(rows.some((r) => m.span!.start >= r.span.start && m.span!.end <= r.span.end)).toBe(true);
  });
});

describe("indicator tables of real reports", () => {
  // A two-row header as pandoc writes it: "Năm 2025" merged over plan, result and the comparison column.
  const report = [
    "<table>",
    "<tr><th rowspan=\"2\">TT</th><th rowspan=\"2\">Chỉ tiêu</th><th rowspan=\"2\">ĐVT</th><th colspan=\"3\">Năm 2025</th><th rowspan=\"2\">So với cùng kỳ (%)</th></tr>",
    "<tr><th>Kế hoạch</th><th>Thực hiện</th><th>% so với kế hoạch</th></tr>",
    "<tr><td>I</td><td>Cây lúa</td><td></td><td></td><td></td><td></td><td></td></tr>",
    "<tr><td>1</td><td>Diện tích</td><td>ha</td><td>1.250</td><td>1.262,5</td><td>101</td><td>98,5</td></tr>",
    "<tr><td>2</td><td>Năng suất</td><td>tạ/ha</td><td>60</td><td>61,2</td><td>102</td><td>100,3</td></tr>",
    "<tr><td>3</td><td>Sản lượng</td><td>tấn</td><td>7.500</td><td>7.726,5</td><td>103</td><td>98,8</td></tr>",
    "<tr><td>II</td><td>Tỷ lệ hộ nghèo theo chuẩn đa chiều</td><td>%</td><td>dưới 2</td><td>1,8</td><td></td><td></td></tr>",
    "<tr><td>III</td><td>Hồ sơ giải quyết đúng hạn</td><td>hồ sơ</td><td></td><td>1.162/1.205</td><td></td><td></td></tr>",
    "</table>",
  ].join("\n");

  it("reads every target, result and comparison cell with the unit column and the group row", async () => {
    const found = await metrics(report, "BÁO CÁO");
    expect(found.map((m) => [m.subject, m.value, m.unit, m.comparator, m.role, m.compares ?? null])).toEqual([
      ["Cây lúa: Diện tích", 1250, "ha", "=", "target", null],
      ["Cây lúa: Diện tích", 1262.5, "ha", "=", "actual", null],
      ["Cây lúa: Diện tích", 101, "%", "=", "actual", "target"],
      ["Cây lúa: Diện tích", 98.5, "%", "=", "actual", "previous"],
      ["Cây lúa: Năng suất", 60, "tạ/ha", "=", "target", null],
      ["Cây lúa: Năng suất", 61.2, "tạ/ha", "=", "actual", null],
      ["Cây lúa: Năng suất", 102, "%", "=", "actual", "target"],
      ["Cây lúa: Năng suất", 100.3, "%", "=", "actual", "previous"],
      ["Cây lúa: Sản lượng", 7500, "tấn", "=", "target", null],
      ["Cây lúa: Sản lượng", 7726.5, "tấn", "=", "actual", null],
      ["Cây lúa: Sản lượng", 103, "%", "=", "actual", "target"],
      ["Cây lúa: Sản lượng", 98.8, "%", "=", "actual", "previous"],
      ["Tỷ lệ hộ nghèo theo chuẩn đa chiều", 2, "%", "<", "target", null],
      ["Tỷ lệ hộ nghèo theo chuẩn đa chiều", 1.8, "%", "=", "actual", null],
      ["Hồ sơ giải quyết đúng hạn", 1162, "hồ sơ", "=", "actual", null],
    ]);
    expect(found.find((m) => m.value === 1162)).toMatchObject({ numerator: 1162, denominator: 1205 });
  });

  it("takes the unit from a header's parentheses when there is no unit column", async () => {
    const found = await metrics(
      ["| TT | Nội dung | Kế hoạch (ha) | Thực hiện (ha) |", "|---|---|---|---|", "| 1 | Trồng rừng tập trung | 120 | 95,5 |"].join("\n"),
      "BÁO CÁO",
    );
    expect(found.map(brief)).toEqual([[120, "ha", "=", "target"], [95.5, "ha", "=", "actual"]]);
  });

  it("reads a target list with owners ('TT | Chỉ tiêu | Chủ trì') as goals in prose", async () => {
    const found = await metrics(
      ["| TT | Chỉ tiêu | Chủ trì |", "|---|---|---|", "| 1 | Tỷ lệ doanh nghiệp nhỏ ứng dụng công nghệ số đạt 60% | Sở Khoa học và Công nghệ |"].join("\n"),
    );
    expect(found.map(brief)).toEqual([[60, "%", "=", "target"]]);
  });
});

describe("seed fixtures", () => {
  const fixture = (stem: string) => new URL(`../fixtures/${stem}.txt`, import.meta.url).pathname;
  const load = async (stem: string) => {
    const doc = await parseFile(fixture(stem));
    return { doc, found: extractMetrics(makeContext(doc, BLANK)) };
  };

  it("003: the indicator annex gives 29 cells; '≥ 98' is '>='; a sentence result gives none", async () => {
    const { doc, found } = await load("003_dd124789fcb3a41d");
    const table = found.filter((m) => m.text.includes(" | "));
    expect(table).toHaveLength(29);
    expect(table.find((m) => m.value === 98)).toMatchObject({ comparator: ">=", role: "target", unit: "%" });
    expect(table.filter((m) => m.subject === "Giao dịch hành chính thuộc diện “phi tiếp xúc”").map((m) => m.role)).toEqual(["target"]);
    expect(found.find((m) => m.numerator === 1247)).toMatchObject({ denominator: 1484, value: 1247 });
    expect(found.find((m) => m.value === 84.03)).toMatchObject({ unit: "%", role: "actual" });
    expect(found.find((m) => m.value === 3)).toMatchObject({ comparator: "<", role: "actual" });
    // Every prose figure is read where the document prints it.
    for (const m of found.filter((x) => !x.text.includes(" | "))) expect(doc.text.slice(m.span!.start, m.span!.end)).toMatch(/^\d[\d.,]*(?:\s*%|\s*\/\s*[\d.,]+)/u);
  });

  it("001: every figure of the plan is a goal", async () => {
    const { found } = await load("001_3086ccc4e4aed2ea");
    expect(found).toHaveLength(29);
    expect(found.every((m) => m.role === "target")).toBe(true);
    expect(found.filter((m) => m.comparator === ">=").map((m) => m.value)).toEqual([90, 98, 90, 98, 90, 98]);
  });

  it("004: a report's figures are results; 48/48 is a ratio", async () => {
    const { found } = await load("004_c41bed75581ceb3b");
    expect(found.every((m) => m.role === "actual")).toBe(true);
    expect(found.find((m) => m.numerator === 48)).toMatchObject({ denominator: 48, unit: "tổ dân phố" });
    expect(found.find((m) => m.value === 85)).toMatchObject({ comparator: ">" });
  });
});

describe("indicator columns headed by a period", () => {
  const table = ["| TT | Chỉ tiêu | ĐVT | Năm 2026 | Đến năm 2030 |", "|---|---|---|---|---|", "| 1 | Tỷ lệ hộ dùng nước sạch | % | 95 | 100 |"].join("\n");
  it("are goals in a plan", async () => {
    expect((await metrics(table)).map(brief)).toEqual([[95, "%", "=", "target"], [100, "%", "=", "target"]]);
  });
  it("a bare year is a result in a report; 'Đến năm …' stays a goal", async () => {
    expect((await metrics(table, "BÁO CÁO")).map(brief)).toEqual([[95, "%", "=", "actual"], [100, "%", "=", "target"]]);
  });
});
