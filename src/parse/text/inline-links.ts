/**
 * The link syntax whose extent must be known to read around it: autolinks
 * ("<https://…>", "<a@b.vn>") and inline link resources ("(url "title")"),
 * scanned as micromark scans them (autolink.js, label-end.js and the
 * destination/title factories).
 */
import type { NextIndex } from "./html-syntax.js";
import { UnsupportedMarkdown } from "./unsupported.js";

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiControl = (c: number) => c < 32 || c === 127;
const isSpaceLike = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
// micromark-util-character asciiAtext (e-mail local part).
const isAtext = (c: number) =>
  (c >= 35 && c <= 39) || c === 42 || c === 43 || (c >= 45 && c <= 57) || c === 61 || c === 63 || (c >= 65 && c <= 90) || (c >= 94 && c <= 126);

/** "<scheme:…>" or "<a@b.c>" at `lt`: index past ">", or -1 (micromark autolink.js). */
export function autolinkEnd(s: string, lt: number): number {
  let i = lt + 1;
  let c = s.charCodeAt(i);
  if (isAsciiAlpha(c)) {
    let size = 1;
    i++;
    while (size < 32 && (isAsciiAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45 || s.charCodeAt(i) === 46)) {
      i++;
      size++;
    }
    if (size >= 2 && s.charCodeAt(i) === 58) {
      i++;
      for (;;) {
        c = s.charCodeAt(i);
        if (c === 62) return i + 1;
        if (Number.isNaN(c) || c === 32 || c === 60 || isAsciiControl(c)) return -1;
        i++;
      }
    }
  } else if (c === 64) return -1;
  // e-mail: atext+ "@" labels
  while (isAtext(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 64) return -1;
  i++;
  for (;;) {
    if (!isAsciiAlnum(s.charCodeAt(i))) return -1;
    let size = 0;
    let lastDash = false;
    while (size < 63 && (isAsciiAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === 45)) {
      lastDash = s.charCodeAt(i) === 45;
      i++;
      size++;
    }
    if (lastDash) return -1;
    c = s.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c !== 46) return -1;
    i++;
  }
}

/**
 * Inline link resource at `at` ("(dest "title")"): index past ")", -1 when there is
 * none (the brackets are text). Shapes micromark would read but this does not
 * (escapes in a title) throw.
 */
export function resourceEnd(s: string, at: number, next: NextIndex): number {
  if (s.charCodeAt(at) !== 40) return -1;
  let i = skipWhitespace(s, at + 1);
  if (s.charCodeAt(i) === 41) return i + 1;
  let c = s.charCodeAt(i);
  if (c === 60) {
    i++;
    for (;;) {
      c = s.charCodeAt(i);
      if (c === 62) break;
      if (Number.isNaN(c) || c === 60 || c === 10 || c === 13) return -1;
      if (c === 92 && (s.charCodeAt(i + 1) === 60 || s.charCodeAt(i + 1) === 62 || s.charCodeAt(i + 1) === 92)) i++;
      i++;
    }
    i++;
  } else {
    if (Number.isNaN(c) || c === 32 || isAsciiControl(c)) return -1;
    let balance = 0;
    for (;;) {
      c = s.charCodeAt(i);
      if (balance === 0 && (Number.isNaN(c) || c === 41 || isSpaceLike(c))) break;
      if (c === 40) {
        if (balance >= 32) return -1;
        balance++;
      } else if (c === 41) balance--;
      else if (Number.isNaN(c) || c === 32 || isAsciiControl(c)) return -1;
      else if (c === 92 && (s.charCodeAt(i + 1) === 40 || s.charCodeAt(i + 1) === 41 || s.charCodeAt(i + 1) === 92)) i++;
      i++;
    }
  }
  c = s.charCodeAt(i);
  if (isSpaceLike(c)) {
    i = skipWhitespace(s, i);
    c = s.charCodeAt(i);
    if (c === 34 || c === 39 || c === 40) {
      const close = next.of(c === 40 ? ")" : s[i], i + 1);
      if (close < 0) return -1;
      const escape = next.of("\\", i + 1);
      if (escape >= 0 && escape < close) throw new UnsupportedMarkdown("escape in a link title");
      i = skipWhitespace(s, close + 1);
    }
  }
  return s.charCodeAt(i) === 41 ? i + 1 : -1;
}

function skipWhitespace(s: string, i: number): number {
  while (isSpaceLike(s.charCodeAt(i))) i++;
  return i;
}
