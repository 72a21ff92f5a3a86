/**
 * HTML character references in Markdown text ("&amp;", "&#273;", "&#x111;"),
 * decoded as micromark decodes them. Only the named references converted
 * documents actually use are known here; any other well-formed name could be
 * one of HTML's two thousand, so the caller hands that text to remark.
 */

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  shy: "\u00AD",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  plusmn: "±",
  times: "×",
  divide: "÷",
  middot: "·",
  bull: "•",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  sect: "§",
  para: "¶",
  euro: "€",
  le: "≤",
  ge: "≥",
  ne: "≠",
  asymp: "≈",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  sup1: "¹",
  sup2: "²",
  sup3: "³",
};

export const UNKNOWN_REFERENCE = Symbol("unknown character reference");

export type Reference = { text: string; end: number } | null | typeof UNKNOWN_REFERENCE;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The reference starting at `amp` (an "&"): its text and end, null when it is a literal "&". */
export function characterReference(s: string, amp: number): Reference {
  let i = amp + 1;
  if (s.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = s.charCodeAt(i) === 88 || s.charCodeAt(i) === 120;
    if (hex) i++;
    const start = i;
    const max = hex ? 6 : 7;
    while (i - start < max && (hex ? isHex(s.charCodeAt(i)) : isDigit(s.charCodeAt(i)))) i++;
    if (i === start || s.charCodeAt(i) !== 59 /* ; */) return null;
    return { text: decodeNumeric(Number.parseInt(s.slice(start, i), hex ? 16 : 10)), end: i + 1 };
  }
  const start = i;
  while (i - start < 31 && isAlnum(s.charCodeAt(i))) i++;
  if (i === start || s.charCodeAt(i) !== 59) return null;
  const name = s.slice(start, i);
  return Object.hasOwn(NAMED, name) ? { text: NAMED[name], end: i + 1 } : UNKNOWN_REFERENCE;
}

// micromark-util-decode-numeric-character-reference
function decodeNumeric(code: number): string {
  if (
    code < 9 ||
    code === 11 ||
    (code > 13 && code < 32) ||
    (code > 126 && code < 160) ||
    (code > 55_295 && code < 57_344) ||
    (code > 64_975 && code < 65_008) ||
    (code & 65_535) === 65_535 ||
    (code & 65_535) === 65_534 ||
    code > 1_114_111
  )
    return "\uFFFD";
  return String.fromCodePoint(code);
}
