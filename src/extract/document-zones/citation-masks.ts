/** Masks inside a stretch of text: what belongs to other documents (citations, basis sentences, the title repeated). */
import { BASIS_OPENERS, CITED_KINDS } from "../registries/document-layout.js";
import { anyOf, WB, WE } from "../registries/phrase-pattern.js";

const CITED_KIND_SRC = anyOf(CITED_KINDS);
/** A document code: "41-KH/ĐU", "35/KH-UBND", "30/2020/NĐ-CP", "3216/UBND-KGVX". Case matters (the symbol is upper case). */
const CODE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,])\d{1,5}(?:\/\d{4})?\s*[-/]\s*\p{Lu}[\p{Lu}\p{N}&][\p{L}\p{N}&]*(?:\s?[-/]\s?\p{Lu}[\p{L}\p{N}&]*)*`,
  "gu",
);
/** A code whose number is left blank: "Số: /KH-UBND", "số -KL/BCĐ". */
const BLANK_CODE_RE = new RegExp(String.raw`(?<=[sS]ố\s{0,3}:?\s{0,3})[-/]\p{Lu}[\p{Lu}\p{N}&][\p{L}\p{N}&]*(?:[-/]\p{Lu}[\p{L}\p{N}&]*)*`, "gu");
/** "số 06" after a document-type word ("Đề án số 06"); the type word is checked before it. */
const NAMED_RE = new RegExp(String.raw`${WB}số\s*:?\s*\d+${WE}`, "giu");
const KIND_ONLY_BEFORE_RE = new RegExp(`${WB}(?:${CITED_KIND_SRC})\\s*$`, "iu");
const KIND_BEFORE_RE = new RegExp(`${WB}(?:${CITED_KIND_SRC})(?:\\s+số)?\\s*:?\\s*$`, "iu");
const BASIS_RE = new RegExp(`^[\\s*_\\-+•(]*(?:${anyOf(BASIS_OPENERS)})${WE}`, "iu");
const SENTENCE_END_RE = /[.!?…](?:\/\.)?(?=\s+["“(*_]*[\p{Lu}\d]|\s*$)|\n/gu;

/** Sentence spans [start, end) of a stretch (relative offsets). */
export function sentences(s: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m; (m = SENTENCE_END_RE.exec(s)); ) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
    if (m[0].length === 0) SENTENCE_END_RE.lastIndex++;
  }
  if (start < s.length) out.push([start, s.length]);
  return out;
}

/**
 * Ranges of a stretch (relative offsets into `s`, a slice of the folded text) that
 * belong to other documents: each citation with its description up to the end of its
 * clause (";", the sentence end, or the ")" that closes a parenthesis around it), a
 * whole basis sentence ("Thực hiện Công văn số … về việc …"), and repetitions of the
 * title.
 */
export function foreignRanges(s: string, title: RegExp | null): [number, number][] {
  const out: [number, number][] = [];
  const cites: [number, number][] = [];
  for (const re of [CODE_RE, BLANK_CODE_RE, NAMED_RE]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(s)); ) {
      if (re === NAMED_RE && !KIND_ONLY_BEFORE_RE.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
      const kindBefore = KIND_BEFORE_RE.exec(s.slice(Math.max(0, m.index - 40), m.index));
      const start = kindBefore ? m.index - (Math.min(40, m.index) - kindBefore.index) : m.index;
      cites.push([start, m.index + m[0].length]);
    }
  }
  if (!cites.length && !title) return out;
  const sents = sentences(s);
  for (const [cs, ce] of cites) {
    const sent = sents.find(([a, b]) => cs >= a && cs < b) ?? [0, s.length];
    if (BASIS_RE.test(s.slice(sent[0], cs)) && cs - sent[0] < 120) {
      out.push([sent[0], sent[1]]);
      continue;
    }
    let end = sent[1];
    const semi = s.indexOf(";", ce);
    if (semi >= 0 && semi < end) end = semi;
    const before = s.slice(sent[0], cs);
    if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) {
      const close = s.indexOf(")", ce);
      if (close >= 0 && close < end) end = close;
    }
    out.push([cs, end]);
  }
  if (title) {
    title.lastIndex = 0;
    for (let m; (m = title.exec(s)); ) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export const inRanges = (ranges: [number, number][], a: number, b: number) => ranges.some(([s, e]) => a < e && b > s);
