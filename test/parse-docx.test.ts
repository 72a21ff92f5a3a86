/**
 * The DOCX route against the text route on the seed fixtures (the DOCX files
 * are pandoc renditions of the seeds, see fixtures/README.md), plus hand-built
 * archives for what the fixtures do not contain: Word list numbering, page
 * breaks, and hostile ZIPs.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { deflateRawSync, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { DocumentModel, TableBlock } from "../schemas/document.js";
import { foldLoose } from "../src/normalise/fold.js";
import { parseBytes, parseFile, ParseError } from "../src/parse/index.js";
import { parseDocx } from "../src/parse/docx.js";
import { HAST_OUTPUT, type HastOutput } from "../src/parse/docx/hast-writer.js";
import { parseHtml } from "../src/parse/html.js";
import { fixture, SEEDS, tables } from "./seed-fixtures.js";


/**
 * A table as a grid of folded cell texts: a colspan cell fills its columns with
 * empty cells (001's section rows span the table in the DOCX, the text has them
 * as one filled cell and empty ones). The seed's "$\geq 98$" is "≥ 98" in the
 * DOCX by construction (fixtures/README.md).
 */
const grid = (t: TableBlock) =>
  t.rows.map((r) =>
    r.cells.flatMap((c) => [foldLoose(c.text.replace("$\\geq 98$", "≥ 98")), ...Array<string>(c.colspan - 1).fill("")]),
  );
const headings = (doc: DocumentModel) =>
  doc.blocks.flatMap((b) => (b.type === "heading" ? [[b.level, b.numbering, foldLoose(b.text)] as const] : []));
const row = (t: TableBlock, ordinal: string) => t.rows.filter((r) => r.cells[0].text.trim() === ordinal);

describe.each(SEEDS)("seed %s: DOCX and text give the same document", async (stem, tableCount) => {
  const [txt, docx] = await Promise.all([parseFile(fixture(`${stem}.txt`)), parseFile(fixture(`${stem}.docx`))]);

  it("has the same tables, row for row and cell for cell", () => {
    expect(tables(docx)).toHaveLength(tableCount);
    expect(tables(docx).map(grid)).toEqual(tables(txt).map(grid));
    expect(tables(docx).map((t) => t.rows.filter((r) => r.header).length)).toEqual(tables(txt).map((t) => t.rows.filter((r) => r.header).length));
  });

  it("finds the same headings with the same numbering", () => {
    expect(headings(docx).length).toBeGreaterThan(3);
    expect(headings(docx)).toEqual(headings(txt));
  });

  it("finds the same signature", () => {
    const sig = (d: DocumentModel) => d.blocks.filter((b) => b.type === "signature").map(({ authority, position, name }: any) => ({ authority, position, name }));
    expect(sig(docx)).toHaveLength(1);
    expect(sig(docx)).toEqual(sig(txt));
  });

  it("has no U+FFFD and no private-use characters", () => {
    expect(docx.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/u);
    for (const b of docx.blocks) if (b.type === "table") for (const r of b.rows) for (const c of r.cells) expect(c.text).not.toMatch(/[\uFFFD\uE000-\uF8FF]/u);
  });

  it("is one page (the fixtures have no explicit page breaks)", () => {
    expect(docx.pages).toHaveLength(1);
    expect(docx.source.format).toBe("docx");
  });
});

describe("rows split by a page break in the text are single rows in both", async () => {
  const load = (stem: string) => Promise.all([parseFile(fixture(`${stem}.txt`)), parseFile(fixture(`${stem}.docx`))]);
  it("seed 001, row 2.1", async () => {
    for (const doc of await load("001_3086ccc4e4aed2ea")) {
      const rows = row(tables(doc)[0], "2.1");
      expect(rows).toHaveLength(1);
      expect(rows[0].cells[3].text).toMatch(/Hội đồng nhân dân xã; Ủy ban Mặt trận Tổ quốc Việt Nam xã\.$/);
    }
  });
  it("seed 002, row 2 of annex I (three DOCX tables stitched, continuation row merged)", async () => {
    for (const doc of await load("002_6446a6058fd84167")) {
      expect(tables(doc)).toHaveLength(2);
      const annex = tables(doc)[0];
      expect(row(annex, "2.")).toHaveLength(1);
      expect(row(annex, "2.")[0].cells[1].text).toMatch(/bảo đảm đáp ứng yêu cầu nhiệm vụ trong tình hình mới\. Báo cáo kết quả/);
      expect(annex.rows.filter((r) => r.cells[0].text === "" && !r.header)).toHaveLength(0);
      expect(annex.rows.filter((r) => r.header)).toHaveLength(1);
    }
  });
  it("seed 003, row 7 of the second annex", async () => {
    for (const doc of await load("003_dd124789fcb3a41d")) {
      const sevens = tables(doc).flatMap((t) => row(t, "7"));
      expect(sevens).toHaveLength(1);
      expect(sevens[0].cells.at(-1)!.text).toBe("Nhiệm vụ Chủ tịch UBND xã giao");
    }
  });
});

describe("DOCX specifics on the seeds", async () => {
  const [d000, d001, d002] = await Promise.all(["000_9cf0e1b2418f68ec", "001_3086ccc4e4aed2ea", "002_6446a6058fd84167"].map((s) => parseFile(fixture(`${s}.docx`))));

  it("seed 000: the Word footnote is a footnote block and its marker left the text", () => {
    const notes = d000.blocks.filter((b) => b.type === "footnote");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ label: "1" });
    expect((notes[0] as { text: string }).text.split("\n")).toHaveLength(5);
    expect((notes[0] as { text: string }).text).toMatch(/^- Kế hoạch số 41-KH\/ĐU ngày 16\/01\/2026/);
    const body = d000.blocks.find((b) => b.type === "paragraph" && b.text.startsWith("2. Hội đồng Nhân dân"))!;
    expect((body as { text: string }).text).toContain("Kế hoạch số 06-KH/BCĐ ngày 25/12/2025 của Ban Chỉ đạo. Trong đó");
    expect(d000.text).not.toMatch(/\[1\]|↑/);
  });

  it("seed 002: the footnote follows the paragraph that refers to it, marker removed", () => {
    const i = d002.blocks.findIndex((b) => b.type === "footnote");
    expect(d002.blocks[i]).toMatchObject({ label: "1", text: expect.stringMatching(/^Thông báo số 13-TB\/CQTT ngày 01\/4\/2026/) });
    const before = d002.blocks[i - 1] as { text: string };
    expect(before.text).toContain("chuyển đổi số tỉnh Thái Nguyên; Kế hoạch số 144/KH-UBND");
    expect(d002.text).not.toMatch(/\[1\]|↑/);
  });

  it("keeps <br> inside cells as line breaks and bold cells bold", () => {
    const annex = tables(d002)[0];
    expect(row(annex, "1.")[0].cells[6].text).toBe("13-TB/CQTT;\n41-KH/TU;\n35/KH-UBND");
    expect(row(annex, "I")[0].cells[1]).toMatchObject({ bold: true, text: "Phát triển nguồn nhân lực đáp ứng yêu cầu đề ra" });
  });

  it("marks the header row (w:tblHeader → <thead>)", () => {
    const annex = tables(d001)[0];
    expect(annex.rows[0]).toMatchObject({ header: true });
    expect(annex.rows[0].cells.map((c) => c.text)).toEqual(["TT", "Nội dung thực hiện", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện", "Thời gian thực hiện"]);
  });

  it("seed 001: a section row spanning the table keeps its colspan", () => {
    const section = row(tables(d001)[0], "I. Công tác lãnh đạo, chỉ đạo triển khai thực hiện Kế hoạch")[0];
    expect(section.cells).toHaveLength(1);
    expect(section.cells[0].colspan).toBe(5);
  });

  it("seed 002: bold Heading-style paragraphs are headings with their typed numbering", () => {
    expect(headings(d002).map(([level, numbering]) => [level, numbering])).toEqual([
      [2, null], [3, null], [1, "I."], [2, "1."], [2, "2."], [1, "II."], [1, "III."], [2, "1."], [2, "2."], [1, null],
    ]);
  });
});

describe("merged-cell variant (w:vMerge over rows 2.3–2.5 and 3.1–3.6)", async () => {
  const [plain, merged] = await Promise.all([parseFile(fixture("001_3086ccc4e4aed2ea.docx")), parseFile(fixture("variants/001_3086ccc4e4aed2ea.merged.docx"))]);
  const annex = tables(merged)[0];

  it("gives the lead agency on every row the merged cell spans", () => {
    const rows = ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"].map((o) => row(annex, o)[0]);
    for (const r of rows) {
      expect(r.cells).toHaveLength(5);
      expect(r.cells[2].text).toBe("Trung tâm phục vụ Hành chính công");
      expect(r.cells[3].text).toBe("Công an xã; phòng Văn hoá – Xã hội ; phòng Kinh tế");
    }
    expect(rows[0].cells[2]).toMatchObject({ rowspan: 6 });
    expect(rows[0].cells[2].spanned).toBeUndefined();
    expect(rows.slice(1).every((r) => r.cells[2].spanned && r.cells[3].spanned)).toBe(true);
    const lead23 = ["2.3", "2.4", "2.5"].map((o) => row(annex, o)[0].cells[2]);
    expect(new Set(lead23.map((c) => c.text)).size).toBe(1);
    expect(lead23.map((c) => c.spanned ?? false)).toEqual([false, true, true]);
  });

  it("reads as the unmerged table, cell for cell", () => {
    expect(grid(annex)).toEqual(grid(tables(plain)[0]));
    expect(annex.rows.filter((r) => r.cells.some((c) => c.spanned)).length).toBe(2 + 5);
  });
});

// ---------------------------------------------------------------- hand-built archives

type ZipEntry = { name: string; data: Buffer; deflate?: boolean; declaredSize?: number };

/** A minimal ZIP writer (local headers, central directory, end record). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.deflate === false ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(e.deflate === false ? 0 : 8, 8);
    head.writeUInt32LE(crc32(e.data), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.deflate === false ? 0 : 8, 10);
    dir.writeUInt32LE(crc32(e.data), 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Buffer {
  const entries: ZipEntry[] = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "word/document.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) },
  ];
  if (parts.numbering) entries.push({ name: "word/numbering.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${parts.numbering}</w:numbering>`) });
  if (parts.styles) entries.push({ name: "word/styles.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${parts.styles}</w:styles>`) });
  return zip(entries);
}

const run = (text: string, bold = false) => `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (text: string, props = "", bold = false) => `<w:p><w:pPr>${props}</w:pPr>${run(text, bold)}</w:p>`;
const numbered = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const level = (ilvl: number, format: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;

describe("Word list numbering is printed back into the text", async () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="10">${level(0, "upperRoman", "%1.")}${level(1, "decimal", "%2.")}${level(2, "decimal", "%2.%3.")}${level(3, "lowerLetter", "%4)")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="20">${level(0, "bullet", "\uF0B7")}${level(1, "bullet", "-")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="30">${level(0, "decimal", "(%1)")}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="30"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="5"><w:abstractNumId w:val="10"/></w:num>`;
  const styles = `<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:pPr>${numbered(1, 1)}</w:pPr></w:style>`;
  const body = [
    para("MỤC ĐÍCH, YÊU CẦU", numbered(1, 0), true),
    para("Mục đích", numbered(1, 1), true),
    para("Yêu cầu", '<w:pStyle w:val="Muc"/>', true), // numbered through its style
    para("Chi tiết", numbered(1, 2)),
    para("Gồm các việc:"),
    para("việc thứ nhất;", numbered(1, 3)),
    para("việc thứ hai.", numbered(1, 3)),
    para("Quán triệt nghiêm túc", numbered(2, 0)),
    para("cấp dưới", numbered(2, 1)),
    para("NHIỆM VỤ", numbered(5, 0), true), // another w:num on the same list continues it: II.
    para("Nhiệm vụ chung", numbered(1, 1), true), // and the level below restarts: 1.
    para("Về hạ tầng số", numbered(3, 0)),
    para("Về dữ liệu", numbered(3, 0)),
    para("Về nhân lực", numbered(4, 0)), // "Restart at 1"
    `<w:p><w:pPr>${numbered(3, 0)}</w:pPr></w:p>`, // an empty numbered paragraph still counts, prints nothing
    para("Về an toàn thông tin", numbered(4, 0)),
  ].join("");
  const doc = await parseBytes(docx(body, { numbering, styles }), "lists.docx");
  const texts = doc.blocks.map((b) => (b.type === "list-item" ? `${b.marker}${b.depth} ${b.text}` : `${b.type}: ${"text" in b ? b.text : ""}`));

  it("prints ordered labels in the text, like typed numbering", () => {
    expect(texts).toEqual([
      "heading: I. MỤC ĐÍCH, YÊU CẦU",
      "heading: 1. Mục đích",
      "heading: 2. Yêu cầu",
      "heading: 2.1. Chi tiết",
      "paragraph: Gồm các việc:",
      "paragraph: a) việc thứ nhất;",
      "paragraph: b) việc thứ hai.",
      "•0 Quán triệt nghiêm túc",
      "-1 cấp dưới",
      "heading: II. NHIỆM VỤ",
      "heading: 1. Nhiệm vụ chung",
      "heading: (1) Về hạ tầng số",
      "heading: (2) Về dữ liệu",
      "heading: (1) Về nhân lực",
      "heading: (3) Về an toàn thông tin",
    ]);
  });

  it("gives headings their numbering and level, and keeps them bold", () => {
    const h = doc.blocks.filter((b) => b.type === "heading");
    expect(h.slice(0, 4).map((b) => [b.numbering, b.level, b.bold])).toEqual([
      ["I.", 1, true], ["1.", 2, true], ["2.", 2, true], ["2.1.", 3, false],
    ]);
  });

  it("never leaks the Symbol-font bullet glyph", () => {
    expect(doc.text).not.toMatch(/[\uE000-\uF8FF]/u);
  });
});

describe("explicit page breaks give pages", async () => {
  const body = [
    para("Trang một"),
    `<w:p>${run("Vẫn trang một")}<w:r><w:br w:type="page"/></w:r></w:p>`,
    para("Trang hai"),
    para("PHỤ LỤC", "<w:pageBreakBefore/>", true),
    `<w:p><w:pPr><w:sectPr/></w:pPr>${run("Cuối phần một")}</w:p>`,
    para("Phần hai, trang bốn"),
    `<w:p><w:pPr><w:sectPr/></w:pPr>${run("Cuối phần hai")}</w:p>`,
    para("Phần ba liền mạch"),
    `<w:sectPr><w:type w:val="continuous"/></w:sectPr>`,
  ].join("");
  const doc = await parseBytes(docx(body), "pages.docx");
  const pageOf = (text: string) => doc.blocks.find((b) => "text" in b && b.text === text)?.page;

  it("counts w:br page breaks, page-break-before and new-page section breaks", () => {
    expect([pageOf("Trang một"), pageOf("Vẫn trang một"), pageOf("Trang hai"), pageOf("PHỤ LỤC")]).toEqual([1, 1, 2, 3]);
    expect([pageOf("Cuối phần một"), pageOf("Phần hai, trang bốn"), pageOf("Cuối phần hai"), pageOf("Phần ba liền mạch")]).toEqual([3, 4, 4, 4]);
    expect(doc.pages).toHaveLength(4);
  });
});

describe("hostile archives are refused before anything is inflated", () => {
  const refusal = async (bytes: Buffer) => {
    try {
      await parseDocx(bytes);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("accepted");
  };

  it("refuses more than 2000 entries", async () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({ name: `word/media/x${i}.xml`, data: Buffer.from("x"), deflate: false }));
    entries.push({ name: "word/document.xml", data: Buffer.from("<w:document/>"), deflate: false });
    expect(await refusal(zip(entries))).toMatch(/^archive has 2002 entries \(limit 2000\)/);
  });

  it("refuses a declared total over 200 MB", async () => {
    // 1 MB of incompressible data declaring 150 MB, twice: a plausible ratio each, too much together.
    const filler = randomBytes(1024 * 1024);
    const huge = zip([
      { name: "word/document.xml", data: Buffer.from(`<w:document ${W}><w:body/></w:document>`) },
      { name: "word/media/a.bin", data: filler, declaredSize: 150 * 1024 * 1024 },
      { name: "word/media/b.bin", data: filler, declaredSize: 150 * 1024 * 1024 },
    ]);
    expect(await refusal(huge)).toMatch(/^archive would expand to more than 200\.0 MB \(declared sizes reach 300\.0 MB by word\/media\/b\.bin\)/);
  });

  it("refuses an entry with a zip-bomb compression ratio", async () => {
    const bomb = zip([
      { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
      { name: "word/document.xml", data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const reason = await refusal(bomb);
    expect(reason).toMatch(/^entry word\/document\.xml expands \d+:1 .*zip bomb/);
    expect(reason).not.toContain("\n");
    // Through the pipeline it is a one-line ParseError naming the stage.
    await expect(parseBytes(bomb, "bomb.docx")).rejects.toThrow(ParseError);
    await expect(parseBytes(bomb, "bomb.docx")).rejects.toThrow(/bomb\.docx: parse-docx: entry word\/document\.xml expands/);
  });

  it("refuses a ZIP without word/document.xml as not a Word document", async () => {
    const other = zip([{ name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) }, { name: "content.xml", data: Buffer.from("<x/>") }]);
    expect(await refusal(other)).toBe("not a Word document (no word/document.xml in the archive)");
  });

  it("refuses document.xml nested deeper than mammoth can read", async () => {
    const deep = "<w:tbl><w:tr><w:tc>".repeat(200) + para("x") + "</w:tc></w:tr></w:tbl>".repeat(200);
    expect(await refusal(docx(deep))).toMatch(/^word\/document\.xml is nested more than 256 levels deep/);
  });

  it("refuses bytes that are not a ZIP at all", async () => {
    expect(await refusal(Buffer.from("PK\u0003\u0004 not really"))).toMatch(/^not a readable ZIP archive/);
  });
});

describe("mammoth's HTML reaches the HTML conversion as a tree, the parser's tree", () => {
  const htmlParser = unified().use(rehypeParse);
  const withoutPositions = <T>(node: T): T => {
    const n = node as { position?: unknown; data?: unknown; type: string; children?: unknown[] };
    delete n.position;
    if (n.type === "root") delete n.data;
    n.children?.forEach(withoutPositions);
    return node;
  };
  /** One mammoth conversion: the tree the writer built and the tree rehype-parse builds from the HTML written beside it. */
  const convert = async (bytes: Buffer) => {
    const result = await mammoth.convertToHtml({ buffer: bytes }, { outputFormat: HAST_OUTPUT } as Parameters<typeof mammoth.convertToHtml>[1]);
    const { html, tree } = result.value as unknown as HastOutput;
    return { html, tree, parsed: withoutPositions(htmlParser.parse(html)) };
  };

  it.each(["001_3086ccc4e4aed2ea.docx", "002_6446a6058fd84167.docx", "variants/001_3086ccc4e4aed2ea.merged.docx"])("%s", async (name) => {
    const { tree, parsed } = await convert(readFileSync(fixture(name)));
    expect(tree).not.toBeNull();
    expect(tree).toEqual(parsed);
  });

  it("puts rows written straight into a table into a tbody, as the parser does", async () => {
    const cell = (text: string) => `<w:tc>${para(text)}</w:tc>`;
    const body = `${para("Trước bảng")}<w:tbl><w:tr>${cell("1")}${cell("Ủy ban nhân dân xã")}</w:tr><w:tr>${cell("2")}${cell("Đảng ủy")}</w:tr></w:tbl>${para("Sau bảng", "", true)}`;
    const { html, tree, parsed } = await convert(docx(body));
    expect(html).toMatch(/<table><tr>/);
    expect(tree).toEqual(parsed);
  });

  it("reads a text box's paragraphs (mammoth writes them after their paragraph) as the parser would", async () => {
    const box = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para("Nội dung trong khung")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const bytes = docx(`<w:p>${run("Trước khung ")}${box}${run(" sau khung")}</w:p>${para("Đoạn tiếp theo")}`);
    const { html, tree, parsed } = await convert(bytes);
    expect(tree).toEqual(parsed);
    expect((await parseDocx(bytes)).blocks.map((b) => ("text" in b ? b.text : ""))).toEqual(["Trước khung sau khung", "Nội dung trong khung", "Đoạn tiếp theo"]);
    expect(html).toContain("Nội dung trong khung");
  });

  it("withholds the tree where the parser would move elements (a block inside a paragraph), so the HTML is parsed", async () => {
    const bytes = docx(`<w:p>${run("Mở đầu ")}${run("khối đậm", true)}${run(" kết thúc")}</w:p>`);
    const result = await mammoth.convertToHtml({ buffer: bytes }, { outputFormat: HAST_OUTPUT, styleMap: ["b => div"] } as Parameters<typeof mammoth.convertToHtml>[1]);
    const { html, tree } = result.value as unknown as HastOutput;
    expect(html).toBe("<p>Mở đầu <div>khối đậm</div> kết thúc</p>");
    expect(tree).toBeNull();
    // The parser closes the paragraph at the div: three blocks, where the writer's nesting would give one.
    expect(parseHtml(html).blocks.map((b) => ("text" in b ? b.text : ""))).toEqual(["Mở đầu", "khối đậm", "kết thúc"]);
  });
});
