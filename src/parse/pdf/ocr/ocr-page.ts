/**
 * One page through OCR: render at 300 dpi → grey, red seals and stamps left
 * out (gray-image.ts) → turn upright → straighten → ruling lines found and
 * erased → Tesseract → a second reading for table cells it left empty
 * (empty-cells.ts).
 *
 * Orientation: a page is read as it is unless its ink profile is clearly
 * sideways (page-orientation.ts); one that is, or whose first reading is poor,
 * is asked of Tesseract's orientation detection (`--psm 0`, as slow as a
 * reading), read turned as it says, and the better reading kept. Upright
 * pages, tables included, pay nothing.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isSyllable } from "../../../normalise/syllable.js";
import { encodePgm, readPnm, rotateQuarter, straighten, type GrayImage } from "./gray-image.js";
import { stackEmptyCells, wordsFromStack } from "./empty-cells.js";
import { imageRules } from "./image-rules.js";
import type { OcrPage } from "./ocr-marks.js";
import { estimateSkew, isSideways } from "./page-orientation.js";
import { detectTurns, recognise, renderPage } from "./tesseract.js";

export const OCR_DPI = 300;
/** Straightening by less than this moves nothing by more than a pixel or two. */
const MIN_SKEW = 0.05;

export async function ocrPage(pdf: string, number: number, workDir: string, timeoutMs: number): Promise<OcrPage> {
  const prefix = join(workDir, `page-${number}`);
  const image = readPnm(await renderPage(pdf, number, OCR_DPI, prefix, timeoutMs));
  let osd: number | null | undefined;
  const askOsd = async () => (osd === undefined ? (osd = await detectTurns(`${prefix}.ppm`, OCR_DPI, timeoutMs)) : osd);
  const turns = isSideways(image) ? ((await askOsd()) ?? 1) : 0;
  let best = await readTurned(image, turns, number, workDir, timeoutMs);
  if (isPoor(best)) {
    const other = await askOsd();
    if (other !== null && other !== turns) {
      const again = await readTurned(image, other, number, workDir, timeoutMs);
      if (quality(again) > quality(best)) best = again;
    }
  }
  return best;
}

async function readTurned(image: GrayImage, turns: number, number: number, workDir: string, timeoutMs: number): Promise<OcrPage> {
  const turned = rotateQuarter(image, turns);
  const skew = estimateSkew(turned);
  const straight = Math.abs(skew) >= MIN_SKEW ? straighten(turned, skew) : turned;
  const scale = 72 / OCR_DPI;
  const { rules, clean } = imageRules(straight, scale);
  const file = join(workDir, `page-${number}-${turns % 4}.pgm`);
  await writeFile(file, encodePgm(clean));
  const words = await recognise(file, OCR_DPI, timeoutMs);
  const stack = stackEmptyCells(clean, rules, words, scale);
  if (stack) {
    const cellsFile = join(workDir, `page-${number}-${turns % 4}-cells.pgm`);
    await writeFile(cellsFile, encodePgm(stack.image));
    words.push(...wordsFromStack(stack, await recognise(cellsFile, OCR_DPI, timeoutMs, 6)));
  }
  return {
    number,
    width: straight.width * scale,
    height: straight.height * scale,
    dpi: OCR_DPI,
    turns: turns % 4,
    skew,
    words,
    rules,
  };
}

/** Mean confidence times the share of words that are Vietnamese syllables (0–100). */
function quality(p: OcrPage): number {
  const letters = p.words.filter((w) => /^\p{L}+$/u.test(w.text));
  if (letters.length < 5) return 0;
  const conf = p.words.reduce((s, w) => s + w.conf, 0) / p.words.length;
  return conf * (letters.filter((w) => isSyllable(w.text)).length / letters.length);
}

const isPoor = (p: OcrPage) => quality(p) < 50;
