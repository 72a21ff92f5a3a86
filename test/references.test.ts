import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Reference } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { extractMetadata } from "../src/extract/metadata.js";
import { extractReferences } from "../src/extract/references.js";
import { CODE_PATTERN, canonicalCode, kindFromCode, parseCode } from "../src/extract/registries/document-codes.js";
import { isNationalSymbol, symbolIssuer } from "../src/extract/registries/issuers.js";
import { parseBytes } from "../src/parse/index.js";

async function refsOf(text: string): Promise<Reference[]> {
  const doc = await parseBytes(Buffer.from(text), "case.txt");
  return extractReferences(makeContext(doc, extractMetadata(doc)));
}

async function one(text: string): Promise<Reference> {
  const refs = await refsOf(text);
  expect(refs).toHaveLength(1);
  return refs[0];
}

describe("citation shapes", () => {
  const shapes: [string, string, Partial<Reference>][] = [
    [
      "Party code, số, numeric date, issuer cut at về",
      "Đẩy mạnh thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học.",
      { code: "57-NQ/TW", kind: "nghi-quyet", date: "2024-12-22", issuer: "Bộ Chính trị" },
    ],
    [
      "no số, long date",
      "Bám sát Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị.",
      { code: "57-NQ/TW", kind: "nghi-quyet", date: "2024-12-22", issuer: "Bộ Chính trị" },
    ],
    [
      "comma before the date",
      "Theo Chỉ thị số 57-CT/TW, ngày 31/12/2025 của Ban Bí thư về tăng cường an ninh mạng.",
      { code: "57-CT/TW", kind: "chi-thi", date: "2025-12-31", issuer: "Ban Bí thư" },
    ],
    [
      "state code, issuer with locality, description after",
      "Theo Kế hoạch số 144/KH-UBND ngày 09/4/2026 của UBND tỉnh Thái Nguyên về việc triển khai.",
      { code: "144/KH-UBND", kind: "ke-hoach", date: "2026-04-09", issuer: "UBND tỉnh Thái Nguyên" },
    ],
    [
      "công văn code has no type part",
      "Theo Công văn số 3216/UBND-KGVX ngày 09/4/2026 của UBND tỉnh Thái Nguyên.",
      { code: "3216/UBND-KGVX", kind: "cong-van", date: "2026-04-09" },
    ],
    [
      "Party công văn",
      "Theo hướng dẫn tại Công văn số 315-CV/VPTW ngày 06/02/2026 của Văn phòng Trung ương Đảng và chỉ đạo của cấp trên.",
      { code: "315-CV/VPTW", kind: "cong-van", date: "2026-02-06", issuer: "Văn phòng Trung ương Đảng" },
    ],
    [
      "Party code with BCĐTW",
      "Theo Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về thúc đẩy chuyển đổi số.",
      { code: "02-KH/BCĐTW", kind: "ke-hoach", date: "2025-06-19", issuer: "Ban Chỉ đạo Trung ương" },
    ],
    [
      "decree with year",
      "Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
      { code: "30/2020/NĐ-CP", kind: "nghi-dinh", date: "2020-03-05", issuer: "Chính phủ" },
    ],
    [
      "circular with year: TT is thông tư",
      "Áp dụng Thông tư số 22/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo.",
      { code: "22/2021/TT-BGDĐT", kind: "thong-tu", issuer: "Bộ Giáo dục và Đào tạo" },
    ],
    [
      "law named between the word and số",
      "Theo Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15.",
      { code: "93/2025/QH15", kind: "luat" },
    ],
    [
      "qualifier between the kind word and số",
      "Triển khai Chương trình hành động số 62-CTr/TU, ngày 23 tháng 01 năm 2025 của Ban Thường vụ Tỉnh ủy về thực hiện.",
      { code: "62-CTr/TU", kind: "chuong-trinh", date: "2025-01-23", issuer: "Ban Thường vụ Tỉnh ủy" },
    ],
    [
      "capitals and a qualifying kind word",
      "DANH MỤC NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN SỐ 13-TB/CQTT NGÀY 01/4/2026",
      { code: "13-TB/CQTT", kind: "thong-bao", date: "2026-04-01" },
    ],
    [
      "Party QĐ written as Quy định: the word wins",
      "Thực hiện tốt Quy định số 384-QĐ/TW ngày 19/11/2025.",
      { code: "384-QĐ/TW", kind: "quy-dinh", date: "2025-11-19", issuer: null },
    ],
    [
      "Party rule with a lowercase part in its type",
      "Thực hiện Quy định số 11-QĐi/TW ngày 05/02/2019 của Bộ Chính trị về trách nhiệm nêu gương.",
      { code: "11-QĐi/TW", kind: "quy-dinh", date: "2019-02-05" },
    ],
    [
      "Party code with blanks around the dash",
      "Thực hiện Hướng dẫn số 38 - HD/BTCTW ngày 29/9/2025 của Ban Tổ chức Trung ương.",
      { code: "38-HD/BTCTW", kind: "huong-dan", date: "2025-09-29" },
    ],
    [
      "space inside the code",
      "Quán triệt Nghị quyết số 57- NQ/TW trong toàn Đảng bộ.",
      { code: "57-NQ/TW", kind: "nghi-quyet" },
    ],
    [
      "en dash inside the code",
      "Quán triệt Nghị quyết số 57–NQ/TW trong toàn Đảng bộ.",
      { code: "57-NQ/TW", kind: "nghi-quyet" },
    ],
    [
      "colon after số",
      "Căn cứ Kế hoạch số: 12/KH-UBND ngày 3/2/2026 của UBND xã Phú Thịnh.",
      { code: "12/KH-UBND", kind: "ke-hoach", date: "2026-02-03", issuer: "UBND xã Phú Thịnh" },
    ],
    [
      "the date continues after a page break",
      "Triển khai Nghị quyết số 71/NQ-CP ngày\n\n01/4/2025 của Chính phủ về sửa đổi.",
      { code: "71/NQ-CP", kind: "nghi-quyet", date: "2025-04-01", issuer: "Chính phủ" },
    ],
    [
      "Quyết định of the Prime Minister",
      "Theo Quyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình.",
      { code: "749/QĐ-TTg", kind: "quyet-dinh", date: "2020-06-03", issuer: "Thủ tướng Chính phủ" },
    ],
    [
      "a ministry with commas in its name",
      "Thực hiện Hướng dẫn số 12/HD-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch; các văn bản khác.",
      { code: "12/HD-BVHTTDL", kind: "huong-dan", issuer: "Bộ Văn hóa, Thể thao và Du lịch" },
    ],
    [
      "a generic word: the kind comes from the symbol",
      "Theo Văn bản số 1234/SKHCN-QLCN ngày 5/5/2026 của Sở Khoa học và Công nghệ.",
      { code: "1234/SKHCN-QLCN", kind: "cong-van", date: "2026-05-05", issuer: "Sở Khoa học và Công nghệ" },
    ],
  ];
  it.each(shapes)("%s", async (_name, text, expected) => {
    expect(await one(text)).toMatchObject(expected);
  });

  it("keeps the text as written, from the kind word to the issuer", async () => {
    const r = await one("Theo Kế hoạch số 41-KH/TU ngày 15/01/2026 của Ban Thường vụ Tỉnh ủy; và nhiều việc khác.");
    expect(r.text).toBe("Kế hoạch số 41-KH/TU ngày 15/01/2026 của Ban Thường vụ Tỉnh ủy");
    expect(r.span).toBeDefined();
    expect(r.page).toBe(1);
  });
});

describe("codes in tables", () => {
  const table = [
    "STT\tNội dung nhiệm vụ\tVăn bản giao nhiệm vụ",
    "1\tViệc thứ nhất\t13-TB/CQTT;<br>41-KH/TU;<br>35/KH-UBND",
    "2\tViệc thứ hai\t35/KH-<br>UBND",
    "3\tViệc thứ ba\t08-CTr/BCĐ",
  ].join("\n");

  it("reads every bare code of a cell, kind from the symbol", async () => {
    const refs = await refsOf(table);
    const byCode = Object.fromEntries(refs.map((r) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(["08-CTr/BCĐ", "13-TB/CQTT", "35/KH-UBND", "41-KH/TU"]);
    expect(byCode["13-TB/CQTT"].kind).toBe("thong-bao");
    expect(byCode["08-CTr/BCĐ"].kind).toBe("chuong-trinh");
    expect(byCode["41-KH/TU"].kind).toBe("ke-hoach");
  });

  it("joins a code broken by the cell's line break and counts both mentions", async () => {
    const refs = await refsOf(table);
    const r = refs.find((x) => x.code === "35/KH-UBND")!;
    expect(r.mentions).toBe(2);
    expect(r.mentionSpans).toHaveLength(2);
  });

  it("codes of a Văn bản giao nhiệm vụ column are implemented", async () => {
    const refs = await refsOf(table);
    expect(refs.every((r) => r.relation === "implements")).toBe(true);
  });

  it("the source-code pattern shared with tasks splits a cell the same way", () => {
    const re = new RegExp(CODE_PATTERN, "gu");
    const cell = "13-TB/CQTT;\n41-KH/TU;\n35/KH-\nUBND";
    expect([...cell.matchAll(re)].map((m) => canonicalCode(m[0]))).toEqual(["13-TB/CQTT", "41-KH/TU", "35/KH-UBND"]);
  });
});

describe("things that are not references", () => {
  const nonCodes = [
    "Đề án phát triển ứng dụng dữ liệu về dân cư (Đề án số 06) đảm bảo dữ liệu sạch.",
    "Từ ngày 19/6/2025 đến nay, giai đoạn 2026-2030 và 2026 - 2030.",
    "Làm sạch dữ liệu đảng viên trên phần mềm 4.0; mô hình Chợ 4.0.",
    "Tỷ lệ đạt 95%; 1.162/1.205 hồ sơ; 0,556 tỷ đồng.",
    "Trường TH&THCS Dương Quang; phương pháp STEAM/STEM; KT-XH; KH-CN.",
    "Hoàn thành trong Quý II/2026 và tháng 4/2026.",
    "Điện thoại 0208.3855.123; COVID-19; mạng 5G.",
    "Học sinh lớp 10/A1-B tham gia.",
    "Kế hoạch số: /KH-UBND ngày /4/2026 của UBND xã Phú Thịnh.",
  ];
  it.each(nonCodes)("%s", async (text) => {
    expect(await refsOf(text)).toEqual([]);
  });

  it("a symbol of unknown parts needs a kind word or số", async () => {
    expect(await refsOf("Bảng 45/ABC-XYZ trong phụ lục.")).toEqual([]);
    expect((await one("Theo Văn bản số 45/ABC-XYZ ngày 01/02/2026.")).code).toBe("45/ABC-XYZ");
  });

  it("the document's own code is not a reference, also where its annex repeats it", async () => {
    const text = [
      "Số: 60-KH/ĐU",
      "",
      "Phong Quang, ngày 15 tháng 01 năm 2026",
      "",
      "KẾ HOẠCH",
      "",
      "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
      "",
      "PHỤ LỤC",
      "",
      "(Ban hành kèm theo Kế hoạch số 60-KH/ĐU, ngày 15/01/2026 của Ban Thường vụ Đảng ủy xã Phong Quang)",
    ].join("\n");
    expect((await refsOf(text)).map((r) => r.code)).toEqual(["57-NQ/TW"]);
  });

  it("an annex pointer gives the own code when the header has none", async () => {
    const text = [
      "KẾ HOẠCH",
      "",
      "thực hiện Nghị quyết 57-NQ/TW",
      "",
      "(Ban hành kèm theo Kế hoạch số 60-KH/ĐU, ngày 15/01/2026 của Ban Thường vụ Đảng ủy xã Phong Quang)",
    ].join("\n");
    expect((await refsOf(text)).map((r) => r.code)).toEqual(["57-NQ/TW"]);
  });
});

describe("relations", () => {
  it("Căn cứ is a basis, Thực hiện implements, Kèm theo is annex-of, anything else cites", async () => {
    const refs = await refsOf(
      [
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;",
        "",
        "Thực hiện Kế hoạch số 41-KH/TU ngày 15/01/2026 của Ban Thường vụ Tỉnh ủy.",
        "",
        "Báo cáo gửi kèm số liệu của Kế hoạch số 35/KH-UBND ngày 04/02/2026.",
        "",
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/3/2026 của UBND xã Phú Thịnh)",
      ].join("\n"),
    );
    const rel = Object.fromEntries(refs.map((r) => [r.code, r.relation]));
    expect(rel).toEqual({ "30/2020/NĐ-CP": "basis", "41-KH/TU": "implements", "35/KH-UBND": "cites", "12/QĐ-UBND": "annex-of" });
  });

  it("a list after Thực hiện shares the relation, across ; and ,", async () => {
    const refs = await refsOf(
      "Thực hiện Thông báo số 13-TB/CQTT ngày 01/4/2026 của Cơ quan Thường trực; Kế hoạch số 144/KH-UBND ngày 09/4/2026 của UBND tỉnh Thái Nguyên, Kế hoạch số 41-KH/TU.",
    );
    expect(refs.map((r) => r.relation)).toEqual(["implements", "implements", "implements"]);
  });

  it("citations under a Căn cứ heading are a basis", async () => {
    const refs = await refsOf(
      ["I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "", "Kế hoạch số 23-KH/ĐU ngày 29/8/2025 của Đảng ủy xã Phong Quang.", "", "II. MỤC ĐÍCH", "", "Theo Kế hoạch số 28-KH/ĐU."].join("\n"),
    );
    expect(refs.map((r) => [r.code, r.relation])).toEqual([
      ["23-KH/ĐU", "basis"],
      ["28-KH/ĐU", "cites"],
    ]);
  });

  it("a citation inside another's description is what that document implements", async () => {
    const refs = await refsOf(
      "Kế hoạch số 80-KH/ĐU ngày 06/02/2026 của Đảng ủy xã Phú Thịnh về triển khai thực hiện Đề án số 22-ĐA/TU ngày 11/12/2025 của Ban Thường vụ tỉnh Thái Nguyên về phát triển khoa học.",
    );
    const byCode = Object.fromEntries(refs.map((r) => [r.code, r]));
    expect(byCode["80-KH/ĐU"].implements).toEqual(["22-ĐA/TU"]);
    expect(byCode["22-ĐA/TU"].relation).toBe("cites");
    expect(byCode["22-ĐA/TU"].date).toBe("2025-12-11");
  });

  it("nesting goes several levels deep, and a sibling after ; is not nested", async () => {
    const refs = await refsOf(
      "Kế hoạch số 90-KH/ĐU ngày 23/3/2026 về thực hiện Chương trình hành động số 18-CTr/TU, ngày 04/3/2026 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 57-CT/TW, ngày 31/12/2025 của Ban Bí thư về an ninh mạng; Kế hoạch số 06-KH/BCĐ ngày 25/12/2025.",
    );
    const byCode = Object.fromEntries(refs.map((r) => [r.code, r]));
    expect(byCode["90-KH/ĐU"].implements).toEqual(["18-CTr/TU"]);
    expect(byCode["18-CTr/TU"].implements).toEqual(["57-CT/TW"]);
    expect(byCode["57-CT/TW"].implements).toBeUndefined();
    expect(byCode["06-KH/BCĐ"]).toBeDefined();
  });

  it("siblings joined by và are not nested", async () => {
    const refs = await refsOf("Theo Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo và Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ.");
    expect(refs.every((r) => r.implements === undefined)).toBe(true);
    expect(refs.map((r) => r.issuer)).toEqual(["Ban Chỉ đạo", "Chính phủ"]);
  });
});

describe("issuers", () => {
  it("resolves a short name defined by (sau đây gọi tắt là …)", async () => {
    const refs = await refsOf(
      [
        "Ngày 06/4/2026, Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Phú Thịnh (sau đây gọi tắt là Ban Chỉ đạo) đã họp.",
        "",
        "Thực hiện Kế hoạch số 06-KH/BCĐ ngày 25/12/2025 của Ban Chỉ đạo. Trong đó tập trung vào nhiệm vụ.",
      ].join("\n"),
    );
    expect(refs[0].issuer).toBe("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Phú Thịnh");
  });

  it("a steering committee's name runs through its topic to its locality", async () => {
    const r = await one(
      "Thực hiện Thông báo số 13-TB/CQTT ngày 01/4/2026 của Cơ quan Thường trực Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Thái Nguyên; các nội dung khác.",
    );
    expect(r.issuer).toBe("Cơ quan Thường trực Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Thái Nguyên");
  });

  it("but stops at về when the topic is a description", async () => {
    const r = await one("Kế hoạch số 06-KH/BCĐ ngày 25/12/2025 của Ban Chỉ đạo về Triển khai Phong trào “Bình dân học vụ số” năm 2026 trên địa bàn xã Phú Thịnh");
    expect(r.issuer).toBe("Ban Chỉ đạo");
  });

  it("the issuer written after a list belongs to the bare codes of the list", async () => {
    const refs = await refsOf(
      "Triển khai tốt các Kế hoạch số 41-KH/ĐU ngày 16/01/2026; Kế hoạch số 70-KH/ĐU ngày 06/02/2026, Kế hoạch số 90-KH/ĐU ngày 23/3/2026 của Đảng ủy xã Phú Thịnh; Kế hoạch số 06-KH/BCĐ ngày 25/12/2025 của Ban Chỉ đạo.",
    );
    expect(refs.map((r) => [r.code, r.issuer])).toEqual([
      ["41-KH/ĐU", "Đảng ủy xã Phú Thịnh"],
      ["70-KH/ĐU", "Đảng ủy xã Phú Thịnh"],
      ["90-KH/ĐU", "Đảng ủy xã Phú Thịnh"],
      ["06-KH/BCĐ", "Ban Chỉ đạo"],
    ]);
  });

  it("the subject that issued a list of its own documents", async () => {
    const refs = await refsOf(
      "UBND xã Phú Thịnh đã ban hành Kế hoạch số 39/KH-UBND ngày 30/01/2026 về việc triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 54/KH-UBND ngày 27/02/2026 về truyền thông.",
    );
    const byCode = Object.fromEntries(refs.map((r) => [r.code, r.issuer]));
    expect(byCode).toEqual({ "39/KH-UBND": "UBND xã Phú Thịnh", "57-NQ/TW": "Bộ Chính trị", "54/KH-UBND": "UBND xã Phú Thịnh" });
  });

  it("an issuer closing the citation's clause, when the symbol agrees", async () => {
    const agrees = await one("Kế hoạch số 42-KH/ĐU ngày 15/01/2026 về phát triển KHCN trên địa bàn phường năm 2026 của Đảng ủy phường Quan Triều.");
    expect(agrees.issuer).toBe("Đảng ủy phường Quan Triều");
    const disagrees = await one("Kế hoạch số 52/KH-UBND ngày 13/02/2026 về nâng cao chất lượng hoạt động của Ủy ban Kiểm tra Đảng ủy.");
    expect(disagrees.issuer).toBeNull();
  });
});

describe("merging mentions", () => {
  it("one reference per code; date and issuer from the fullest mention; mentions counted", async () => {
    const refs = await refsOf(
      [
        "Tổ chức thực hiện Nghị quyết số 57-NQ/TW tại địa phương.",
        "",
        "Kế hoạch số 41-KH/ĐU về thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá.",
        "",
        "Tuyên truyền Nghị quyết số 57-NQ/TW.",
      ].join("\n"),
    );
    const r = refs.find((x) => x.code === "57-NQ/TW")!;
    expect(r.mentions).toBe(3);
    expect(r.date).toBe("2024-12-22");
    expect(r.issuer).toBe("Bộ Chính trị");
    expect(r.text).toBe("Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị");
    expect(r.span!.start).toBe(r.mentionSpans![0].start);
  });

  it("two local documents sharing a code but not a date stay apart", async () => {
    const refs = await refsOf("Kế hoạch số 41-KH/ĐU ngày 16/01/2026 của Đảng ủy xã A. Kế hoạch số 41-KH/ĐU ngày 20/3/2025 của Đảng ủy xã B.");
    expect(refs.map((r) => [r.code, r.date])).toEqual([
      ["41-KH/ĐU", "2026-01-16"],
      ["41-KH/ĐU", "2025-03-20"],
    ]);
  });
});

describe("registries", () => {
  it("parses the symbol styles", () => {
    expect(parseCode("57-NQ/TW")).toMatchObject({ shape: "party", type: "NQ", issuer: "TW", symbol: "NQ/TW" });
    expect(parseCode("144/KH-UBND")).toMatchObject({ shape: "state", type: "KH", issuer: "UBND", symbol: "KH-UBND" });
    expect(parseCode("3216/UBND-KGVX")).toMatchObject({ shape: "cong-van", type: null, issuer: "UBND" });
    expect(parseCode("72/2025/QH15")).toMatchObject({ shape: "normative", year: "2025", issuer: "QH15" });
    expect(parseCode("22/2021/TT-BGDĐT")).toMatchObject({ shape: "normative", type: "TT", issuer: "BGDĐT" });
    expect(kindFromCode(parseCode("22/2021/TT-BGDĐT")!)).toBe("thong-tu");
    expect(kindFromCode(parseCode("05-TT/TU")!)).toBe("other");
    expect(kindFromCode(parseCode("72/2025/QH15")!)).toBeNull();
    expect(parseCode("12/ABC-XYZ")).toMatchObject({ strong: false });
  });

  it("tells national issuers from local ones", () => {
    for (const s of ["NQ/TW", "57-NQ/TW", "NQ-CP", "30/2020/NĐ-CP", "72/2025/QH15", "KH/BCĐTW", "749/QĐ-TTg", "CV/VPTW", "1234/BTTTT-CĐSQG"])
      expect(isNationalSymbol(s), s).toBe(true);
    for (const s of ["KH/ĐU", "144/KH-UBND", "UBND-KGVX", "06-KH/BCĐ", "13-TB/CQTT", "41-KH/TU", "12/SKHCN-QLCN", "9/XYZ-ABC"])
      expect(isNationalSymbol(s), s).toBe(false);
    expect(symbolIssuer("315-CV/VPTW")).toBe("VPTW");
    expect(symbolIssuer("3216/UBND-KGVX")).toBe("UBND");
  });
});

describe("seed documents", () => {
  const seed = (stem: string) => readFileSync(new URL(`../fixtures/${stem}.txt`, import.meta.url));

  it("000: every Kế hoạch of the conclusion, dated as its text says", async () => {
    const bytes = seed("000_9cf0e1b2418f68ec");
    const text = bytes.toString("utf8");
    const refs = await (async () => {
      const doc = await parseBytes(bytes, "000.txt");
      return extractReferences(makeContext(doc, extractMetadata(doc)));
    })();
    for (const r of refs) {
      // Each code occurs in the text as many times as it is counted.
      expect(text.split(r.code).length - 1, r.code).toBe(r.mentions);
      if (r.date) {
        const [y, m, d] = r.date.split("-").map(Number);
        expect(text, r.code).toContain(`${r.code}`);
        expect(new RegExp(`${r.code}[^;]{0,12}ngày ${String(d).padStart(2, "0")}/0?${m}/${y}|${r.code}[^;]{0,12}ngày ${d}/0?${m}/${y}`, "u").test(text), r.code).toBe(true);
      }
    }
    expect(refs.map((r) => r.code)).toEqual(expect.arrayContaining(["41-KH/ĐU", "70-KH/ĐU", "80-KH/ĐU", "90-KH/ĐU", "06-KH/BCĐ", "57-NQ/TW", "22-ĐA/TU", "18-CTr/TU", "57-CT/TW"]));
    expect(refs).toHaveLength(9);
    expect(text).not.toMatch(/Đề án số 06-/u); // "(Đề án số 06)" carries no symbol
    expect(refs.some((r) => r.code.startsWith("06") && r.kind === "de-an")).toBe(false);
  });

  it("002: the Văn bản giao nhiệm vụ cells count toward the mentions of 13-TB/CQTT", async () => {
    const bytes = seed("002_6446a6058fd84167");
    const text = bytes.toString("utf8");
    const doc = await parseBytes(bytes, "002.txt");
    const refs = extractReferences(makeContext(doc, extractMetadata(doc)));
    const tb = refs.find((r) => r.code === "13-TB/CQTT")!;
    expect(tb.mentions).toBe(text.split("13-TB/CQTT").length - 1);
    expect(tb.kind).toBe("thong-bao");
    // The draft's own "Kế hoạch số: /KH-UBND" in both annex headings is not a reference.
    expect(refs.some((r) => r.code.endsWith("/KH-UBND") && !/\d+\/KH-UBND/u.test(r.code))).toBe(false);
    for (const r of refs) expect(doc.text.slice(r.span!.start, r.span!.end).replace(/\s+/g, "")).toContain(r.code.replace(/\s+/g, ""));
  });

  it("004: the dates of the issued-documents annex are read from their rows", async () => {
    const bytes = seed("004_c41bed75581ceb3b");
    const text = bytes.toString("utf8");
    const doc = await parseBytes(bytes, "004.txt");
    const refs = extractReferences(makeContext(doc, extractMetadata(doc)));
    for (const line of text.split("\n").filter((l) => /^\d+\t(?:Kế hoạch|Công văn) số/u.test(l))) {
      const [, code, d, m, y] = /số (\S+) ngày (\d+)\/(\d+)\/(\d{4})/u.exec(line)!;
      const r = refs.find((x) => x.code === code);
      expect(r, code).toBeDefined();
      expect(r!.date).toBe(`${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`);
    }
  });
});
