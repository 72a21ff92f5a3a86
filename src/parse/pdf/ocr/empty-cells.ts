/**
 * A second reading for the cells of a ruled table that Tesseract's page layout
 * left empty although they hold ink.
 *
 * With the rules erased (image-rules.ts) Tesseract reads each cell's text as a
 * column of print, but it takes a short text alone in a narrow column (a row's
 * ordinal "1.", "II", the "STT" over them) for noise and reads nothing there.
 * Those cells are cut out, stacked one under another with white between them,
 * and read in one more Tesseract run as a block of text (`--psm 6`); the words
 * are put back where their cell is on the page. One run per page whatever the
 * number of cells, and none on a page whose cells were all read.
 */
import type { Rule } from "../marks.js";
import { findGrids } from "../table-grid.js";
import { WHITE, type GrayImage } from "./gray-image.js";
import { MIN_CONFIDENCE } from "./ocr-marks.js";
import type { TesseractWord } from "./tesseract.js";

const DARK = 140;
/** Pixels of the cell's border left out of the crop (the erased rule's blur). */
const INSET_PX = 4;
/** White between two crops, and left of each: a line's height at 300 dpi. */
const GAP_PX = 40;
/** Text is at least this many pixel rows of ink one after another; scanner specks are not. */
const MIN_INK_ROWS = 12;

/** A rectangle of the image, in pixels. */
type Rect = { x0: number; y0: number; x1: number; y1: number };

/** The stacked image and where each cell's crop sits in it (its top row). */
export type CellStack = { image: GrayImage; cells: { rect: Rect; top: number }[] };

/**
 * The grid cells (from the rules, in points; `scale` = points per pixel) that
 * hold ink and no recognised word, stacked into one image; null when there are none.
 */
export function stackEmptyCells(img: GrayImage, rules: Rule[], words: TesseractWord[], scale: number): CellStack | null {
  const rects: Rect[] = [];
  for (const grid of findGrids(rules))
    for (const c of grid.cells) {
      const r = {
        x0: Math.round(c.x0 / scale) + INSET_PX,
        y0: Math.round(c.y0 / scale) + INSET_PX,
        x1: Math.round(c.x1 / scale) - INSET_PX,
        y1: Math.round(c.y1 / scale) - INSET_PX,
      };
      if (r.x1 - r.x0 < GAP_PX / 2 || r.y1 - r.y0 < MIN_INK_ROWS) continue;
      if (words.some((w) => isRead(w) && inside(r, w.left + w.width / 2, w.top + w.height / 2))) continue;
      if (hasText(img, r)) rects.push(r);
    }
  if (!rects.length) return null;
  const width = Math.max(...rects.map((r) => r.x1 - r.x0)) + 2 * GAP_PX;
  const height = rects.reduce((h, r) => h + r.y1 - r.y0 + GAP_PX, GAP_PX);
  const data = new Uint8Array(width * height).fill(WHITE);
  const cells: CellStack["cells"] = [];
  let top = GAP_PX;
  for (const r of rects) {
    for (let y = r.y0; y < r.y1; y++) data.set(img.data.subarray(y * img.width + r.x0, y * img.width + r.x1), (top + y - r.y0) * width + GAP_PX);
    cells.push({ rect: r, top });
    top += r.y1 - r.y0 + GAP_PX;
  }
  return { image: { width, height, data }, cells };
}

/** The words read from the stack, moved back to their cells on the page; each cell's lines keep their own keys. */
export function wordsFromStack(stack: CellStack, words: TesseractWord[]): TesseractWord[] {
  return words.flatMap((w) => {
    const mid = w.top + w.height / 2;
    const i = stack.cells.findIndex((c) => mid >= c.top && mid < c.top + c.rect.y1 - c.rect.y0);
    if (i < 0) return [];
    const { rect, top } = stack.cells[i];
    const dx = rect.x0 - GAP_PX;
    const dy = rect.y0 - top;
    return [{ ...w, left: w.left + dx, top: w.top + dy, lineTop: w.lineTop + dy, lineBottom: w.lineBottom + dy, line: `cell${i}.${w.line}` }];
  });
}

/** A word Tesseract read with some confidence; scraps of a rule ("|", "_") and guesses at specks do not count. */
const isRead = (w: TesseractWord) => w.conf >= MIN_CONFIDENCE && /[\p{L}\p{N}]/u.test(w.text);

const inside = (r: Rect, x: number, y: number) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;

/** Some run of MIN_INK_ROWS pixel rows, each with dark pixels: a line of letters, not specks. */
function hasText(img: GrayImage, r: Rect): boolean {
  let run = 0;
  for (let y = r.y0; y < r.y1; y++) {
    let dark = 0;
    for (let x = r.x0, i = y * img.width + r.x0; x < r.x1; x++, i++) if (img.data[i] < DARK) dark++;
    run = dark >= 2 ? run + 1 : 0;
    if (run >= MIN_INK_ROWS) return true;
  }
  return false;
}
