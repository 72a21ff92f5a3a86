/**
 * Document types: the words a text uses to name a kind of document ("Kế hoạch",
 * "Nghị quyết") and the type abbreviations inside a number-symbol ("KH", "NQ").
 *
 * The lists follow Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW
 * (Party bodies); both use the same letters where a type exists in both systems.
 * A kind word wins over the abbreviation when a text gives both (Party "QĐ" is a
 * Quyết định or a Quy định; only the word tells which).
 */
import type { DocKind } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";
import { anyOf, phrase } from "./phrase-pattern.js";

export type KindWords = { kind: DocKind; words: string[] };

/** Longer words first inside a kind does not matter: the pattern is built longest-first. */
export const KIND_WORDS: KindWords[] = [
  { kind: "ke-hoach", words: ["kế hoạch"] },
  { kind: "bao-cao", words: ["báo cáo"] },
  { kind: "ket-luan", words: ["kết luận"] },
  { kind: "thong-bao", words: ["thông báo"] },
  { kind: "cong-van", words: ["công văn", "công điện"] },
  { kind: "quyet-dinh", words: ["quyết định"] },
  { kind: "nghi-quyet", words: ["nghị quyết", "nghị quyết liên tịch"] },
  { kind: "chi-thi", words: ["chỉ thị"] },
  { kind: "chuong-trinh", words: ["chương trình"] },
  { kind: "de-an", words: ["đề án"] },
  { kind: "quy-dinh", words: ["quy định"] },
  { kind: "quy-che", words: ["quy chế"] },
  { kind: "huong-dan", words: ["hướng dẫn"] },
  { kind: "to-trinh", words: ["tờ trình"] },
  { kind: "luat", words: ["luật", "bộ luật"] },
  { kind: "nghi-dinh", words: ["nghị định"] },
  { kind: "thong-tu", words: ["thông tư", "thông tư liên tịch"] },
  {
    kind: "other",
    words: [
      "thông tri", "phương án", "dự án", "biên bản", "hợp đồng", "bản ghi nhớ", "bản thỏa thuận", "giấy ủy quyền",
      "giấy mời", "giấy giới thiệu", "phiếu gửi", "phiếu chuyển", "phiếu báo", "pháp lệnh", "điều lệ",
    ],
  },
];

/**
 * Words that name a document without saying its kind ("Văn bản số 12/UBND-VP"):
 * they introduce a citation, and the kind then comes from the symbol.
 */
export const GENERIC_DOCUMENT_WORDS = ["văn bản", "văn bản số"];

/**
 * Words that may stand between a kind word and "số" without changing the kind:
 * "Chương trình hành động số 62-CTr/TU", "Thông báo kết luận số 13-TB/CQTT".
 */
export const KIND_QUALIFIERS = ["hành động", "liên tịch", "kết luận", "công tác", "phối hợp", "liên ngành", "chuyên đề"];

export type TypeAbbreviation = {
  abbr: string;
  kind: DocKind;
  name: string;
  /** The kind when the symbol carries a year (state legal normative form "22/2021/TT-BGDĐT"). */
  kindWithYear?: DocKind;
};

export const TYPE_ABBREVIATIONS: TypeAbbreviation[] = [
  { abbr: "NQ", kind: "nghi-quyet", name: "Nghị quyết" },
  { abbr: "NQLT", kind: "nghi-quyet", name: "Nghị quyết liên tịch" },
  { abbr: "QĐ", kind: "quyet-dinh", name: "Quyết định" },
  { abbr: "CT", kind: "chi-thi", name: "Chỉ thị" },
  { abbr: "QC", kind: "quy-che", name: "Quy chế" },
  { abbr: "QyĐ", kind: "quy-dinh", name: "Quy định" },
  // Party rules (HD 36-HD/VPTW): "11-QĐi/TW", "294-QĐi/TW" (other bodies' Quy định keep "QĐ").
  { abbr: "QĐi", kind: "quy-dinh", name: "Quy định" },
  { abbr: "TB", kind: "thong-bao", name: "Thông báo" },
  { abbr: "HD", kind: "huong-dan", name: "Hướng dẫn" },
  { abbr: "CTr", kind: "chuong-trinh", name: "Chương trình" },
  { abbr: "KH", kind: "ke-hoach", name: "Kế hoạch" },
  { abbr: "ĐA", kind: "de-an", name: "Đề án" },
  { abbr: "BC", kind: "bao-cao", name: "Báo cáo" },
  { abbr: "TTr", kind: "to-trinh", name: "Tờ trình" },
  { abbr: "KL", kind: "ket-luan", name: "Kết luận" },
  { abbr: "CV", kind: "cong-van", name: "Công văn" },
  { abbr: "CĐ", kind: "cong-van", name: "Công điện" },
  { abbr: "NĐ", kind: "nghi-dinh", name: "Nghị định" },
  // Party "thông tri" has no kind of its own; the state "thông tư" always carries a year.
  { abbr: "TT", kind: "other", name: "Thông tri", kindWithYear: "thong-tu" },
  { abbr: "TTLT", kind: "thong-tu", name: "Thông tư liên tịch" },
  { abbr: "PA", kind: "other", name: "Phương án" },
  { abbr: "DA", kind: "other", name: "Dự án" },
  { abbr: "BB", kind: "other", name: "Biên bản" },
  { abbr: "HĐ", kind: "other", name: "Hợp đồng" },
  { abbr: "BGN", kind: "other", name: "Bản ghi nhớ" },
  { abbr: "BTT", kind: "other", name: "Bản thỏa thuận" },
  { abbr: "GUQ", kind: "other", name: "Giấy ủy quyền" },
  { abbr: "GM", kind: "other", name: "Giấy mời" },
  { abbr: "GGT", kind: "other", name: "Giấy giới thiệu" },
  { abbr: "PG", kind: "other", name: "Phiếu gửi" },
  { abbr: "PC", kind: "other", name: "Phiếu chuyển" },
  { abbr: "PB", kind: "other", name: "Phiếu báo" },
];

const BY_ABBR = new Map(TYPE_ABBREVIATIONS.map((t) => [t.abbr, t]));

export function typeAbbreviation(abbr: string): TypeAbbreviation | undefined {
  return BY_ABBR.get(abbr);
}


const ALL_WORDS = KIND_WORDS.flatMap(({ kind, words }) => words.map((w) => ({ kind, folded: foldForMatch(w).toLowerCase() })))
  .sort((a, b) => b.folded.length - a.folded.length);

/** Alternation of every kind word, longest first, for patterns run on folded text with the `iu` flags. */
export const KIND_WORD_PATTERN = ALL_WORDS.map((w) => phrase(w.folded)).join("|");
export const KIND_QUALIFIER_PATTERN = anyOf(KIND_QUALIFIERS);
export const GENERIC_WORD_PATTERN = anyOf(GENERIC_DOCUMENT_WORDS);

const BY_WORD = new Map(ALL_WORDS.map((w) => [w.folded, w.kind]));
const wordKey = (w: string) => w.toLowerCase().replace(/\s+/g, " ").trim();

/** The kind a kind word names ("Nghị quyết" → "nghi-quyet"); null for anything else. */
export function kindFromWord(word: string): DocKind | null {
  const key = wordKey(word);
  if (BY_WORD.has(key)) return BY_WORD.get(key)!;
  // Words read from folded text are found above; others may use the old tone placement.
  return BY_WORD.get(wordKey(foldForMatch(word))) ?? null;
}
