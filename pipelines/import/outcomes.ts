/**
 * One file's way into the store: skipped when its content is already stored
 * (`decide`, before parsing), then ingested, recorded as failed, or passed over as
 * not a document (`store`, after the worker's parse and extract).
 */
import { sep } from "node:path";
import type { Extraction } from "../../schemas/extraction.js";
import { log } from "../../src/log.js";
import { ingestExtraction, isPendingReread, recordCopy, recordFailure, recordFileTimes, type Store, type StoredFile, StoreError } from "../../src/store/index.js";
import type { ImportOptions } from "../import.js";
import type { ExtractOutcome } from "../worker-pool.js";
import { applyRefill, replacementFor, type RefillContext } from "./refill.js";
import { countOcr, type DocumentTally, type ImportSummary } from "./summary.js";
import { fail, oneLine, type Facts } from "./walk.js";
import { unwritable } from "./write-guard.js";

const NOT_DOCUMENTS = new Set(["readme.md", "readme.txt", "license.txt", "changelog.md"]);

/** "reread": `--force` on a path whose content is unchanged. */
export type Decision = "done" | "new" | "changed" | "reread";

/** Skips what is already stored, without parsing. */
export function decide(db: Store, facts: Facts, before: StoredFile | undefined, opts: ImportOptions, summary: ImportSummary, tally: DocumentTally): Decision {
  const changed = before !== undefined && (before.sha256 !== facts.sha256 || before.status === "failed");
  if (opts.force) return changed ? "changed" : before ? "reread" : "new";
  if (before?.sha256 === facts.sha256 && before.status === "ingested") {
    if (before.size !== facts.size || before.mtime !== facts.mtime) recordFileTimes(db, facts.path, facts.size, facts.mtime);
    summary.skipped++;
    tally.unchanged(before);
    return "done";
  }
  const copy = recordCopy(db, facts, summary.run);
  if (copy) {
    log.debug({ path: facts.path }, "content already stored; path recorded");
    tally.copy(facts.path, copy.documentId!);
    if (changed) summary.changed++;
    else summary.skipped++;
    return "done";
  }
  return changed ? "changed" : "new";
}

/** The document the file was stored as, or null (failed, or not a document). */
export async function store(ctx: RefillContext, facts: Facts, outcome: ExtractOutcome, decision: Exclude<Decision, "done">): Promise<number | null> {
  const { db, summary } = ctx;
  if (!outcome.ok) {
    if (/no text layer/.test(outcome.reason)) summary.needsOcr++;
    fail(summary, facts.path, outcome.stage, outcome.reason);
    await record(ctx, facts, `${outcome.stage}: ${outcome.reason}`);
    return null;
  }
  const x = outcome.extraction;
  const why = notADocument(x, facts.path);
  if (why) {
    summary.skipped++;
    summary.skippedFiles.push({ file: facts.path, reason: why });
    return null;
  }
  try {
    const result = ctx.group.write(() => ingestExtraction(db, x, facts, summary.run, outcome.model, outcome.linked), outcome.model.text.length);
    summary[decision]++;
    summary.ingested.push({ file: facts.path, documentId: result.documentId!, status: decision });
    summary.documents++;
    summary.references += x.references.length;
    summary.tasks += x.tasks.length;
    summary.deadlines += x.deadlines.length;
    summary.metrics += x.metrics.length;
    countOcr(summary, outcome.model.ocr);
    return result.documentId;
  } catch (e) {
    // A full disk or a read-only store fails every file alike: stop the run with one line.
    // The failed transaction rolled back, so what was stored before is intact.
    if (unwritable(e)) throw new StoreError("store.unwritableStopped", { file: summary.db, reason: oneLine(e), path: facts.path });
    fail(summary, facts.path, "ingest", oneLine(e));
    await record(ctx, facts, `ingest: ${oneLine(e)}`);
    return null;
  }
}

/** Records a failed file; if its document took its rows from it, another file of it fills them in the same transaction. */
async function record(ctx: RefillContext, facts: Facts, error: string): Promise<void> {
  const { db, summary } = ctx;
  const refill = await replacementFor(ctx, facts.path);
  try {
    ctx.group.write(() =>
      db.transaction(() => {
        recordFailure(db, facts, error, summary.run);
        applyRefill(db, refill, summary.run);
      })(),
    );
    if (refill && !isPendingReread(db, refill.documentId)) summary.refilled++;
  } catch (e) {
    if (unwritable(e)) throw new StoreError("store.unwritableStopped", { file: summary.db, reason: oneLine(e), path: facts.path });
    log.error({ path: facts.path, err: oneLine(e) }, "could not record the failure");
  }
}

/**
 * A readable file that carries none of what administrative documents print — a
 * title word, a number ("Số: …"), a citation, a task — is not imported (a README,
 * notes, an export of something else).
 */
export function notADocument(x: Extraction, path: string): string | null {
  const d = x.document;
  const name = path.split(sep).pop()!.toLowerCase();
  if (NOT_DOCUMENTS.has(name)) return "project notes, not a document";
  if (d.kind || d.code || d.symbol || x.references.length || x.tasks.length) return null;
  return "not an administrative document (no title word, number, citation or task)";
}
