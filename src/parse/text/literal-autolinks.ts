/**
 * GFM literal autolinks (www.…, http(s)://…, mailto:, xmpp:, a@b.vn) turn a word
 * into a link whose text is the word as written. Where the word holds no markup
 * character that changes nothing; where it does, remark must read it.
 */
import { isWhitespaceCode } from "./clean-and-tidy.js";
import { UnsupportedMarkdown } from "./unsupported.js";

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

// A GFM literal autolink starts with one of these; its word is taken as written.
const LITERAL_AUTOLINK = /www\.|https?:\/\/|mailto:|xmpp:|@/gi;
const MARKUP_IN_WORD = /[*~`<&\\[\]]/;

/**
 * Throws when a literal autolink's word holds markup characters — unless its
 * start lies in a link destination, code span or tag (`consumed`, [start, end)
 * pairs in order), where GFM looks for none. An "_" between letters or digits is
 * inert either way (it can neither open nor close), so "nguyen_van_a@xa.gov.vn"
 * stays with the fast reader.
 */
export function rejectLiteralAutolinkMarkup(s: string, consumed: readonly number[]): void {
  LITERAL_AUTOLINK.lastIndex = 0;
  let range = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERAL_AUTOLINK.exec(s))) {
    while (range < consumed.length && consumed[range + 1] <= m.index) range += 2;
    if (range < consumed.length && consumed[range] <= m.index) {
      LITERAL_AUTOLINK.lastIndex = consumed[range + 1];
      continue;
    }
    let start = m.index;
    while (start > 0 && !isWordBreak(s.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < s.length && !isWordBreak(s.charCodeAt(end))) end++;
    const word = s.slice(start, end);
    if (MARKUP_IN_WORD.test(word) || hasLiveUnderscore(word)) throw new UnsupportedMarkdown("literal autolink next to markup");
    LITERAL_AUTOLINK.lastIndex = end;
  }
}

// A literal autolink never runs past whitespace or "<" (so "<https://…>" is judged by what is inside it).
const isWordBreak = (c: number) => c === 60 || isWhitespaceCode(c);

function hasLiveUnderscore(word: string): boolean {
  for (let k = word.indexOf("_"); k >= 0; k = word.indexOf("_", k + 1))
    if (!(k > 0 && isAsciiAlnum(word.charCodeAt(k - 1)) && isAsciiAlnum(word.charCodeAt(k + 1)))) return true;
  return false;
}
