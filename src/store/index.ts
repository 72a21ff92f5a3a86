/**
 * The store's front door: everything the CLI, the web server and the pipelines
 * may ask of the store, and nothing else (no SQL outside src/store/ — a test
 * greps for it). Reads live one question per module under read/, writes under
 * write/; SQLite specifics (pragmas, FTS5 syntax, json_each, prepared-statement
 * caching) stay behind these functions.
 *
 * `StoreOperations` is the same surface without the connection argument: what a
 * second backend (PostgreSQL, issue 18) implements, with the same answers;
 * `storeOperations(db)` implements it over a connection: a SQLite file, or PostgreSQL
 * through postgres/connection.ts.
 */
import type { Store } from "./open-store.js";
import { queryCites } from "./read/cites.js";
import { queryCiting } from "./read/citing.js";
import { listAgencies } from "./read/agencies.js";
import { listDeadlines } from "./read/deadlines.js";
import { documentFacets, listDocuments } from "./read/documents.js";
import { documentText } from "./read/document-text.js";
import { citationParticipants, edgesAmong, placesOf } from "./read/graph.js";
import { queryMetrics } from "./read/metrics.js";
import { datedDeadlinesOfTasks, deadlinesOfDocuments, dueBetween, itemContext, overdueBefore, tasksOfDocuments } from "./read/nightly-deadlines.js";
import { queryPath } from "./read/path.js";
import { listRuns } from "./read/runs.js";
import { searchStore } from "./read/search.js";
import { metricSpans, showDocument } from "./read/show.js";
import { linkedTasks, sameTaskPeers, taskVersionRows, textBetween } from "./read/task-history.js";
import { queryTasks } from "./read/tasks.js";
import { forgetFile, ingestExtraction, recordCopy, recordFailure } from "./write/ingest.js";
import { markReported, reportedKeys } from "./write/reported.js";
import { documentsOfUnreportedRuns, finishRun, markRunReported, startRun } from "./runs.js";

export { DamagedStoreError, describeStoreFailure, openStore, openStoreReadOnly, refreshPlannerStatistics, storeFileProblem, type OpenStoreOptions, type Store } from "./open-store.js";
export { openReadOnlyStore } from "./open-read-only-store.js";
export { StoreError } from "./store-error.js";
export { acquireImportLock, lockPath, type ImportLock } from "./import-lock.js";
export { examineStore, prepareRepair, quickCheck, type DoctorReport, type Invariants, type RepairPlan } from "./doctor.js";
export {
  documentLosingContent, heldFiles, isPendingReread, pendingRereads, queueReread, rereadDone, stillHeld, type HeldFile,
} from "./rereads.js";
export { MIGRATIONS, SCHEMA_VERSION } from "./migrations/index.js";

// Reads.
export { compareDocuments, documentSummaries, documentSummary, type DocumentSummary } from "./read/document-summary.js";
export { codeIsKnown, documentExists, resolveDocument } from "./read/resolve-document.js";
export { queryCiting, type CitingEntry, type CitingResult } from "./read/citing.js";
export { queryCites, type CitesEntry, type CitesResult } from "./read/cites.js";
export { queryPath, type PathResult, type PathStep } from "./read/path.js";
export { queryTasks, TASK_STATUSES, type AgencySuggestion, type TaskAgency, type TaskEntry, type TaskFilters, type TasksResult } from "./read/tasks.js";
export { queryMetrics, type MetricItem, type MetricPair, type MetricsResult } from "./read/metrics.js";
export { metricSpans, showDocument, type ShowResult } from "./read/show.js";
export { searchStore, type SearchHit, type SearchResult } from "./read/search.js";
export { documentText } from "./read/document-text.js";
export { heldDocumentIds, recordFileTimes, storedFile, storedFilesUnder, storedPaths, type StoredFile } from "./files.js";
export { canonicalDump, type CanonicalDump } from "./read/canonical-dump.js";
export { documentFacets, listDocuments, type DocumentFilters, type DocumentList, type Facets, type ListedDocument } from "./read/documents.js";
export { placeNames } from "./read/places.js";
export { listAgencies, type AgencyEntry } from "./read/agencies.js";
export { listRuns, type RunEntry } from "./read/runs.js";
export { DEADLINE_STATES, listDeadlines, type DeadlineEntry, type DeadlineFilters, type DeadlineList, type DeadlineState } from "./read/deadlines.js";
export { citationParticipants, edgesAmong, placesOf, type GraphEdge } from "./read/graph.js";
export {
  datedDeadlinesOfTasks, deadlinesOfDocuments, dueBetween, itemContext, overdueBefore, tasksOfDocuments,
  type DeadlineRow, type ItemContext, type ReportDocument,
} from "./read/nightly-deadlines.js";
export { linkedTasks, sameTaskPeers, taskVersionRows, textBetween, type TaskVersionRow } from "./read/task-history.js";
export { localToday } from "./read/task-state.js";
export type { Page } from "./read/page.js";

// Writes.
export { forgetFile, ingestExtraction, recordCopy, recordFailure, settleOrphan, type FileFacts, type IngestOutcome } from "./write/ingest.js";
export type { StoredText } from "./write/passage-index.js";
export { markReported, reportedKeys, unreported, type Section } from "./write/reported.js";
export { GroupCommit, GROUP_LIMITS, type GroupLimits } from "./write/group-commit.js";
export { documentsOfUnreportedRuns, finishRun, markRunReported, startRun, type RunCommand, type RunCounts } from "./runs.js";

/** A store operation with the connection bound; a backend may answer asynchronously. */
type Bound<F> = F extends (db: Store, ...args: infer A) => infer R ? (...args: A) => R | Promise<R> : never;

const OPERATIONS = {
  queryCiting, queryCites, queryPath, queryTasks, queryMetrics, showDocument, metricSpans, searchStore, documentText,
  listDocuments, documentFacets, listAgencies, listRuns, listDeadlines, citationParticipants, edgesAmong, placesOf,
  deadlinesOfDocuments, dueBetween, overdueBefore, itemContext, tasksOfDocuments, datedDeadlinesOfTasks,
  taskVersionRows, textBetween, linkedTasks, sameTaskPeers,
  ingestExtraction, recordCopy, recordFailure, forgetFile, markReported, reportedKeys, startRun, finishRun, markRunReported, documentsOfUnreportedRuns,
} as const;

/** Every question and write a backend answers, without the connection argument. */
export type StoreOperations = { [K in keyof typeof OPERATIONS]: Bound<(typeof OPERATIONS)[K]> };

/** The SQLite implementation of StoreOperations over one open connection. */
export function storeOperations(db: Store): StoreOperations {
  const bound: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(OPERATIONS)) bound[name] = (...args: unknown[]) => (f as (db: Store, ...a: unknown[]) => unknown)(db, ...args);
  return bound as StoreOperations;
}
export { runReadOnlySql } from "./read/sql-console.js";
export { isPostgresUrl, openPostgresStore } from "./postgres.js";
export { openBackend, type Backend } from "./backend.js";
export { queueCounts, type QueueCounts, type SqlRunner } from "./queue-counts.js";
