/**
 * Version 5 on PostgreSQL: what SQLite's versions 1–5 built (src/store/migrations.ts),
 * in PostgreSQL's own SQL, plus the SQLite functions the store's statements call.
 * The differences are explained in ../migrations.ts and docs/schema.md.
 */
import { ID, searchTable, T, type PostgresMigration } from "./migration.js";

const COMPAT_FUNCTIONS = `
CREATE EXTENSION IF NOT EXISTS unaccent;

-- json_each's value and key (the 0-based position, which statements order by).
CREATE FUNCTION vanban_json_ids(list text) RETURNS TABLE (value bigint, key bigint) LANGUAGE sql IMMUTABLE
  AS $$ SELECT e::bigint, n - 1 FROM json_array_elements_text(list::json) WITH ORDINALITY AS x (e, n) $$;
CREATE FUNCTION vanban_json_texts(list text) RETURNS TABLE (value text, key bigint) LANGUAGE sql IMMUTABLE
  AS $$ SELECT e COLLATE "C", n - 1 FROM json_array_elements_text(list::json) WITH ORDINALITY AS x (e, n) $$;
CREATE FUNCTION vanban_json_text(items anyarray) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT array_to_json(items)::text $$;
CREATE FUNCTION vanban_json_append(items anyarray, item anyelement) RETURNS anyarray LANGUAGE sql IMMUTABLE
  AS $$ SELECT items || item $$;
CREATE AGGREGATE json_group_array (anyelement) (SFUNC = vanban_json_append, STYPE = anyarray, INITCOND = '{}', FINALFUNC = vanban_json_text);
CREATE FUNCTION vanban_concat(acc text, item text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT acc || ',' || item $$;
CREATE AGGREGATE group_concat (text) (SFUNC = vanban_concat, STYPE = text);
CREATE FUNCTION vanban_concat(acc text, item text, separator text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT acc || separator || item $$;
CREATE AGGREGATE group_concat (text, text) (SFUNC = vanban_concat, STYPE = text);
-- SQLite's comparisons are 0/1 numbers, so statements add them up and take their minimum.
CREATE FUNCTION vanban_count_true(acc bigint, item boolean) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN item IS NULL THEN acc ELSE COALESCE(acc, 0) + item::integer END $$;
CREATE AGGREGATE sum (boolean) (SFUNC = vanban_count_true, STYPE = bigint);
CREATE AGGREGATE min (boolean) (SFUNC = booland_statefunc, STYPE = boolean);
CREATE AGGREGATE max (boolean) (SFUNC = boolor_statefunc, STYPE = boolean);
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE
  AS $$ SELECT strpos(haystack, needle) $$;
CREATE FUNCTION substr(s text, start bigint, len bigint) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT pg_catalog.substr(s, start::integer, len::integer) $$;

-- What search matches on: no diacritics (unaccent), đ→d, lower case. IMMUTABLE with the
-- dictionary named, so a generated column and an index may use it.
CREATE FUNCTION vanban_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(t, 'đ', 'd'), 'Đ', 'D'))) $$;
-- Its words, as SQLite's unicode61 tokenizer cuts them: runs of letters and digits
-- ("57-NQ/TW" is 57, nq, tw — PostgreSQL's own parser would keep "nq/tw" as a path).
CREATE FUNCTION vanban_search_words(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT btrim(regexp_replace(vanban_search_fold(t), '[^[:alnum:]]+', ' ', 'g')) $$;
-- Every word of the user's text must occur (the words are letters and digits only: no operator gets through).
CREATE FUNCTION vanban_search_query(t text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsquery('simple', array_to_string(regexp_split_to_array(vanban_search_words(t), ' +'), ' & ')) $$;
`;

const V5_TABLES = `
CREATE TABLE runs (
  id ${ID},
  command ${T} NOT NULL,
  arguments ${T} NOT NULL,
  started_at ${T} NOT NULL,
  finished_at ${T},
  seen INTEGER, new INTEGER, changed INTEGER, skipped INTEGER, failed INTEGER,
  reported_at ${T}
);

CREATE TABLE documents (
  id ${ID},
  key ${T} NOT NULL UNIQUE,
  is_placeholder INTEGER NOT NULL DEFAULT 0 CHECK (is_placeholder IN (0, 1)),
  code ${T}, code_key ${T}, scope ${T} NOT NULL, year INTEGER, locality_key ${T}, kind ${T}, symbol ${T}, issuer ${T},
  parent_issuer ${T}, locality ${T}, place ${T}, date ${T}, title ${T}, signer_name ${T}, signer_position ${T}, cited_as ${T},
  content_sha256 ${T}, format ${T}, pages INTEGER, warnings ${T}, provenance ${T}
);
CREATE INDEX documents_group ON documents (code_key, scope, year);
CREATE INDEX documents_content ON documents (content_sha256);
CREATE INDEX documents_locality ON documents (locality_key);

CREATE TABLE files (
  id ${ID},
  path ${T} NOT NULL UNIQUE,
  sha256 ${T} NOT NULL,
  format ${T}, size BIGINT, mtime ${T},
  status ${T} NOT NULL CHECK (status IN ('ingested', 'failed')),
  error ${T},
  document_id BIGINT REFERENCES documents (id) ON DELETE SET NULL,
  run_id BIGINT REFERENCES runs (id) ON DELETE SET NULL,
  ingested_at ${T}
);
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_document ON files (document_id);

CREATE TABLE citations (
  id ${ID},
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_document_id BIGINT NOT NULL REFERENCES documents (id),
  target_document_id BIGINT NOT NULL REFERENCES documents (id),
  via_citation_id BIGINT REFERENCES citations (id) ON DELETE CASCADE,
  origin ${T} NOT NULL CHECK (origin IN ('reference', 'task-source', 'implements')),
  relation ${T} NOT NULL CHECK (relation IN ('basis', 'implements', 'annex-of', 'cites')),
  code ${T} NOT NULL, code_key ${T} NOT NULL, scope ${T} NOT NULL, year INTEGER, citing_year INTEGER,
  kind ${T}, date ${T}, issuer ${T}, text ${T}, mentions INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_source ON citations (source_document_id);
CREATE INDEX citations_edge ON citations (target_document_id, source_document_id, relation, origin, document_id);
CREATE INDEX citations_group ON citations (code_key, scope, year);
CREATE INDEX citations_via ON citations (via_citation_id);

CREATE TABLE tasks (
  id ${ID},
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  ordinal ${T}, section ${T}, text ${T} NOT NULL, output ${T},
  status ${T} CHECK (status IN ('done', 'in-progress', 'not-started', 'overdue')),
  status_text ${T}, origin ${T} NOT NULL, due_text ${T}, due_kind ${T}, due_start ${T}, due_end ${T}, extra ${T},
  page INTEGER, span_start INTEGER, span_end INTEGER,
  UNIQUE (document_id, position)
);
CREATE INDEX tasks_due ON tasks (due_end);
CREATE INDEX tasks_status ON tasks (status);

CREATE TABLE task_sources (
  task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code ${T} NOT NULL,
  citation_id BIGINT NOT NULL REFERENCES citations (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, position)
);
CREATE INDEX task_sources_citation ON task_sources (citation_id);

CREATE TABLE agencies (
  id ${ID},
  key ${T} NOT NULL UNIQUE,
  name ${T} NOT NULL, name_key ${T} NOT NULL, locality_key ${T} NOT NULL, locality ${T}
);
CREATE INDEX agencies_name ON agencies (name_key);

CREATE TABLE agency_aliases (
  agency_id BIGINT NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  written ${T} NOT NULL,
  normalised ${T} NOT NULL,
  PRIMARY KEY (agency_id, written)
);

CREATE TABLE task_agencies (
  task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  role ${T} NOT NULL CHECK (role IN ('lead', 'support')),
  position INTEGER NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies (id),
  written ${T} NOT NULL,
  PRIMARY KEY (task_id, role, position)
);
CREATE INDEX task_agencies_agency ON task_agencies (agency_id);

CREATE TABLE deadlines (
  id ${ID},
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  task_id BIGINT REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text ${T} NOT NULL, kind ${T} NOT NULL, start ${T}, "end" ${T},
  page INTEGER, span_start INTEGER, span_end INTEGER
);
CREATE INDEX deadlines_document ON deadlines (document_id);
CREATE INDEX deadlines_task ON deadlines (task_id);
CREATE INDEX deadlines_due ON deadlines (COALESCE("end", start));

CREATE TABLE metrics (
  id ${ID},
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  task_id BIGINT REFERENCES tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text ${T} NOT NULL, subject ${T}, subject_key ${T} NOT NULL,
  value DOUBLE PRECISION NOT NULL, unit ${T} NOT NULL, comparator ${T},
  role ${T} CHECK (role IN ('target', 'actual')),
  numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, max DOUBLE PRECISION,
  page INTEGER, span_start INTEGER, span_end INTEGER
);
CREATE INDEX metrics_document ON metrics (document_id);
CREATE INDEX metrics_task ON metrics (task_id);

${searchTable("document_search")}
${searchTable("task_search")}

CREATE TABLE task_links (
  report_task_id BIGINT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  plan_task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL,
  method ${T} NOT NULL CHECK (method IN ('sources', 'wording'))
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
) AS ranked
WHERE newest = 1;

CREATE TABLE document_texts (
  document_id BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  text ${T} NOT NULL
);
CREATE TABLE nightly_reported (
  item_key ${T} NOT NULL,
  section ${T} NOT NULL CHECK (section IN ('new', 'due-soon', 'overdue', 'moved')),
  run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  PRIMARY KEY (item_key, section)
);
CREATE TABLE pending_rereads (
  document_id BIGINT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  since ${T} NOT NULL
);
`;

export const V5: PostgresMigration = {
  version: 5,
  name: "the store of SQLite schema 5: core tables, search, task links, texts, nightly notices, re-reads",
  sql: COMPAT_FUNCTIONS + V5_TABLES,
};
