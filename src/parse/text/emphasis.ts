/**
 * Emphasis delimiter runs ("*", "**", "_", "__"…) and how they pair, as
 * micromark's attention.js decides it. Only strong spans matter to the draft
 * text (a block is bold when all its letters are), but which runs pair up
 * decides which "*" and "_" stay in the text.
 */
import { isWhitespaceCode } from "./clean-and-tidy.js";

export type Delimiter = {
  kind: "delimiter";
  char: number; // * or _
  /** Order among the scanned pieces. */
  position: number;
  count: number;
  canOpen: boolean;
  canClose: boolean;
  strongOpens: number;
  strongCloses: number;
  prev: Delimiter | null;
  next: Delimiter | null;
};

// micromark-util-character's unicodePunctuation, on UTF-16 code units as micromark reads them.
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;
const isAsciiPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** micromark classifyCharacter: 1 whitespace (or the edge of the text), 2 punctuation, 0 other. */
function classify(code: number): 0 | 1 | 2 {
  if (Number.isNaN(code) || isWhitespaceCode(code)) return 1;
  if (code < 128) return isAsciiPunctuation(code) ? 2 : 0;
  return UNICODE_PUNCTUATION.test(String.fromCharCode(code)) ? 2 : 0;
}

// "~" is an attention marker too once GFM strikethrough is on; it changes how "*" and "_" flank.
const isAttentionMarker = (c: number) => c === 42 || c === 95 || c === 126;

/** The run of `char` at [start, end) of `src`, with whether it can open and close (micromark attention.js). */
export function delimiterRun(src: string, char: number, start: number, end: number, position: number): Delimiter {
  const previous = start > 0 ? src.charCodeAt(start - 1) : NaN;
  const following = end < src.length ? src.charCodeAt(end) : NaN;
  const before = classify(previous);
  const after = classify(following);
  const open = !after || (after === 2 && !!before) || (isAttentionMarker(following) && following !== 42 && following !== 95);
  const close = !before || (before === 2 && !!after) || (isAttentionMarker(previous) && previous !== 42 && previous !== 95);
  return {
    kind: "delimiter",
    char,
    position,
    count: end - start,
    canOpen: char === 42 ? open : open && (!!before || !close),
    canClose: char === 42 ? close : close && (!!after || !open),
    strongOpens: 0,
    strongCloses: 0,
    prev: null,
    next: null,
  };
}

/**
 * CommonMark "process emphasis" over a detached list of delimiter runs, the way
 * micromark does it: the rule of 3 reads the runs' remaining lengths, not their
 * original ones, and the runs left between a matched pair are paired again among
 * themselves (micromark resolves the inside of each new span afresh) instead of
 * being dropped. Matched runs record how many strong spans they open or close.
 * Inner lists are independent of the outer one, so they wait on a work list
 * rather than recursing.
 */
export function pairDelimiters(list: Delimiter): void {
  const pending: Delimiter[] = [list];
  while (pending.length) {
    const openersBottom = new Map<number, Delimiter | null>();
    let closer: Delimiter | null = pending.pop()!;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = closer.char * 8 + (closer.canOpen ? 4 : 0) + (closer.count % 3);
      const floor = openersBottom.get(key) ?? null;
      let opener = closer.prev;
      while (opener && opener !== floor) {
        if (
          opener.char === closer.char &&
          opener.canOpen &&
          !((opener.canClose || closer.canOpen) && closer.count % 3 !== 0 && (opener.count + closer.count) % 3 === 0)
        )
          break;
        opener = opener.prev;
      }
      if (opener && opener !== floor) {
        const use = opener.count > 1 && closer.count > 1 ? 2 : 1;
        opener.count -= use;
        closer.count -= use;
        if (use === 2) {
          opener.strongOpens++;
          closer.strongCloses++;
        }
        // A bottom records that the openers below it failed the rule of 3 at their lengths
        // then; this opener's length just changed, so bottoms at or above it no longer hold.
        for (const [k, f] of openersBottom) if (f && f.position >= opener.position) openersBottom.delete(k);
        const inside = opener.next!;
        if (inside !== closer) {
          const last = closer.prev!;
          inside.prev = null;
          last.next = null;
          pending.push(inside);
        }
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) unlink(opener);
        if (closer.count === 0) {
          const after: Delimiter | null = closer.next;
          unlink(closer);
          closer = after;
        }
      } else {
        // Unlike the spec, an unmatched closer stays: if a pair forms around it later,
        // micromark's pass over that pair's inside may still close with it.
        openersBottom.set(key, closer.prev);
        closer = closer.next;
      }
    }
  }
}

function unlink(d: Delimiter): void {
  if (d.prev) d.prev.next = d.next;
  if (d.next) d.next.prev = d.prev;
  d.prev = d.next = null;
}

