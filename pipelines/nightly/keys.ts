/**
 * Identities of report items that survive re-ingesting a document.
 *
 * Row ids change whenever a document's rows are replaced (a changed file, an
 * import with --force), so an item is named by what it says instead: the
 * document's identity key (documents.key — "60-KH/ĐU|commune:phong quang|2026",
 * or "draft|<sha256>" for a document without a number), the task's text (or the
 * deadline's own words when it belongs to no task) folded to letters and digits,
 * and the deadline's dates. nightly_reported stores these keys.
 */
import { createHash } from "node:crypto";
import { normText } from "../../src/link/index.js";

export { normText };

const digest = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** "60-KH/ĐU|commune:phong quang|2026|2026-01-01|2026-01-31|<hash of the task text>". */
export function deadlineKey(documentKey: string, subject: string, start: string | null, end: string | null): string {
  return `${documentKey}|${start ?? ""}|${end ?? ""}|${digest(normText(subject))}`;
}

/** A move is the pair: the current deadline's key and the one it replaced. */
export function movedKey(currentKey: string, previousKey: string): string {
  return `${currentKey}<-${previousKey}`;
}

/** The day a deadline falls on for sorting and comparing: its end, else its start. */
export const dueDay = (d: { start: string | null; end: string | null }) => d.end ?? d.start;
