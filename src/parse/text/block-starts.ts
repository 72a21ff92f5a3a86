/**
 * What a Markdown line starts, at a given offset (after its containers' prefixes
 * and at most three spaces): an ATX heading, a code fence, a thematic break, a
 * setext underline, a footnote definition, a list item — each by micromark's
 * rules. Scans, not regular expressions: each looks at a line once.
 */
import type { BlockNode } from "./block-tree.js";

export const SPACE = 32;
const TAB = 9;
export const isSpaceOrTab = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Spaces at `from`, counting no further than `limit` (deep nesting must not rescan long indentation). */
export function countSpaces(line: string, from: number, limit = Infinity): number {
  let i = from;
  while (i - from < limit && line.charCodeAt(i) === SPACE) i++;
  return i - from;
}

export function isBlankFrom(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) if (!isSpaceOrTab(line.charCodeAt(i))) return false;
  return true;
}

/** "#"… at `at`: the heading, its closing run of "#" dropped. */
export function atxHeading(line: string, at: number): BlockNode<string> | null {
  let j = at;
  while (line.charCodeAt(j) === 35) j++;
  const depth = j - at;
  if (depth > 6 || (j < line.length && !isSpaceOrTab(line.charCodeAt(j)))) return null;
  let start = j;
  let end = line.length;
  while (start < end && isSpaceOrTab(line.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  // A closing run of "#" counts only after a blank (or as the whole content).
  let k = end;
  while (k > start && line.charCodeAt(k - 1) === 35) k--;
  if (k < end && (k === start || isSpaceOrTab(line.charCodeAt(k - 1)))) {
    end = k;
    while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  }
  return { type: "heading", depth, content: line.slice(start, end) };
}

/** Length of an opening code fence at `at` (0: none). A backtick fence's info string has no backtick. */
export function openingFenceLength(line: string, at: number): number {
  const c = line.charCodeAt(at);
  let j = at;
  while (line.charCodeAt(j) === c) j++;
  const length = j - at;
  if (length < 3) return 0;
  if (c === 96 && line.indexOf("`", j) >= 0) return 0;
  return length;
}

export function isClosingFence(line: string, pos: number, fence: { char: number; length: number }): boolean {
  const indent = countSpaces(line, pos);
  if (indent > 3) return false;
  let j = pos + indent;
  const start = j;
  while (line.charCodeAt(j) === fence.char) j++;
  return j - start >= fence.length && isBlankFrom(line, j);
}

/** A fenced code line loses as much indentation as the opening fence had. */
export function stripIndent(line: string, pos: number, indent: number): string {
  const spaces = Math.min(indent, countSpaces(line, pos));
  return line.slice(pos + spaces);
}

/**
 * Is the rest of the line from `at` a thematic break of `c`: -1 when it is, else
 * the index where it stopped being one. A scan from any later offset before that
 * index stops there too, which lets "- - - - … x" (each "- " an item start) be
 * judged once, not once per item.
 */
export function thematicBreakMiss(line: string, at: number, c: number): number {
  let count = 0;
  for (let i = at; i < line.length; i++) {
    const d = line.charCodeAt(i);
    if (d === c) count++;
    else if (!isSpaceOrTab(d)) return i;
  }
  return count >= 3 ? -1 : line.length;
}

/** "===" or "---" (any length, trailing blanks allowed): a setext underline in CommonMark. */
export function isUnderline(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c !== 61 && c !== 45) return false;
  let j = at;
  while (line.charCodeAt(j) === c) j++;
  return isBlankFrom(line, j);
}

/** "[^label]:" at `at`: the normalised label and where the definition's text starts. */
export function footnoteDefinitionStart(line: string, at: number): { id: string; contentStart: number } | null {
  let i = at + 2;
  let size = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (size > 999 || c === 91 || isSpaceOrTab(c)) return null;
    if (c === 93) {
      if (size === 0 || line.charCodeAt(i + 1) !== 58 /* : */) return null;
      let contentStart = i + 2;
      while (isSpaceOrTab(line.charCodeAt(contentStart))) contentStart++;
      // micromark-util-normalize-identifier (a label here holds no whitespace to collapse).
      return { id: line.slice(at + 2, i).toLowerCase().toUpperCase(), contentStart };
    }
    size++;
    if (c === 92) {
      const d = line.charCodeAt(i + 1);
      if (d === 91 || d === 92 || d === 93) {
        i++;
        size++;
      }
    }
    i++;
  }
  return null;
}

export type ItemStart = { marker: string; size: number; contentStart: number; blank: boolean };

/** A list item marker at `at` (`indent` spaces in); `textEnd`: where the line's text ends. */
export function listItemStart(line: string, at: number, indent: number, restricted: boolean, textEnd: number): ItemStart | null {
  const c = line.charCodeAt(at);
  let markerEnd: number;
  if (c === 45 || c === 43 || c === 42) markerEnd = at + 1;
  else if (isDigit(c)) {
    let j = at;
    while (j - at < 9 && isDigit(line.charCodeAt(j))) j++;
    const d = line.charCodeAt(j);
    if (d !== 46 && d !== 41) return null;
    if (restricted && !(j - at === 1 && c === 49)) return null;
    markerEnd = j + 1;
  } else return null;
  const markerLength = markerEnd - at;
  const marker = line.slice(at, markerEnd);
  if (markerEnd >= textEnd) {
    if (restricted) return null;
    return { marker, size: indent + markerLength + 1, contentStart: line.length, blank: true };
  }
  if (line.charCodeAt(markerEnd) !== SPACE) return null;
  const spaces = countSpaces(line, markerEnd);
  // Five or more spaces: one belongs to the marker, the rest make the content indented code.
  const padding = spaces >= 5 ? 1 : spaces;
  return { marker, size: indent + markerLength + padding, contentStart: markerEnd + padding, blank: false };
}
