import { describe, expect, it } from "vitest";
import { hasRegularTonePlacement, hasVowelLetter, isSyllable, parseSyllable } from "../src/normalise/syllable.js";

describe("the Vietnamese syllable grammar", () => {
  it.each(["ủy", "uỷ", "hòa", "hoà", "nghiêng", "khuya", "gì", "gìn", "quốc", "ĐIỀU", "Phòng", "thuở", "người", "oong", "giếng"])(
    "%s is a syllable",
    (word) => expect(isSyllable(word)).toBe(true),
  );
  it.each(["ĐIỀ", "ng", "Phò-ng", "hoạchh", "cáà", "xyz", "35K", "tiê"])("%s is not a syllable", (word) =>
    expect(isSyllable(word)).toBe(false),
  );
  it("stop finals (p t c ch) take only the sắc or nặng tone", () => {
    expect(isSyllable("hạch")).toBe(true);
    expect(isSyllable("hách")).toBe(true);
    expect(isSyllable("hàch")).toBe(false);
    expect(isSyllable("mãt")).toBe(false);
  });
  it("splits onset, vowels, final and says which vowel carries the tone", () => {
    expect(parseSyllable("hoạch")).toEqual({ onset: "h", vowels: "oa", final: "ch", tone: "\u0323", toneAt: 1 });
    expect(parseSyllable("Gìn")).toEqual({ onset: "gi", vowels: "i", final: "n", tone: "\u0300", toneAt: 0 });
  });
  it("knows where the tone mark belongs, old and new style alike", () => {
    const placed = (w: string) => hasRegularTonePlacement(parseSyllable(w)!);
    for (const w of ["cáu", "hòa", "hoà", "thuở", "người", "khuỷu", "tiến", "quý"]) expect(placed(w), w).toBe(true);
    // VNI read as cp1258 puts the tone after the vowel it belongs to
    for (const w of ["caú", "mùông", "tíên"]) expect(placed(w), w).toBe(false);
  });
  it("tells vowel-less fragments", () => {
    expect(hasVowelLetter("ng")).toBe(false);
    expect(hasVowelLetter("Ừ")).toBe(true);
  });
});
