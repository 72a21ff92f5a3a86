/** Names printed in capitals shown in display case ("UBND XÃ PHÚ THỊNH" → "UBND xã Phú Thịnh"). */
import { foldForMatch } from "../../normalise/fold.js";
import { LOCALITY_UNITS, NAME_ABBREVIATIONS, NAME_DISPLAY } from "../registries/agencies.js";
import { anyOf, LETTER_AFTER_NOT as NOT_WORD_AFTER, LETTER_BEFORE_NOT as NOT_WORD_BEFORE, lowerPhrase } from "../registries/phrase-pattern.js";
import { remembered } from "../remembered.js";
import { lower } from "./shapes.js";

export const letters = (s: string) => s.replace(/\P{L}+/gu, "");
export function isCapitals(s: string): boolean {
  // Most lines tested are prose: a lower-case letter with a capital form settles it
  // without building the letters (each letter's capital is its own, so one such is enough).
  // The plain case maps: Unicode has no Vietnamese tailoring, and the "vi" locale lookup cost more than the mapping.
  const lower = /\p{Ll}/u.exec(s)?.[0];
  if (lower && lower.toUpperCase() !== lower) return false;
  const l = letters(s);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
}

export const COMMITTEE_OF_PLACE = "(?:tỉnh|thành|huyện|quận|thị)\\s+ủy";
/** The committee word in any case, the place after it capitalised (so no `i` flag: it would let \p{Lu} match lower case). */
export const anyCase = (words: string[]) => words.flatMap((w) => [w, w[0].toLocaleUpperCase("vi") + w.slice(1), w.toLocaleUpperCase("vi")]).join("|");
export const COMMITTEE_LOCALITY = new RegExp(
  `${NOT_WORD_BEFORE}(${anyCase(["tỉnh", "thành", "huyện", "quận", "thị"])})\\s+(?:${anyCase(["ủy"])})\\s+(\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3})`,
  "u",
);
export const COMMITTEE_UNIT: Record<string, string> = { tỉnh: "tỉnh", thành: "thành phố", huyện: "huyện", quận: "quận", thị: "thị xã" };
export const DISPLAY_PHRASES = [...NAME_DISPLAY].sort((a, b) => b.length - a.length);
/** A unit word ("xã", "tỉnh") or a committee named after a place ("Tỉnh ủy"): a proper name follows. */
export const UNIT_AFTER = new RegExp(
  `${NOT_WORD_BEFORE}(?:(?:${anyOf(LOCALITY_UNITS, lowerPhrase)})\\s+(?!ủy${NOT_WORD_AFTER})|${COMMITTEE_OF_PLACE}\\s+)`,
  "giu",
);
export const NAME_STOP = new Set(["năm", "giai", "về", "và", "tại", "trên", "trong", "của", "đến", "theo", "nhằm"]);

/**
 * A line printed in capitals, in the case it is written in running text: lower case,
 * registered name parts capitalised ("Ban Chỉ đạo", "Ủy ban nhân dân"), abbreviations
 * and codes kept, and the proper name after a unit word capitalised ("xã Phú Thịnh").
 */
export function displayCase(capitals: string, capitalFirst: boolean): string {
  return (capitalFirst ? shownFirstCapital : shown)(capitals);
}
// Letterhead lines repeat across an issuer's documents.
const shown = remembered((capitals) => caseForDisplay(capitals, false));
const shownFirstCapital = remembered((capitals) => caseForDisplay(capitals, true));

function caseForDisplay(capitals: string, capitalFirst: boolean): string {
  let s = applyPhrases(capitals.toLocaleLowerCase("vi"), DISPLAY_PHRASES);
  s = capitaliseLocalities(s);
  s = capitaliseField(s);
  s = restoreAbbreviations(s, capitals);
  return capitalFirst ? s.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi")) : s;
}

/** Heads of bodies named after their field, which is capitalised (NĐ 30/2020, Phụ lục II): "Sở Nội vụ", "Sở Giáo dục và Đào tạo". */
const FIELD_NAME = /^((?:[sS]ở|[bB]ộ|[tT]ổng cục|[cC]ục)\s+)(\p{Ll})([^,]*?)(?=\s+(?:tỉnh|thành phố)\s|$)/u;
function capitaliseField(s: string): string {
  const up = (c: string) => c.toLocaleUpperCase("vi");
  return s.replace(FIELD_NAME, (_m, head: string, first: string, rest: string) =>
    `${up(head[0])}${head.slice(1)}${up(first)}${rest.replace(/(\s(?:và|,)\s+)(\p{Ll})/gu, (_x, j: string, c: string) => j + up(c))}`);
}

export const phraseMatchers = new Map<string[], { displays: Map<string, string>; re: RegExp }>();

/** Overwrites each phrase found (same length, so offsets hold) with its display spelling. */
export function applyPhrases(s: string, phrases: string[]): string {
  let matcher = phraseMatchers.get(phrases);
  if (!matcher) {
    // One alternation, longest first, instead of one regex per phrase: this runs for every name shown.
    const sorted = [...phrases].sort((a, b) => b.length - a.length);
    matcher = {
      displays: new Map(sorted.map((p) => [foldForMatch(p).toLocaleLowerCase("vi"), foldForMatch(p)])),
      re: new RegExp(`${NOT_WORD_BEFORE}(?:${anyOf(sorted, lowerPhrase)})${NOT_WORD_AFTER}`, "giu"),
    };
    phraseMatchers.set(phrases, matcher);
  }
  const chars = [...s];
  if (chars.length !== s.length) return s;
  const f = foldForMatch(s);
  matcher.re.lastIndex = 0;
  for (let m = matcher.re.exec(f); m; m = matcher.re.exec(f)) {
    const display = matcher.displays.get(m[0].toLocaleLowerCase("vi"));
    if (!display || display.length !== m[0].length) continue;
    for (let i = 0; i < display.length; i++) chars[m.index + i] = display[i];
  }
  return chars.join("");
}

export function capitaliseLocalities(s: string): string {
  let out = s;
  UNIT_AFTER.lastIndex = 0;
  for (let m = UNIT_AFTER.exec(s); m; m = UNIT_AFTER.exec(s)) {
    let at = m.index + m[0].length;
    for (let w = 0; w < 4; w++) {
      const word = /^[\p{L}\p{M}]+/u.exec(out.slice(at))?.[0];
      if (!word || NAME_STOP.has(word)) break;
      out = out.slice(0, at) + word[0].toLocaleUpperCase("vi") + out.slice(at + 1);
      at += word.length;
      if (out[at] !== " ") break;
      at++;
    }
  }
  return out;
}

/** Registered abbreviations and code-like tokens ("57-NQ/TW") keep the capitals they were printed in. */
const ABBREVIATIONS = new Set(NAME_ABBREVIATIONS.map((a) => a.toUpperCase()));
export function restoreAbbreviations(shown: string, printed: string): string {
  if (shown.length !== printed.length) return shown;
  const abbreviations = ABBREVIATIONS;
  return shown.replace(/[\p{L}\p{M}\p{N}&/-]+/gu, (token, at: number) => {
    const original = printed.slice(at, at + token.length);
    const bare = original.replace(/^[-/]+|[-/]+$/gu, "");
    return abbreviations.has(bare) || /\d/u.test(original) || /[A-ZĐ]+[-/][A-ZĐ]/u.test(original) ? original : token;
  });
}
