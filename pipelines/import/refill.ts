/**
 * Keeping documents filled when the file their rows came from goes away or breaks.
 *
 * A document held as PDF, DOCX and text takes its rows from one file (ingest.ts).
 * Before that file is forgotten (`--prune`) or recorded as failed, another file of
 * the document is parsed, and its rows are written in the same transaction that
 * removes the old ones (`replacementFor` + `applyRefill`): no reader ever sees the
 * document empty. Whatever empties a document without a replacement at hand (no
 * other file parses yet, a changed file that now describes another document, a run
 * killed at any moment) is on record in pending_rereads (src/store/rereads.ts, same
 * transaction), and every import ends by completing that list (`completeRereads`).
 */
import { existsSync } from "node:fs";
import type { Extraction } from "../../schemas/extraction.js";
import { log } from "../../src/log.js";
import {
  type GroupCommit,
  documentLosingContent, heldFiles, ingestExtraction, isPendingReread, pendingRereads, recordFailure, settleOrphan, stillHeld, type Store, type StoredText
} from "../../src/store/index.js";
import type { ImportSummary } from "./summary.js";
import type { ExtractPool } from "../worker-pool.js";
import { fail, readFacts, type Facts } from "./walk.js";

export type RefillContext = { db: Store; pool: ExtractPool; maxBytes: number; summary: ImportSummary; group: GroupCommit };

/** Another file of a document, parsed, ready to fill it. */
export type Refill = { documentId: number; facts: Facts; extraction: Extraction; text: StoredText };

/**
 * If `path` alone fills its document and is about to stop doing so, the first other
 * file of the document that parses (nothing is written; a file that fails here is
 * left to its own turn in the walk, or to `completeRereads`).
 */
export async function replacementFor(ctx: RefillContext, path: string): Promise<Refill | null> {
  const loss = documentLosingContent(ctx.db, path);
  if (!loss) return null;
  for (const c of loss.candidates) {
    if (!existsSync(c.path)) continue; // gone too: --prune forgets it, or completeRereads records it
    const facts = await readFacts(c.path, ctx.maxBytes, ctx.summary, ctx.db);
    if (!facts) continue;
    const outcome = await ctx.pool.run(c.path, facts.bytes);
    if (outcome.ok) return { documentId: loss.documentId, facts, extraction: outcome.extraction, text: outcome.model };
  }
  return null;
}

/**
 * Writes a replacement's rows; call inside the transaction that emptied the document.
 * Does nothing when the document no longer waits for it or the file moved meanwhile.
 */
export function applyRefill(db: Store, refill: Refill | null, run: number): void {
  if (!refill || !isPendingReread(db, refill.documentId) || !stillHeld(db, refill.documentId, refill.facts.path)) return;
  ingestExtraction(db, refill.extraction, refill.facts, run, refill.text);
  log.info({ document: refill.documentId, path: refill.facts.path }, "document filled again from another of its files");
}

/**
 * Fills every document waiting to be read again, from its best remaining file;
 * a file that cannot be read or parsed is recorded as failed and the next one is
 * tried; a document with no file left is retired. Returns how many were filled.
 */
export async function completeRereads(ctx: RefillContext): Promise<number> {
  const { db, summary } = ctx;
  let filled = 0;
  for (const id of pendingRereads(db)) {
    const tried = new Set<string>();
    while (isPendingReread(db, id)) {
      const [c] = heldFiles(db, id);
      if (!c) {
        settleOrphan(db, id);
        break;
      }
      if (tried.has(c.path)) break; // never expected: the file was read and still did not fill it
      tried.add(c.path);
      const missing = !existsSync(c.path);
      const facts = missing ? null : await readFacts(c.path, ctx.maxBytes, summary, db);
      if (!facts) {
        // readFacts recorded an oversized file and counted an unreadable one; a missing one is counted here.
        if (missing) fail(summary, c.path, "read", "no such file or directory");
        const reason = missing ? "read: no such file or directory" : "read: the file cannot be read";
        if (stillHeld(db, id, c.path)) recordFailure(db, { path: c.path, sha256: c.sha256, format: null, size: null, mtime: null }, reason, summary.run);
        continue;
      }
      const outcome = await ctx.pool.run(c.path, facts.bytes);
      if (!outcome.ok) {
        fail(summary, c.path, outcome.stage, outcome.reason);
        recordFailure(db, facts, `${outcome.stage}: ${outcome.reason}`, summary.run);
        continue;
      }
      ingestExtraction(db, outcome.extraction, facts, summary.run, outcome.model, outcome.linked);
      if (!isPendingReread(db, id)) filled++;
    }
  }
  return filled;
}
