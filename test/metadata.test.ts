import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DocumentModel } from "../schemas/document.js";
import type { DocumentMeta } from "../schemas/extraction.js";
import { extractDocument } from "../src/extract/index.js";
import { extractMetadata } from "../src/extract/metadata.js";
import { parseBytes } from "../src/parse/index.js";

const parse = (text: string, file = "case.txt"): Promise<DocumentModel> => parseBytes(Buffer.from(text), file);
const meta = async (text: string, file?: string): Promise<DocumentMeta> => extractMetadata(await parse(text, file));
const lines = (...xs: string[]) => xs.join("\n");

describe("header agency lines", () => {
  const cases: [string, string, Partial<DocumentMeta>][] = [
    [
      "letterhead flattened onto one line with rules, a glued motto and the date",
      lines("CHÍNH PHỦ_______ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập – Tự do – Hạnh phúc_________ Hà Nội, ngày 30 tháng 6 năm 2025 |", "", "NGHỊ ĐỊNH", "", "Quy định về đào tạo công chức", "", "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"),
      { issuer: "Chính phủ", code: "171/2025/NĐ-CP", date: "2025-06-30", kind: "nghi-dinh" },
    ],
    [
      "two columns on one line, the motto in pieces, the place-date over two lines",
      lines("UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ", "", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", "", "Số: 123 /KH-SNV", "", "Bình Thuận, ngày 02", "tháng 12 năm 2025", "", "KẾ HOẠCH", "", "Kiểm tra công tác văn thư", "", "Thực hiện Chỉ thị số 05/CT-UBND ngày 03/01/2025 của UBND tỉnh."),
      { issuer: "Sở Nội vụ tỉnh Bình Thuận", code: "123/KH-SNV", date: "2025-12-02", kind: "ke-hoach" },
    ],
    [
      "PDF columns interleaved: motto beside the issuer lines, number and place-date on one line",
      lines("UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc", "", "Số: 362 /KH-SGDĐT Đồng Tháp, ngày 14 tháng 4 năm 2026", "", "KẾ HOẠCH", "", "Đón tiếp đoàn kiểm tra"),
      { issuer: "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp", code: "362/KH-SGDĐT", place: "Đồng Tháp", date: "2026-04-14" },
    ],
    [
      "Party letterhead: Central Committee organ, '*' line, blanks in the code, motto before the date",
      lines("BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC", "", "*", "", "Số 38 - HD/BTCTW", "", "ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 29 tháng 9 năm 2025", "", "HƯỚNG DẪN", "", "nghiệp vụ công tác đảng viên"),
      { issuer: "Ban Tổ chức Trung ương", code: "38-HD/BTCTW", date: "2025-09-29", kind: "huong-dan" },
    ],
    [
      "Party: province above commune committee",
      lines("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "ĐẢNG ỦY XÃ PHONG QUANG", "*", "Số: 60-KH/ĐU", "", "ĐẢNG CỘNG SẢN VIỆT NAM", "", "Phong Quang, ngày 15 tháng 01 năm 2026", "", "KẾ HOẠCH", "thực hiện Nghị quyết 57-NQ/TW", "", "Căn cứ Điều lệ Đảng."),
      { issuer: "Đảng ủy xã Phong Quang", parentIssuer: "ĐẢNG BỘ TỈNH THÁI NGUYÊN", locality: "xã Phong Quang", code: "60-KH/ĐU", symbol: "KH/ĐU" },
    ],
    [
      "Party organ under its organisation",
      lines("ĐẢNG BỘ XÃ PHONG QUANG", "BAN THƯỜNG VỤ", "*", "Số: 12-TB/ĐU", "", "Phong Quang, ngày 2 tháng 3 năm 2026", "", "THÔNG BÁO", "Kết luận của Ban Thường vụ", "", "Ngày 1/3/2026, Ban Thường vụ đã họp."),
      { issuer: "Ban Thường vụ Đảng ủy xã Phong Quang", locality: "xã Phong Quang", kind: "thong-bao" },
    ],
    [
      "State: province above commune",
      lines("UBND TỈNH THÁI NGUYÊN", "UBND XÃ PHÚ THỊNH", "", "Số: 144/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Phú Thịnh, ngày 24 tháng 4 năm 2026", "", "KẾ HOẠCH", "Chuyển đổi số năm 2026"),
      { issuer: "UBND xã Phú Thịnh", parentIssuer: "UBND TỈNH THÁI NGUYÊN", code: "144/KH-UBND", symbol: "KH-UBND", place: "Phú Thịnh", date: "2026-04-24" },
    ],
    [
      "one name printed over two lines",
      lines("ỦY BAN NHÂN DÂN", "XÃ PHÚ THỊNH", "", "Số: 45/BC-UBND", "", "Phú Thịnh, ngày 5 tháng 5 năm 2026", "", "BÁO CÁO", "Kết quả tháng 4"),
      { issuer: "Ủy ban nhân dân xã Phú Thịnh", parentIssuer: null, locality: "xã Phú Thịnh", kind: "bao-cao" },
    ],
    [
      "standing committee of a council",
      lines("HĐND XÃ PHÚ THỊNH", "THƯỜNG TRỰC", "", "Số: 05/TB-HĐND", "", "Phú Thịnh, ngày 3 tháng 4 năm 2026", "", "THÔNG BÁO", "Kết quả phiên họp"),
      { issuer: "Thường trực HĐND xã Phú Thịnh" },
    ],
    [
      "a department takes the province as locality",
      lines("UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "", "Số: 1234/SKHCN-QLCN", "V/v hướng dẫn báo cáo kết quả thực hiện", "Nghị quyết số 57-NQ/TW", "", "Thái Nguyên, ngày 5 tháng 5 năm 2026", "", "Kính gửi: UBND các xã."),
      { issuer: "Sở Khoa học và Công nghệ tỉnh Thái Nguyên", kind: "cong-van", title: "hướng dẫn báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW", code: "1234/SKHCN-QLCN" },
    ],
    [
      "a provincial committee's organ",
      lines("TỈNH ỦY THÁI NGUYÊN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số: 15-HD/BTGDVTU", "", "Thái Nguyên, ngày 12 tháng 3 năm 2026", "", "HƯỚNG DẪN", "Tuyên truyền kỷ niệm"),
      { issuer: "Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên", locality: "tỉnh Thái Nguyên", kind: "huong-dan" },
    ],
    [
      "a steering committee under the commune committee, name over three lines",
      lines("ĐẢNG ỦY XÃ PHÚ THỊNH", "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC,", "CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ", "CHUYỂN ĐỔI SỐ", "*", "Số: 06-KH/BCĐ", "", "Phú Thịnh, ngày 25 tháng 12 năm 2025", "", "KẾ HOẠCH", "Triển khai Phong trào “Bình dân học vụ số” năm 2026"),
      { issuer: "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Phú Thịnh", date: "2025-12-25" },
    ],
  ];
  it.each(cases)("%s", async (_name, text, expected) => {
    expect(await meta(text)).toMatchObject(expected);
  });

  it("ignores draft and urgency marks printed in capitals", async () => {
    const m = await meta(lines("DỰ THẢO", "", "UBND XÃ PHÚ THỊNH", "", "Số: /KH-UBND", "", "KHẨN", "", "Phú Thịnh, ngày tháng 4 năm 2026", "", "KẾ HOẠCH", "Chuyển đổi số"));
    expect(m).toMatchObject({ issuer: "UBND xã Phú Thịnh", parentIssuer: null });
  });

  it("reads a header laid out as a table (issuer | motto)", async () => {
    const m = await meta(
      lines(
        "| UBND XÃ PHÚ THỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|---|---|",
        "| Số: 12/KH-UBND | Phú Thịnh, ngày 3 tháng 4 năm 2026 |",
        "",
        "**KẾ HOẠCH**",
        "",
        "**Chuyển đổi số năm 2026**",
        "",
        "Căn cứ Kế hoạch số 35/KH-UBND ngày 04/02/2026 của UBND tỉnh.",
      ),
      "case.md",
    );
    expect(m).toMatchObject({ issuer: "UBND xã Phú Thịnh", code: "12/KH-UBND", date: "2026-04-03", title: "Chuyển đổi số năm 2026" });
  });
});

describe("number and date", () => {
  const header = (numberLine: string, dateLine: string) => lines(numberLine, "", dateLine, "", "KẾ HOẠCH", "Chuyển đổi số");
  const cases: [string, string, string, Partial<DocumentMeta>][] = [
    ["blank number, state symbol", "Số: /KH-UBND", "Phú Thịnh, ngày 24 tháng 4 năm 2026", { code: null, symbol: "KH-UBND", date: "2026-04-24" }],
    ["blank number, Party symbol", "Số: -KL/BCĐ", "Phú Thịnh, ngày tháng 4 năm 2026", { code: null, symbol: "KL/BCĐ", date: "2026-04" }],
    ["dotted blank number", "Số: ......./QĐ-UBND", "Phú Thịnh, ngày … tháng … năm 2026", { code: null, symbol: "QĐ-UBND", date: "2026" }],
    ["spaces before the symbol", "Số:     /BC-UBND", "Quan Triều, ngày    tháng 5 năm 2026", { code: null, symbol: "BC-UBND", date: "2026-05", place: "Quan Triều" }],
    ["Party number", "Số: 60-KH/ĐU", "Phong Quang, ngày 15 tháng 01 năm 2026", { code: "60-KH/ĐU", symbol: "KH/ĐU", date: "2026-01-15" }],
    ["normative number with a year", "Số: 12/2026/QĐ-UBND", "Thái Nguyên, ngày 3/2/2026", { code: "12/2026/QĐ-UBND", symbol: "QĐ-UBND", date: "2026-02-03" }],
    ["capital SỐ", "SỐ: 7/KH-UBND", "Phú Thịnh, ngày 1 tháng 2 năm 2026", { code: "7/KH-UBND", symbol: "KH-UBND" }],
  ];
  it.each(cases)("%s", async (_name, numberLine, dateLine, expected) => {
    expect(await meta(header(numberLine, dateLine))).toMatchObject(expected);
  });

  it("takes the fuller date of the annex pointer when the header leaves the day blank", async () => {
    const m = await meta(
      lines("Số: /BC-UBND", "", "Phú Thịnh, ngày tháng 4 năm 2026", "", "BÁO CÁO", "Tiến độ tháng 4", "", "Nội dung.", "", "PHỤ LỤC", "(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)"),
    );
    expect(m).toMatchObject({ date: "2026-04-24", code: null, symbol: "BC-UBND", issuer: "UBND xã Phú Thịnh" });
  });

  it("keeps the header's date when the annex gives another month", async () => {
    const m = await meta(lines("Số: /BC-UBND", "", "Phú Thịnh, ngày tháng 4 năm 2026", "", "BÁO CÁO", "Tiến độ", "", "(Kèm theo Báo cáo số /BC-UBND ngày 24/5/2026 của UBND xã Phú Thịnh)"));
    expect(m.date).toBe("2026-04");
  });

  it("reads code, date and issuer from the annex pointer when the header lost them", async () => {
    const m = await meta(
      lines("KẾ HOẠCH", "", "thực hiện Nghị quyết 57-NQ/TW năm 2026", "", "I. CĂN CỨ", "", "PHỤ LỤC", "", "Phân công nhiệm vụ", "(Ban hành kèm theo Kế hoạch số 60-KH/ĐU, ngày 15/01/2026 của Ban Thường vụ Đảng ủy xã Phong Quang)"),
    );
    expect(m).toMatchObject({ kind: "ke-hoach", code: "60-KH/ĐU", symbol: "KH/ĐU", date: "2026-01-15", issuer: "Ban Thường vụ Đảng ủy xã Phong Quang", place: null });
  });

  it("ignores an annex pointer to a document of another kind", async () => {
    const m = await meta(lines("QUY CHẾ", "Làm việc của Ban Chỉ đạo", "", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 10/3/2026 của UBND xã Phú Thịnh)"));
    expect(m).toMatchObject({ kind: "quy-che", code: null, date: null });
  });
});

describe("kind and title", () => {
  const kinds: [string, DocumentMeta["kind"]][] = [
    ["KẾ HOẠCH", "ke-hoach"], ["BÁO CÁO", "bao-cao"], ["KẾT LUẬN", "ket-luan"], ["THÔNG BÁO", "thong-bao"],
    ["QUYẾT ĐỊNH", "quyet-dinh"], ["NGHỊ QUYẾT", "nghi-quyet"], ["CHỈ THỊ", "chi-thi"], ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "chuong-trinh"],
    ["ĐỀ ÁN", "de-an"], ["QUY ĐỊNH", "quy-dinh"], ["QUY CHẾ", "quy-che"], ["HƯỚNG DẪN", "huong-dan"], ["TỜ TRÌNH", "to-trinh"],
    ["CÔNG VĂN", "cong-van"], ["THÔNG BÁO KẾT LUẬN", "thong-bao"],
  ];
  it.each(kinds)("%s", async (word, kind) => {
    const m = await meta(lines("Số: /XX-UBND", "", word, "Về việc triển khai nhiệm vụ năm 2026", "", "Căn cứ Luật Tổ chức chính quyền địa phương."));
    expect(m.kind).toBe(kind);
    expect(m.title).toBe("Về việc triển khai nhiệm vụ năm 2026");
  });

  it("falls back on the symbol when no kind word is printed", async () => {
    expect((await meta(lines("Số: 15/BC-UBND", "", "Phú Thịnh, ngày 2 tháng 3 năm 2026", "", "Kính gửi: UBND tỉnh."))).kind).toBe("bao-cao");
    expect((await meta(lines("Số: 1234/UBND-VP", "", "Phú Thịnh, ngày 2 tháng 3 năm 2026", "", "Kính gửi: các cơ quan."))).kind).toBe("cong-van");
  });

  it("a V/v line makes a công văn and gives its subject", async () => {
    const m = await meta(lines("UBND XÃ PHÚ THỊNH", "", "Số: 1234/UBND-VP", "V/v triển khai Công văn", "số 3216/UBND-KGVX của UBND tỉnh", "", "Phú Thịnh, ngày 10 tháng 4 năm 2026", "", "Kính gửi: Các cơ quan, đơn vị."));
    expect(m).toMatchObject({ kind: "cong-van", title: "triển khai Công văn số 3216/UBND-KGVX của UBND tỉnh", symbol: "UBND-VP" });
  });

  it("joins a title printed over several lines and gives capitals their written case", async () => {
    const m = await meta(
      lines(
        "Số: -KL/BCĐ",
        "",
        "Phú Thịnh, ngày tháng 4 năm 2026",
        "",
        "KẾT LUẬN",
        "CỦA BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ,",
        "ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ",
        "Tại Hội nghị sơ kết công tác quý I",
        "",
        "Ngày 06/4/2026, Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Phú Thịnh (sau đây gọi tắt là Ban Chỉ đạo) đã tổ chức Hội nghị.",
      ),
    );
    expect(m.kind).toBe("ket-luan");
    expect(m.title).toBe("của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tại Hội nghị sơ kết công tác quý I");
    // The title names the body without its commune; the opening sentence has the full name.
    expect(m.issuer).toBe("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Phú Thịnh");
  });

  it("does not take a body sentence for the trích yếu", async () => {
    const m = await meta(lines("THÔNG BÁO", "", "Căn cứ Quy chế làm việc, Ban Thường vụ thông báo như sau."));
    expect(m.kind).toBe("thong-bao");
    expect(m.title).toBeNull();
  });
});

describe("issuer from the body", () => {
  it("the names the closing, the opening and the annexes agree on most win over a misspelt annex", async () => {
    const m = await meta(
      lines(
        "Số: /KH-UBND",
        "",
        "Phượng Tiến, ngày tháng 4 năm 2026",
        "",
        "KẾ HOẠCH",
        "",
        "Triển khai thực hiện Thông báo kết luận",
        "",
        "UBND xã Phượng Tiến ban hành Kế hoạch triển khai thực hiện Thông báo kết luận, cụ thể như sau:",
        "",
        "Trên đây là Kế hoạch triển khai thực hiện Thông báo kết luận của UBND xã Phượng Tiến./.",
        "",
        "(Kèm theo Kế hoạch số: /KH-UBND ngày /4/2026 của UBND xã Phương Tiến)",
      ),
    );
    expect(m).toMatchObject({ issuer: "UBND xã Phượng Tiến", locality: "xã Phượng Tiến", date: "2026-04", code: null });
  });

  it("a closing 'của' that does not end the sentence names no issuer", async () => {
    const m = await meta(
      lines(
        "BÁO CÁO",
        "",
        "Kết quả 6 tháng",
        "",
        "UBND phường Quan Triều báo cáo kết quả thực hiện như sau:",
        "",
        "Trên đây là báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn phường Quan Triều./.",
      ),
    );
    expect(m.issuer).toBe("UBND phường Quan Triều");
  });
});

describe("signer", () => {
  const cases: [string, string, { name: string; position: string | null } | null][] = [
    ["KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", lines("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "La Thị Huế"), { name: "La Thị Huế", position: "Phó Chủ tịch" }],
    ["T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ", lines("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Lê Đăng Trường"), { name: "Lê Đăng Trường", position: "Phó Bí thư" }],
    [
      "two titles joined by kiêm",
      lines("PHÓ BÍ THƯ THƯỜNG TRỰC", "kiêm", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "", "Dương Thị Thanh Luyện"),
      { name: "Dương Thị Thanh Luyện", position: "Phó Bí thư Thường trực kiêm Phó Trưởng ban Thường trực" },
    ],
    ["TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG", lines("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "Trần Thị Bình"), { name: "Trần Thị Bình", position: "Chánh Văn phòng" }],
    ["K/T GIÁM ĐỐC / PHÓ GIÁM ĐỐC", lines("K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn Dũng"), { name: "Lê Văn Dũng", position: "Phó Giám đốc" }],
    ["no signature", "Văn bản không có chữ ký.", null],
  ];
  it.each(cases)("%s", async (_name, signature, expected) => {
    const m = await meta(lines("KẾ HOẠCH", "Chuyển đổi số", "", "Nội dung kế hoạch.", "", "Nơi nhận:", "- Như trên;", "", signature));
    expect(m.signer).toEqual(expected);
  });
});

describe("provenance", () => {
  it("every field found points at its text", async () => {
    const text = lines("UBND XÃ PHÚ THỊNH", "", "Số: 144/KH-UBND", "", "Phú Thịnh, ngày 24 tháng 4 năm 2026", "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "Nội dung.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Hữu Đông");
    const doc = await parse(text);
    const m = extractMetadata(doc);
    const at = (field: string) => doc.text.slice(m.provenance![field].span!.start, m.provenance![field].span!.end);
    expect(at("code")).toContain("144/KH-UBND");
    expect(at("symbol")).toBe("KH-UBND");
    expect(at("kind")).toBe("KẾ HOẠCH");
    expect(at("title")).toBe("Chuyển đổi số năm 2026");
    expect(at("place")).toBe("Phú Thịnh");
    expect(at("date")).toContain("24 tháng 4 năm 2026");
    expect(at("issuer")).toBe("UBND XÃ PHÚ THỊNH");
    expect(at("signer")).toContain("Nguyễn Hữu Đông");
    expect(Object.values(m.provenance!).every((p) => p.page === 1)).toBe(true);
  });
});

describe("seed documents", () => {
  const stems = ["000_9cf0e1b2418f68ec", "001_3086ccc4e4aed2ea", "002_6446a6058fd84167", "003_dd124789fcb3a41d", "004_c41bed75581ceb3b"];
  const load = async (stem: string) => {
    const bytes = readFileSync(new URL(`../fixtures/${stem}.txt`, import.meta.url));
    return { text: bytes.toString("utf8"), doc: await parseBytes(bytes, `${stem}.txt`) };
  };

  it.each(stems)("%s: symbol, place and date agree with the printed lines; the schema accepts the result", async (stem) => {
    const { text, doc } = await load(stem);
    const m = extractMetadata(doc);
    const numberLine = /^Số: ?(\d*)[-/]?(\S+)$/mu.exec(text);
    if (numberLine) {
      expect(m.symbol).toBe(numberLine[2]);
      expect(m.code).toBe(numberLine[1] ? `${numberLine[1]}${text.includes(`${numberLine[1]}-`) ? "-" : "/"}${numberLine[2]}` : null);
    }
    const dateLine = /^(\p{Lu}[^,\n]+), ngày (\d*) ?tháng (\d+) năm (\d{4})$/mu.exec(text);
    if (dateLine) {
      expect(m.place).toBe(dateLine[1]);
      expect(m.date!.startsWith(`${dateLine[4]}-${dateLine[3].padStart(2, "0")}`)).toBe(true);
    }
    expect(text).toContain(m.signer!.name);
    expect(() => extractDocument(doc)).not.toThrow();
  });

  it("001: the header is lost, the annex pointer gives code, date and issuer", async () => {
    const { text, doc } = await load("001_3086ccc4e4aed2ea");
    const pointer = /\(Ban hành kèm theo Kế hoạch số (\S+), ngày (\d+)\/(\d+)\/(\d{4}) của ([^)]+)\)/u.exec(text)!;
    const m = extractMetadata(doc);
    expect(m.code).toBe(pointer[1]);
    expect(m.date).toBe(`${pointer[4]}-${pointer[3]}-${pointer[2]}`);
    expect(m.issuer).toBe(pointer[5]);
    expect(m.place).toBeNull();
  });

  it("003: the title is the heading after BÁO CÁO, the issuer the annex pointer's", async () => {
    const { text, doc } = await load("003_dd124789fcb3a41d");
    const m = extractMetadata(doc);
    expect(m.kind).toBe("bao-cao");
    expect(text).toContain(`### ${m.title}`);
    expect(text).toContain(`của ${m.issuer})`);
    expect(m.signer).toEqual({ name: "Nguyễn Hữu Đông", position: "Phó Chủ tịch" });
  });
});

describe("dates that are not the document's", () => {
  it("takes no date from a cited document when there is no letterhead", async () => {
    expect((await meta("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, các chi bộ triển khai.")).date).toBeNull();
  });

  it("reads the kind word split over two lines", async () => {
    // No "Số:" line, so the kind cannot come from the symbol.
    const m = await meta(lines("UBND TỈNH BẮC NINH", "", "Bắc Ninh, ngày 19 tháng 11 năm 2025", "", "**QUYẾT", "ĐỊNH**", "", "Ban hành quy định quản lý hạ tầng", "", "Căn cứ Luật Tổ chức chính quyền địa phương;"), "case.md");
    expect(m).toMatchObject({ kind: "quyet-dinh", date: "2025-11-19", title: "Ban hành quy định quản lý hạ tầng" });
  });
});
