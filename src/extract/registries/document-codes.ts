/**
 * The grammar of a document's number and symbol ("số, ký hiệu"), built from the
 * type and issuer registries.
 *
 * Shapes accepted (on text folded by foldForMatch):
 *   Party      number-TYPE/ISSUER[-UNIT]     57-NQ/TW  02-KH/BCĐTW  315-CV/VPTW  13-TB/CQTT
 *   State      number/TYPE-ISSUER[-UNIT]     144/KH-UBND  71/NQ-CP  749/QĐ-TTg
 *   Công văn   number/ISSUER-UNIT            3216/UBND-KGVX  652/UBND-VHXXH
 *   Normative  number/year/[TYPE-]ISSUER     30/2020/NĐ-CP  72/2025/QH15  22/2021/TT-BGDĐT
 *   Spacing    a space or one line break on one side of a separator: "57- NQ/TW",
 *              "35/KH-\nUBND" (a cell's line break; the linear text holds a space).
 *
 * Segments of a symbol are capitals (with Đ and the capital vowels some offices
 * use: "TƯ") and digits, or one of the registered mixed-case abbreviations
 * ("CTr", "QyĐ", "TTr", "TTg"). Matching is therefore case-sensitive: capitals are
 * what tell a symbol from running text ("19/6/2025", "2026-2030", "4.0", "TH&THCS",
 * "Quý II/2026" never match: a symbol segment must follow the number).
 *
 * A match is *strong* when its first segment is a registered type or issuer, or it
 * has the year form; otherwise it is a code only where a kind word or "số" precedes it.
 */
import type { DocKind } from "../../../schemas/extraction.js";
import { TYPE_ABBREVIATIONS, typeAbbreviation } from "./document-types.js";
import { ISSUER_CODES, issuerCode } from "./issuers.js";
import { escapeRegExp } from "./phrase-pattern.js";

const CAPITAL = "A-ZĐƯƠÂÊÔĂ";

const MIXED_CASE = [...TYPE_ABBREVIATIONS.map((t) => t.abbr), ...ISSUER_CODES.map((i) => i.code)]
  .filter((a) => /\p{Ll}/u.test(a))
  .sort((a, b) => b.length - a.length);

/** A registered type abbreviation: "38 - HD/BTCTW" keeps its blanks around "-" only before one (the Party shape). */
const PARTY_TYPE = `(?:${TYPE_ABBREVIATIONS.map((t) => escapeRegExp(t.abbr)).sort((a, b) => b.length - a.length).join("|")})`;
/** One symbol segment: a registered mixed-case abbreviation or a run of capitals and digits. */
export const SEGMENT = `(?:${MIXED_CASE.map(escapeRegExp).join("|")}|[${CAPITAL}][${CAPITAL}0-9]*)(?![\\p{L}\\p{M}\\p{N}])`;
/** A separator, with a blank on at most one side ("X - Y" with blanks on both is a dash between phrases). */
export const SEPARATOR = `(?:[-/](?:[ ]{1,2}|\\n(?!\\n))?|[ ][-/](?![ \\n])|[ ]{1,2}-[ ]{1,2}(?=${PARTY_TYPE}/))`;
/**
 * A number glued to no letter, digit or separator before it. The class spells out the
 * Latin blocks Vietnamese uses (with combining marks) instead of \p{L}: property classes
 * in a lookbehind tried at every digit cost three times as much.
 */
const NUMBER = `(?<![0-9A-Za-z\\u00C0-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF/.,-])\\d{1,5}`;
const YEAR = `(?:19|20)\\d{2}`;

/** number, optional year, one or more segments. Groups: 1 number, 2 year, 3 segments. */
export const CODE_PATTERN = `(${NUMBER})(?:${SEPARATOR}(${YEAR}))?((?:${SEPARATOR}${SEGMENT})+)`;
/** A symbol without its number ("KH-UBND", "KL/BCĐ", "2020/NĐ-CP"). */
export const SYMBOL_PATTERN = `(?:${YEAR}${SEPARATOR})?${SEGMENT}(?:${SEPARATOR}${SEGMENT})*`;

export type CodeShape = "party" | "state" | "normative" | "cong-van" | "unknown";

export type ParsedCode = {
  /** Canonical: as written, blanks removed, dashes unified, NFC ("57-NQ/TW"). */
  code: string;
  number: string | null;
  year: string | null;
  /** The code without its number (and year): "NQ/TW", "KH-UBND", "NĐ-CP". */
  symbol: string;
  type: string | null;
  issuer: string | null;
  shape: CodeShape;
  /** Recognisable without context (registered type or issuer, or the year form). */
  strong: boolean;
};

const DASHES = /[\u2010-\u2015\u2212\u2043]/g;

/** Canonical form of a code or symbol as written: no blanks, "-" for every dash (as foldForMatch writes them), NFC. */
export function canonicalCode(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, "").replace(DASHES, "-");
}

const HEAD = new RegExp(`^(\\d{1,5})(?:[-/](${YEAR})(?=[-/]))?`, "u");
const YEAR_IN_SYMBOL = new RegExp(`^(${YEAR})/`, "u");

/** Parses a code ("57-NQ/TW") or a bare symbol ("KH-UBND"); null when it has no symbol segment. */
export function parseCode(raw: string): ParsedCode | null {
  const code = canonicalCode(raw);
  const head = HEAD.exec(code);
  const number = head ? head[1] : null;
  const year = head?.[2] ?? null;
  const rest = head ? code.slice(head[0].length) : code;
  const firstSep = /^[-/]/.test(rest) ? rest[0] : null;
  const body = firstSep ? rest.slice(1) : rest;
  const yearInSymbol = !year ? YEAR_IN_SYMBOL.exec(body) : null;
  const symbolBody = yearInSymbol ? body.slice(yearInSymbol[0].length) : body;
  const segments = symbolBody.split(/[-/]/).filter(Boolean);
  if (!segments.length || segments.some((s) => !/^\p{L}/u.test(s))) return null;
  const y = year ?? yearInSymbol?.[1] ?? null;
  const type = typeAbbreviation(segments[0]) ? segments[0] : null;
  let shape: CodeShape;
  let issuer: string | null;
  if (y) {
    shape = "normative";
    issuer = type ? (segments[1] ?? null) : segments[0];
  } else if (type) {
    shape = firstSep === "-" ? "party" : "state";
    issuer = segments[1] ?? null;
  } else if (issuerCode(segments[0])) {
    shape = "cong-van";
    issuer = segments[0];
  } else {
    shape = "unknown";
    issuer = null;
  }
  const enough = y ? segments.length >= 1 : segments.length >= 2 || !number;
  if (!enough) return null;
  return { code, number, year: y, symbol: symbolBody, type, issuer, shape, strong: shape !== "unknown" };
}

/**
 * The kind a symbol implies: its type abbreviation ("TB" → thong-bao; "TT" with a
 * year → thong-tu), a công văn when the symbol starts with the issuer, null when
 * it cannot tell ("72/2025/QH15" is a law or a resolution).
 */
export function kindFromCode(parsed: ParsedCode): DocKind | null {
  if (parsed.type) {
    const t = typeAbbreviation(parsed.type)!;
    return parsed.year ? (t.kindWithYear ?? t.kind) : t.kind;
  }
  if (parsed.shape === "cong-van") return "cong-van";
  return null;
}
