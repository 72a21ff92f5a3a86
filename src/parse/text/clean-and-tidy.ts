/**
 * `cleanText` and `tidyInline` for the text route, skipping the work when it
 * would change nothing — which for converted documents is nearly always, and
 * which took a third of the route's time (five whole-text regex passes, and a
 * split/map/filter/join per block).
 *
 * Each quick check is a superset test: when it fails, the real function runs.
 * test/parse-text-fast.test.ts holds them to the real functions (every UTF-16
 * code unit for cleaning), so a character class added to normalise/text.ts
 * fails that test instead of being skipped here.
 */
import { cleanText, tidyInline } from "../../normalise/text.js";

// Every character cleanText replaces or removes — \r, invisibles, exotic spaces, C0/C1 controls,
// private use — in as few ranges as they merge into (fewer ranges, faster scan).
export const CLEANED_CHARACTERS = /[\0-\x08\x0B-\x1F\x7F-\xA0\xAD\u2000-\u200D\u202F\u205F-\u2060\u3000\uE000-\uF8FF\uFEFF]/;

export function cleanPage(raw: string): string {
  return CLEANED_CHARACTERS.test(raw) ? cleanText(raw) : raw.normalize("NFC");
}

/** JavaScript whitespace (what `\s` matches and String.trim removes), by code unit: no one-character strings to allocate. */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function tidy(s: string): string {
  // Blanks at the ends go either way (tidyInline trims every line and the whole), so only the inside decides.
  let t = s;
  if (t !== "" && (isWhitespaceCode(t.charCodeAt(0)) || isWhitespaceCode(t.charCodeAt(t.length - 1)))) t = t.trim();
  if (t.includes("\n") || t.includes("  ") || t.includes("\t")) return tidyInline(s);
  return t;
}
