/**
 * Tables and assignments of real documents as users hold them (../shared/real-dev). Every
 * expected value below was read by hand from the document itself — the web page text, the
 * Word file's XML text, the PDF as `pdftotext -layout` prints it — not from the program's
 * output: the first and last task of each task table with its lead, three metrics with unit
 * and role where the document has indicators, and which tables are layout or lists, not tasks.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DocumentModel, TableBlock } from "../schemas/document.js";
import type { Extraction, Task } from "../schemas/extraction.js";
import { extractDocument } from "../src/extract/index.js";
import { parseFile } from "../src/parse/index.js";
import { sharedDir } from "../scripts/eval.js";

const dir = join(sharedDir, "real-dev");
const load = async (name: string): Promise<{ doc: DocumentModel; x: Extraction }> => {
  const doc = await parseFile(join(dir, name));
  return { doc, x: extractDocument(doc) };
};
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.type === "table");
const texts = (t: TableBlock, row: number) => t.rows[row].cells.map((c) => c.text);
const tableTasks = (x: Extraction) => x.tasks.filter((t) => t.origin === "table");
const starting = (tasks: Task[], start: string) => {
  const t = tasks.find((x) => x.text.replace(/\s+/g, " ").startsWith(start));
  if (!t) throw new Error(`no task starting "${start}" in ${tasks.map((x) => x.text.slice(0, 30)).join(" | ")}`);
  return t;
};

describe("ad5aff…: a plan's annex assigning indicators to departments (TT | Chỉ tiêu | Chủ trì, one cell per line)", async () => {
  const { doc, x } = await load("ad5aff6c13929815.md");
  const rows = tableTasks(x);
  it("reads the annex as one table, its group rows as sections", () => {
    expect(tables(doc)).toHaveLength(1);
    expect(texts(tables(doc)[0], 0)).toEqual(["TT", "Chỉ tiêu", "Chủ trì"]);
    expect(rows.map((t) => t.ordinal)).toEqual(["1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]);
  });
  it("first and last task with their lead", () => {
    expect(rows[0]).toMatchObject({ text: "Kinh tế số chiếm 45% GRDP tỉnh.", lead: ["Sở Tài chính"], section: "I. Kinh tế số" });
    expect(rows.at(-1)).toMatchObject({ ordinal: "13", lead: ["Sở Khoa học và Công nghệ"], section: "II. Xã hội số" });
    expect(rows.at(-1)!.text).toMatch(/^Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển \(R&D\) đạt trên 60%/u);
    expect(starting(rows, "Tỷ lệ dân số từ 15 tuổi").lead).toEqual(["Ngân hàng nhà nước khu vực XII"]);
  });
  it("its figures are goals, with their comparators", () => {
    const m = (v: number, subject: RegExp) => x.metrics.find((k) => k.value === v && subject.test(k.subject ?? ""));
    expect(m(45, /^Kinh tế số/u)).toMatchObject({ unit: "%", comparator: "=", role: "target" });
    expect(m(40, /^Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo/u)).toMatchObject({ unit: "%", comparator: ">=", role: "target" });
    expect(m(60, /^Tỷ trọng kinh phí từ xã hội/u)).toMatchObject({ unit: "%", comparator: ">", role: "target" });
  });
  it("the letterhead and signature, laid out as '|' cells, are not tables", () => {
    expect(doc.blocks.slice(0, 3).map((b) => ("text" in b ? b.text : b.type))).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 144/KH-UBND"]);
    expect(doc.blocks.find((b) => b.type === "signature")).toMatchObject({ authority: "TM. ỦY BAN NHÂN DÂN", name: "Mai Sơn" });
  });
});

describe("1b479d81…: a decision publishing two procedures (STT | Tên thủ tục | Lĩnh vực | Cơ quan thực hiện)", async () => {
  const { doc, x } = await load("1b479d81b4a8f42e.md");
  it("reads the procedures list as a table of two rows, and assigns no task from it", () => {
    const [t] = tables(doc);
    expect(tables(doc)).toHaveLength(1);
    expect(texts(t, 0)).toEqual(["STT", "Tên thủ tục hành chính nộ bộ", "Lĩnh vực", "Cơ quan thực hiện"]);
    expect(texts(t, 2).slice(0, 3)).toEqual(["2", "Thủ tục miễn nhiệm báo cáo viên pháp luật cấp tỉnh", "Phổ biến, giáo dục pháp luật"]);
    expect(tableTasks(x)).toEqual([]);
  });
  it("Điều 3 names who executes the decision; the enacting line and the other articles assign nothing", () => {
    expect(x.tasks).toHaveLength(1);
    expect(x.tasks[0].ordinal).toBe("Điều 3.");
    expect(x.tasks[0].lead.slice(0, 2)).toEqual(["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tư pháp"]);
  });
  it("the signature cell beside an empty one is a signature", () => {
    expect(doc.blocks.find((b) => b.type === "signature")).toMatchObject({ authority: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Hoàng Xuân Tân" });
  });
});

describe("d5ffa6…: a monitoring plan with a list of sites and a cost estimate as annexes", async () => {
  const { doc, x } = await load("d5ffa6afac124d52.md");
  it("reads both annexes as tables; neither assigns a task or states a goal", () => {
    const [sites, costs] = tables(doc);
    expect(tables(doc)).toHaveLength(2);
    expect(texts(sites, 0).slice(0, 3)).toEqual(["TT", "Tên điểm quan trắc", "Kiểu/loại quan trắc"]);
    expect(sites.rows.find((r) => r.cells[0].text === "1")!.cells[1].text).toBe("Xuân Lộc (xã Xuân Lộc)");
    expect(texts(costs, 0).slice(0, 2)).toEqual(["TT", "Chỉ tiêu"]);
    expect(tableTasks(x)).toEqual([]);
    expect(x.metrics.filter((m) => m.text.includes(" | "))).toEqual([]);
  });
  it("the department heading the duties of the Tổ chức thực hiện section leads them", () => {
    expect(starting(x.tasks, "Tham mưu UBND tỉnh lựa chọn hình thức").lead).toEqual(["Sở Nông nghiệp và Môi trường"]);
  });
});

describe("c6718d…: a circular whose formula legends are laid out as '|' cells", async () => {
  const { doc, x } = await load("c6718d0835ffaaad.md");
  it("reads the legends as tables and takes no task from them", () => {
    expect(texts(tables(doc)[0], 0)[0]).toBe("SĐT:");
    expect(x.tasks).toEqual([]);
  });
});

describe("07 (Word): a Party guidance with letterhead, signature and specimen signatures in tables", async () => {
  const { doc, x } = await load("files/07_vptw-36-hd-the-thuc-van-ban-dang.docx");
  it("keeps only the content table; layout and specimen tables become text", () => {
    expect(tables(doc)).toHaveLength(1);
    expect(texts(tables(doc)[0], 0).slice(0, 5)).toEqual(["TT", "Thành phần thể thức", "Loại chữ", "Cỡ chữ", "Kiểu chữ"]);
    expect(doc.blocks.find((b) => b.type === "signature")).toMatchObject({ authority: "K/T CHÁNH VĂN PHÒNG", name: "Bùi Văn Thạch" });
  });
  it("the font table assigns nothing; 'Giao Cục Lưu trữ …' does", () => {
    expect(tableTasks(x)).toEqual([]);
    expect(starting(x.tasks, "Giao Cục Lưu trữ").lead).toEqual(["Cục Lưu trữ Văn phòng Trung ương Đảng"]);
    // Abbreviation glossary lines ("Đảng uỷ quân sự: ĐUQS") are not duties.
    expect(x.tasks.filter((t) => /: [\p{Lu}Đ]{2,}$/u.test(t.text))).toEqual([]);
  });
});

describe("20 (PDF): a department plan with two annexes (Phụ lục I schools, Phụ lục II programme)", async () => {
  const { doc, x } = await load("files/20_sgddt-dongthap-362-kh-don-doan-kiem-tra-stem.pdf");
  it("reads Phụ lục I as one table of nine schools", () => {
    const schools = tables(doc).find((t) => t.rows[0].cells[1]?.text === "Tên đơn vị")!;
    expect(texts(schools, 0)).toEqual(["TT", "Tên đơn vị", "Cấp học"]);
    expect(schools.rows).toHaveLength(10);
    expect(texts(schools, 1)).toEqual(["1", "Trường TH Nguyễn Thị Tốt, xã Vĩnh Hựu", "Tiểu học"]);
    expect(texts(schools, 9)).toEqual(["9", "Trường THPT chuyên Nguyễn Quang Diêu", "Trung học phổ thông"]);
  });
  it("the programme (THỜI GIAN | NỘI DUNG, clock times) is an agenda, not tasks", () => {
    const programme = tables(doc).find((t) => t.rows[0].cells[0]?.text === "THỜI GIAN")!;
    expect(programme.rows[1].cells[0].text).toBe("8h30 - 8h35");
    expect(tableTasks(x)).toEqual([]);
  });
  it("the numbered units of section VI lead their duties; the participants list is not duties", () => {
    expect(starting(x.tasks, "Chủ trì, phối hợp các Phòng của Sở GDĐT")).toMatchObject({ lead: ["Phòng Giáo dục Phổ thông"] });
    expect(starting(x.tasks, "Phối hợp Phòng Giáo dục Phổ thông tham mưu")).toMatchObject({ lead: ["Văn phòng Sở"] });
    expect(x.tasks.filter((t) => /^(?:Đại diện|Kính mời)/u.test(t.text))).toEqual([]);
  });
});

describe("72f18e…: a regulation issued with a decision, duties by article after the signature", async () => {
  const { x } = await load("72f18ee047b71e9a.md");
  it("the departments of Chương IV lead their clauses, article by article", () => {
    expect(starting(x.tasks, "Chủ trì, hướng dẫn, kiểm tra, đôn đốc việc xây dựng")).toMatchObject({
      ordinal: "1.", lead: ["Sở Khoa học và Công nghệ"], section: "Điều 19. Trách nhiệm của Sở Khoa học và Công nghệ",
    });
    expect(starting(x.tasks, "Phối hợp với Sở Khoa học và Công nghệ trong việc đưa")).toMatchObject({
      lead: ["Sở Xây dựng"], support: ["Sở Khoa học và Công nghệ"],
    });
    expect(starting(x.tasks, "Tạo điều kiện cho doanh nghiệp viễn thông sử dụng chung cột")).toMatchObject({ lead: ["Công ty Điện lực Bắc Ninh"] });
  });
});
