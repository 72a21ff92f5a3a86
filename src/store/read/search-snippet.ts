/**
 * The words of a search hit around its first match, with every matched word marked.
 *
 * A word matches when its foldLoose form (no diacritics, đ→d, lower case) is one of
 * the query's words — the same test passage_search applies (unicode61 tokens, the
 * folded shadow column), so what is marked is what was found. Table cells, kept
 * apart by tabs in the text, are shown apart by " | ".
 */
import type { Span } from "../../../schemas/document.js";
import { foldLoose } from "../../normalise/fold.js";

export type Snippet = { text: string; marks: Span[] };

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Characters of context around the first match; a short passage is shown whole. */
const WIDTH = 220;
const BEFORE = 70;

/** The query's words as the index matches them. */
export function queryWords(query: string): Set<string> {
  return new Set(foldLoose(query).match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function snippetOf(text: string, words: ReadonlySet<string>): Snippet {
  const shown = text.replace(/\t/g, " | ").replace(/\s*\n\s*/g, " ").trim();
  if (shown.length <= WIDTH) return { text: shown, marks: marksIn(shown, words) };
  const first = marksIn(shown, words)[0]?.start ?? 0;
  let from = Math.max(0, first - BEFORE);
  let to = Math.min(shown.length, from + WIDTH);
  // Cut at spaces, so no word is shown half (or half-marked).
  if (from > 0) from = shown.indexOf(" ", from) + 1 || from;
  if (to < shown.length) to = Math.max(shown.lastIndexOf(" ", to), first + 1);
  const cut = `${from > 0 ? "… " : ""}${shown.slice(from, to).trim()}${to < shown.length ? " …" : ""}`;
  return { text: cut, marks: marksIn(cut, words) };
}

/** Spans of the matched words; neighbours apart only by spaces (a phrase) become one mark. */
export function marksIn(text: string, words: ReadonlySet<string>): Span[] {
  const marks: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    if (!words.has(foldLoose(m[0]))) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    const last = marks[marks.length - 1];
    if (last && /^[ \u00a0]+$/.test(text.slice(last.end, span.start))) last.end = span.end;
    else marks.push(span);
  }
  return marks;
}
