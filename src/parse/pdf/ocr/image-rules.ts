/**
 * Ruling lines drawn on a page image: long, thin, unbroken runs of dark pixels,
 * horizontal or vertical. They become the same `Rule` segments a born-digital
 * PDF draws, so the ruled-table code (table-grid.ts, ruled-tables.ts) reads a
 * scanned table exactly as it reads a drawn one.
 *
 * Letters never make such runs: their strokes are shorter than a rule's
 * minimum length, and the gaps between letters break any run along a line of
 * text. The image is straightened before (page-orientation.ts), so a rule
 * stays within a few pixel rows.
 *
 * The rules are also erased from the image Tesseract reads: its page layout
 * takes a table's lines for text ("|", "_") and, worse, for glue between the
 * words of narrow cells (the first word of a cell read into the rule beside it,
 * two words of a cell read as one). On white paper between the rules, each
 * cell's text stands apart like a column of print, and is read as such.
 */
import type { Rule } from "../marks.js";
import { WHITE, type GrayImage } from "./gray-image.js";

const DARK = 160;
/** A gap of this many light pixels (JPEG noise, a worn line) does not break a run. */
const MAX_GAP = 1;
/** Thicker dark bands are pictures or blocks of ink, not rules. */
const MAX_THICKNESS_PX = 10;

type Run = { at: number; from: number; to: number };
type Band = { first: number; last: number; sum: number; n: number; from: number; to: number };

/** Light pixels beside a rule's dark band still belong to it (its blurred edge, JPEG ringing). */
const EDGE_PX = 2;

/**
 * The page's ruling segments in PDF points (`scale` = points per pixel), and
 * the image with them painted white; runs shorter than `minLengthPt` are not rules.
 */
export function imageRules(img: GrayImage, scale: number, minLengthPt = { h: 20, v: 14 }): { rules: Rule[]; clean: GrayImage } {
  const { width: w, height: h, data } = img;
  const minH = Math.round(minLengthPt.h / scale);
  const minV = Math.round(minLengthPt.v / scale);
  const hRuns: Run[] = [];
  for (let y = 0; y < h; y++) collectRuns(data, y * w, w, y, minH, hRuns);
  const vRuns = verticalRuns(img, minV);
  const h0 = bands(hRuns);
  const v0 = bands(vRuns);
  const clean = new Uint8Array(data);
  for (const b of h0) paint(clean, w, h, b.from, b.to, b.first - EDGE_PX, b.last + 1 + EDGE_PX);
  for (const b of v0) paint(clean, w, h, b.first - EDGE_PX, b.last + 1 + EDGE_PX, b.from, b.to);
  return {
    rules: [...h0.map((b) => rule("h", b, scale)), ...v0.map((b) => rule("v", b, scale))],
    clean: { width: w, height: h, data: clean },
  };
}

/** White over the pixel rectangle [x0, x1) × [y0, y1), clipped to the image. */
function paint(data: Uint8Array, w: number, h: number, x0: number, x1: number, y0: number, y1: number): void {
  for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) data.fill(WHITE, y * w + Math.max(0, x0), y * w + Math.min(w, x1));
}

/** The runs of dark pixels along one row (`length` pixels from `offset`), at least `min` long. */
function collectRuns(data: Uint8Array, offset: number, length: number, at: number, min: number, out: Run[]): void {
  let start = -1;
  let lastDark = -1;
  for (let i = 0; i <= length; i++) {
    if (i < length && data[offset + i] < DARK) {
      if (start < 0) start = i;
      lastDark = i;
    } else if (start >= 0 && i - lastDark > MAX_GAP) {
      if (lastDark - start + 1 >= min) out.push({ at, from: start, to: lastDark + 1 });
      start = -1;
    }
  }
}

/**
 * The same runs down the columns, found row by row (one run open per column):
 * reading the image in memory order is several times faster than column by column.
 * Sorted by column, as bands() takes them.
 */
function verticalRuns(img: GrayImage, min: number): Run[] {
  const { width: w, height: h, data } = img;
  const start = new Int32Array(w).fill(-1);
  const lastDark = new Int32Array(w).fill(-1);
  const out: Run[] = [];
  for (let y = 0; y <= h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (y < h && data[row + x] < DARK) {
        if (start[x] < 0) start[x] = y;
        lastDark[x] = y;
      } else if (start[x] >= 0 && y - lastDark[x] > MAX_GAP) {
        if (lastDark[x] - start[x] + 1 >= min) out.push({ at: x, from: start[x], to: lastDark[x] + 1 });
        start[x] = -1;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at || a.from - b.from);
}

/** Runs on neighbouring pixel rows (or columns) that overlap are one line drawn a few pixels thick. */
function bands(runs: Run[]): Band[] {
  const open: Band[] = [];
  const done: Band[] = [];
  for (const r of runs) {
    let joined = false;
    for (const b of open) {
      if (r.at - b.last > 1 || r.from > b.to + 3 || r.to < b.from - 3) continue;
      b.last = r.at;
      b.sum += r.at;
      b.n++;
      b.from = Math.min(b.from, r.from);
      b.to = Math.max(b.to, r.to);
      joined = true;
      break;
    }
    if (!joined) open.push({ first: r.at, last: r.at, sum: r.at, n: 1, from: r.from, to: r.to });
    // Close bands left behind (runs come in order of `at`).
    for (let i = open.length - 1; i >= 0; i--)
      if (r.at - open[i].last > 1) done.push(...open.splice(i, 1));
  }
  done.push(...open);
  return done.filter((b) => b.last - b.first + 1 <= MAX_THICKNESS_PX);
}

function rule(axis: "h" | "v", b: Band, scale: number): Rule {
  return { axis, at: ((b.first + b.last + 1) / 2) * scale, from: b.from * scale, to: b.to * scale };
}
