/**
 * The store's health: SQLite's integrity check, foreign keys, the schema version,
 * counts, the files that failed, and the invariants the rest of vanban relies on:
 *
 * - every held (non-placeholder) document has content: its rows' sha256 and its text;
 * - every ingested file row belongs to a document, and every held document has a file;
 * - the full-text tables hold exactly the documents and tasks there are;
 * - no document waits to be read again (pending_rereads: a run was killed mid-way).
 *
 * `examineStore` only reads (doctor never writes, not even a migration);
 * `prepareRepair` turns what it found into work for the import that repairs
 * (`vanban doctor --repair`, pipelines/repair.ts).
 */
import { t } from "../i18n/index.js";
import type { DoctorReport, Invariants } from "../../schemas/answers.js";
import { SCHEMA_VERSION } from "./migrations/index.js";
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";
import { pendingRereads, queueReread } from "./rereads.js";
import { documentSearchText, reindexAll } from "./write/search-index.js";
import { reindexAllPassages } from "./write/passage-index.js";

export type { DoctorReport, Invariants };

export function quickCheck(db: Store): string[] {
  return (db.pragma("quick_check", { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== "ok");
}

export function examineStore(db: Store, file: string): DoctorReport {
  const integrity = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
  const damage = integrity.map((r) => r.integrity_check).filter((m) => m !== "ok");
  const fk = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  damage.push(...fk.map((r) => `foreign key: ${r.table} row ${r.rowid} points at a missing ${r.parent} row`));
  const count = (sql: string) => Number(db.prepare(sql).pluck().get());
  const last = db.prepare("SELECT id, command, started_at AS startedAt, finished_at AS finishedAt FROM runs ORDER BY id DESC LIMIT 1").get() as DoctorReport["lastRun"] | undefined;
  const schemaVersion = db.pragma("user_version", { simple: true }) as number;
  const needsMigration = schemaVersion < SCHEMA_VERSION;
  const invariants = needsMigration || damage.length ? null : checkInvariants(db);
  return {
    integrity: damage.length ? damage : "ok",
    schemaVersion,
    expectedSchemaVersion: SCHEMA_VERSION,
    needsMigration,
    documents: count("SELECT count(*) FROM documents WHERE is_placeholder = 0"),
    placeholders: count("SELECT count(*) FROM documents WHERE is_placeholder = 1"),
    files: count("SELECT count(*) FROM files"),
    failedFiles: db.prepare("SELECT path, error FROM files WHERE status = 'failed' ORDER BY path").all() as { path: string; error: string | null }[],
    tasks: count("SELECT count(*) FROM tasks"),
    deadlines: count("SELECT count(*) FROM deadlines"),
    citations: count("SELECT count(*) FROM citations"),
    lastRun: last ?? null,
    unfinishedRuns: count("SELECT count(*) FROM runs WHERE finished_at IS NULL"),
    invariants,
    problems: describeProblems(file, damage, schemaVersion, invariants),
  };
}

function checkInvariants(db: Store): Invariants {
  const emptyDocuments = (db.prepare(
    `SELECT d.id, d.key, (SELECT json_group_array(f.path) FROM files f WHERE f.document_id = d.id AND f.status = 'ingested') AS files
     FROM documents d WHERE d.is_placeholder = 0
       AND (d.content_sha256 IS NULL OR NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = d.id))
     ORDER BY d.id`,
  ).all() as { id: number; key: string; files: string }[]).map((r) => ({ ...r, files: JSON.parse(r.files) as string[] }));
  const documentsWithoutFiles = db.prepare(
    `SELECT d.id, d.key FROM documents d WHERE d.is_placeholder = 0
       AND NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = d.id AND f.status = 'ingested') ORDER BY d.id`,
  ).all() as { id: number; key: string }[];
  const filesWithoutDocument = db.prepare(
    `SELECT path FROM files f WHERE f.status = 'ingested'
       AND (f.document_id IS NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.document_id)) ORDER BY path`,
  ).pluck().all() as string[];
  return { emptyDocuments, documentsWithoutFiles, filesWithoutDocument, search: searchMismatch(db), pendingRereads: pendingRereads(db) };
}

function searchMismatch(db: Store): Invariants["search"] {
  const indexed = new Set(db.prepare("SELECT rowid FROM document_search").pluck().all() as number[]);
  const docs = db.prepare("SELECT id, code, title, cited_as, issuer FROM documents").all() as
    { id: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null }[];
  const expected = new Set(docs.filter((d) => documentSearchText(d)).map((d) => d.id));
  const taskIds = new Set(db.prepare("SELECT id FROM tasks").pluck().all() as number[]);
  const indexedTasks = new Set(db.prepare("SELECT rowid FROM task_search").pluck().all() as number[]);
  const missing = (want: Set<number>, have: Set<number>) => [...want].filter((id) => !have.has(id)).length;
  return {
    documentsMissing: missing(expected, indexed),
    documentsExtra: missing(indexed, expected),
    tasksMissing: missing(taskIds, indexedTasks),
    tasksExtra: missing(indexedTasks, taskIds),
    ...passageMismatch(db),
  };
}

/**
 * Texts with no passage (a text with a letter or digit always has one) and passages not in
 * the index; passages with no text under them and index rows with no passage. Counted in
 * SQL: the text of a large store does not fit in memory.
 */
function passageMismatch(db: Store): Pick<Invariants["search"], "passagesMissing" | "passagesExtra"> {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    passagesMissing:
      count("SELECT count(*) FROM document_texts t WHERE t.text GLOB '*[0-9A-Za-z]*' AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.document_id = t.document_id)") +
      count("SELECT count(*) FROM passages WHERE id NOT IN (SELECT rowid FROM passage_search)"),
    passagesExtra:
      count("SELECT count(*) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.document_id = p.document_id)") +
      count("SELECT count(*) FROM passage_search WHERE rowid NOT IN (SELECT id FROM passages)"),
  };
}

function describeProblems(file: string, damage: string[], version: number, inv: Invariants | null): string[] {
  const repair = { key: "doctor.repairHint", params: { file } } as const;
  const out: string[] = [];
  if (damage.length) out.push(t("doctor.problem.integrity", { n: damage.length, file }));
  if (version < SCHEMA_VERSION) out.push(t("doctor.problem.version", { version, expected: SCHEMA_VERSION, repair }));
  if (!inv) return out;
  if (inv.emptyDocuments.length) out.push(t("doctor.problem.emptyDocuments", { n: inv.emptyDocuments.length, repair }));
  if (inv.documentsWithoutFiles.length) out.push(t("doctor.problem.documentsWithoutFiles", { n: inv.documentsWithoutFiles.length, repair }));
  if (inv.filesWithoutDocument.length) out.push(t("doctor.problem.filesWithoutDocument", { n: inv.filesWithoutDocument.length, repair }));
  const s = inv.search;
  if (s.documentsMissing + s.documentsExtra + s.tasksMissing + s.tasksExtra) out.push(t("doctor.problem.search", { ...s, repair }));
  if (s.passagesMissing + s.passagesExtra) out.push(t("doctor.problem.passages", { ...s, repair }));
  if (inv.pendingRereads.length) out.push(t("doctor.problem.pendingRereads", { n: inv.pendingRereads.length, repair }));
  return out;
}

export type RepairPlan = { reindexed: boolean; queued: number; filesToReread: string[] };

/**
 * Turns the invariant breaks into the import's work, in one transaction: the search
 * tables rebuilt; empty and fileless documents queued to be read again (the import's
 * re-read pass fills them or retires them); ingested files without a document marked
 * failed, so the import parses them again. The caller holds the import lock.
 */
export function prepareRepair(db: Store): RepairPlan {
  return db.transaction((): RepairPlan => {
    const inv = checkInvariants(db);
    const s = inv.search;
    const titlesAndTasks = s.documentsMissing + s.documentsExtra + s.tasksMissing + s.tasksExtra > 0;
    const passages = s.passagesMissing + s.passagesExtra > 0;
    if (titlesAndTasks) reindexAll(db);
    if (passages) reindexAllPassages(db);
    const reindexed = titlesAndTasks || passages;
    const queue = [...inv.emptyDocuments, ...inv.documentsWithoutFiles].map((d) => d.id);
    for (const id of queue) {
      // The re-read pass writes content only into a document that has none.
      prepared(db, "UPDATE documents SET content_sha256 = NULL WHERE id = ?").run(id);
      queueReread(db, id);
    }
    const mark = prepared(db, "UPDATE files SET status = 'failed', error = 'repair: không thuộc văn bản nào — đọc lại', document_id = NULL WHERE path = ?");
    for (const path of inv.filesWithoutDocument) mark.run(path);
    return { reindexed, queued: new Set(queue).size, filesToReread: inv.filesWithoutDocument };
  })();
}
