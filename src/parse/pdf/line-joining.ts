/**
 * Joins the printed lines of one paragraph or table cell back into text.
 *
 * Between two lines the break is one of:
 *   - hard: the next line's first word would have fitted on the line, so the
 *     author broke the line ("Hoàn thành trước 30/5/2026.⏎Thường xuyên…") → "\n"
 *     (only where a sentence or item ends or a new one opens: line breaking also
 *     keeps a word with what follows it, "trì /tham");
 *   - inside a word: the line wrapped after "-" or "/" inside a code
 *     ("13-TB/⏎CQTT", "2026-⏎2030"), or a word too wide for a narrow column was
 *     cut ("Phò⏎ng", "CQT⏎T") → nothing;
 *   - a soft wrap between words → " ".
 */
import { isSyllable } from "../../normalise/syllable.js";
import { areWholeSyllables, isCutSyllable } from "./syllables.js";
import { type Line, type Word, wordsText } from "./text-lines.js";

export type JoinOptions = {
  /** Right edge text may reach (cell border minus padding, or the body's right margin). */
  right: number;
  /**
   * Right edge a following word could still have been set against, when it is
   * known to lie beyond `right` (a borderless cell reaches into the gutter).
   */
  room?: number;
  /** Which superscript words to keep in the text (footnote markers are dropped). */
  keepSup?: (w: Word) => boolean;
};

export function joinLines(lines: Line[], options: JoinOptions): string {
  let text = "";
  for (let i = 0; i < lines.length; i++) {
    const t = wordsText(lines[i].words, options.keepSup);
    if (!t) continue;
    if (text) text += lineBreak(lines[i - 1], lines[i], text, t, options.right, options.room);
    text += t;
  }
  return text;
}

/** The separator between line `a` (already written as `before`) and line `b` (`after`). */
export function lineBreak(a: Line, b: Line, before: string, after: string, right: number, room = right): string {
  const first = b.words.find((w) => !w.sup);
  if (!first) return " ";
  const space = 0.25 * a.size;
  const firstWidth = first.x1 - first.x0;
  if (a.x1 + space + firstWidth < room - 0.5) {
    // Room was left, yet the line broke: by hand when a sentence or item ends or a new
    // one opens; a lower-case word was kept with what follows it ("trì /tham": no break before "/").
    if (/[.;:!?]["”’)]*$/u.test(before) || /^[\p{Lu}\d(“"•+*-]/u.test(after)) return "\n";
    return " ";
  }
  if (/[^\s][-/‐–]$/u.test(before)) return "";
  const single = a.words.filter((w) => !w.sup).length === 1;
  if (!single) return " ";
  const lastWord = before.slice(before.lastIndexOf(" ") + 1);
  const nextWord = after.split(" ")[0];
  if (isCutSyllable(lastWord, nextWord)) return "";
  // Only a word wider than the column is cut, and it then fills the line to the edge.
  const charWidth = firstWidth / Math.max(1, [...first.text].length);
  if (right - a.x1 >= charWidth + 1) return " ";
  const tail = lastWord.match(/[\p{L}\d]+$/u)?.[0] ?? "";
  const head = nextWord.match(/^[\p{L}\d]+/u)?.[0] ?? "";
  if (!tail || !head) return " ";
  if (isSyllable(tail + head) && !areWholeSyllables(tail, head)) return ""; // "hó⏎a"
  if (isCode(tail) && isCode(head)) return ""; // "CQT⏎T", "UB⏎ND", "30/4/20⏎26"
  return " ";
}

const isCode = (s: string) => s === s.toLocaleUpperCase("vi");
