/**
 * The hostile inputs of the fault suite, built from code so that they can be
 * rebuilt bit for bit (`scripts/make-fault-files`) and so that CI needs no PDF
 * or Office tool. `smallFaultFiles` are committed under test/faults/files/;
 * the big ones (`writeOversizePdf`, `tableRowsMarkdown`) are only ever made at
 * test time in a temp dir.
 */
import { closeSync, openSync, readFileSync, writeSync, ftruncateSync } from "node:fs";
import iconv from "iconv-lite";
import { encodeTcvn3 } from "../../src/normalise/legacy-encoding.js";
import { latin1, prng, randomBytes } from "./bytes.js";
import { deflateRunMaximal, zlibFixed } from "./deflate.js";
import { buildPdf, type PdfObject } from "./pdf.js";
import { ZipWriter } from "./zip.js";

export type FaultFile = { name: string; bytes: Buffer };

/** The real PDF that the truncated and broken-xref cases start from. */
export const SOURCE_PDF = "000_9cf0e1b2418f68ec.pdf";

export function smallFaultFiles(fixturesDir: string): FaultFile[] {
  const sourcePdf = readFileSync(`${fixturesDir}/${SOURCE_PDF}`);
  return [
    { name: "empty.pdf", bytes: Buffer.alloc(0) },
    { name: "truncated.pdf", bytes: sourcePdf.subarray(0, Math.floor(sourcePdf.length / 2)) },
    { name: "broken-xref.pdf", bytes: garbleXref(sourcePdf) },
    { name: "encrypted.pdf", bytes: encryptedPdf() },
    { name: "scanned.pdf", bytes: scannedPdf() },
    { name: "random.pdf", bytes: randomBytes(0x5eed, 64 * 1024) },
    { name: "legacy-word.docx", bytes: oleWordDocument() },
    { name: "bomb-entries.docx", bytes: entryCountBomb() },
    { name: "bomb-size.docx", bytes: declaredSizeBomb() },
    { name: "bomb-ratio.docx", bytes: ratioBomb() },
    { name: "nested-tables.docx", bytes: nestedTablesDocx(NESTING_DEPTH) },
    { name: "nested-div.html", bytes: nestedDivHtml(NESTING_DEPTH) },
    { name: "nested-table.html", bytes: nestedTableHtml(NESTING_DEPTH) },
    { name: "cp1258.txt", bytes: encodeCp1258(LEGACY_TEXT) },
    { name: "tcvn3.txt", bytes: Buffer.from(encodeTcvn3(LEGACY_TEXT)) },
    { name: "injection.md", bytes: Buffer.from(INJECTION_MD, "utf8") },
  ];
}

// ---------------------------------------------------------------- PDF

/**
 * Every xref offset rewritten to a wrong one of the same width, startxref
 * left alone: the table is found, but no entry points at its object, which is
 * how a PDF looks after a tool rewrote it without fixing the table.
 */
export function garbleXref(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const at = text.lastIndexOf("\nxref\n");
  if (at < 0) throw new Error("garbleXref: no classic xref table in the source PDF");
  const table = text.slice(at).replace(/^(\d{10}) (\d{5}) n/gm, (_, offset: string, gen: string) => {
    const wrong = (Number(offset) * 7 + 13) % 10 ** 10;
    return `${String(wrong).padStart(10, "0")} ${gen} n`;
  });
  return Buffer.concat([pdf.subarray(0, at), latin1(table)]);
}

const PAGE = "/MediaBox[0 0 595 842]";

function textPage(lines: string[]): Buffer {
  const ops = ["BT", "/F1 12 Tf", "14 TL", "72 770 Td"];
  for (const line of lines) ops.push(`(${line.replace(/[\\()]/g, "\\$&")}) Tj T*`);
  ops.push("ET");
  return latin1(ops.join("\n"));
}

/** A one-page plan that opens only with the password "vanban-user". */
export function encryptedPdf(): Buffer {
  const content = textPage([
    "DANG BO XA PHU THINH",
    "KE HOACH so 41-KH/DU ngay 16/01/2026",
    "ve trien khai chuyen doi so nam 2026",
    "1. Uy ban nhan dan xa chu tri thuc hien; bao cao truoc ngay 30/6/2026.",
  ]);
  const objects: PdfObject[] = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    `<</Type/Page/Parent 2 0 R${PAGE}/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>`,
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>",
    { dict: "<<>>", stream: content },
  ];
  return buildPdf(objects, {
    root: 1,
    id: "vanban fault: encrypted",
    // print allowed, everything else denied; the user password is what makes it unopenable
    encrypt: { userPassword: "vanban-user", ownerPassword: "vanban-owner", permissions: -3900 },
  });
}

/**
 * Two A4 pages that are nothing but a 1-bit 100 dpi raster each, like a
 * scanner's output: no font, no text operator, so no text layer at all.
 */
export function scannedPdf(): Buffer {
  const objects: PdfObject[] = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R 6 0 R]/Count 2>>"];
  for (let page = 0; page < 2; page++) {
    const first = objects.length + 1; // page, content, image
    const { width, height, bits } = scanRaster(0xca4 + page);
    objects.push(
      `<</Type/Page/Parent 2 0 R${PAGE}/Resources<</XObject<</Im0 ${first + 2} 0 R>>>>/Contents ${first + 1} 0 R>>`,
      { dict: "<<>>", stream: latin1("q 595 0 0 842 0 0 cm /Im0 Do Q") },
      {
        dict: `<</Type/XObject/Subtype/Image/Width ${width}/Height ${height}/ColorSpace/DeviceGray/BitsPerComponent 1/Filter/FlateDecode>>`,
        stream: zlibFixed(bits),
      },
    );
  }
  return buildPdf(objects, { root: 1, id: "vanban fault: scanned" });
}

/** Lines of glyph-like strokes with ragged right edges and paragraph gaps; 0 bits are ink. */
function scanRaster(seed: number): { width: number; height: number; bits: Buffer } {
  const width = 827;
  const height = 1170;
  const stride = Math.ceil(width / 8);
  const bits = Buffer.alloc(stride * height, 0xff);
  const ink = (x: number, y: number) => {
    bits[y * stride + (x >> 3)] &= ~(0x80 >> (x & 7));
  };
  const next = prng(seed);
  const rand = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  for (let y = 110; y + 30 < height - 100; ) {
    const last = next() < 0.2;
    const right = last ? rand(200, 600) : rand(700, 730);
    for (let x = last ? 100 : 100 + (next() < 0.3 ? 40 : 0); x < right; ) {
      const letters = rand(1, 8);
      for (let l = 0; l < letters && x < right; l++, x += 7) {
        const top = y + (next() < 0.25 ? 0 : 6); // ascenders
        const bottom = y + 17 + (next() < 0.08 ? 5 : 0); // descenders
        for (let yy = top; yy < bottom; yy++) for (let xx = x; xx < x + 2; xx++) ink(xx, yy);
        if (next() < 0.6) for (let xx = x; xx < x + 5; xx++) ink(xx, y + 6 + rand(0, 1) * 10);
      }
      x += rand(6, 10);
    }
    y += last ? 44 : 26;
  }
  for (let i = 0; i < 400; i++) ink(rand(0, width - 1), rand(0, height - 1)); // scanner dust
  return { width, height, bits };
}

/** A header and an ending that make the file look like a PDF to the sniffer; the size comes from a sparse hole. */
export function writeOversizePdf(path: string, size: number): void {
  const head = latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\nendobj\n");
  const tail = latin1("\ntrailer\n<</Root 1 0 R>>\n%%EOF\n");
  const fd = openSync(path, "w");
  try {
    writeSync(fd, head, 0, head.length, 0);
    ftruncateSync(fd, size);
    writeSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------- Word

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const documentXml = (body: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;

export const PLAN_SENTENCE = "Thực hiện Kế hoạch số 41-KH/ĐU ngày 16/01/2026 của Ban Thường vụ Đảng ủy xã Phú Thịnh.";

function docxParts(zip: ZipWriter, body: string): void {
  zip.add("[Content_Types].xml", Buffer.from(CONTENT_TYPES));
  zip.add("_rels/.rels", Buffer.from(ROOT_RELS));
  zip.add("word/document.xml", Buffer.from(documentXml(body)));
}

/** A valid small DOCX plus 2,048 empty parts: 2,051 entries, past the 2,000-entry cap. */
export function entryCountBomb(): Buffer {
  const zip = new ZipWriter();
  docxParts(zip, paragraph(PLAN_SENTENCE));
  for (let i = 0; i < 2048; i++) zip.add(`m/${String(i).padStart(4, "0")}`, Buffer.alloc(0), "store");
  return zip.finish();
}

/**
 * The non-recursive "overlapping" bomb: one 6.5 KB stream that really inflates
 * to 1 MiB of spaces, listed 250 times under different names — 250 MiB
 * declared. Each entry on its own is unremarkable (1 MiB, 159:1, which is
 * fixed-Huffman's ceiling), so only the total-size cap can stop it.
 */
export function declaredSizeBomb(): Buffer {
  const zip = new ZipWriter();
  docxParts(zip, paragraph(PLAN_SENTENCE));
  const kernel = zip.addLocal("word/media/kernel.xml", Buffer.alloc(1 << 20, 0x20));
  for (let i = 1; i <= 250; i++) zip.list(kernel, `word/media/image${String(i).padStart(3, "0")}.xml`);
  return zip.finish();
}

/** word/document.xml itself is 64 MB of spaces packed 1032:1 into 63 KB. */
export function ratioBomb(): Buffer {
  const zip = new ZipWriter();
  zip.add("[Content_Types].xml", Buffer.from(CONTENT_TYPES));
  zip.add("_rels/.rels", Buffer.from(ROOT_RELS));
  const matches = Math.floor((64 << 20) / 258);
  const size = 1 + 258 * matches;
  // CRC-32 of n spaces, computed without materialising 64 MB
  zip.list(zip.addLocalRaw("word/document.xml", deflateRunMaximal(0x20, matches), { method: 8, crc: crc32Repeated(0x20, size), uncompressedSize: size }));
  return zip.finish();
}

function crc32Repeated(byte: number, count: number): number {
  let c = 0xffffffff;
  for (let i = 0; i < count; i++) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export const NESTING_DEPTH = 10_000;
export const INNERMOST_TEXT = "Kế hoạch số 41-KH/ĐU ngày 16/01/2026 (ô trong cùng)";

/** Tables nested `depth` deep, the innermost cell holding INNERMOST_TEXT. */
export function nestedTablesDocx(depth: number): Buffer {
  const body =
    paragraph(PLAN_SENTENCE) + "<w:tbl><w:tr><w:tc>".repeat(depth) + paragraph(INNERMOST_TEXT) + "</w:tc></w:tr></w:tbl><w:p/>".repeat(depth).replace(/<w:p\/>$/, "");
  const zip = new ZipWriter();
  zip.add("[Content_Types].xml", Buffer.from(CONTENT_TYPES));
  zip.add("_rels/.rels", Buffer.from(ROOT_RELS));
  zip.add("word/document.xml", Buffer.from(documentXml(body)));
  return zip.finish();
}

/**
 * An OLE2 compound file laid out the way Word 97-2003 writes one (FAT sector,
 * directory with Root Entry and WordDocument, a FIB with Word's magic 0xA5EC),
 * small enough to read by eye. Named .docx, as users rename them.
 */
export function oleWordDocument(): Buffer {
  const SECTOR = 512;
  const streamSectors = 8; // 4 KiB: at the mini-stream cutoff, so it lives in regular sectors
  const header = Buffer.alloc(SECTOR);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  for (let s = 2; s < 2 + streamSectors; s++) fat.writeUInt32LE(s === 1 + streamSectors ? 0xfffffffe : s + 1, s * 4);

  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, start: number, size: number, child: number) => {
    const at = i * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(dir, at);
    dir.writeUInt16LE(utf16.length, at + 0x40);
    dir.writeUInt8(type, at + 0x42);
    dir.writeUInt8(1, at + 0x43); // black
    dir.writeUInt32LE(0xffffffff, at + 0x44); // left sibling
    dir.writeUInt32LE(0xffffffff, at + 0x48); // right sibling
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0, 1);
  entry(1, "WordDocument", 2, 2, streamSectors * SECTOR, 0xffffffff);
  for (let i = 2; i < 4; i++) {
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x44);
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x48);
    dir.writeUInt32LE(0xffffffff, i * 128 + 0x4c);
  }

  const stream = Buffer.alloc(streamSectors * SECTOR);
  stream.writeUInt16LE(0xa5ec, 0); // FIB wIdent
  stream.writeUInt16LE(0x00c1, 2); // nFib: Word 97
  stream.write(PLAN_SENTENCE.normalize("NFC"), 0x800, "utf16le");
  return Buffer.concat([header, fat, dir, stream]);
}

// ---------------------------------------------------------------- HTML

export function nestedDivHtml(depth: number): Buffer {
  return Buffer.from(
    `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Lồng sâu</title></head><body>\n<p>${PLAN_SENTENCE}</p>\n` +
      "<div>".repeat(depth) + `<p>${INNERMOST_TEXT}</p>` + "</div>".repeat(depth) + "\n</body></html>\n",
  );
}

/** Closing tags left for the parser to imply at end of file, as broken exporters do (and to stay under 200 KB). */
export function nestedTableHtml(depth: number): Buffer {
  return Buffer.from(
    `<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Bảng lồng sâu</title></head><body>\n<p>${PLAN_SENTENCE}</p>\n` +
      "<table><tr><td>".repeat(depth) + INNERMOST_TEXT + "\n",
  );
}

// ---------------------------------------------------------------- text

export const LEGACY_TEXT = [
  "ĐẢNG BỘ XÃ PHÚ THỊNH",
  "ĐẢNG ỦY XÃ",
  "Số 41-KH/ĐU",
  "",
  "KẾ HOẠCH",
  "về triển khai chuyển đổi số năm 2026",
  "",
  "Căn cứ Kế hoạch số 06-KH/BCĐ ngày 25/12/2025 của Ban Chỉ đạo, Đảng ủy xã xây dựng Kế hoạch thực hiện như sau:",
  "",
  "1. Ủy ban nhân dân xã chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã tuyên truyền đến toàn thể cán bộ, đảng viên.",
  "",
  "2. Văn phòng Đảng ủy theo dõi, đôn đốc; tổng hợp kết quả, báo cáo trước ngày 30/6/2026.",
  "",
].join("\r\n");

/**
 * Windows-1258 the way Windows writes it: a precomposed letter where cp1258
 * has one (à, â, ê, ô, ơ, ư, đ…), otherwise the letter followed by a combining
 * tone-mark byte (ế = ê + 0xEC, ạ = a + 0xF2, Ủ = U + 0xD2).
 */
export function encodeCp1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const [cluster] of text.normalize("NFC").matchAll(/\P{M}\p{M}*/gu)) {
    const whole = iconv.encode(cluster, "windows1258");
    if (iconv.decode(whole, "windows1258").normalize("NFC") === cluster) {
      parts.push(whole);
      continue;
    }
    const nfd = cluster.normalize("NFD");
    const tone = nfd.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0] ?? "";
    const split = iconv.encode(nfd.replace(tone, "").normalize("NFC") + tone, "windows1258");
    if (iconv.decode(split, "windows1258").normalize("NFC") !== cluster) throw new Error(`cp1258 cannot hold ${JSON.stringify(cluster)}`);
    parts.push(split);
  }
  return Buffer.concat(parts);
}

/**
 * `rows` task rows under one header, as a converter would dump a giant annex:
 * about 10 MB for 100,000 rows.
 */
export function tableRowsMarkdown(rows: number): Buffer {
  const lines = [
    "# PHỤ LỤC: DANH MỤC NHIỆM VỤ",
    "",
    "| TT | Nội dung thực hiện | Cơ quan chủ trì | Thời gian thực hiện |",
    "|---|---|---|---|",
  ];
  const agencies = ["Văn phòng Đảng ủy", "Ủy ban nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Phòng Kinh tế"];
  for (let i = 1; i <= rows; i++)
    lines.push(`| ${i} | Rà soát, cập nhật hồ sơ thủ tục hành chính số ${i} | ${agencies[i % agencies.length]} | ${(i % 28) + 1}/${(i % 12) + 1}/2026 |`);
  lines.push("", PLAN_SENTENCE, "");
  return Buffer.from(lines.join("\n"));
}

// ---------------------------------------------------------------- injection

/**
 * Text that is dangerous only to whoever forgets to escape it later (HTML, SQL
 * LIKE, FTS5 MATCH). The Markdown-escaped and entity forms must come out of the
 * parser as these literal characters; the raw tag is Markdown inline HTML.
 */
export const INJECTION_MD = `# Kế hoạch kiểm tra dữ liệu đầu vào

${PLAN_SENTENCE} Tỷ lệ hoàn thành đạt 100% (vượt 5% so với chỉ tiêu).

Ghi chú thô: <script>alert(1)</script> là thẻ HTML viết thẳng trong Markdown.

Ghi chú thoát: \\<script>alert(1)\\</script> và &lt;img src=x onerror="alert(2)"&gt; phải còn nguyên là chữ.

Trích dẫn: "Kế hoạch" và 'nháy đơn'; câu lệnh '; DROP TABLE documents; -- và 1=1 -- hết.

Tìm kiếm: "chuyển đổi số" NEAR(tiến độ báo_cáo, 5) AND thuế* OR NOT tên:giá ^đầu

Phần trăm: 50% LIKE '%xã%' ESCAPE '\\\\' và 100%_.

| TT | Nội dung thực hiện | Cơ quan chủ trì | Thời gian thực hiện |
|---|---|---|---|
| 1 | Kiểm tra chuỗi \\<script>alert(1)\\</script> trong ô bảng | Văn phòng Đảng ủy | 30/6/2026 |
| 2 | Cú pháp FTS5 "tiến độ" NEAR(báo cáo) thuế* -- đạt 10% | Ủy ban nhân dân xã | 31/12/2026 |
`;
