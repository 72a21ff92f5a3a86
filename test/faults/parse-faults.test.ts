/**
 * The hostile files of test/faults/files/ through the public parse entry
 * point. Each one must either come out as a document with the right text or be
 * refused with one line "file: stage: reason" whose reason says what is wrong
 * (see test/faults/README.md for the table).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INNERMOST_TEXT, LEGACY_TEXT, PLAN_SENTENCE, SOURCE_PDF } from "../../scripts/faults/files.js";
import { parseFile } from "../../src/parse/index.js";
import { expectParsedOrClearlyRefused, expectRefusal, settle } from "./expect.js";
import { faultFile, FIXTURES_DIR } from "./generate.js";

const parse = (name: string) => settle(() => parseFile(faultFile(name)));

describe("refused by the sniffer", () => {
  it("zero-byte file", async () => {
    expectRefusal(await parse("empty.pdf"), faultFile("empty.pdf"), "sniff", "empty file (0 bytes)");
  });

  it("random bytes named .pdf", async () => {
    expectRefusal(await parse("random.pdf"), faultFile("random.pdf"), "sniff", /^binary content that is not a PDF/);
  });

  it("legacy .doc (OLE2) renamed .docx", async () => {
    expect(readFileSync(faultFile("legacy-word.docx")).subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expectRefusal(await parse("legacy-word.docx"), faultFile("legacy-word.docx"), "sniff", /legacy Word 97-2003 \(\.doc/, /save it as \.docx/);
  });
});

describe("damaged and unreadable PDFs", () => {
  it("a real fixture PDF cut in half", async () => {
    expectRefusal(await parse("truncated.pdf"), faultFile("truncated.pdf"), "parse-pdf", /invalid|truncat|damaged|corrupt|broken|structure|unexpected end/i);
  });

  it("a PDF whose xref offsets are garbled is rebuilt and reads like the intact file", async () => {
    const intact = await parseFile(`${FIXTURES_DIR}${SOURCE_PDF}`);
    const broken = await parseFile(faultFile("broken-xref.pdf"));
    expect(broken.text).toContain("Kế hoạch số 41-KH/ĐU ngày 16/01/2026");
    expect(broken.pages.length).toBe(intact.pages.length);
    expect(broken.text).toBe(intact.text);
  });

  it("an encrypted PDF is refused as password-protected", async () => {
    expectRefusal(await parse("encrypted.pdf"), faultFile("encrypted.pdf"), "parse-pdf", "password-protected PDF");
  });

  it("an image-only scanned PDF says it needs OCR, distinct from every other failure", async () => {
    // With OCR off (test/ocr.test.ts covers OCR): the refusal a machine without Tesseract gives.
    const scanned = await settle(() => parseFile(faultFile("scanned.pdf"), { ocr: { enabled: false } }));
    const e = expectRefusal(scanned, faultFile("scanned.pdf"), "parse-pdf", /^no text layer — needs OCR \(scanned PDF\)/);
    // an import counts scans by this reason, so no other case may share it
    const truncated = await parse("truncated.pdf");
    expect(truncated.ok ? null : (truncated.error as { reason?: string }).reason).not.toBe(e.reason);
  });
});

describe("DOCX zip bombs are refused from the central directory", () => {
  it("2,051 entries (cap 2,000)", async () => {
    expectRefusal(await parse("bomb-entries.docx"), faultFile("bomb-entries.docx"), "parse-docx", /\b2051 entries\b/, /\b2000\b/);
  });

  it("250 entries sharing one 1 MiB stream: 250 MiB declared (cap 200 MB)", async () => {
    expectRefusal(await parse("bomb-size.docx"), faultFile("bomb-size.docx"), "parse-docx", /more than 200(\.0)? MB/);
  });

  it("word/document.xml packed 1032:1", async () => {
    expectRefusal(await parse("bomb-ratio.docx"), faultFile("bomb-ratio.docx"), "parse-docx", /word\/document\.xml/, /\b1\d{3}:1\b/);
  });
});

describe("10,000 levels of nesting never overflow the stack", () => {
  it("nested <div> in HTML", async () => {
    expectParsedOrClearlyRefused(await parse("nested-div.html"), faultFile("nested-div.html"), "parse-html", INNERMOST_TEXT);
  });

  it("nested <table> in HTML, closing tags left implicit", async () => {
    expectParsedOrClearlyRefused(await parse("nested-table.html"), faultFile("nested-table.html"), "parse-html", INNERMOST_TEXT);
  });

  it("nested w:tbl in a DOCX", async () => {
    expectParsedOrClearlyRefused(await parse("nested-tables.docx"), faultFile("nested-tables.docx"), "parse-docx", INNERMOST_TEXT);
  });
});

describe("legacy single-byte encodings are decoded, not rejected", () => {
  // Lines of the source text as they must reappear (blocks are joined by blank lines in model.text).
  const lines = LEGACY_TEXT.split("\r\n").filter(Boolean);

  it("Windows-1258 (tone marks as combining bytes)", async () => {
    const bytes = readFileSync(faultFile("cp1258.txt"));
    // "Kế hoạch" as Windows writes it: ê + 0xEC (acute), a + 0xF2 (dot below)
    expect(bytes.includes(Buffer.from("4bea ec20 686f 61f2 6368".replace(/ /g, ""), "hex"))).toBe(true);
    const model = await parseFile(faultFile("cp1258.txt"));
    expect(model.source.encoding).toBe("windows-1258");
    expect(model.text).toContain("Kế hoạch");
    expect(model.text).toContain("Ủy ban nhân dân xã");
    for (const line of lines) expect(model.text).toContain(line);
  });

  it("TCVN3 (ABC)", async () => {
    const bytes = readFileSync(faultFile("tcvn3.txt"));
    // "Kế hoạch" in TCVN3: ế = 0xD5, ạ = 0xB9
    expect(bytes.includes(Buffer.from("4bd5 2068 6fb9 6368".replace(/ /g, ""), "hex"))).toBe(true);
    const model = await parseFile(faultFile("tcvn3.txt"));
    expect(model.source.encoding).toBe("tcvn3");
    expect(model.text).toContain("Kế hoạch");
    expect(model.text).toContain("Ủy ban nhân dân xã");
    for (const line of lines) expect(model.text).toContain(line);
  });
});

describe("markup and query syntax in the text stay plain text", () => {
  it("injection.md", async () => {
    const model = await parseFile(faultFile("injection.md"));
    const text = model.text;
    expect(text).toContain(PLAN_SENTENCE);
    // escaped in the Markdown source → literal characters in the document
    expect(text).toContain("Ghi chú thoát: <script>alert(1)</script> và <img src=x onerror=\"alert(2)\"> phải còn nguyên là chữ.");
    // raw inline HTML is markup to Markdown: whatever the parser keeps of it is text, and the sentence survives
    expect(text).toMatch(/Ghi chú thô: .*alert\(1\).* là thẻ HTML viết thẳng trong Markdown\./);
    expect(text).toContain(`Trích dẫn: "Kế hoạch" và 'nháy đơn'; câu lệnh '; DROP TABLE documents; -- và 1=1 -- hết.`);
    expect(text).toContain(`Tìm kiếm: "chuyển đổi số" NEAR(tiến độ báo_cáo, 5) AND thuế* OR NOT tên:giá ^đầu`);
    expect(text).toContain(`Phần trăm: 50% LIKE '%xã%' ESCAPE '\\' và 100%_.`);
    const table = model.blocks.find((b) => b.type === "table");
    expect(table?.type === "table" && table.rows.map((r) => r.cells[1].text)).toEqual([
      "Nội dung thực hiện",
      "Kiểm tra chuỗi <script>alert(1)</script> trong ô bảng",
      `Cú pháp FTS5 "tiến độ" NEAR(báo cáo) thuế* -- đạt 10%`,
    ]);
  });
});
