import { readFileSync, readdirSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeVietnameseText, encodeTcvn3, encodeVni } from "../src/normalise/legacy-encoding.js";

const fixtures = new URL("../fixtures/", import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, fixtures)));
const seedText = (stem: string) => readFileSync(new URL(`${stem}.txt`, fixtures), "utf8").normalize("NFC");
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** cp1258 the way Windows writes it: tone marks as combining bytes after the letter. */
function toCp1258(text: string): Uint8Array {
  const parts = Array.from(text.normalize("NFD").matchAll(/\P{M}\p{M}*/gu), ([cluster]) => {
    const tone = cluster.match(/[\u0300\u0301\u0303\u0309\u0323]/u)?.[0] ?? "";
    return cluster.replace(tone, "").normalize("NFC") + tone;
  });
  return new Uint8Array(iconv.encode(parts.join(""), "windows1258"));
}

const SUSPICIOUS = /[\uFFFD\p{Co}]/u;

describe("legacy variant fixtures", () => {
  const variants = [
    ["000_9cf0e1b2418f68ec.tcvn3.txt", "tcvn3"],
    ["001_3086ccc4e4aed2ea.vni.txt", "vni"],
    ["004_c41bed75581ceb3b.cp1258.txt", "windows-1258"],
    ["002_6446a6058fd84167.nfd.md", "utf-8"],
  ] as const;

  it.each(variants)("%s decodes to its seed as %s", (file, encoding) => {
    const bytes = read(`variants/${file}`);
    const decoded = decodeVietnameseText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(seedText(file.split(".")[0]));
    expect(decoded.text).not.toMatch(SUSPICIOUS);
    expect(decoded.confidence).toBeGreaterThan(0.9);
  });

  it("the legacy fixtures really are legacy bytes", () => {
    // not UTF-8, so detection had to choose among the single-byte encodings
    for (const [file, encoding] of variants) {
      if (encoding === "utf-8") continue;
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(read(`variants/${file}`))).toThrow();
    }
    const nfd = new TextDecoder().decode(read("variants/002_6446a6058fd84167.nfd.md"));
    expect(nfd).not.toBe(nfd.normalize("NFC"));
  });
});

describe("Unicode inputs", () => {
  const seeds = readdirSync(fixtures).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f));

  it("covers the five seeds", () => expect(seeds).toHaveLength(5));

  it.each(seeds)("%s is UTF-8 and comes back unchanged", (file) => {
    const decoded = decodeVietnameseText(read(file));
    expect(decoded).toEqual({ text: seedText(file.replace(/\.txt$/, "")), encoding: "utf-8", confidence: 1 });
  });

  const sample = "Ủy ban nhân dân xã Phú Thịnh";
  it("drops a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(decodeVietnameseText(bytes)).toMatchObject({ text: sample, encoding: "utf-8" });
  });
  it("reads UTF-16 LE and BE with BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(sample, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(sample, "utf16be")]);
    expect(decodeVietnameseText(le)).toMatchObject({ text: sample, encoding: "utf-16le" });
    expect(decodeVietnameseText(be)).toMatchObject({ text: sample, encoding: "utf-16be" });
  });
  it("returns NFC for decomposed UTF-8", () => {
    const decoded = decodeVietnameseText(new TextEncoder().encode(sample.normalize("NFD")));
    expect(decoded.text).toBe(sample);
  });
});

describe("round trips of tricky text", () => {
  const samples = [
    "ỦY BAN NHÂN DÂN XÃ ĐÔNG PHƯƠNG",
    "Đảng uỷ xã giao; Ủy ban Mặt trận; thuở ấy, khuya, người dân được hưởng",
    "KẾT LUẬN của Ban Chỉ đạo về “Bình dân học vụ số” – năm 2026",
    "Ưu tiên Ứng dụng Ở đâu Ỳ Ỷ Ỹ Ý Ỵ Ụ Ú Ừ Ử Ữ Ự",
    "Đà Nẵng, quốc lộ, giữ gìn, khoẻ mạnh, hoá đơn",
  ];
  const encoders = [
    ["tcvn3", encodeTcvn3],
    ["vni", encodeVni],
    ["windows-1258", toCp1258],
  ] as const;
  for (const [encoding, encode] of encoders) {
    it.each(samples)(`${encoding}: %s`, (text) => {
      const decoded = decodeVietnameseText(encode(text));
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(text);
    });
  }
  it("tells a one-word VNI text from cp1258 by where the tone sits", () => {
    // "caù" is valid cp1258 too, but the tone cannot sit on the u of "au"
    expect(decodeVietnameseText(latin1("caù"))).toMatchObject({ text: "cá", encoding: "vni" });
  });
});

describe("code tables", () => {
  it("TCVN3 writes lowercase letters and Ă Â Ê Ô Ơ Ư Đ at their ABC codes", () => {
    expect(encodeTcvn3("Bảo Thắng")).toEqual(latin1("B\u00b6o Th\u00beng"));
    // ư is 0xAD, the soft hyphen in Latin-1, invisible in "Mêng Kh¬ng"
    expect(encodeTcvn3("Mường Khương")).toEqual(latin1("M\u00ad\u00eang Kh\u00ad\u00acng"));
    expect(encodeTcvn3("ĂÂÊÔƠƯĐ")).toEqual(Uint8Array.from([0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]));
  });
  it("TCVN3 reads .VnTimeH headings written with lowercase codes", () => {
    const bytes = latin1("K\u00d5T LU\u00cbN c\u00f1a Ban"); // KếT LUậN của Ban
    expect(decodeVietnameseText(bytes).text).toBe("KẾT LUẬN của Ban");
  });
  it("TCVN3 tells Word's quotes from VN1 capitals at the same codes", () => {
    // 0x93/0x94 are “ ” around a word and Ỏ/Õ inside one; 0x9E is Ủ
    const bytes = latin1("\u0093B\u00d7nh d\u00a9n\u0094, \u009ey ban");
    expect(decodeVietnameseText(bytes)).toMatchObject({ text: "“Bình dân”, Ủy ban", encoding: "tcvn3" });
  });
  it("VNI writes base letter + mark bytes, capitals with capital marks", () => {
    expect(encodeVni("Việt Nam")).toEqual(latin1("Vie\u00e4t Nam"));
    expect(encodeVni("Đường")).toEqual(latin1("\u00d1\u00f6\u00f4\u00f8ng"));
    expect(encodeVni("ỦY")).toEqual(latin1("U\u00dbY"));
  });
  it("cp1258 combining marks come back precomposed", () => {
    const bytes = Uint8Array.from([0x4b, 0xea, 0xec, 0x20, 0x68, 0x6f, 0x61, 0xf2, 0x63, 0x68]); // K ê ◌́ hoa ◌̣ ch
    expect(decodeVietnameseText(bytes)).toMatchObject({ text: "Kế hoạch", encoding: "windows-1258" });
  });
});

describe("the encoding is decided on a sample of the legacy words", () => {
  const vietnamese = seedText("000_9cf0e1b2418f68ec");
  // ASCII that reads the same in every encoding: a log-like header and tables of figures
  const asciiPrefix = Array.from({ length: 4000 }, (_, i) => `Row ${i}: 2026-05-${String((i % 28) + 1).padStart(2, "0")} | 42.5% | OK\n`).join("");

  const encoders = [
    ["tcvn3", encodeTcvn3],
    ["vni", encodeVni],
    ["windows-1258", toCp1258],
  ] as const;

  it.each(encoders)("%s text after 100 KB of ASCII is still found and decoded", (encoding, encode) => {
    expect(asciiPrefix.length).toBeGreaterThan(100_000);
    const decoded = decodeVietnameseText(encode(asciiPrefix + vietnamese));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(asciiPrefix + vietnamese);
    expect(decoded.confidence).toBeGreaterThan(0.9);
  });

  it.each(encoders)("%s: mixed content (ASCII tables, English, Vietnamese) decodes whole, past the sample", (encoding, encode) => {
    // the Vietnamese stretches together are far longer than the sample, so the
    // last of them is decoded with an encoding decided on the first ones
    const parts: string[] = [];
    for (let i = 0; i < 12; i++) {
      parts.push(`Table ${i}\n| Code | Value |\n| A-${i} | ${i * 17}.5 |\n`, "Summary in English follows.\n", vietnamese);
    }
    const text = parts.join("\n");
    expect(encode(text).length).toBeGreaterThan(12 * 4096);
    const decoded = decodeVietnameseText(encode(text));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
    expect(decoded.text.endsWith(vietnamese)).toBe(true);
  });
});
