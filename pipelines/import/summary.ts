/** What an import run reports (`--json` prints it), and how it is added up. */
import type { OcrInfo } from "../../schemas/document.js";
import type { RepairPlan } from "../../src/store/index.js";

export type ImportError = { file: string; stage: string; reason: string };
export type SkippedFile = { file: string; reason: string };
export type IngestedFile = { file: string; documentId: number; status: "new" | "changed" };

export type ImportSummary = {
  /** The store file. */
  db: string;
  run: number;
  seen: number;
  /** Paths not in the store before, whose content was parsed and ingested. */
  new: number;
  /** Paths already in the store whose content changed. */
  changed: number;
  /** Unchanged paths, copies of stored content, and files that are not documents. */
  skipped: number;
  failed: number;
  errors: ImportError[];
  /** Files passed over for a reason worth telling (not a document, a symlink loop). */
  skippedFiles: SkippedFile[];
  /** Failed files that are scanned PDFs without a text layer (counted in `failed` too). */
  needsOcr: number;
  pruned: number;
  ingested: IngestedFile[];
  pages: number;
  documents: number;
  references: number;
  tasks: number;
  deadlines: number;
  metrics: number;
  /** Documents stored from this run that were read (in part) by OCR; pages OCR'd, of them from the cache; mean confidence (0–100, by page). */
  ocr: { documents: number; pages: number; cachedPages: number; meanConfidence: number | null };
  seconds: number;
  /** Documents filled again from another of their files after the one their rows came from went away or broke. */
  refilled: number;
  /** What `repair` found to do. */
  repair: RepairPlan | null;
};

export function emptySummary(run: number, db: string): ImportSummary {
  return {
    db, run, seen: 0, new: 0, changed: 0, skipped: 0, failed: 0, errors: [], skippedFiles: [], needsOcr: 0, pruned: 0, ingested: [],
    pages: 0, documents: 0, references: 0, tasks: 0, deadlines: 0, metrics: 0, seconds: 0, refilled: 0, repair: null,
    ocr: { documents: 0, pages: 0, cachedPages: 0, meanConfidence: null },
  };
}

/** Adds a stored document's OCR pages and confidence (a mean by page) to the run's. */
export function countOcr(summary: ImportSummary, ocr: Omit<OcrInfo, "lines"> | undefined): void {
  if (!ocr) return;
  const s = summary.ocr;
  const before = (s.meanConfidence ?? 0) * s.pages;
  s.documents++;
  s.pages += ocr.pages.length;
  s.cachedPages += ocr.cachedPages;
  s.meanConfidence = s.pages ? Math.round(((before + ocr.meanConfidence * ocr.pages.length) / s.pages) * 10) / 10 : null;
}
