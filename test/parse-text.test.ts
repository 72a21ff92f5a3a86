/**
 * The text/Markdown route on the seed fixtures. Expected values were read off the
 * seed documents themselves (../shared/seeds), not off the parser's output.
 */
import { describe, expect, it } from "vitest";
import type { DocumentModel, TableBlock } from "../schemas/document.js";
import { parseFile, ParseError } from "../src/parse/index.js";
import { parseBytes } from "../src/parse/index.js";

const fixture = (stem: string) => new URL(`../fixtures/${stem}.txt`, import.meta.url).pathname;
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is TableBlock => b.type === "table");
const ordinals = (t: TableBlock) => t.rows.filter((r) => !r.header).map((r) => r.cells[0].text);

describe("seed 001 (tab-separated annex repeated on every page)", async () => {
  const doc = await parseFile(fixture("001_3086ccc4e4aed2ea"));
  const [annex] = tables(doc);
  it("is one table with one header row", () => {
    expect(tables(doc)).toHaveLength(1);
    expect(annex.rows.filter((r) => r.header)).toHaveLength(1);
    expect(annex.rows[0].cells.map((c) => c.text)).toEqual([
      "TT", "Nội dung thực hiện", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện", "Thời gian thực hiện",
    ]);
  });
  it("keeps every row in order", () => {
    expect(ordinals(annex)).toEqual([
      "I. Công tác lãnh đạo, chỉ đạo triển khai thực hiện Kế hoạch", "1", "2", "3", "II. Nhiệm vụ cụ thể",
      "1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
      "4", "4.1", "4.2", "5", "5.1", "5.2", "6", "6.1",
    ]);
  });
  it("joins row 2.1, split across a page break, into one row", () => {
    const row = annex.rows.find((r) => r.cells[0].text === "2.1")!;
    expect(row.cells[3].text).toMatch(/Hội đồng nhân dân xã; Ủy ban Mặt trận Tổ quốc Việt Nam xã\.$/);
  });
  it("finds the numbered headings and the signature", () => {
    const headings = doc.blocks.filter((b) => b.type === "heading").map((b) => (b as { numbering: string | null }).numbering);
    expect(headings).toEqual(expect.arrayContaining(["I.", "II.", "III.", "IV.", "V.", "1.1.", "(1)", "(5)"]));
    const sig = doc.blocks.find((b) => b.type === "signature");
    expect(sig).toMatchObject({ authority: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ", name: "Lê Đăng Trường" });
  });
});

describe("seed 002 (Markdown pipe tables split over pages)", async () => {
  const doc = await parseFile(fixture("002_6446a6058fd84167"));
  it("joins annex I's four pipe tables into one and row 2 into one row", () => {
    const [one, two] = tables(doc);
    expect(tables(doc)).toHaveLength(2);
    expect(ordinals(one)).toEqual(["I", "1.", "2.", "II", "3.", "4.", "III", "5."]);
    const row2 = one.rows.find((r) => r.cells[0].text === "2.")!;
    expect(row2.cells[1].text).toMatch(/bảo đảm đáp ứng yêu cầu nhiệm vụ trong tình hình mới\. Báo cáo kết quả/);
    expect(ordinals(two)).toEqual(["I", "1.", "2."]);
    expect(two.rows[0].cells).toHaveLength(8);
  });
  it("keeps line breaks inside cells", () => {
    const row1 = tables(doc)[0].rows.find((r) => r.cells[0].text === "1.")!;
    expect(row1.cells[6].text).toBe("13-TB/CQTT;\n41-KH/TU;\n35/KH-UBND");
  });
  it("turns the <sup>1</sup> note into a footnote and removes the marker", () => {
    const note = doc.blocks.find((b) => b.type === "footnote");
    expect(note).toMatchObject({ label: "1" });
    expect(doc.text).not.toContain("<sup>");
  });
  it("rejoins a paragraph cut by a page break", () => {
    const p = doc.blocks.find((b) => "text" in b && b.text.startsWith("- Là đầu mối") || ("text" in b && b.text.startsWith("Là đầu mối")));
    expect(p && "text" in p && p.text).toMatch(/tổng hợp tình hình thực hiện Kế hoạch\.$/);
  });
});

describe("seed 003 (indicator and task-status annexes)", async () => {
  const doc = await parseFile(fixture("003_dd124789fcb3a41d"));
  it("joins the indicator table whose header repeats in bold", () => {
    const [indicators, statuses] = tables(doc);
    expect(ordinals(indicators)).toEqual(["I", "1.", "2.", "3.", "4.", "II", "5.", "6.", "7.", "III", "8.", "9.", "10.", "11.", "12.", "13.", "14.", "15."]);
    expect(ordinals(statuses)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
  });
  it("joins row 7's note cell across the page break", () => {
    const row7 = tables(doc)[1].rows.find((r) => r.cells[0].text === "7")!;
    expect(row7.cells[3].text).toBe("Nhiệm vụ Chủ tịch UBND xã giao");
  });
});

describe("seed 004 (two-column issued-documents annex)", async () => {
  const doc = await parseFile(fixture("004_c41bed75581ceb3b"));
  it("keeps all eleven rows in one table", () => {
    expect(tables(doc)).toHaveLength(1);
    expect(ordinals(tables(doc)[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
  });
});

describe("spans", async () => {
  const doc = await parseFile(fixture("000_9cf0e1b2418f68ec"));
  it("every block's text sits at its span in the linear text", () => {
    for (const b of doc.blocks) {
      if (b.type === "table") {
        for (const r of b.rows) for (const c of r.cells) expect(doc.text.slice(c.span.start, c.span.end)).toBe(c.text.replace(/\n/g, " "));
      } else expect(doc.text.slice(b.span.start, b.span.end)).toBe(b.text);
    }
  });
  it("has no replacement or private-use characters in any seed", async () => {
    for (const stem of ["000_9cf0e1b2418f68ec", "001_3086ccc4e4aed2ea", "002_6446a6058fd84167", "003_dd124789fcb3a41d", "004_c41bed75581ceb3b"]) {
      const d = await parseFile(fixture(stem));
      expect(d.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/);
      expect(d.text).toBe(d.text.normalize("NFC"));
    }
  });
});

describe("sniffing by content", () => {
  it("refuses an empty file with a clear reason", async () => {
    await expect(parseBytes(new Uint8Array(), "empty.pdf")).rejects.toThrow(/empty.pdf: sniff: empty file/);
  });
  it("refuses a legacy .doc named .docx", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(parseBytes(ole, "old.docx")).rejects.toBeInstanceOf(ParseError);
    await expect(parseBytes(ole, "old.docx")).rejects.toThrow(/legacy Word 97-2003/);
  });
  it("refuses random bytes named .pdf", async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expect(parseBytes(noise, "noise.pdf")).rejects.toThrow(/binary content/);
  });
  it("reads text named .pdf as text, by content", async () => {
    const doc = await parseBytes(Buffer.from("KẾ HOẠCH\n\nThực hiện Nghị quyết số 57-NQ/TW."), "misnamed.pdf");
    expect(doc.source.format).toBe("txt");
    expect(doc.text).toContain("57-NQ/TW");
  });
});

describe("table layouts of real files", () => {
  const parse = (s: string) => parseBytes(new TextEncoder().encode(s), "t.md");

  it("reads an HTML <table> inside Markdown with rowspan and colspan as one table", async () => {
    const doc = await parse(
      [
        "# KẾ HOẠCH", "",
        "<table>",
        "<thead><tr><th>TT</th><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr></thead>",
        "<tbody>",
        "<tr><td colspan=\"4\">I. Công tác tuyên truyền</td></tr>",
        "<tr><td>1</td><td>Tuyên truyền Nghị quyết</td><td rowspan=\"2\">Công an xã</td><td>Quý II/2026</td></tr>",
        "",
        "<tr><td>2</td><td>Tổ chức hội nghị</td><td>Tháng 5/2026</td></tr>",
        "</tbody>",
        "</table>", "",
        "Đoạn sau bảng.",
      ].join("\n"),
    );
    const [t] = tables(doc);
    expect(tables(doc)).toHaveLength(1);
    expect(t.rows[0].header).toBe(true);
    expect(t.rows[1].cells[0]).toMatchObject({ text: "I. Công tác tuyên truyền", colspan: 4 });
    // The rowspan cell is on both rows it covers, at its column.
    expect(t.rows[3].cells.map((c) => c.text)).toEqual(["2", "Tổ chức hội nghị", "Công an xã", "Tháng 5/2026"]);
    expect(t.rows[3].cells[2].spanned).toBe(true);
    expect(doc.blocks.at(-1)).toMatchObject({ type: "paragraph", text: "Đoạn sau bảng." });
  });

  it("reads one cell per line between lone '|' lines, wraps undone, empty cells kept", async () => {
    const doc = await parse(
      [
        "|", "**TT**", "|", "**Chỉ tiêu**", "|", "**Chủ trì**", "|",
        "|", "|", "**I. Kinh", "tế số**", "|", "|",
        "|", "1", "|", "Tỷ lệ doanh nghiệp vừa và nhỏ", "ứng dụng công nghệ số đạt 60%", "|", "Sở Khoa học và", "Công nghệ", "|",
        "", "Đoạn sau.",
      ].join("\n"),
    );
    const [t] = tables(doc);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["TT", "Chỉ tiêu", "Chủ trì"],
      ["", "I. Kinh tế số", ""],
      ["1", "Tỷ lệ doanh nghiệp vừa và nhỏ ứng dụng công nghệ số đạt 60%", "Sở Khoa học và Công nghệ"],
    ]);
    expect(t.rows[0].header).toBe(true);
  });

  it("unwraps a letterhead and a signature laid out as one-cell-per-line tables", async () => {
    const doc = await parse(
      [
        "|", "**ỦY BAN NHÂN DÂN**", "**TỈNH HÀ TĨNH**", "-------", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**",
        "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "|", "Số: 12/KH-UBND", "|", "*Hà Tĩnh, ngày 27", "tháng 11 năm 2025*", "|",
        "", "**KẾ HOẠCH**", "", "Nội dung.", "",
        "|", "|", "**KT. CHỦ TỊCH **", "PHÓ CHỦ TỊCH", "Trần Văn An", "|",
      ].join("\n"),
    );
    expect(tables(doc)).toHaveLength(0);
    const texts = doc.blocks.map((b) => ("text" in b ? b.text : ""));
    expect(texts.slice(0, 6)).toEqual([
      "ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
      "Hà Tĩnh, ngày 27 tháng 11 năm 2025",
    ]);
    expect(doc.blocks.at(-1)).toMatchObject({ type: "signature", authority: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Trần Văn An" });
  });

  it("leaves a stray '|' line in prose as text", async () => {
    const doc = await parse("Một đoạn\n|\nhai dòng.\n");
    expect(tables(doc)).toHaveLength(0);
  });
});
