/**
 * Task extraction: table rows and directive paragraphs. Documents are built through
 * the real parser (Markdown pipe tables, tab tables) and run through the whole extract
 * stage; expected values on the seed fixtures were read off the seed documents
 * (../shared/seeds), not off the extractor's output.
 */
import { describe, expect, it } from "vitest";
import type { DocumentModel, TableBlock } from "../schemas/document.js";
import type { Task } from "../schemas/extraction.js";
import { extractDocument } from "../src/extract/index.js";
import { columnRole, columnRoles } from "../src/extract/registries/columns.js";
import { taskStatus } from "../src/extract/registries/task-status.js";
import { sourceCodes } from "../src/extract/tasks/source-codes.js";
import { parseBytes, parseFile } from "../src/parse/index.js";

const parse = (text: string, name = "x.md") => parseBytes(Buffer.from(text), name);
const tasksOf = async (text: string, name = "x.md") => extractDocument(await parse(text, name)).tasks;
const fixture = (stem: string) => new URL(`../fixtures/${stem}.txt`, import.meta.url).pathname;
const byText = (tasks: Task[], start: string) => {
  const t = tasks.find((x) => x.text.startsWith(start));
  if (!t) throw new Error(`no task starting "${start}" in ${tasks.map((x) => x.text.slice(0, 30)).join(" | ")}`);
  return t;
};

describe("column roles registry", () => {
  it("reads roles from header wording", () => {
    expect(columnRole("Cơ quan chủ trì /tham mưu")).toBe("lead");
    expect(columnRole("Cơ quan phối hợp thực hiện")).toBe("support");
    expect(columnRole("Sản phẩm/kết quả")).toBe("output");
    expect(columnRole("Văn bản giao nhiệm vụ")).toBe("sources");
    expect(columnRole("Thời gian giao theo kế hoạch")).toBe("deadline");
    expect(columnRole("Kết quả tháng 4/2026")).toBe("status");
    expect(columnRole("Tên nhiệm vụ")).toBe("content");
    expect(columnRole("Số ký hiệu, Ngày ban hành Nội dung văn bản, Trích yếu")).toBe("document");
    expect(columnRole("Đơn vị, cá nhân được giao chủ trì")).toBe("lead");
    expect(columnRole("Kinh phí dự kiến")).toBeNull();
  });
  it("turns an indicator table's result column into actual values", () => {
    expect(columnRoles(["TT", "Chỉ tiêu", "Đơn vị tính", "Mục Tiêu", "Kết quả tháng 4/2026"])).toEqual([
      "ordinal", "indicator", "unit", "target", "actual",
    ]);
  });
});

describe("task status registry", () => {
  it.each([
    ["Đã hoàn thành", "done"],
    ["Hoàn thành", "done"],
    ["Hoàn thành quá hạn", "done"],
    ["Chưa thực hiện", "not-started"],
    ["Chưa triển khai", "not-started"],
    ["Đang triển khai thực hiện", "in-progress"],
    ["Đang thực hiện", "in-progress"],
    ["Quá hạn, chưa hoàn thành", "overdue"],
    ["Quá hạn", "overdue"],
    ["Hiện nay, hệ thống đã được triển khai cho khối Đảng; đối với UBND xã đang từng bước nghiên cứu.", "in-progress"],
    ["Đã triển khai tại 3/5 xóm, các xóm còn lại tiếp tục thực hiện trong quý III", "in-progress"],
  ] as const)("%s → %s", (cell, status) => expect(taskStatus(cell)).toBe(status));
  it("gives no status to an empty or unrelated cell", () => {
    expect(taskStatus("")).toBeNull();
    expect(taskStatus("Nhiệm vụ tỉnh giao")).toBeNull();
  });
});

describe("source codes of a 'Văn bản giao nhiệm vụ' cell", () => {
  it("gives one canonical code per entry, a code broken by a line break being one", () => {
    expect(sourceCodes("13-TB/CQTT;\n41-KH/TU;\n35/KH-\nUBND")).toEqual(["13-TB/CQTT", "41-KH/TU", "35/KH-UBND"]);
    expect(sourceCodes("Nghị định 30/2020/NĐ-CP; Công văn 3216/UBND-KGVX")).toEqual(["30/2020/NĐ-CP", "3216/UBND-KGVX"]);
  });
});

const PLAN_TABLE = `# KẾ HOẠCH

## PHỤ LỤC

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Văn bản giao nhiệm vụ |
|---|---|---|---|---|---|
| **I** | **Phát triển nguồn nhân lực** | | | | |
| 1. | Tổ chức tập huấn kỹ năng số cho cán bộ | Phòng Văn hóa, Thể thao và Du lịch | Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy; Công an xã | Tháng 4/2026 | 13-TB/CQTT;<br>41-KH/TU |
| 2. | Rà soát nhân sự chuyên trách | Văn phòng HĐND và UBND xã | Phòng Kinh tế, Hạ tầng và Đô thị, Công an xã | Trước ngày 30/4/2026 | 35/KH-UBND |
| 1 | Về hạ tầng số | | | | |
| 1.1 | Nâng cấp đường truyền | Ủy ban nhân dân xã, Ủy ban Mặt trận Tổ quốc xã và các tổ chức chính trị - xã hội | - Công an xã<br>- Trạm Y tế xã<br>+ Trường Mầm non Hoa Sen | Quý II/2026 | |
`;

describe("table rows", async () => {
  const tasks = await tasksOf(PLAN_TABLE);
  it("makes one task per task row, none for group rows", () => {
    expect(tasks.map((t) => t.ordinal)).toEqual(["1.", "2.", "1.1"]);
    expect(tasks.every((t) => t.origin === "table" && t.deadline === null || t.deadline !== undefined)).toBe(true);
  });
  it("takes the section from the group rows: roman with its numbering, arabic by label", () => {
    expect(tasks[0].section).toBe("I. Phát triển nguồn nhân lực");
    expect(tasks[2].section).toBe("Về hạ tầng số");
  });
  it("keeps a comma inside an agency name and splits on the commas between agencies", () => {
    expect(tasks[0].lead).toEqual(["Phòng Văn hóa, Thể thao và Du lịch"]);
    expect(tasks[0].support).toEqual(["Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy", "Công an xã"]);
    expect(tasks[1].lead).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(tasks[1].support).toEqual(["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an xã"]);
    expect(tasks[2].lead).toEqual(["Ủy ban nhân dân xã", "Ủy ban Mặt trận Tổ quốc xã", "các tổ chức chính trị - xã hội"]);
  });
  it("splits on bullets and line breaks in a cell", () => {
    expect(tasks[2].support).toEqual(["Công an xã", "Trạm Y tế xã", "Trường Mầm non Hoa Sen"]);
  });
  it("reads the sources column as canonical codes", () => {
    expect(tasks[0].sources).toEqual(["13-TB/CQTT", "41-KH/TU"]);
    expect(tasks[1].sources).toEqual(["35/KH-UBND"]);
  });
  it("gives every task its row as provenance", async () => {
    const doc = await parse(PLAN_TABLE);
    const table = doc.blocks.find((b): b is TableBlock => b.type === "table")!;
    const row = table.rows.find((r) => r.cells[0].text === "2.")!;
    expect(tasks[1].span).toEqual(row.span);
    expect(tasks[1].page).toBe(1);
  });
});

describe("reordered columns, a sub-header row and an unknown column", async () => {
  const text = `| Cơ quan thực hiện | | Nhiệm vụ | TT | Thời gian hoàn thành | Kinh phí (triệu đồng) | Tình hình thực hiện |
|---|---|---|---|---|---|---|
| Chủ trì | Phối hợp | | | | | |
| Công an xã | Văn phòng Đảng ủy | Rà soát hệ thống camera | 1 | Quý III/2026 | 50 | Đang thực hiện |
| Trạm Y tế | | Số hóa hồ sơ sức khỏe | 2 | Năm 2026 | | Chưa triển khai |
`;
  const tasks = await tasksOf(text);
  it("reads roles by wording, whatever the order", () => {
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ text: "Rà soát hệ thống camera", ordinal: "1", lead: ["Công an xã"], support: ["Văn phòng Đảng ủy"], status: "in-progress", statusText: "Đang thực hiện" });
    expect(tasks[1]).toMatchObject({ lead: ["Trạm Y tế"], support: [], status: "not-started" });
  });
  it("keeps the unknown column in extra under its header", () => {
    expect(tasks[0].extra).toEqual({ "Kinh phí (triệu đồng)": "50" });
    expect(tasks[1].extra).toBeUndefined();
  });
});

describe("merged (rowspan) lead cells", async () => {
  const base = await parse(`| TT | Nội dung | Đơn vị chủ trì | Thời gian |
|---|---|---|---|
| 1 | Cập nhật dữ liệu dân cư | Công an xã | Tháng 5/2026 |
| 2 | Xác thực tài khoản định danh | | Tháng 6/2026 |
| 3 | Tuyên truyền VNeID | | Tháng 7/2026 |
`);
  // The DOCX/HTML parsers mark a vertically merged cell with rowspan on its first row; the
  // later rows carry either copies (`spanned`) or no cell at all. Both shapes are built here.
  const withRowspan = (copies: boolean): DocumentModel => {
    const doc = structuredClone(base);
    const table = doc.blocks.find((b): b is TableBlock => b.type === "table")!;
    table.rows[1].cells[2].rowspan = 3;
    for (const r of table.rows.slice(2))
      if (copies) r.cells[2] = { ...table.rows[1].cells[2], spanned: true };
      else r.cells.splice(2, 1);
    return doc;
  };
  it.each([true, false])("applies the merged cell to every row it spans (copies: %s)", (copies) => {
    const tasks = extractDocument(withRowspan(copies)).tasks;
    expect(tasks.map((t) => t.lead)).toEqual([["Công an xã"], ["Công an xã"], ["Công an xã"]]);
    if (!copies) expect(tasks.map((t) => t.extra)).toEqual([undefined, undefined, undefined]);
  });
  it("leaves a plain empty cell empty", async () => {
    expect(extractDocument(base).tasks.map((t) => t.lead)).toEqual([["Công an xã"], [], []]);
  });
});

describe("a lead cell written as sentences", async () => {
  const tasks = await tasksOf(`| TT | Nội dung thực hiện | Cơ quan chủ trì thực hiện | Thời gian thực hiện |
|---|---|---|---|
| 2 | Báo cáo định kỳ về kết quả thực hiện. | - Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy; Ủy ban nhân dân xã; các chi bộ, đảng bộ trực thuộc Đảng ủy định kỳ báo cáo.<br>- Văn phòng Đảng ủy tổng hợp, tham mưu báo cáo Ban Thường vụ. | Quý, 6 tháng, năm |
`);
  it("keeps the agency that opens each bullet", () => {
    expect(tasks[0].lead).toEqual([
      "Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy", "Ủy ban nhân dân xã", "các chi bộ, đảng bộ trực thuộc Đảng ủy", "Văn phòng Đảng ủy",
    ]);
  });
});

describe("tables that are not task tables", async () => {
  it("skips an indicator table and a list of issued documents", async () => {
    const tasks = await tasksOf(`| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | Kết quả |
|---|---|---|---|---|
| 1 | Tỷ lệ phủ sóng 5G | % | 90 | 72,5 |

| STT | Số ký hiệu, ngày ban hành | Trích yếu |
|---|---|---|
| 1 | 42-KH/ĐU ngày 15/01/2026 | Kế hoạch phát triển KHCN |
`);
    expect(tasks).toEqual([]);
  });
});

describe("a tab table joined across a page break", async () => {
  const tasks = await tasksOf(
    [
      "TT\tNội dung thực hiện\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tThời gian thực hiện",
      "1\tKhai thác cơ sở dữ liệu chuyên ngành\tUBND xã; Công an xã\tHội đồng nhân dân xã; Ủy\tThực hiện thường xuyên",
      "",
      "TT\tNội dung thực hiện\tCơ quan chủ trì thực hiện\tCơ quan phối hợp thực hiện\tThời gian thực hiện",
      "\t\t\tban Mặt trận Tổ quốc Việt Nam xã.\t",
      "2\tTham gia các nền tảng số của tỉnh\tVăn phòng Đảng ủy\tCông an xã\tThực hiện thường xuyên",
      "",
    ].join("\n"),
    "x.txt",
  );
  it("reads the continuation row as part of the row above", () => {
    expect(tasks).toHaveLength(2);
    expect(tasks[0].support).toEqual(["Hội đồng nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"]);
  });
});

describe("status annex of a report", async () => {
  const tasks = await tasksOf(`# BÁO CÁO

## I. KẾT QUẢ THỰC HIỆN

UBND xã đã ban hành kế hoạch và tổ chức triển khai.

## Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ

| STT | Tên nhiệm vụ | Kết quả tháng 4/2026 | Ghi chú |
|---|---|---|---|
| 1 | Số hóa ít nhất 01 di tích | Chưa thực hiện | Nhiệm vụ Chủ tịch UBND xã giao |
| 2 | Duy trì hệ thống camera | Đã hoàn thành | Nhiệm vụ tỉnh giao |
| 3 | Triển khai phòng họp không giấy | Hiện nay, hệ thống đã được triển khai cho khối Đảng; UBND xã đang từng bước nghiên cứu. | |
`);
  it("reads status and keeps the cell as statusText, notes in extra", () => {
    expect(tasks.map((t) => t.status)).toEqual(["not-started", "done", "in-progress"]);
    expect(tasks[2].statusText).toBe("Hiện nay, hệ thống đã được triển khai cho khối Đảng; UBND xã đang từng bước nghiên cứu.");
    expect(tasks[0].extra).toEqual({ "Ghi chú": "Nhiệm vụ Chủ tịch UBND xã giao" });
  });
  it("reads no task from the report's narrative of results", () => {
    expect(tasks.filter((t) => t.origin === "narrative")).toEqual([]);
  });
});

const PLAN_NARRATIVE = `# KẾ HOẠCH

## I. MỤC ĐÍCH, YÊU CẦU

Ủy ban nhân dân xã chủ trì triển khai kế hoạch bảo đảm đúng tiến độ.

## II. TỔ CHỨC THỰC HIỆN

Để triển khai có hiệu quả, Ủy ban nhân dân xã phân công như sau:

### 1. Ủy ban nhân dân xã

Giao Phòng Văn hóa - Xã hội (chủ trì), phối hợp với Công an xã và các cơ quan liên quan tổ chức tập huấn cho người dân trước ngày 30/6/2026.

Chỉ đạo Trạm Y tế tăng cường số hóa hồ sơ, phối hợp với các cơ quan chuyên môn trong việc khám chữa bệnh từ xa.

Văn phòng HĐND và UBND xã chủ động theo dõi, đôn đốc; phối hợp chặt chẽ với Văn phòng Đảng ủy để tổng hợp báo cáo.

Văn phòng Đảng ủy là cơ quan thường trực của Ban Chỉ đạo, giúp Ủy ban theo dõi chung.

### 2. Trách nhiệm của Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội

- Tuyên truyền, vận động Nhân dân sử dụng dịch vụ công trực tuyến.
- (Nhiệm vụ thường xuyên)

### 3. Các chi bộ, đảng bộ trực thuộc

Đưa nội dung chuyển đổi số vào sinh hoạt chi bộ hằng tháng.

Trên đây là Kế hoạch của Ủy ban nhân dân xã, đề nghị các cơ quan triển khai thực hiện.

Nơi nhận:

- Công an xã;
- Lưu: VT.
`;

describe("narrative tasks", async () => {
  const tasks = await tasksOf(PLAN_NARRATIVE);
  it("reads only the part that assigns work", () => {
    expect(tasks.map((t) => t.text.slice(0, 20))).toEqual([
      "Giao Phòng Văn hóa -", "Chỉ đạo Trạm Y tế tă", "Văn phòng HĐND và UB", "Văn phòng Đảng ủy là",
      "Tuyên truyền, vận độ", "Đưa nội dung chuyển ", 
    ]);
    expect(tasks.every((t) => t.origin === "narrative" && t.span && t.page === 1)).toBe(true);
  });
  it("'Giao X (chủ trì), phối hợp với Y' gives lead X and support Y", () => {
    const t = byText(tasks, "Giao Phòng");
    expect(t.lead).toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(t.support).toEqual(["Công an xã", "các cơ quan liên quan"]);
  });
  it("gives other directives to the agency the heading names", () => {
    const t = byText(tasks, "Chỉ đạo Trạm Y tế");
    expect(t.lead).toEqual(["Ủy ban nhân dân xã"]);
    expect(t.support).toEqual(["các cơ quan chuyên môn"]);
    expect(t.section).toBe("1. Ủy ban nhân dân xã");
  });
  it("a sentence that opens with its own agency takes that agency; 'X là …' does not", () => {
    expect(byText(tasks, "Văn phòng HĐND").lead).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(byText(tasks, "Văn phòng HĐND").support).toEqual(["Văn phòng Đảng ủy"]);
    expect(byText(tasks, "Văn phòng Đảng ủy là").lead).toEqual(["Ủy ban nhân dân xã"]);
  });
  it("reads the agencies of a 'Trách nhiệm của …' heading, split on 'và'", () => {
    expect(byText(tasks, "Tuyên truyền").lead).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các tổ chức chính trị - xã hội"]);
    expect(byText(tasks, "Đưa nội dung").lead).toEqual(["Các chi bộ, đảng bộ trực thuộc"]);
  });
});

describe("a Kết luận: numbered directive paragraphs", async () => {
  const tasks = await tasksOf(`KẾT LUẬN

Ngày 06/4/2026, Ban Chỉ đạo đã tổ chức Hội nghị sơ kết công tác quý I.

Ban Chỉ đạo thống nhất kết luận như sau:

1. Giao Văn phòng Đảng ủy tiếp thu ý kiến, hoàn chỉnh các nội dung trình tại hội nghị.

### 2.1. Công an xã

Chủ động, tích cực phối hợp với các cơ quan, đơn vị liên quan trong việc làm sạch dữ liệu.

Đồng thời, chỉ đạo Ban Xây dựng Đảng, Ủy ban Kiểm tra phối hợp với Cơ quan Thường trực thực hiện kiểm tra.

3. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm tổ chức thực hiện công tác bảo đảm an ninh mạng.

Các cơ quan chủ động đưa kết quả thực hiện vào tiêu chí thi đua.
`, "x.txt");
  it("gives each numbered paragraph its ordinal and its agency", () => {
    expect(byText(tasks, "Giao Văn phòng")).toMatchObject({ ordinal: "1.", lead: ["Văn phòng Đảng ủy"], section: null });
    expect(byText(tasks, "Thủ trưởng")).toMatchObject({ ordinal: "3.", lead: ["Thủ trưởng các cơ quan, đơn vị"], section: null });
    expect(byText(tasks, "Các cơ quan chủ động").lead).toEqual(["Các cơ quan"]);
  });
  it("skips the narrative of the meeting and the introduction", () => {
    expect(tasks.some((t) => /Hội nghị sơ kết|như sau/.test(t.text))).toBe(false);
  });
  it("reads support only where the task's agency coordinates", () => {
    expect(byText(tasks, "Chủ động, tích cực").support).toEqual(["các cơ quan, đơn vị liên quan"]);
    expect(byText(tasks, "Đồng thời").support).toEqual([]);
  });
});

describe("a report: 'X giao Y …' is a task, the rest is not", async () => {
  const tasks = await tasksOf(`BÁO CÁO

II. KẾT QUẢ TRIỂN KHAI

- UBND phường chỉ đạo phòng chuyên môn tiếp tục đẩy mạnh tuyên truyền.

- UBND phường Quan Triều giao Phòng chuyên môn triển khai các hoạt động hỗ trợ khởi nghiệp.

UBND phường thực hiện nghiêm túc chế độ báo cáo theo định kỳ.
`, "x.txt");
  it("reads the assignment only", () => {
    expect(tasks).toHaveLength(1);
    expect(tasks[0].lead).toEqual(["Phòng chuyên môn"]);
  });
});

describe("agency labels, requests and articles", async () => {
  const tasks = await tasksOf(`# KẾ HOẠCH

## III. TỔ CHỨC THỰC HIỆN

Phòng Văn hóa - Xã hội:

- Chủ trì tham mưu UBND xã triển khai Kế hoạch; phối hợp với Công an xã hướng dẫn người dân.

- Văn phòng HĐND-UBND xã: Tham mưu bố trí kinh phí, phối hợp với Phòng Kinh tế thẩm định.
- Đề nghị Ủy ban MTTQ xã và các đoàn thể chính trị - xã hội phối hợp tuyên truyền.
- Căn cứ chức năng, nhiệm vụ, các cơ quan, đơn vị và Đảng bộ trực thuộc xây dựng kế hoạch cụ thể.

Điều 3. Chánh Văn phòng HĐND và UBND xã, Trưởng các phòng, ban, ngành chịu trách nhiệm thi hành Quyết định này.
`);
  it("an agency line ending with ':' heads the items below it", () => {
    expect(byText(tasks, "Chủ trì tham mưu")).toMatchObject({ lead: ["Phòng Văn hóa - Xã hội"], support: ["Công an xã"] });
  });
  it("'AGENCY: directive' takes the labelled agency", () => {
    expect(byText(tasks, "Văn phòng HĐND-UBND xã:")).toMatchObject({ lead: ["Văn phòng HĐND-UBND xã"], support: ["Phòng Kinh tế"] });
  });
  it("'Đề nghị X …' gives the task to X", () => {
    expect(byText(tasks, "Đề nghị").lead).toEqual(["Ủy ban MTTQ xã", "các đoàn thể chính trị - xã hội"]);
  });
  it("finds the subject after a leading adverbial clause", () => {
    expect(byText(tasks, "Căn cứ chức năng").lead).toEqual(["các cơ quan, đơn vị", "Đảng bộ trực thuộc"]);
  });
  it("reads the subject of an article", () => {
    expect(byText(tasks, "Điều 3.")).toMatchObject({ ordinal: "Điều 3.", lead: ["Chánh Văn phòng HĐND và UBND xã", "Trưởng các phòng, ban, ngành"] });
  });
});

describe("a title row above the header and role notes inside one cell", async () => {
  const tasks = await tasksOf(`| DANH MỤC NHIỆM VỤ | | | | |
|---|---|---|---|---|
| TT | Nội dung công việc | Cơ quan thực hiện | Thời gian | Kinh phí |
| 1 | Xây dựng cơ sở dữ liệu đất đai | Phòng Kinh tế (chủ trì); Công an xã (phối hợp) | Quý III/2026 | 20 |
| 2 | Tập huấn kỹ năng số | Đảng ủy, HĐND, UBND, UBMTTQ xã | Năm 2026 | |
`);
  it("finds the header below the title", () => {
    expect(tasks.map((t) => t.text)).toEqual(["Xây dựng cơ sở dữ liệu đất đai", "Tập huấn kỹ năng số"]);
  });
  it("routes an entry noted '(phối hợp)' to support", () => {
    expect(tasks[0]).toMatchObject({ lead: ["Phòng Kinh tế"], support: ["Công an xã"], extra: { "Kinh phí": "20" } });
  });
  it("splits abbreviated bodies on commas", () => {
    expect(tasks[1].lead).toEqual(["Đảng ủy", "HĐND", "UBND", "UBMTTQ xã"]);
  });
});

describe("line breaks inside a cell", async () => {
  const tasks = await tasksOf(`| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ | Công an xã<br>Trạm Y tế xã | Phòng Văn hóa<br>- Xã hội | Tháng 5/2026 |
| 2 | Làm sạch dữ liệu | Hội đồng nhân dân xã; Ủy ban<br>Mặt trận Tổ quốc xã | Văn phòng Đảng<br>ủy | Tháng 6/2026 |
`);
  it("separate entries, except where a name wraps", () => {
    expect(tasks[0].lead).toEqual(["Công an xã", "Trạm Y tế xã"]);
    expect(tasks[0].support).toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(tasks[1].lead).toEqual(["Hội đồng nhân dân xã", "Ủy ban Mặt trận Tổ quốc xã"]);
    expect(tasks[1].support).toEqual(["Văn phòng Đảng ủy"]);
  });
});

describe("group rows without an ordinal column", async () => {
  const tasks = await tasksOf(`| Nội dung | Đơn vị thực hiện | Thời gian |
|---|---|---|
| I. CÔNG TÁC TUYÊN TRUYỀN | | |
| 1. Tuyên truyền về chuyển đổi số | UBND xã chủ trì, các ban ngành, đoàn thể phối hợp | Quý II/2026 |
| 2. Nhiệm vụ thường xuyên | | |
| 2.1. Cập nhật dữ liệu dân cư | Công an xã | Hằng tháng |
| 3. Tổng kết | Văn phòng HĐND và UBND xã (chủ trì); Phòng Văn hóa, Thể thao và Du lịch (phối hợp) | Tháng 12/2026 |
`);
  it("reads numbering from the content cell and ends a group at the next number", () => {
    expect(tasks.map((t) => [t.ordinal, t.text, t.section])).toEqual([
      ["1.", "Tuyên truyền về chuyển đổi số", "I. CÔNG TÁC TUYÊN TRUYỀN"],
      ["2.1.", "Cập nhật dữ liệu dân cư", "Nhiệm vụ thường xuyên"],
      ["3.", "Tổng kết", "I. CÔNG TÁC TUYÊN TRUYỀN"],
    ]);
  });
  it("reads 'A chủ trì, B phối hợp' in one column", () => {
    expect(tasks[0]).toMatchObject({ lead: ["UBND xã"], support: ["các ban ngành, đoàn thể"] });
    expect(tasks[2]).toMatchObject({ lead: ["Văn phòng HĐND và UBND xã"], support: ["Phòng Văn hóa, Thể thao và Du lịch"] });
  });
});

describe("a Kế hoạch's introduction and a section named by topic", async () => {
  const tasks = await tasksOf(`KẾ HOẠCH

Căn cứ Kế hoạch số 12-KH/ĐU ngày 10/01/2026 của Đảng ủy xã, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện năm 2026.

I. PHÁT TRIỂN HẠ TẦNG SỐ

Công an xã chủ trì rà soát, làm sạch dữ liệu dân cư trên địa bàn.

Định kỳ hằng quý, các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân xã.

Phòng Văn hóa - Xã hội được giao chủ trì theo dõi việc thực hiện Kế hoạch.

Các cơ quan, đơn vị căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết.

Ủy ban nhân dân xã đã ban hành Kế hoạch số 12/KH-UBND.
`, "x.txt");
  it("reads no task from the introduction, and the directives of a topical section", () => {
    expect(tasks.map((t) => t.lead)).toEqual([["Công an xã"], ["các cơ quan, đơn vị"], ["Phòng Văn hóa - Xã hội"], ["Các cơ quan, đơn vị"]]);
    expect(tasks[0].section).toBe("I. PHÁT TRIỂN HẠ TẦNG SỐ");
  });
});

describe("seed fixtures (expected values read off ../shared/seeds)", () => {
  it("001: the annex rows, sections and the sentence-shaped lead cell of row 2", async () => {
    const tasks = extractDocument(await parseFile(fixture("001_3086ccc4e4aed2ea"))).tasks.filter((t) => t.origin === "table");
    expect(tasks.map((t) => t.ordinal)).toEqual([
      "1", "2", "3", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "5.1", "5.2", "6.1",
    ]);
    expect(tasks[0].section).toBe("I. Công tác lãnh đạo, chỉ đạo triển khai thực hiện Kế hoạch");
    expect(tasks[3].section).toBe("Về hạ tầng số");
    expect(tasks[1].lead.at(-1)).toBe("Văn phòng Đảng ủy");
    expect(tasks[1].lead).toContain("các chi bộ, đảng bộ trực thuộc Đảng ủy");
    expect(tasks[2].support).toEqual(["Ủy ban kiểm tra Đảng uỷ", "Phòng Văn hoá – Xã hội"]);
    // Row 2.1 is split over a page break in the seed ("Ủy" | "ban Mặt trận …").
    expect(tasks[5].support).toContain("Ủy ban Mặt trận Tổ quốc Việt Nam xã");
  });
  it("001: 'Tổ chức thực hiện' paragraphs go to the agency of their heading", async () => {
    const tasks = extractDocument(await parseFile(fixture("001_3086ccc4e4aed2ea"))).tasks.filter((t) => t.origin === "narrative");
    expect(byText(tasks, "Phối hợp với Văn phòng Đảng uỷ và các cơ quan liên quan")).toMatchObject({
      lead: ["Ủy ban nhân dân xã"], support: ["Văn phòng Đảng uỷ", "các cơ quan liên quan"], section: "3. Ủy ban nhân dân xã",
    });
    expect(byText(tasks, "Ban Xây dựng Đảng chủ trì").lead).toEqual(["Ban Xây dựng Đảng"]);
    // Mục tiêu and Nhiệm vụ, giải pháp paragraphs name no agency: no task.
    expect(tasks.some((t) => t.text.startsWith("Tỷ lệ dân số trưởng thành"))).toBe(false);
    expect(tasks.some((t) => t.text.startsWith("Để triển khai có hiệu quả"))).toBe(false);
  });
  it("002: both annexes with outputs and sources; the 'Tổ chức thực hiện' list items", async () => {
    const tasks = extractDocument(await parseFile(fixture("002_6446a6058fd84167"))).tasks;
    const first = byText(tasks, "Tiếp tục triển khai sâu rộng");
    expect(first).toMatchObject({
      ordinal: "1.", section: "I. Phát triển nguồn nhân lực đáp ứng yêu cầu đề ra", lead: ["Phòng Văn hóa - Xã hội"],
      support: ["Các cơ quan, đơn vị liên quan"], output: "Kế hoạch triển khai của địa phương",
      sources: ["13-TB/CQTT", "41-KH/TU", "35/KH-UBND"],
    });
    expect(byText(tasks, "Trang bị máy tính").sources).toEqual(["08-CTr/BCĐ"]);
    expect(byText(tasks, "Là đầu mối tham mưu").lead).toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(tasks.filter((t) => t.origin === "narrative")).toHaveLength(3);
  });
  it("003: the status annex, not the indicator table", async () => {
    const tasks = extractDocument(await parseFile(fixture("003_dd124789fcb3a41d"))).tasks;
    const table = tasks.filter((t) => t.origin === "table");
    expect(table.map((t) => t.status)).toEqual([
      "done", "not-started", "in-progress", "done", "done", "done", "not-started", "not-started", "done", "done", "in-progress", "done",
    ]);
    expect(table[10].statusText).toBe("Đang triển khai thực hiện");
  });
  it("000: agency headings, own-subject sentences and support", async () => {
    const tasks = extractDocument(await parseFile(fixture("000_9cf0e1b2418f68ec"))).tasks;
    expect(byText(tasks, "Văn phòng Đảng uỷ tập trung")).toMatchObject({ lead: ["Văn phòng Đảng uỷ"], support: ["Ban Xây dựng Đảng"] });
    expect(byText(tasks, "Chủ động đề nghị, phối hợp với cấp trên").support).toEqual(["cấp trên"]);
    expect(byText(tasks, "Chỉ đạo Công an xã").lead).toEqual(["Ủy ban Nhân dân xã"]);
    expect(byText(tasks, "Đẩy mạnh tuyên truyền").lead).toEqual(["Ủy ban Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội xã"]);
    // Nothing from "Nơi nhận" on.
    expect(tasks.some((t) => t.text.startsWith("Lưu Văn phòng"))).toBe(false);
  });
});

describe("assignment prose as real plans and regulations write it", async () => {
  const plan = `UBND TỈNH BẮC NINH

Số: 12/KH-UBND

Bắc Ninh, ngày 10 tháng 3 năm 2026

KẾ HOẠCH

Phát triển kinh tế số

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;

I. MỤC TIÊU

Kinh tế số chiếm 30% GRDP.

II. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

a) Chủ trì, phối hợp với Sở Tài chính và
Công an tỉnh xây dựng cơ sở dữ liệu dùng chung.

b) Hướng dẫn các xã triển khai nền tảng số.

2. Sở Nội vụ, Sở Tư pháp:

a) Rà soát thủ tục hành chính nội bộ.

3. Giao Văn phòng UBND tỉnh theo dõi, tổng hợp kết quả thực hiện.

4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền, vận động Nhân dân tham gia.

Nơi nhận:
- Như trên;
- Lưu: VT.
`;
  const tasks = await tasksOf(plan);
  it("gives each lettered duty under an agency heading to that agency", () => {
    expect(byText(tasks, "Chủ trì, phối hợp")).toMatchObject({ ordinal: "a)", lead: ["Sở Khoa học và Công nghệ"], section: "1. Sở Khoa học và Công nghệ" });
    expect(byText(tasks, "Hướng dẫn các xã")).toMatchObject({ ordinal: "b)", lead: ["Sở Khoa học và Công nghệ"] });
  });
  it("reads 'phối hợp với Y' across a wrapped line as support, names whole", () => {
    expect(byText(tasks, "Chủ trì, phối hợp").support).toEqual(["Sở Tài chính", "Công an tỉnh"]);
  });
  it("gives a duty under a heading that lists agencies to each of them", () => {
    expect(byText(tasks, "Rà soát thủ tục").lead).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
  });
  it("makes the agency after 'Giao' / 'Đề nghị' the lead", () => {
    expect(byText(tasks, "Giao Văn phòng").lead).toEqual(["Văn phòng UBND tỉnh"]);
    expect(byText(tasks, "Đề nghị Ủy ban").lead).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]);
  });
  it("takes nothing from the letterhead, the Căn cứ line, the goals or the recipients", () => {
    expect(tasks.map((t) => t.text).filter((t) => /Số:|ngày 10 tháng 3|Căn cứ|GRDP|Như trên|Lưu/u.test(t))).toEqual([]);
    expect(tasks).toHaveLength(5);
  });

  const decision = `UBND TỈNH BẮC NINH

Số: 7/2026/QĐ-UBND

QUYẾT ĐỊNH

Ban hành Quy định quản lý hạ tầng viễn thông

Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý hạ tầng viễn thông.

Điều 2. Quyết định này có hiệu lực từ ngày ký.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An

QUY ĐỊNH

(Ban hành kèm theo Quyết định số 7/2026/QĐ-UBND của UBND tỉnh Bắc Ninh)

Chương I

TỔ CHỨC THỰC HIỆN

Điều 19. Trách nhiệm của Sở Khoa học và Công nghệ

1. Chủ trì hướng dẫn, kiểm tra việc sử dụng chung hạ tầng.

2. Phối hợp với Sở Xây dựng trong việc cấp phép công trình viễn thông.

Điều 20. Trách nhiệm của Công an tỉnh

1. Thẩm duyệt điều kiện phòng cháy đối với công trình viễn thông.
`;
  it("reads the regulation issued with a decision, after its signature, article by article", async () => {
    const found = await tasksOf(decision);
    expect(byText(found, "Chủ trì hướng dẫn")).toMatchObject({ ordinal: "1.", lead: ["Sở Khoa học và Công nghệ"], section: "Điều 19. Trách nhiệm của Sở Khoa học và Công nghệ" });
    expect(byText(found, "Phối hợp với Sở Xây dựng")).toMatchObject({ lead: ["Sở Khoa học và Công nghệ"], support: ["Sở Xây dựng"] });
    expect(byText(found, "Thẩm duyệt")).toMatchObject({ lead: ["Công an tỉnh"] });
  });
});
