/** Version 1: documents, files, citations, tasks, agencies, deadlines, metrics, runs. */
import type { Migration } from "./migration.js";

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

export const V1: Migration = { version: 1, name: "core tables", up: (db) => db.exec(V1_CORE) };
