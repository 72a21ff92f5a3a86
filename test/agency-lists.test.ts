/**
 * Agency lists and agency openings (src/extract/tasks/agency-lists.ts, agency-words.ts).
 * Names in the cases are spelled as commune documents write them.
 */
import { describe, expect, it } from "vitest";
import { foldForMatch } from "../src/normalise/fold.js";
import { AGENCY_ABBREVIATIONS, AGENCY_HEAD_WORDS, agencyOpeningAt } from "../src/extract/registries/agencies.js";
import { agencyPhraseAt, leadingSubject, looksLikeProse, splitAgencies } from "../src/extract/tasks/agency-lists.js";

describe("agency word registry", () => {
  it("exports the head words and the abbreviation map as data", () => {
    expect(AGENCY_HEAD_WORDS).toEqual(expect.arrayContaining(["ủy ban nhân dân", "công an", "văn phòng", "thủ trưởng"]));
    expect(AGENCY_ABBREVIATIONS).toMatchObject({ UBND: "Ủy ban nhân dân", HĐND: "Hội đồng nhân dân", MTTQ: "Mặt trận Tổ quốc", BCĐ: "Ban Chỉ đạo" });
  });
  it.each([
    ["Ủy ban nhân dân xã", true],
    ["Uỷ ban Mặt trận Tổ quốc", true],
    ["UBND xã", true],
    ["Phòng Văn hóa - Xã hội", true],
    ["Trạm Y tế xã", true],
    ["các tổ chức chính trị - xã hội", true],
    ["Các trường học trên địa bàn", true],
    ["Tổ chức thực hiện", false],
    ["Ban hành kế hoạch", false],
    ["Hội nghị sơ kết", false],
    ["phòng chống tội phạm", false],
    ["Đoàn kết các lực lượng", false],
  ] as const)("%s opens an agency: %s", (text, yes) => {
    expect(agencyOpeningAt(foldForMatch(text), 0) !== null).toBe(yes);
  });
});

describe("splitAgencies", () => {
  it.each([
    ["Văn phòng Đảng uỷ; Văn phòng HĐND-UBND xã; phòng Văn hoá – Xã hội", ["Văn phòng Đảng uỷ", "Văn phòng HĐND-UBND xã", "phòng Văn hoá – Xã hội"]],
    ["Hội đồng Nhân dân, Ủy ban Nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội, các cơ quan tham mưu, giúp việc Đảng ủy",
      ["Hội đồng Nhân dân", "Ủy ban Nhân dân", "Ủy ban Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội", "các cơ quan tham mưu, giúp việc Đảng ủy"]],
    ["Phòng Văn hóa, Thể thao và Du lịch", ["Phòng Văn hóa, Thể thao và Du lịch"]],
    ["Các chi bộ, đảng bộ trực thuộc Đảng ủy.", ["Các chi bộ, đảng bộ trực thuộc Đảng ủy"]],
    ["Văn phòng Đảng ủy, các cơ quan, đơn vị, cá nhân có liên quan và các thành viên Ban chỉ đạo",
      ["Văn phòng Đảng ủy", "các cơ quan, đơn vị, cá nhân có liên quan", "các thành viên Ban chỉ đạo"]],
    ["- Công an xã\n- Trạm Y tế\n+ Trường TH&THCS Đôn Phong", ["Công an xã", "Trạm Y tế", "Trường TH&THCS Đôn Phong"]],
    ["Công an xã; phòng Văn hoá – Xã hội ; phòng Kinh tế", ["Công an xã", "phòng Văn hoá – Xã hội", "phòng Kinh tế"]],
    ["Phòng Kinh tế (chủ trì)", ["Phòng Kinh tế"]],
  ])("%s", (text, expected) => expect(splitAgencies(text)).toEqual(expected));

  it("keeps only the agency of each sentence in a lead cell written as prose", () => {
    const cell = "- Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy; Hội đồng nhân dân xã định kỳ báo cáo. - Văn phòng Đảng ủy tổng hợp, tham mưu báo cáo Tỉnh ủy.";
    expect(looksLikeProse(cell)).toBe(true);
    expect(splitAgencies(cell, { prose: true })).toEqual(["Các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy", "Hội đồng nhân dân xã", "Văn phòng Đảng ủy"]);
    expect(looksLikeProse("Công an xã; Trạm Y tế xã")).toBe(false);
  });
});

describe("agency phrases in running text", () => {
  const phrase = (text: string, after: string) => {
    const f = foldForMatch(text);
    const span = agencyPhraseAt(f, f.toLowerCase().indexOf(after.toLowerCase()) + after.length);
    return span ? text.slice(span[0], span[1]) : null;
  };
  it("ends at a preposition, a predicate or punctuation", () => {
    expect(phrase("Phối hợp với các cơ quan chuyên môn trong việc cập nhật dữ liệu.", "phối hợp với")).toBe("các cơ quan chuyên môn");
    expect(phrase("Chủ động đề nghị, phối hợp với cấp trên để bố trí thiết bị.", "phối hợp với")).toBe("cấp trên");
    expect(phrase("Phối hợp với Văn phòng Đảng uỷ và các cơ quan liên quan tổng hợp, báo cáo.", "Phối hợp với")).toBe("Văn phòng Đảng uỷ và các cơ quan liên quan");
    expect(phrase("Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tổ chức các lớp học.", "phối hợp với")).toBe("các cơ quan, đơn vị có liên quan");
  });
});

describe("leadingSubject", () => {
  const subject = (text: string) => {
    const f = foldForMatch(text);
    const s = leadingSubject(f);
    return s?.kind === "subject" ? text.slice(0, s.end).trim() : s?.kind ?? null;
  };
  it.each([
    ["Văn phòng Đảng uỷ tập trung thực hiện nhiệm vụ số hoá hồ sơ.", "Văn phòng Đảng uỷ"],
    ["Ban Xây dựng Đảng Đảng uỷ chủ động rà soát dữ liệu đảng viên.", "Ban Xây dựng Đảng Đảng uỷ"],
    ["Ủy ban kiểm tra Đảng uỷ thực hiện số hóa hồ sơ kiểm tra.", "Ủy ban kiểm tra Đảng uỷ"],
    ["Văn phòng Đảng ủy là cơ quan thường trực tham mưu Đảng ủy xã.", "statement"],
    ["UBND phường đã ban hành kế hoạch.", "statement"],
    ["UBND phường Quan Triều giao Phòng chuyên môn triển khai.", "assign"],
    ["Chủ động rà soát các nhiệm vụ được giao.", null],
  ] as const)("%s → %s", (text, expected) => expect(subject(text)).toBe(expected));
});
