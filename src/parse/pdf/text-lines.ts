/**
 * Glyphs → text lines → words.
 *
 * A line is the glyphs sharing a baseline; smaller glyphs raised above a line's
 * baseline (footnote markers "Nguyên¹", exponents) join that line as superscript
 * words instead of making a line of their own. Words break at drawn spaces and
 * at gaps wider than a thin space; a gap that cut a syllable ("ĐIỀ U") is closed
 * again.
 */
import type { Glyph } from "./marks.js";
import { isCutSyllable } from "./syllables.js";
import { appendAll, maxOf } from "../../large-arrays.js";

export type Word = {
  text: string;
  x0: number;
  x1: number;
  /** Every letter is bold. */
  bold: boolean;
  /** Raised and smaller than its line: a footnote marker or an exponent. */
  sup: boolean;
  /** A space separates it from the word before. */
  spaceBefore: boolean;
  /** A space character was drawn there (not just a gap left): the author's space, not a cut. */
  drawnSpace: boolean;
  /** Blank distance from the previous word and any spaces drawn after it (Infinity for the first word). */
  gapBefore: number;
};

export type Line = {
  words: Word[];
  x0: number;
  x1: number;
  base: number;
  /** Em size of the line's normal (not superscript) text. */
  size: number;
  bold: boolean;
};

/** Inter-glyph gaps above this share of the em are word spaces (a space is ~0.25 em). */
const SPACE_GAP = 0.15;
/** Glyph pairs closer than this are the same glyph drawn twice (fake bold by overprinting). */
const OVERPRINT = 0.15;

type Cluster = { glyphs: Glyph[]; base: number; size: number; sup: Set<Glyph> };

export function buildLines(glyphs: Glyph[]): Line[] {
  const clusters = clusterByBaseline(glyphs);
  attachSuperscripts(clusters);
  return clusters
    .filter((c) => c.glyphs.some((g) => !g.space))
    .map(toLine)
    .filter((l) => l.words.length > 0)
    .sort((a, b) => a.base - b.base || a.x0 - b.x0);
}

function clusterByBaseline(glyphs: Glyph[]): Cluster[] {
  const sorted = [...glyphs].sort((a, b) => a.base - b.base);
  const out: Cluster[] = [];
  let cur: Cluster | null = null;
  for (const g of sorted) {
    if (cur && g.base - cur.base <= Math.max(1, 0.2 * Math.min(g.size, cur.size || g.size))) {
      cur.glyphs.push(g);
      if (!g.space) cur.size = Math.max(cur.size, g.size);
    } else {
      cur = { glyphs: [g], base: g.base, size: g.space ? 0 : g.size, sup: new Set() };
      out.push(cur);
    }
  }
  for (const c of out) if (!c.size) c.size = maxOf(c.glyphs, (g) => g.size);
  return out;
}

/** A small cluster just above a bigger line's baseline, beside its text, is superscript. */
function attachSuperscripts(clusters: Cluster[]): void {
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i];
    if (!c.glyphs.length) continue;
    const [x0, x1] = extent(c.glyphs);
    for (let j = i + 1; j < clusters.length; j++) {
      const n = clusters[j];
      const rise = n.base - c.base;
      if (rise > 0.75 * n.size) break;
      if (c.size > 0.85 * n.size || rise < 0.15 * n.size) continue;
      const [nx0, nx1] = extent(n.glyphs);
      if (x1 < nx0 - n.size || x0 > nx1 + n.size) continue;
      for (const g of c.glyphs) n.sup.add(g);
      appendAll(n.glyphs, c.glyphs);
      c.glyphs = [];
      break;
    }
  }
}

type Piece = Word & { letters: number; boldLetters: number };

function toLine(c: Cluster): Line {
  const pieces = closeCutSyllables(splitWords(c), c.size);
  const words: Word[] = pieces.map(({ letters, boldLetters, ...w }) => ({
    ...w,
    text: w.text.normalize("NFC"),
    bold: letters > 0 && boldLetters === letters,
  }));
  const body = words.filter((w) => !w.sup && /\p{L}/u.test(w.text));
  return {
    words,
    x0: words.length ? words[0].x0 : 0,
    x1: words.length ? maxOf(words, (w) => w.x1) : 0,
    base: c.base,
    size: c.size,
    bold: body.length > 0 && body.every((w) => w.bold),
  };
}

function splitWords(c: Cluster): Piece[] {
  const glyphs = [...c.glyphs].sort((a, b) => a.x0 - b.x0);
  const out: Piece[] = [];
  let cur: Piece | null = null;
  let spaceDrawn = false;
  let lastRight = -Infinity;
  // Right edge of the drawn spaces since the last glyph: a gap counts from there.
  let spaceRight = -Infinity;
  let prev: Glyph | null = null;
  for (const g of glyphs) {
    if (g.space) {
      spaceDrawn = true;
      spaceRight = Math.max(spaceRight, g.x1);
      continue;
    }
    if (prev && prev.text === g.text && Math.abs(prev.x0 - g.x0) < OVERPRINT * g.size) {
      if (cur) cur.boldLetters = cur.letters; // overprinting is how some producers draw bold
      continue;
    }
    prev = g;
    const sup = c.sup.has(g);
    const gap = g.x0 - Math.max(lastRight, spaceDrawn ? spaceRight : -Infinity);
    const gapSpace = gap > SPACE_GAP * (sup ? c.size : g.size);
    if (!cur || spaceDrawn || gapSpace || cur.sup !== sup) {
      cur = {
        text: "",
        x0: g.x0,
        x1: g.x1,
        bold: false,
        sup,
        spaceBefore: out.length > 0 && (spaceDrawn || gapSpace),
        drawnSpace: spaceDrawn,
        gapBefore: out.length ? gap : Infinity,
        letters: 0,
        boldLetters: 0,
      };
      out.push(cur);
    }
    cur.text += g.text;
    cur.x1 = Math.max(cur.x1, g.x1);
    const n = letterCount(g.text);
    cur.letters += n;
    if (g.bold) cur.boldLetters += n;
    lastRight = Math.max(lastRight, g.x1);
    spaceDrawn = false;
    spaceRight = -Infinity;
  }
  return out;
}

/** A gap (not a drawn space) inside a syllable: "ĐIỀ U" → "ĐIỀU". */
function closeCutSyllables(pieces: Piece[], size: number): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && !p.drawnSpace && !p.sup && !last.sup && p.gapBefore < 0.5 * size && isCutSyllable(last.text, p.text)) {
      last.text += p.text;
      last.x1 = Math.max(last.x1, p.x1);
      last.letters += p.letters;
      last.boldLetters += p.boldLetters;
      continue;
    }
    out.push(p);
  }
  return out;
}

function extent(glyphs: Glyph[]): [number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const g of glyphs) {
    if (g.x0 < x0) x0 = g.x0;
    if (g.x1 > x1) x1 = g.x1;
  }
  return [x0, x1];
}

const letterCounts = new Map<string, number>();
function letterCount(s: string): number {
  let n = letterCounts.get(s);
  if (n === undefined) {
    n = (s.match(/\p{L}/gu) ?? []).length;
    if (s.length <= 4 && letterCounts.size < 50_000) letterCounts.set(s, n);
  }
  return n;
}

/** The words of a line as text; `keep` decides which superscript words stay. */
export function wordsText(words: Word[], keep: (w: Word) => boolean = () => true): string {
  let s = "";
  let pendingSpace = false;
  for (const w of words) {
    if (w.sup && !keep(w)) {
      pendingSpace ||= w.spaceBefore;
      continue;
    }
    if (s && (w.spaceBefore || (pendingSpace && !/^[,.;:)!?”’]/u.test(w.text)))) s += " ";
    s += w.text;
    pendingSpace = false;
  }
  return s;
}
