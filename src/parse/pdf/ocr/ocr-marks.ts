/**
 * Tesseract's words → the glyphs and rules the PDF route lays out.
 *
 * Each recognised word becomes one glyph per letter, spread evenly over the
 * word's box, on its line's baseline, with a drawn space between the words of
 * a line: from there on a scanned page goes through the same code as a
 * born-digital one (text lines, ruled and borderless tables, running headers,
 * paragraphs), so both give the same blocks.
 *
 * What a scan adds on top of printed text is left out here, not passed on as
 * garbage tokens:
 * - stamps and signatures over text: words read with low confidence that are
 *   not a Vietnamese syllable, a number or a code;
 * - numbers and days filled in by hand after signing ("Số: 125 /KH-UBND",
 *   "ngày 15 tháng 4"): on the number or the place-and-date line, digits read
 *   with less than print confidence or written taller than the print. The printed symbol stays, so the code
 *   is left unknown rather than guessed; a warning says where.
 */
import type { Message } from "../../../../schemas/document.js";
import { foldForMatch } from "../../../normalise/fold.js";
import { message } from "../../draft.js";
import type { Glyph, PageMarks, Rule } from "../marks.js";
import { isSyllable } from "../../../normalise/syllable.js";
import { splitGluedSyllables } from "../syllables.js";
import { ocrCells, type OcrCellDraft, type PlacedWord } from "./ocr-cells.js";
import type { TesseractWord } from "./tesseract.js";

/** What the OCR of one page produced (cached by the file's sha256). */
export type OcrPage = {
  number: number;
  /** Page size in PDF points, upright. */
  width: number;
  height: number;
  dpi: number;
  /** Clockwise quarter turns applied to make the page upright, and the tilt straightened (degrees). */
  turns: number;
  skew: number;
  words: TesseractWord[];
  /** Ruling lines found in the image, in points. */
  rules: Rule[];
};

/** One OCR line as the document model keeps it (span placed later, in the laid-out text). */
export type OcrLineDraft = { page: number; text: string; box: { x0: number; y0: number; x1: number; y1: number }; confidence: number };

const SOURCE = "parse-pdf-ocr";
/** Below this Tesseract is guessing: stamps, signatures, smudges. */
export const MIN_CONFIDENCE = 30;
/** Below this a word must at least look like Vietnamese, a number or a code to be kept. */
const SHAKY = 65;
/** Printed digits read this well; hand-written ones do not. */
const PRINT_DIGITS = 85;
const LONE_MARK = 85;
const SPECK_PX = 6;
/** Pen writing on a printed line stands this much taller than the print (median word height). */
const HAND_HEIGHT = 1.5;
const HAND_DIGITS = 1.15;

// "\b" is ASCII-only in JS regexes: word ends are written as lookarounds on \p{L}.
const NUMBER_LINE = /^(?:số|so)(?!\p{L})/iu;
const DATE_LINE = /(?<!\p{L})ngày(?!\p{L}).*(?<!\p{L})tháng(?!\p{L})/iu;

export function ocrMarks(p: OcrPage): { marks: PageMarks; lines: OcrLineDraft[]; cells: OcrCellDraft[]; warnings: Message[] } {
  const scale = 72 / p.dpi;
  const byLine = new Map<string, TesseractWord[]>();
  for (const w of p.words) {
    const list = byLine.get(w.line);
    if (list) list.push(w);
    else byLine.set(w.line, [w]);
  }
  const glyphs: Glyph[] = [];
  const lines: OcrLineDraft[] = [];
  const placed: PlacedWord[] = [];
  let dropped = 0;
  const handwritten: string[] = [];
  for (const read of byLine.values()) {
    const words = joinOverlapping(read);
    const lineText = foldForMatch(words.map((w) => w.text).join(" "));
    const filledIn = NUMBER_LINE.test(lineText) || DATE_LINE.test(lineText);
    const usual = usualHeight(words);
    const hand = filledIn ? handwrittenWords(words, usual) : new Set<TesseractWord>();
    const kept = words.flatMap((w) => {
      if (hand.has(w)) {
        handwritten.push(w.text);
        const symbol = printedPart(w);
        return symbol ? [symbol] : [];
      }
      const clean = withoutRuleStrokes(w);
      if (clean && keepWord(clean)) return splitGlued(clean);
      dropped++;
      return [];
    });
    if (!kept.length) continue;
    const base = baseline(kept) * scale;
    // A word's box (ascender to descender) is about an em high.
    const size = Math.max(4, usual * scale);
    kept.forEach((w, i) => {
      const chars = Array.from(w.text);
      const x0 = w.left * scale;
      const step = (w.width * scale) / chars.length;
      if (i > 0) {
        const prevRight = (kept[i - 1].left + kept[i - 1].width) * scale;
        glyphs.push({ text: " ", x0: prevRight, x1: Math.max(prevRight, x0), base, size, bold: false, space: true });
      }
      chars.forEach((c, k) => glyphs.push({ text: c, x0: x0 + k * step, x1: x0 + (k + 1) * step, base, size, bold: false, space: false }));
      // Where the layout takes the word's letters to stand (ruled-tables.ts assigns them to cells so).
      placed.push({ x: x0 + (w.width * scale) / 2, y: base - 0.3 * size, text: w.text, conf: w.conf });
    });
    lines.push({
      page: p.number,
      text: kept.map((w) => w.text).join(" "),
      box: {
        x0: Math.min(...kept.map((w) => w.left)) * scale,
        y0: Math.min(...kept.map((w) => w.top)) * scale,
        x1: Math.max(...kept.map((w) => w.left + w.width)) * scale,
        y1: Math.max(...kept.map((w) => w.top + w.height)) * scale,
      },
      confidence: round1(kept.reduce((s, w) => s + w.conf, 0) / kept.length),
    });
  }
  const warnings: Message[] = [];
  if (handwritten.length)
    warnings.push(message(SOURCE, `hand-written number or day left out (${handwritten.join(" ")}): read it on the original`, p.number));
  if (dropped) warnings.push(message(SOURCE, `${dropped} low-confidence words left out (stamp, signature or smudge)`, p.number));
  const marks = { number: p.number, width: p.width, height: p.height, glyphs, rules: p.rules, skippedRotated: 0 };
  return { marks, lines, cells: ocrCells(p.number, p.rules, placed), warnings };
}

/**
 * Two words of a line whose boxes overlap are one word Tesseract read in two
 * pieces ("13-TB/CQ" over the left of "TT"): laid out as two, their letters
 * would interleave. One word, the text in Tesseract's order, the surer of the
 * two readings' confidence the lower.
 */
function joinOverlapping(words: TesseractWord[]): TesseractWord[] {
  const out: TesseractWord[] = [];
  for (const w of words.filter((x) => !isSpeck(x))) {
    const prev = out[out.length - 1];
    const prevRight = prev ? prev.left + prev.width : -1;
    if (!prev || w.left >= prevRight - 1 || !sameRow(prev, w)) {
      out.push(w);
      continue;
    }
    const right = Math.max(prevRight, w.left + w.width);
    const top = Math.min(prev.top, w.top);
    const bottom = Math.max(prev.top + prev.height, w.top + w.height);
    out[out.length - 1] = { ...prev, text: prev.text + w.text, conf: Math.min(prev.conf, w.conf), width: right - prev.left, top, height: bottom - top };
  }
  return out;
}

/**
 * On the number or date line: digits read with less than print confidence, or
 * digits and stray marks written much taller than the printed words around them.
 */
function isHandwritten(w: TesseractWord, usualHeight: number): boolean {
  const digits = /\d/.test(w.text);
  if (digits && w.conf < PRINT_DIGITS) return true;
  // Printed digits stand no taller than capitals, well under a word with ascenders and descenders.
  if (/^\d+$/.test(w.text)) return w.height > HAND_DIGITS * usualHeight;
  return (digits || !plausible(w.text)) && w.height > HAND_HEIGHT * usualHeight;
}

/** Hand-written words of a number or date line, with the digits written next to them (one number, read in pieces). */
function handwrittenWords(words: TesseractWord[], usualHeight: number): Set<TesseractWord> {
  const hand = new Set(words.filter((w) => isHandwritten(w, usualHeight)));
  const near = (a: TesseractWord, b: TesseractWord) => Math.abs(b.left - (a.left + a.width)) < 0.5 * usualHeight;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (hand.has(w) || !/^\d+$/.test(w.text)) continue;
    // Digits after a pen mark glued to a printed date word ("znăm 2025") follow the print.
    if ((i > 0 && hand.has(words[i - 1]) && !DATE_WORD_AT_END.test(words[i - 1].text) && near(words[i - 1], w)) || (i + 1 < words.length && hand.has(words[i + 1]) && near(w, words[i + 1]))) hand.add(w);
  }
  return hand;
}

const SYMBOL = String.raw`(\p{Lu}[\p{Lu}\d]*(?:[-/.]\p{Lu}?[\p{Lu}\d]*)*)`;
const AFTER_HAND = new RegExp(String.raw`^([^/\-–]{1,8})[/\-–]` + SYMBOL + "$", "u");
const DATE_WORD_AT_END = /^.{1,4}?(ngày|tháng|năm)$/u;
const AFTER_DIGITS = new RegExp(String.raw`^\d[^\p{Lu}]*?\/?` + SYMBOL + "$", "u");

/**
 * The printed symbol Tesseract read together with a hand-written number
 * ("980/C04-P6", "#Ñ/C04-P6", "9C04-P6" → "/C04-P6"): kept, so the document keeps
 * its symbol with the number unknown. The hand wrote what comes before the first
 * "/" or "-" (whatever Tesseract made of it), or the digits before the first
 * capital. Likewise a printed "ngày", "tháng" or "năm" read glued to the pen's
 * figure before it. The box shrinks to the printed part's share of the word.
 */
function printedPart(w: TesseractWord): TesseractWord | null {
  const afterHand = AFTER_HAND.exec(w.text);
  const afterDigits = AFTER_DIGITS.exec(w.text);
  // A prefix of capitals alone is printed ("KH" of "KH-UBND"), not a number.
  const symbol = afterDigits?.[1] ?? (afterHand && !/^\p{Lu}+$/u.test(afterHand[1]) ? afterHand[2] : null);
  // On the date line, the pen's figure read glued to the printed word after it ("znăm").
  const dateWord = DATE_WORD_AT_END.exec(w.text)?.[1];
  if (!symbol && !dateWord) return null;
  const text = symbol ? `/${symbol}` : dateWord!;
  const share = Math.min(1, text.length / w.text.length);
  const width = Math.round(w.width * share);
  return { ...w, text, left: w.left + w.width - width, width };
}

/**
 * Sure words stay; shaky ones only when they look like Vietnamese, a number or a
 * code; guesses only when they are a whole syllable of three letters or more
 * (Tesseract is sometimes unsure of a clean word beside a smudge; stamps and
 * scribbles read as short fragments).
 */
/** A table rule read as a character at a word's edge ("|Tiếp", "quả|") is not part of the word. */
function withoutRuleStrokes(w: TesseractWord): TesseractWord | null {
  const text = w.text.replace(/^[|¦[\]{}_]+|[|¦[\]{}_]+$/gu, "");
  return text ? { ...w, text } : null;
}

/** Syllables Tesseract read as one word ("Pháttriển") become words again, the box shared by letters. */
function splitGlued(w: TesseractWord): TesseractWord[] {
  const m = /^(\P{L}*)(\p{L}+)(\P{L}*)$/u.exec(w.text);
  const parts = m && m[2] !== m[2].toLocaleUpperCase("vi") ? splitGluedSyllables(m[2]) : null;
  if (!m || !parts) return [w];
  parts[0] = m[1] + parts[0];
  parts[parts.length - 1] += m[3];
  const perChar = w.width / w.text.length;
  let left = w.left;
  return parts.map((text) => {
    const width = Math.round(text.length * perChar);
    const piece = { ...w, text, left, width: Math.max(1, width - 1) };
    left += width;
    return piece;
  });
}

/** Boxes that share most of the shorter one's height: letters of one row, not a speck above or below it. */
function sameRow(a: TesseractWord, b: TesseractWord): boolean {
  const overlap = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return overlap >= 0.5 * Math.min(a.height, b.height);
}

/** Dust: a "word" a few pixels across (a full stop at 300 dpi is about 8). */
const isSpeck = (w: TesseractWord) => w.width < SPECK_PX && w.height < SPECK_PX && /\p{L}|\p{N}/u.test(w.text);

function keepWord(w: TesseractWord): boolean {
  // A lone mark or letter (not a digit: table ordinals) is what specks, rule ends and stamp edges read as.
  if (Array.from(w.text).length === 1 && !/\d/.test(w.text) && w.conf < LONE_MARK) return false;
  if (w.conf >= SHAKY) return true;
  if (!plausible(w.text)) return false;
  return w.conf >= MIN_CONFIDENCE || (w.conf > 0 && Array.from(w.text.match(/\p{L}/gu) ?? []).length >= 3 && isSyllable(w.text.replace(/\P{L}+/gu, "")));
}

/** The print's word height on a line (lower median of the words with letters and no digits). */
function usualHeight(words: TesseractWord[]): number {
  const print = words.filter((w) => /\p{L}/u.test(w.text) && !/\d/.test(w.text));
  const heights = (print.length ? print : words).map((w) => w.height).sort((a, b) => a - b);
  return heights[Math.floor((heights.length - 1) / 2)];
}

/** A Vietnamese syllable, an abbreviation, a number or a document code, with its punctuation. */
function plausible(text: string): boolean {
  const core = text.replace(/^[("“'\-–]+|[)"”',.;:!?\-–]+$/gu, "");
  if (!core) return /^[-–.,;:]$/.test(text);
  if (/^\p{L}+$/u.test(core)) return isSyllable(core) || (core === core.toLocaleUpperCase("vi") && core.length <= 6);
  return /^[\p{Lu}\d][\p{Lu}\d/.,\-–]*$/u.test(core) && /\d|\p{Lu}{2}/u.test(core);
}

/**
 * The line's baseline in pixels: the bottom of its words that have nothing below
 * the baseline (no descender, no dot below); a line of only such words falls
 * back to its median bottom less a descender.
 */
function baseline(words: TesseractWord[]): number {
  const flat = words.filter((w) => /\p{L}{2}/u.test(w.text) && !descends(w.text));
  const bottoms = (flat.length ? flat : words).map((w) => w.top + w.height).sort((a, b) => a - b);
  const median = bottoms[Math.floor(bottoms.length / 2)];
  if (flat.length) return median;
  const h = words[0].lineBottom - words[0].lineTop;
  return median - 0.2 * h;
}

/** Letters that reach below the baseline: descenders, and the dot below (nặng tone). */
const descends = (text: string) => /[gjpqy,;]/.test(text) || text.normalize("NFD").includes("\u0323");

const round1 = (n: number) => Math.round(n * 10) / 10;
