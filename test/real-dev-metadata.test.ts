/**
 * Real documents as users hold them (../shared/real-dev): own code, date, kind and issuer
 * read by hand from each document's letterhead (and, for the Standing Committee's
 * resolutions, from the closing "… thông qua ngày …" line, the only date they print).
 * The letterheads arrive as web layouts (one cell per line between "|" lines, split
 * place-date lines, bold markers), PDF columns interleaved, and Word tables.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DocKind } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { documentZones, inZones } from "../src/extract/document-zones.js";
import { extractDocument } from "../src/extract/index.js";
import { parseFile } from "../src/parse/index.js";
import { sharedDir } from "../scripts/eval.js";

const dir = join(sharedDir, "real-dev");
type Expected = { code: string | null; symbol?: string; date: string; kind: DocKind; issuer: string };

const EXPECTED: Record<string, Expected> = {
  // Web layouts: "|" cells, "Hà Tĩnh, ngày 27" / "tháng 11 năm 2025", the motto over two lines.
  "0f98ee482389e59e.md": { code: "2979/QĐ-UBND", date: "2025-11-27", kind: "quyet-dinh", issuer: "Ủy ban nhân dân tỉnh Hà Tĩnh" },
  "1b479d81b4a8f42e.md": { code: "2691/QĐ-UBND", date: "2025-11-18", kind: "quyet-dinh", issuer: "Ủy ban nhân dân tỉnh Quảng Trị" },
  "24c7124ec6b2bf61.md": { code: "153/KH-UBND", date: "2025-11-17", kind: "ke-hoach", issuer: "Ủy ban nhân dân thành phố Cần Thơ" },
  "2957e4f4f0e41373.md": { code: "0125/KH-UBND", date: "2025-11-18", kind: "ke-hoach", issuer: "Ủy ban nhân dân tỉnh Đắk Lắk" },
  "31fb08f34535fce3.md": { code: "174/KH-UBND", date: "2025-11-18", kind: "ke-hoach", issuer: "Ủy ban nhân dân thành phố Hồ Chí Minh" },
  "350a122d2613c4d6.md": { code: "63/2025/NQ-HĐND", date: "2025-11-27", kind: "nghi-quyet", issuer: "Hội đồng nhân dân thành phố Hà Nội" },
  "50f694478a35aefd.md": { code: "627/TB-VPCP", date: "2025-11-18", kind: "thong-bao", issuer: "Văn phòng Chính phủ" },
  "5d99697f14bcf68a.md": { code: "160/KH-UBND", date: "2025-11-19", kind: "ke-hoach", issuer: "Ủy ban nhân dân thành phố Cần Thơ" },
  "62f25a030c183151.md": { code: "0129/KH-UBND", date: "2025-11-21", kind: "ke-hoach", issuer: "Ủy ban nhân dân tỉnh Đắk Lắk" },
  "72f18ee047b71e9a.md": { code: "72/2025/QĐ-UBND", date: "2025-11-19", kind: "quyet-dinh", issuer: "Ủy ban nhân dân tỉnh Bắc Ninh" },
  "99c7d8fff9e4572e.md": { code: "982/KH-UBND", date: "2025-11-19", kind: "ke-hoach", issuer: "Ủy ban nhân dân tỉnh Nghệ An" },
  // "Hải Phòng," / "ngày 01 tháng 12 năm 2025": the place alone on its line; "PHÒNG" is no second body.
  "ef57df9384270c6e.md": { code: "223/2025/QĐ-UBND", date: "2025-12-01", kind: "quyet-dinh", issuer: "Ủy ban nhân dân thành phố Hải Phòng" },
  "d5ffa6afac124d52.md": { code: "0134/KH-UBND", date: "2025-11-25", kind: "ke-hoach", issuer: "Ủy ban nhân dân tỉnh Đắk Lắk" },
  // "Hà Nội, ng**ày 21 tháng" / "11 năm 2025", "BỘ C****ÔNG THƯƠNG".
  "c6718d0835ffaaad.md": { code: "54/2025/TT-BCT", date: "2025-11-21", kind: "thong-tu", issuer: "Bộ Công Thương" },
  // The whole letterhead on one line: "CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA …".
  "e4ddc120fc14463c.md": { code: "171/2025/NĐ-CP", date: "2025-06-30", kind: "nghi-dinh", issuer: "Chính phủ" },
  // No issuer cell and no date in the letterhead: the enacting body under the title, the closing "thông qua ngày".
  "4d98410054b11ab4.md": { code: "1655/NQ-UBTVQH15", date: "2025-06-16", kind: "nghi-quyet", issuer: "Ủy ban Thường vụ Quốc hội" },
  "9e001697662f9728.md": { code: "1668/NQ-UBTVQH15", date: "2025-06-16", kind: "nghi-quyet", issuer: "Ủy ban Thường vụ Quốc hội" },
  // PDF: two columns joined, "UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ" on one line.
  "files/01_snv-binhthuan-3367-ttr-hoi-quan-chung.pdf": { code: "3367/TTr-SNV", date: "2024-11-28", kind: "to-trinh", issuer: "Sở Nội vụ tỉnh Bình Thuận" },
  // PDF: "Số 38 - HD/BTCTW", the Party's "*" under the issuer, "ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 29 …".
  "files/16_btctw-38-hd-nghiep-vu-dang-vien.pdf": { code: "38-HD/BTCTW", date: "2025-09-29", kind: "huong-dan", issuer: "Ban Tổ chức Trung ương" },
  // PDF e-signed for issue: "362" and "14" are printed by the signature widgets over the blank
  // "Số:      /KH-SGDĐT" and "ngày      tháng 4 năm 2026" of the draft; issuer over two lines.
  "files/20_sgddt-dongthap-362-kh-don-doan-kiem-tra-stem.pdf": {
    code: "362/KH-SGDĐT", date: "2026-04-14", kind: "ke-hoach", issuer: "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp",
  },
  // DOCX: letterhead laid out in a table.
  "files/07_vptw-36-hd-the-thuc-van-ban-dang.docx": { code: "36-HD/VPTW", date: "2018-04-03", kind: "huong-dan", issuer: "Văn phòng Trung ương" },
};

const lower = (s: string | null) => s?.toLocaleLowerCase("vi").replace(/\s+/g, " ") ?? null;

describe("real documents: letterhead metadata read by hand", () => {
  it.each(Object.entries(EXPECTED))("%s", async (file, want) => {
    const doc = await parseFile(join(dir, file));
    const x = extractDocument(doc);
    const m = x.document;
    expect({ code: m.code, date: m.date, kind: m.kind, issuer: lower(m.issuer) }).toEqual({
      code: want.code, date: want.date, kind: want.kind, issuer: lower(want.issuer),
    });
    if (want.symbol) expect(m.symbol).toBe(want.symbol);
    // Nothing of the letterhead, Kính gửi, Căn cứ preamble or Nơi nhận is a task, deadline or metric.
    const zones = documentZones(makeContext(doc, m));
    for (const item of [...x.tasks, ...x.deadlines, ...x.metrics]) expect(inZones(zones, item.span), item.text).toBeNull();
  });
});

describe("real documents: zones", () => {
  it("the Căn cứ preamble and the letterhead of a decision are zones, its articles are not", async () => {
    const doc = await parseFile(join(dir, "0f98ee482389e59e.md"));
    const x = extractDocument(doc);
    const zones = documentZones(makeContext(doc, x.document));
    const at = (s: string) => ({ start: doc.text.indexOf(s), end: doc.text.indexOf(s) + s.length });
    expect(inZones(zones, at("Số: 2979"))).toBe("letterhead");
    expect(inZones(zones, at("Căn cứ Nghị định số"))).toBe("basis");
    expect(inZones(zones, at("Điều 1."))).toBeNull();
  });

  it("Kính gửi of a tờ trình is a zone", async () => {
    const doc = await parseFile(join(dir, "files/01_snv-binhthuan-3367-ttr-hoi-quan-chung.pdf"));
    const x = extractDocument(doc);
    const zones = documentZones(makeContext(doc, x.document));
    const s = doc.text.indexOf("Kính gửi");
    expect(inZones(zones, { start: s, end: s + 8 })).toBe("addressees");
  });

  it("'Nơi nhận:' opens the recipients zone; a guidance sentence about recipients stays body text", async () => {
    const doc = await parseFile(join(dir, "files/07_vptw-36-hd-the-thuc-van-ban-dang.docx"));
    const x = extractDocument(doc);
    const zones = documentZones(makeContext(doc, x.document));
    const sentence = doc.text.indexOf("Nơi nhận văn bản");
    const label = doc.text.indexOf("Nơi nhận:\n");
    expect(sentence).toBeGreaterThan(0);
    expect(inZones(zones, { start: sentence, end: sentence + 16 })).toBeNull();
    expect(inZones(zones, { start: label, end: label + 9 })).toBe("recipients");
  });
});
