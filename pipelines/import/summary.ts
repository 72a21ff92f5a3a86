/**
 * The import's account in documents, not files: a clerk asks "which documents are
 * new, which changed", and a document may come as a PDF and a DOCX, or be copied
 * into two folders. Files are still counted (`new`, `changed`, `skipped`); this adds
 *
 * - `byDocument`: documents new to the store (a document only cited before and now
 *   held counts as new), changed (stored again from other content), unchanged (all
 *   its files the same), read again (`--force` on unchanged content);
 * - `copies`: files whose content the store already holds under another path —
 *   recorded beside that document, not parsed, and named by its code or title;
 * - `missing`: stored files under the imported folders that are no longer on disk
 *   (an import with `--prune` forgets them).
 */
import { existsSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { OcrInfo } from "../../schemas/document.js";
import { documentSummaries, heldDocumentIds, storedPaths, type Store, type StoredFile } from "../../src/store/index.js";
import type { ImportSummary as ImportSummaryAnswer } from "../../schemas/answers.js";

/** The run's account: the zod schema (schemas/answers.ts) is the one source of its type. */
export type ImportSummary = ImportSummaryAnswer;
export type ImportError = ImportSummary["errors"][number];
export type SkippedFile = ImportSummary["skippedFiles"][number];
export type IngestedFile = ImportSummary["ingested"][number];

export function emptySummary(run: number, db: string): ImportSummary {
  return {
    db, run, seen: 0, new: 0, changed: 0, reread: 0, skipped: 0, failed: 0, errors: [], skippedFiles: [], needsOcr: 0, pruned: 0, ingested: [],
    pages: 0, documents: 0, references: 0, tasks: 0, deadlines: 0, metrics: 0, seconds: 0, refilled: 0, repair: null,
    ocr: { documents: 0, pages: 0, cachedPages: 0, meanConfidence: null },
    byDocument: { new: 0, changed: 0, unchanged: 0, reread: 0 }, copies: [], missing: [],
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

type DocumentOutcome = keyof ImportSummary["byDocument"];
/** A document touched by several files of one run is told once, by the most telling of its outcomes. */
const WEIGHT: Record<DocumentOutcome, number> = { new: 3, changed: 2, reread: 1, unchanged: 0 };

export class DocumentTally {
  /** Taken before the run writes anything. */
  private readonly heldBefore: Set<number>;
  private readonly outcomes = new Map<number, DocumentOutcome>();
  private readonly copies: { file: string; documentId: number }[] = [];

  constructor(db: Store) {
    this.heldBefore = heldDocumentIds(db);
  }

  /** A file parsed and stored as document `id`; `before` is what the store held at the file's path. */
  stored(id: number, before: StoredFile | undefined, sha256: string): void {
    if (!this.heldBefore.has(id)) this.note(id, "new");
    else this.note(id, before?.sha256 === sha256 && before.status === "ingested" ? "reread" : "changed");
  }

  /** A file whose stored content is the same: its document, if it holds one, is unchanged (unless another file says otherwise). */
  unchanged(before: StoredFile): void {
    if (before.documentId !== null) this.note(before.documentId, "unchanged");
  }

  /** A path whose content the store holds under another path (recorded beside document `id`, not parsed). */
  copy(file: string, id: number): void {
    this.copies.push({ file, documentId: id });
    this.note(id, "unchanged");
  }

  private note(id: number, outcome: DocumentOutcome): void {
    const was = this.outcomes.get(id);
    if (was === undefined || WEIGHT[outcome] > WEIGHT[was]) this.outcomes.set(id, outcome);
  }

  /** Fills the summary's document counts, the copies (with the code or title of the document each repeats) and the missing files. */
  finish(db: Store, summary: ImportSummary, missing: string[]): void {
    const counts = { new: 0, changed: 0, unchanged: 0, reread: 0 };
    for (const outcome of this.outcomes.values()) counts[outcome]++;
    summary.byDocument = counts;
    const docs = documentSummaries(db, this.copies.map((c) => c.documentId));
    summary.copies = this.copies.map((c) => {
      const d = docs.get(c.documentId);
      return { ...c, of: d?.code ?? d?.title ?? `#${c.documentId}` };
    });
    summary.missing = missing;
  }
}

/**
 * Stored paths under the folders named on the command line that this run did not
 * see and that no longer exist: what `--prune` forgets, and what the summary lists
 * without it.
 */
export function vanishedPaths(db: Store, roots: string[], seen: Set<string>): string[] {
  const folders = roots.map((r) => resolve(r)).map((r) => (r.endsWith(sep) ? r : r + sep));
  return storedPaths(db).filter((path) => !seen.has(path) && folders.some((f) => path.startsWith(f)) && !existsSync(path));
}
