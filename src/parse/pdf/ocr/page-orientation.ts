/**
 * Which way the text on a page image runs, from projection profiles of its dark
 * pixels (no OCR needed):
 *
 * - sideways: lines of text leave empty bands between them; across the lines
 *   the ink is spread evenly. The axis whose profile has the sharper peaks and
 *   valleys is the one the lines run along. A sheet fed sideways has sharper
 *   columns than rows.
 * - skew: a tilted sheet smears each line's band; the angle whose sheared row
 *   profile is sharpest (largest sum of squares) is the tilt.
 *
 * Which of the two sideways turns (90° or 270°), or upright versus upside down,
 * the profiles cannot tell: Tesseract's orientation detection does (ocr-page.ts).
 */
import type { GrayImage } from "./gray-image.js";

const DARK = 140;
/** Sample every STEP-th pixel in both directions: plenty for a profile, and fast. */
const STEP = 3;
const MAX_SKEW = 2;
const SKEW_STEP = 0.05;
const COARSE_STEP = 0.25;
/** Column profile this much sharper than the row profile: the lines run down the page. */
const SIDEWAYS = 1.5;

type Ink = { xs: Int32Array; ys: Int32Array; n: number };

function ink(img: GrayImage): Ink {
  const { width: w, height: h, data } = img;
  const cap = Math.ceil(w / STEP) * Math.ceil(h / STEP);
  const xs = new Int32Array(cap);
  const ys = new Int32Array(cap);
  let n = 0;
  for (let y = 0; y < h; y += STEP)
    for (let x = 0; x < w; x += STEP)
      if (data[y * w + x] < DARK) {
        xs[n] = x;
        ys[n++] = y;
      }
  return { xs, ys, n };
}

/** Sum of squares of the profile, normalised so that a flat profile scores 1. */
function sharpness(values: Int32Array, n: number, size: number, bin: number): number {
  if (n === 0) return 0;
  const bins = new Float64Array(Math.ceil(size / bin) + 2);
  for (let i = 0; i < n; i++) bins[Math.floor(values[i] / bin)]++;
  let sq = 0;
  for (const b of bins) sq += b * b;
  return (sq * bins.length) / (n * n);
}

/**
 * True when the page's text lines clearly run top to bottom (a sheet fed turned
 * by 90° or 270°). A ruled table's columns sharpen the column profile of an
 * upright page too (as much as 1.25× its row profile on the fixtures), and an
 * orientation check costs as much as reading the page: a page in doubt is read
 * upright first, and checked only when that reading is poor (ocr-page.ts).
 */
export function isSideways(img: GrayImage): boolean {
  const k = ink(img);
  if (k.n < 500) return false;
  const bin = STEP * 3;
  const rows = sharpness(k.ys, k.n, img.height, bin);
  const cols = sharpness(k.xs, k.n, img.width, bin);
  return cols > rows * SIDEWAYS;
}

/** The tilt of the text lines in degrees (positive: descending to the right), 0 when unsure. */
export function estimateSkew(img: GrayImage): number {
  const k = ink(img);
  if (k.n < 500) return 0;
  const sheared = new Int32Array(k.n);
  const cx = img.width / 2;
  const margin = Math.ceil(img.width * Math.tan((MAX_SKEW * Math.PI) / 180)) + 1;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < k.n; i++) sheared[i] = Math.round(k.ys[i] - (k.xs[i] - cx) * t) + margin;
    return sharpness(sheared, k.n, img.height + 2 * margin, STEP);
  };
  // Coarse, then fine around the best coarse angle: a line of text smears over
  // about a degree of tilt, so the coarse step cannot step over the peak.
  let best = 0;
  let bestScore = score(0);
  const search = (from: number, to: number, step: number) => {
    for (let d = from; d <= to + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore * 1.0001) {
        best = d;
        bestScore = s;
      }
    }
  };
  search(-MAX_SKEW, MAX_SKEW, COARSE_STEP);
  const centre = best;
  search(Math.max(-MAX_SKEW, centre - COARSE_STEP), Math.min(MAX_SKEW, centre + COARSE_STEP), SKEW_STEP);
  return Math.round(best * 100) / 100;
}
