import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldSpan } from "../src/extract/metadata/text-window.js";
import { isCapitals } from "../src/extract/metadata/display-case.js";
import { foldForMatch, foldLoose } from "../src/normalise/fold.js";
import { cleanText } from "../src/normalise/text.js";
import { parseBytes } from "../src/parse/index.js";
import { sharedDir } from "../scripts/eval.js";

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
    // One rule's trigger alone in a string: the quick "nothing to fold" check must still let each through.
    ["Quí IV", "Quý IV"],
    ["số\u00A057", "số 57"],
    ["2026\u20102030", "2026-2030"],
    ["‘a’", "'a'"],
  ];
  it.each(pairs)("unifies %s", (old, modern) => {
    expect(foldForMatch(old)).toBe(foldForMatch(modern));
    expect(foldForMatch(old).length).toBe(old.length);
  });
  it.each(["hoàng", "quý", "tuyên", "khuya", "Hoàng Văn Thụ", "thuyền"])("leaves %s alone", (word) => {
    expect(foldForMatch(word)).toBe(word);
  });
  it("changes nothing in a text without any of its triggers", () => {
    const plain = "Ủy ban nhân dân xã Phú Thịnh giao Phòng Văn hóa - Xã hội thực hiện trước ngày 30/6/2026.";
    expect(foldForMatch(plain)).toBe(plain);
  });
  it("folds a window widened to blanks exactly as the whole text folds there (metadata reads its windows from the whole fold)", async () => {
    const dir = join(sharedDir, "real-dev");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".md")).slice(0, 6)) {
      const doc = await parseBytes(readFileSync(join(dir, name)), name);
      for (const [start, end] of [[0, 3000], [1234, 5234], [doc.text.length - 700, doc.text.length]]) {
        const w = foldSpan(doc, start, end);
        expect(w.text).toBe(foldForMatch(doc.text.slice(w.base, w.base + w.text.length)));
      }
    }
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

describe("isCapitals", () => {
  it.each([
    ["UBND XÃ PHÚ THỊNH", true],
    ["ĐẢNG ỦY XÃ PHONG QUANG", true],
    ["KẾ HOẠCH 2026", true],
    ["Ủy ban nhân dân", false],
    ["UBND xã Phú Thịnh", false],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAm", false],
    ["123 - 456", false],
    ["A", false],
  ] as const)("%s → %s", (line, capitals) => {
    expect(isCapitals(line)).toBe(capitals);
  });
});
