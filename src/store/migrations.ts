/**
 * The store's schema, as an ordered list of forward-only migrations.
 *
 * PRAGMA user_version holds the number of the last migration applied. Each
 * migration runs in its own transaction together with the bump of user_version,
 * so a failure leaves the file at the previous version, never half-way. Before an
 * existing store is migrated, a consistent copy is written beside it as
 * `<db>.bak-v<N>` (N = the version it had): a migration that turns out wrong can
 * be undone by hand. Never edit a released migration; add the next one.
 *
 * docs/schema.md explains every table and column for analysts.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import type Database from "better-sqlite3";
import { relinkAllReports } from "./write/relink.js";
import { reindexAll } from "./write/search-index.js";
import { StoreError } from "./store-error.js";

export type Migration = { version: number; name: string; up: (db: Database.Database) => void };

const V1_CORE = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  arguments TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  seen INTEGER, new INTEGER, changed INTEGER, skipped INTEGER, failed INTEGER
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  is_placeholder INTEGER NOT NULL DEFAULT 0 CHECK (is_placeholder IN (0, 1)),
  code TEXT,
  code_key TEXT,
  scope TEXT NOT NULL,
  year INTEGER,
  locality_key TEXT,
  kind TEXT,
  symbol TEXT,
  issuer TEXT,
  parent_issuer TEXT,
  locality TEXT,
  place TEXT,
  date TEXT,
  title TEXT,
  signer_name TEXT,
  signer_position TEXT,
  cited_as TEXT,
  content_sha256 TEXT,
  format TEXT,
  pages INTEGER,
  warnings TEXT,
  provenance TEXT
);
CREATE INDEX documents_group ON documents (code_key, scope, year);
CREATE INDEX documents_content ON documents (content_sha256);
CREATE INDEX documents_locality ON documents (locality_key);

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  format TEXT,
  size INTEGER,
  mtime TEXT,
  status TEXT NOT NULL CHECK (status IN ('ingested', 'failed')),
  error TEXT,
  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  ingested_at TEXT
);
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_document ON files (document_id);

CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_document_id INTEGER NOT NULL REFERENCES documents (id),
  target_document_id INTEGER NOT NULL REFERENCES documents (id),
  via_citation_id INTEGER REFERENCES citations (id) ON DELETE CASCADE,
  origin TEXT NOT NULL CHECK (origin IN ('reference', 'task-source', 'implements')),
  relation TEXT NOT NULL CHECK (relation IN ('basis', 'implements', 'annex-of', 'cites')),
  code TEXT NOT NULL,
  code_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  year INTEGER,
  citing_year INTEGER,
  kind TEXT,
  date TEXT,
  issuer TEXT,
  text TEXT,
  mentions INTEGER,
  page INTEGER,
  span_start INTEGER,
  span_end INTEGER
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_source ON citations (source_document_id);
-- Covers the walks of citing/path: the recursive step never reads the table rows.
CREATE INDEX citations_edge ON citations (target_document_id, source_document_id, relation, origin, document_id);
CREATE INDEX citations_group ON citations (code_key, scope, year);
CREATE INDEX citations_via ON citations (via_citation_id);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  ordinal TEXT,
  section TEXT,
  text TEXT NOT NULL,
  output TEXT,
  status TEXT CHECK (status IN ('done', 'in-progress', 'not-started', 'overdue')),
  status_text TEXT,
  origin TEXT NOT NULL,
  due_text TEXT,
  due_kind TEXT,
  due_start TEXT,
  due_end TEXT,
  extra TEXT,
  page INTEGER,
  span_start INTEGER,
  span_end INTEGER,
  UNIQUE (document_id, position)
);
CREATE INDEX tasks_due ON tasks (due_end);
CREATE INDEX tasks_status ON tasks (status);

CREATE TABLE task_sources (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  citation_id INTEGER NOT NULL REFERENCES citations (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, position)
);
CREATE INDEX task_sources_citation ON task_sources (citation_id);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  locality_key TEXT NOT NULL,
  locality TEXT
);
CREATE INDEX agencies_name ON agencies (name_key);

CREATE TABLE agency_aliases (
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  written TEXT NOT NULL,
  normalised TEXT NOT NULL,
  PRIMARY KEY (agency_id, written)
);

CREATE TABLE task_agencies (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  position INTEGER NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  written TEXT NOT NULL,
  PRIMARY KEY (task_id, role, position)
);
CREATE INDEX task_agencies_agency ON task_agencies (agency_id);

CREATE TABLE deadlines (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  task_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  start TEXT,
  end TEXT,
  page INTEGER,
  span_start INTEGER,
  span_end INTEGER
);
CREATE INDEX deadlines_document ON deadlines (document_id);
CREATE INDEX deadlines_task ON deadlines (task_id);

CREATE TABLE metrics (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  task_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  subject TEXT,
  subject_key TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  comparator TEXT,
  role TEXT CHECK (role IN ('target', 'actual')),
  numerator REAL,
  denominator REAL,
  max REAL,
  page INTEGER,
  span_start INTEGER,
  span_end INTEGER
);
CREATE INDEX metrics_document ON metrics (document_id);
CREATE INDEX metrics_task ON metrics (task_id);
`;

// Version 2: search and report↔plan links. Both are derived data, so the
// migration also fills them for whatever a version-1 store already holds.
const V2_SEARCH_AND_LINKS = `
CREATE VIRTUAL TABLE document_search USING fts5 (
  text, text_folded,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE task_search USING fts5 (
  text, text_folded,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);

CREATE TABLE task_links (
  report_task_id INTEGER PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  plan_task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  score REAL NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('sources', 'wording'))
);
CREATE INDEX task_links_plan ON task_links (plan_task_id);

CREATE VIEW task_latest_status AS
SELECT plan_task_id, report_task_id, report_document_id, report_date, status, status_text, score
FROM (
  SELECT l.plan_task_id, l.report_task_id, r.document_id AS report_document_id, rd.date AS report_date,
         r.status, r.status_text, l.score,
         ROW_NUMBER() OVER (PARTITION BY l.plan_task_id ORDER BY rd.date DESC NULLS LAST, rd.key DESC) AS newest
  FROM task_links l
  JOIN tasks r ON r.id = l.report_task_id
  JOIN documents rd ON rd.id = r.document_id
)
WHERE newest = 1;
`;

// The linear text every stored span points into (for `show` and the web UI's
// highlighting), and what the nightly run has already reported, so that a second
// run over the same inbox reports nothing again.
const V3_TEXTS_AND_NOTICES = `
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE TABLE nightly_reported (
  item_key TEXT NOT NULL,
  section TEXT NOT NULL CHECK (section IN ('new', 'due-soon', 'overdue', 'moved')),
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  PRIMARY KEY (item_key, section)
);
`;

// Version 4: the nightly report asks for deadlines by the day they fall on — the
// end, else the start (src/store/read/task-state.ts: due soon, overdue).
// Queries must write the expression exactly so for SQLite to use the index.
const V4_DEADLINE_DAYS = `
CREATE INDEX deadlines_due ON deadlines (COALESCE("end", start));
`;

// Version 5: integrity bookkeeping that must survive kill -9.
// - pending_rereads: documents that lost the file their rows came from while other
//   files of theirs remain; written in the transaction that emptied the document,
//   removed in the one that fills it again (src/store/rereads.ts). A version-4 store
//   may already hold such documents (the loss went unnoticed then): they are queued.
// - runs.reported_at: when a nightly run's report files were written completely; a
//   nightly run without it (killed, or the report could not be written) has its new
//   deadlines reported by the next run.
const V5_INTEGRITY = `
CREATE TABLE pending_rereads (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  since TEXT NOT NULL
);
INSERT INTO pending_rereads (document_id, since)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM documents WHERE is_placeholder = 0 AND content_sha256 IS NULL;
ALTER TABLE runs ADD COLUMN reported_at TEXT;
UPDATE runs SET reported_at = finished_at WHERE command = 'nightly';
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "core tables", up: (db) => db.exec(V1_CORE) },
  {
    version: 2,
    name: "full-text search, report-to-plan task links",
    up: (db) => {
      db.exec(V2_SEARCH_AND_LINKS);
      reindexAll(db);
      relinkAllReports(db);
    },
  },
  { version: 3, name: "document texts, nightly notices", up: (db) => db.exec(V3_TEXTS_AND_NOTICES) },
  { version: 4, name: "deadline days index (nightly)", up: (db) => db.exec(V4_DEADLINE_DAYS) },
  { version: 5, name: "pending re-reads, nightly report delivery", up: (db) => db.exec(V5_INTEGRITY) },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema version of a vanban store; refuses another program's SQLite file and a newer vanban's store. */
export function storeVersion(db: Database.Database, file: string): number {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new StoreError("store.newerSchema", { file, version, supported: SCHEMA_VERSION });
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (tables > 0) throw new StoreError("store.notVanban", { file });
  }
  return version;
}

/**
 * Brings `db` (opened from `file`) to SCHEMA_VERSION. The caller holds the store's
 * import lock (open-store.ts), so the version read here is not changing under it.
 */
export function migrate(db: Database.Database, file: string): void {
  const current = storeVersion(db, file);
  if (current === SCHEMA_VERSION) return;
  if (current > 0 && file !== ":memory:") backupBeforeMigrating(db, file, current);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * `<db>.bak-v<N>`, written under a temporary name and renamed when complete: the
 * name the README points to is always a whole copy, even after a crash mid-backup.
 */
function backupBeforeMigrating(db: Database.Database, file: string, version: number): void {
  let target = `${file}.bak-v${version}`;
  // An older backup of the same version is kept: it may be the only good copy.
  for (let n = 2; existsSync(target); n++) target = `${file}.bak-v${version}-${n}`;
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { force: true });
  db.prepare("VACUUM INTO ?").run(temp);
  renameSync(temp, target);
}
