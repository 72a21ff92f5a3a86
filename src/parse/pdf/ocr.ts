/**
 * OCR for the pages of a PDF that have no usable text layer: none at all (a
 * scan), or a garbled one over a page image (a phone app's OCR without
 * diacritics under the scan).
 *
 * Those pages are rendered and read by Tesseract (src/parse/pdf/ocr/), and
 * their words replace the page's marks, so the rest of the PDF route lays a
 * scanned page out exactly as it lays out a born-digital one. Pages with good
 * text are left alone. Results are cached by the file's sha256 when a cache
 * folder is given (the import keeps one beside the store).
 *
 * Without Tesseract, or with OCR turned off, the marks come back unchanged and
 * `unavailable` says why (the caller refuses a file that then has no text).
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Message } from "../../../schemas/document.js";
import type { Glyph, PageMarks } from "./marks.js";
import type { Line } from "./text-lines.js";
import { OcrCache } from "./ocr/ocr-cache.js";
import type { OcrCellDraft } from "./ocr/ocr-cells.js";
import { ocrMarks, type OcrLineDraft, type OcrPage } from "./ocr/ocr-marks.js";
import { ocrPage } from "./ocr/ocr-page.js";
import { pagesWithImages } from "./ocr/page-images.js";
import { ocrUnavailable } from "./ocr/tesseract.js";
import { isGarbled, textLayerQuality } from "./ocr/text-layer-quality.js";

export type OcrOptions = {
  /** Default true; false is `--no-ocr`. */
  enabled?: boolean;
  /** Folder of cached OCR results (by sha256); none: no cache. */
  cacheDir?: string;
  /** Time limit for rendering or reading one page (default 120 s; the import passes its --timeout). */
  pageTimeoutMs?: number;
  /** Called after each OCR'd page (progress; the import's worker pool resets its time limit). */
  onPage?: (e: { page: number; cached: boolean }) => void;
};

/** What the document model records about OCR (lines get their spans in layout). */
export type OcrDraft = {
  engine: string;
  pages: number[];
  meanConfidence: number;
  cachedPages: number;
  lines: OcrLineDraft[];
  /** Ruled cells of the OCR'd pages (their boxes go to the model's table cells, ocr-cells.ts). */
  cells: OcrCellDraft[];
};

export type OcrResult = { marks: PageMarks[]; ocr: OcrDraft | null; warnings: Message[]; unavailable: string | null };

/** Two pages at a time: Tesseract runs single-threaded, and the machine has two cores. */
const CONCURRENCY = 2;

/** `linesOf`: a page's text lines when the caller lays them out anyway (the quality check reads the same lines). */
export async function ocrWhereNeeded(bytes: Uint8Array, marks: PageMarks[], options: OcrOptions = {}, linesOf?: (p: PageMarks) => Line[]): Promise<OcrResult> {
  const warnings: Message[] = [];
  // Judged only for pages with text: a page without any is read by OCR anyway.
  const quality = new Map(marks.filter((p) => p.glyphs.some(isVisibleText)).map((p) => [p.number, textLayerQuality(p.glyphs, linesOf?.(p))]));
  const overImages = await pagesWithImages(
    bytes,
    marks.filter((p) => p.glyphs.some(isVisibleText) && isGarbled(quality.get(p.number)!)).map((p) => p.number),
  );
  const needed = marks.filter((p) => {
    if (!p.glyphs.some(isVisibleText)) return true;
    if (!overImages.has(p.number)) return false;
    const q = quality.get(p.number)!;
    warnings.push({
      source: "parse-pdf-ocr",
      reason: `garbled text layer (${Math.round(q.marked * 100)}% of words with diacritics, ${Math.round(q.syllables * 100)}% Vietnamese syllables): page read by OCR instead`,
      page: p.number,
      span: null,
    });
    return true;
  });
  if (!needed.length) return { marks, ocr: null, warnings, unavailable: null };
  if (options.enabled === false) return { marks, ocr: null, warnings, unavailable: "OCR turned off (--no-ocr)" };
  const missing = await ocrUnavailable();
  if (missing) return { marks, ocr: null, warnings, unavailable: missing };

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const cache = await OcrCache.open(options.cacheDir, sha256);
  const timeout = options.pageTimeoutMs ?? 120_000;
  const work = await mkdtemp(join(tmpdir(), "vanban-ocr-"));
  const read = new Map<number, OcrPage>();
  let cachedPages = 0;
  try {
    const pdf = join(work, "in.pdf");
    if (needed.some((p) => !cache.get(p.number))) await writeFile(pdf, bytes);
    const queue = [...needed];
    const next = async (): Promise<void> => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        let page = cache.get(p.number);
        const cached = page !== null;
        if (!page) {
          page = await ocrPage(pdf, p.number, work, timeout).catch((e: unknown) => {
            throw new Error(`OCR of page ${p.number} failed: ${oneLine(e)}`);
          });
          cache.put(page);
        } else cachedPages++;
        read.set(p.number, page);
        options.onPage?.({ page: p.number, cached });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, next));
    await cache.save();
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const lines: OcrLineDraft[] = [];
  const cells: OcrCellDraft[] = [];
  const out = marks.map((m) => {
    const page = read.get(m.number);
    if (!page) return m;
    const r = ocrMarks(page);
    lines.push(...r.lines);
    cells.push(...r.cells);
    warnings.push(...r.warnings);
    return r.marks;
  });
  const words = lines.reduce((n, l) => n + l.text.split(" ").length, 0);
  const confSum = lines.reduce((s, l) => s + l.confidence * l.text.split(" ").length, 0);
  return {
    marks: out,
    ocr: {
      engine: "tesseract -l vie",
      pages: needed.map((p) => p.number),
      meanConfidence: words ? Math.round((confSum / words) * 10) / 10 : 0,
      cachedPages,
      lines,
      cells,
    },
    warnings,
    unavailable: null,
  };
}

export const isVisibleText = (g: Glyph) => /[\p{L}\p{N}]/u.test(g.text);

function oneLine(e: unknown): string {
  const err = e as { killed?: boolean; signal?: string; message?: string };
  if (err?.killed || err?.signal === "SIGTERM") return "timed out";
  return String(err?.message ?? e).split("\n")[0];
}
