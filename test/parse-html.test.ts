/**
 * The shared HTML → drafts conversion (the DOCX route feeds it mammoth's HTML;
 * .html files go straight in), on the shapes other producers write.
 */
import { describe, expect, it } from "vitest";
import type { DraftBlock } from "../src/parse/draft.js";
import { parseHtml } from "../src/parse/html.js";
import { parseBytes } from "../src/parse/index.js";

type Table = Extract<DraftBlock, { type: "table" }>;
const only = <T extends DraftBlock["type"]>(blocks: DraftBlock[], type: T) => blocks.filter((b): b is Extract<DraftBlock, { type: T }> => b.type === type);

describe("blocks", () => {
  const { blocks } = parseHtml(`<!doctype html><html><body>
    <h1>KẾ HOẠCH</h1>
    <p><strong>I. MỤC ĐÍCH</strong></p>
    <p>Chữ thường <b>đậm một phần</b>.</p>
    <p><span style="font-weight:bold">PHỤ LỤC</span><br>(Kèm theo Kế hoạch)</p>
    <p>- Gạch đầu dòng gõ tay;</p>
    <p>- + Ý con gõ tay;</p>
    <p>– xã hội, dòng bị ngắt trang</p>
    <div>Chữ trần trong div <em>vẫn là đoạn</em></div>
  </body></html>`);

  it("keeps headings, bold paragraphs and line breaks", () => {
    expect(blocks[0]).toEqual({ type: "heading", text: "KẾ HOẠCH", level: 1, bold: false, page: 1 });
    expect(blocks[1]).toMatchObject({ type: "paragraph", text: "I. MỤC ĐÍCH", bold: true });
    expect(blocks[2]).toMatchObject({ type: "paragraph", text: "Chữ thường đậm một phần.", bold: false });
    expect(blocks[3]).toMatchObject({ type: "paragraph", text: "PHỤ LỤC\n(Kèm theo Kế hoạch)", bold: false });
  });

  it("reads typed bullets as list items, an en dash as text", () => {
    expect(blocks[4]).toEqual({ type: "list-item", marker: "-", depth: 0, text: "Gạch đầu dòng gõ tay;", page: 1 });
    expect(blocks[5]).toEqual({ type: "list-item", marker: "+", depth: 1, text: "Ý con gõ tay;", page: 1 });
    expect(blocks[6]).toMatchObject({ type: "paragraph", text: "– xã hội, dòng bị ngắt trang" });
    expect(blocks[7]).toMatchObject({ type: "paragraph", text: "Chữ trần trong div vẫn là đoạn" });
  });
});

describe("lists", () => {
  const { blocks } = parseHtml(`<ol><li>Mục đích</li><li>Yêu cầu<ol type="a"><li>việc một</li><li>việc hai</li></ol></li></ol>
    <ol start="3"><li>3. Số đã in sẵn</li><li>Tiếp theo</li></ol>
    <ul><li>Một<ul><li>Con</li></ul></li><li>• Hai</li></ul>`);
  const texts = blocks.map((b) => (b.type === "list-item" ? `${b.marker}${b.depth} ${b.text}` : "text" in b ? b.text : b.type));

  it("prints ordered items with their number (position when the text has none) and bullets as list items", () => {
    expect(texts).toEqual(["1. Mục đích", "2. Yêu cầu", "a) việc một", "b) việc hai", "3. Số đã in sẵn", "4. Tiếp theo", "•0 Một", "•1 Con", "•0 Hai"]);
  });
});

describe("tables", () => {
  const html = `<table>
    <tr><th>STT</th><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr>
    <tr><td><b>I</b></td><td colspan="3"><b>Phát triển nguồn nhân lực</b></td></tr>
    <tr><td>1.</td><td><p>Việc một</p><p>dòng hai</p></td><td rowspan="3">Phòng Văn hóa - Xã hội</td><td>Tháng 4</td></tr>
    <tr><td>2.</td><td>Việc hai</td><td>Tháng 5</td></tr>
    <tr><td>3.</td><td>Việc ba</td><td>Tháng 6</td></tr>
    <tr><td>4.</td><td>Việc bốn</td><td>Công an xã</td><td>Tháng 7</td></tr>
  </table>`;
  const [table] = only(parseHtml(html).blocks, "table") as Table[];

  it("copies a rowspan cell into the rows it covers, at its column", () => {
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"],
      ["I", "Phát triển nguồn nhân lực"],
      ["1.", "Việc một\ndòng hai", "Phòng Văn hóa - Xã hội", "Tháng 4"],
      ["2.", "Việc hai", "Phòng Văn hóa - Xã hội", "Tháng 5"],
      ["3.", "Việc ba", "Phòng Văn hóa - Xã hội", "Tháng 6"],
      ["4.", "Việc bốn", "Công an xã", "Tháng 7"],
    ]);
    expect(table.rows[2].cells[2]).toEqual({ text: "Phòng Văn hóa - Xã hội", bold: false, rowspan: 3 });
    expect(table.rows[3].cells[2]).toEqual({ text: "Phòng Văn hóa - Xã hội", bold: false, rowspan: 3, spanned: true });
    expect(table.rows[1].cells[1]).toEqual({ text: "Phát triển nguồn nhân lực", bold: true, colspan: 3 });
  });

  it("marks <th> rows as header, and the first row when the rows below open with ordinals", () => {
    expect(table.rows.map((r) => r.header ?? false)).toEqual([true, false, false, false, false, false]);
    const [plain] = only(parseHtml(html.replace(/<(\/?)th>/g, "<$1td>")).blocks, "table") as Table[];
    expect(plain.rows.map((r) => r.header ?? false)).toEqual([true, false, false, false, false, false]);
    const [noHeader] = only(parseHtml("<table><tr><td>1.</td><td>a</td></tr><tr><td>2.</td><td>b</td></tr></table>").blocks, "table") as Table[];
    expect(noHeader.rows.some((r) => r.header)).toBe(false);
  });

  it("extends a header through the rows its rowspan reaches", () => {
    const [t] = only(
      parseHtml(`<table><thead><tr><th rowspan="2">STT</th><th colspan="2">Chỉ tiêu</th></tr><tr><th>Năm 2025</th><th>Năm 2026</th></tr></thead>
        <tbody><tr><td>1</td><td>80</td><td>90</td></tr></tbody></table>`).blocks,
      "table",
    ) as Table[];
    expect(t.rows.map((r) => [r.header ?? false, r.cells.map((c) => c.text)])).toEqual([
      [true, ["STT", "Chỉ tiêu"]],
      [true, ["STT", "Năm 2025", "Năm 2026"]],
      [false, ["1", "80", "90"]],
    ]);
  });
});

describe("footnotes from other producers", () => {
  it("pandoc: note after its paragraph, marker and back link gone", () => {
    const { blocks } = parseHtml(`<p>Theo Thông báo số 13-TB/CQTT<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>; và Kế hoạch.</p>
      <p>Đoạn sau.</p>
      <section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>Thông báo ngày 01/4/2026.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`);
    expect(blocks).toEqual([
      { type: "paragraph", text: "Theo Thông báo số 13-TB/CQTT; và Kế hoạch.", bold: false, page: 1 },
      { type: "footnote", label: "1", text: "Thông báo ngày 01/4/2026.", page: 1 },
      { type: "paragraph", text: "Đoạn sau.", bold: false, page: 1 },
    ]);
  });

  it("Word 'Save as HTML': [1] markers and a div per note", () => {
    const { blocks } = parseHtml(`<p>Kế hoạch số 41-KH/ĐU<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1" title=""><span class="MsoFootnoteReference">[1]</span></a> của Đảng ủy.</p>
      <div style="mso-element:footnote-list"><div style="mso-element:footnote" id="ftn1"><p class="MsoFootnoteText"><a style="mso-footnote-id:ftn1" href="#_ftnref1" name="_ftn1" title="">[1]</a> - Kế hoạch số 41-KH/ĐU;</p><p>- Kế hoạch số 80-KH/ĐU.</p></div></div>`);
    expect(blocks).toEqual([
      { type: "paragraph", text: "Kế hoạch số 41-KH/ĐU của Đảng ủy.", bold: false, page: 1 },
      { type: "footnote", label: "1", text: "- Kế hoạch số 41-KH/ĐU;\n- Kế hoạch số 80-KH/ĐU.", page: 1 },
    ]);
  });

  it("leaves ordinary in-page links as text", () => {
    const { blocks } = parseHtml(`<p>Xem <a href="#muc-2">mục 2</a>.</p><h2 id="muc-2">2. Mục hai</h2>`);
    expect(blocks.map((b) => ("text" in b ? b.text : ""))).toEqual(["Xem mục 2.", "2. Mục hai"]);
  });
});

describe("pages", () => {
  it("counts CSS page breaks and the DOCX route's page-break <br>", () => {
    const doc = parseHtml(`<p>Một</p><br clear="all" style="page-break-before:always"><p>Hai</p>
      <p style="page-break-after: always">Vẫn hai</p><p>Ba <br class="vanban-page-break">bốn</p><p>Bốn</p>`);
    expect(doc.blocks.map((b) => b.page)).toEqual([1, 2, 2, 3, 4]);
    expect(doc.pages).toBe(4);
  });
});

describe("hostile HTML", () => {
  it("survives 100 000 nested elements without exhausting the stack", () => {
    const n = 100_000;
    const doc = parseHtml(`${"<div>".repeat(n)}<p>sâu <b>đậm</b></p>${"</div>".repeat(n)}<p>sau</p>`);
    expect(doc.blocks.map((b) => ("text" in b ? b.text : ""))).toEqual(["sâu đậm", "sau"]);
    expect(doc.warnings[0].reason).toMatch(/nested deeper than the limit/);
  });

  it("survives deeply nested tables and unclosed inline tags", () => {
    const doc = parseHtml(`${"<table><tr><td>".repeat(5000)}lõi${"<b>".repeat(20_000)}x`);
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain("lõi");
    expect(text).toContain("x");
  });

  it("drops U+FFFD and private-use characters, with a warning", () => {
    const doc = parseHtml("<p>Hỏng\uFFFD chữ \uF0B7 riêng&#xE001;</p>");
    expect(doc.blocks).toEqual([{ type: "paragraph", text: "Hỏng chữ riêng", bold: false, page: 1 }]);
    expect(doc.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^1 undecodable character/)]);
  });
});

describe(".html files through the pipeline", () => {
  it("parses as html and lays the blocks out", async () => {
    const html = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
      <p><b>II. NHIỆM VỤ</b></p><table><tr><td>STT</td><td>Nội dung</td></tr><tr><td>1.</td><td>Việc</td></tr></table>
      <p><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b></p><p><b>La Thị Huế</b></p></body></html>`;
    const doc = await parseBytes(Buffer.from(html), "plan.html");
    expect(doc.source.format).toBe("html");
    expect(doc.blocks.map((b) => b.type)).toEqual(["heading", "table", "signature"]);
    expect(doc.blocks[0]).toMatchObject({ numbering: "II.", level: 1, bold: true });
    expect(doc.blocks[2]).toMatchObject({ authority: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "La Thị Huế" });
  });
});

describe("typed footnotes (superscript numbers, as PDF-to-Word converters leave them)", () => {
  const { blocks } = parseHtml(`<p>Thực hiện Thông báo số 13-TB/CQTT<sup>1</sup>; diện tích 20 m<sup>2</sup> đất.</p>
    <p>Đoạn tiếp theo.</p>
    <p><sup>1</sup> Thông báo ngày 01/4/2026 của Cơ quan Thường trực.</p>
    <p>Cuối trang: 10<sup>3</sup> bản.</p>`);

  it("drops the paired marker, keeps the note where it stands, leaves other superscripts as text", () => {
    expect(blocks.map((b) => [b.type, "text" in b ? b.text : ""])).toEqual([
      ["paragraph", "Thực hiện Thông báo số 13-TB/CQTT; diện tích 20 m2 đất."],
      ["paragraph", "Đoạn tiếp theo."],
      ["footnote", "Thông báo ngày 01/4/2026 của Cơ quan Thường trực."],
      ["paragraph", "Cuối trang: 103 bản."],
    ]);
    expect(blocks[2]).toMatchObject({ label: "1" });
  });
});

describe("hostile markup costs linear time", () => {
  it("scans tags that never close without rescanning the input", () => {
    for (const unit of ['<a b="', "<a ", "<!--", "<a b='x'", "<div/>"]) {
      const html = unit.repeat(200_000 / unit.length);
      const t0 = performance.now();
      const doc = parseHtml(html);
      expect(doc.pages).toBe(1);
      // Linear work is well under a second; the quadratic scan this guards against took minutes.
      expect(performance.now() - t0, unit).toBeLessThan(15_000);
    }
  });
});

describe("hostile structures stay bounded", () => {
  it("many superscripts in one paragraph, many typed bullets", () => {
    const t0 = performance.now();
    const doc = parseHtml(`<p>${"chữ<sup>1</sup> ".repeat(20_000)}</p><p>${"- ".repeat(50_000)}cuối</p>`);
    expect(doc.blocks[1]).toMatchObject({ type: "list-item", marker: "-", depth: 49_999, text: "cuối" });
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it("rowspans over many wide rows stop being copied past a budget", () => {
    const row = `<tr>${'<td rowspan="1000">x</td>'.repeat(100)}</tr>`;
    const t0 = performance.now();
    const doc = parseHtml(`<table>${row.repeat(300)}</table>`);
    const [table] = only(doc.blocks, "table") as Table[];
    expect(table.rows).toHaveLength(300);
    expect(table.rows.reduce((n, r) => n + r.cells.length, 0)).toBeLessThan(300_000);
    expect(doc.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/merged-cell copies/)]);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
