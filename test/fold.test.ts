import { describe, expect, it } from "vitest";
import { foldForMatch, foldLoose } from "../src/normalise/fold.js";
import { cleanText } from "../src/normalise/text.js";

describe("foldForMatch", () => {
  const pairs: [string, string][] = [
    ["hoà bình", "hòa bình"],
    ["Đảng uỷ xã", "Đảng ủy xã"],
    ["UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"],
    ["thuỷ lợi", "thủy lợi"],
    ["sức khoẻ", "sức khỏe"],
    ["số hoá", "số hóa"],
    ["Văn hoá – Xã hội", "Văn hóa - Xã hội"],
    ["qúy II", "quý II"],
    ["“đúng, đủ”", '"đúng, đủ"'],
  ];
  it.each(pairs)("unifies %s", (old, modern) => {
    expect(foldForMatch(old)).toBe(foldForMatch(modern));
    expect(foldForMatch(old).length).toBe(old.length);
  });
  it.each(["hoàng", "quý", "tuyên", "khuya", "Hoàng Văn Thụ", "thuyền"])("leaves %s alone", (word) => {
    expect(foldForMatch(word)).toBe(word);
  });
  it("folds loosely for search keys", () => {
    expect(foldLoose("Nghị quyết Đảng uỷ")).toBe("nghi quyet dang uy");
  });
});

describe("cleanText", () => {
  it("composes NFD to NFC and drops invisible characters", () => {
    const nfd = "Nghi\u0323 quyê\u0301t\u00AD\u200B số\u00A057";
    expect(cleanText(nfd)).toBe("Nghị quyết số 57");
  });
  it("drops private-use glyphs and keeps tabs and line breaks", () => {
    expect(cleanText("a\uE001b\tc\r\nd")).toBe("ab\tc\nd");
  });
});
