/**
 * Display-text clean-up applied to every string a parser produces.
 *
 * Keeps the author's spelling (tone placement, dashes, quotes) — those are unified
 * only for matching, by `foldForMatch`. Removes what carries no text: soft hyphens,
 * zero-width characters, BOMs, C0/C1 controls, private-use glyph codes that PDF
 * fonts leak; turns NBSP and exotic spaces into plain spaces; composes to NFC.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Keep \t and \n: they delimit table cells and in-cell line breaks.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .replace(CONTROLS, "")
    .replace(PRIVATE_USE, "")
    .normalize("NFC");
}

/** Collapse runs of blanks inside one line of running text; keep line breaks. */
export function tidyInline(s: string): string {
  return s
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line, i, all) => line !== "" || (i > 0 && i < all.length - 1 && all[i - 1] !== ""))
    .join("\n")
    .trim();
}
