/**
 * Versions 6–10 on PostgreSQL, twins of SQLite's (src/store/migrations/v6…v10): same
 * tables, columns and meaning; the fills are the SQLite migrations' own code.
 *
 * - 6: same_task_links (filled by 7, as in SQLite).
 * - 7: citation_reach and task_latest_status as tables kept at ingest; tasks.same_task_key.
 *   SQLite's triggers that note what changed (reach_dirty, task_status_dirty) are
 *   PL/pgSQL row triggers here; write/citation-reach.ts and write/task-latest-status.ts
 *   then bring the tables up to date before each write transaction ends, on both.
 *   Indexes follow SQLite's NULL order (first when ascending), which dialect.ts writes
 *   into every ORDER BY, so the page reads of query citing come off the index.
 * - 8: passages of the text with a tsvector search table like document_search; metrics.compares.
 * - 9: no key to rewrite (PostgreSQL stores never held NUL-joined task keys); the
 *   web filters' vanban_fold, which SQLite registers on its connection instead.
 */
import { fillVersion7 } from "../../migrations/v7-reach-and-task-status.js";
import { reindexAllPassages } from "../../write/passage-index.js";
import { ID, T, searchTable, type PostgresMigration } from "./migration.js";

export const V6: PostgresMigration = {
  version: 6,
  name: "same-task links made at import",
  sql: `
CREATE TABLE same_task_links (
  task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  peer_task_id BIGINT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, peer_task_id)
);
CREATE INDEX same_task_links_peer ON same_task_links (peer_task_id);
`,
};

const V7_REACH = `
DROP INDEX citations_source;
CREATE INDEX citations_source ON citations (source_document_id, target_document_id);
DROP INDEX tasks_status;
DROP INDEX tasks_due;
ALTER TABLE tasks ADD COLUMN same_task_key ${T};
CREATE INDEX tasks_same_key ON tasks (same_task_key) WHERE same_task_key IS NOT NULL;

CREATE TABLE citation_reach (
  ancestor BIGINT NOT NULL,
  descendant BIGINT NOT NULL,
  depth INTEGER NOT NULL,
  date ${T},
  key ${T} NOT NULL,
  PRIMARY KEY (ancestor, descendant)
);
CREATE INDEX citation_reach_page ON citation_reach (ancestor, depth NULLS FIRST, date DESC NULLS LAST, key NULLS FIRST);
CREATE INDEX citation_reach_descendant ON citation_reach (descendant);
CREATE TABLE reach_dirty (document_id BIGINT PRIMARY KEY);

CREATE FUNCTION vanban_reach_citation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN INSERT INTO reach_dirty VALUES (OLD.source_document_id) ON CONFLICT DO NOTHING; END IF;
  IF TG_OP <> 'DELETE' THEN INSERT INTO reach_dirty VALUES (NEW.source_document_id) ON CONFLICT DO NOTHING; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER citations_reach AFTER INSERT OR DELETE OR UPDATE OF source_document_id, target_document_id ON citations
  FOR EACH ROW EXECUTE FUNCTION vanban_reach_citation();

CREATE FUNCTION vanban_reach_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE citation_reach SET date = NEW.date, key = NEW.key WHERE descendant = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER documents_reach_order AFTER UPDATE OF date, key ON documents
  FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date OR OLD.key IS DISTINCT FROM NEW.key) EXECUTE FUNCTION vanban_reach_order();

CREATE FUNCTION vanban_reach_document_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reach_dirty SELECT descendant FROM citation_reach WHERE ancestor = OLD.id ON CONFLICT DO NOTHING;
  DELETE FROM citation_reach WHERE ancestor = OLD.id OR descendant = OLD.id;
  RETURN NULL;
END $$;
CREATE TRIGGER documents_reach_delete AFTER DELETE ON documents FOR EACH ROW EXECUTE FUNCTION vanban_reach_document_gone();

DROP VIEW task_latest_status;
CREATE TABLE task_latest_status (
  plan_task_id BIGINT PRIMARY KEY,
  report_task_id BIGINT NOT NULL,
  report_document_id BIGINT NOT NULL,
  report_date ${T},
  status ${T},
  status_text ${T},
  score DOUBLE PRECISION NOT NULL
);
CREATE TABLE task_status_dirty (plan_task_id BIGINT PRIMARY KEY);
CREATE FUNCTION vanban_task_status_link() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN INSERT INTO task_status_dirty VALUES (OLD.plan_task_id) ON CONFLICT DO NOTHING; END IF;
  IF TG_OP <> 'DELETE' THEN INSERT INTO task_status_dirty VALUES (NEW.plan_task_id) ON CONFLICT DO NOTHING; END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER task_links_status AFTER INSERT OR DELETE OR UPDATE ON task_links
  FOR EACH ROW EXECUTE FUNCTION vanban_task_status_link();
`;

export const V7: PostgresMigration = {
  version: 7,
  name: "citation reach, latest task status kept at ingest",
  sql: V7_REACH,
  fill: fillVersion7,
};

export const V8: PostgresMigration = {
  version: 8,
  name: "passages of the text for full-text search, metric comparisons",
  sql: `
CREATE TABLE passages (
  id ${ID},
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX passages_document ON passages (document_id, span_start);
${searchTable("passage_search")}
ALTER TABLE metrics ADD COLUMN compares ${T} CHECK (compares IN ('target', 'previous'));
`,
  fill: reindexAllPassages,
};

// vanban_fold: what the web server's filters compare (SQLite registers foldLoose on its
// read-only connection, open-read-only-store.ts): dashes, quotes and spaces as
// foldForMatch unifies them, then no diacritics, đ→d, lower case, one space.
export const V9: PostgresMigration = {
  version: 9,
  name: "same-task keys joined by the unit separator; vanban_fold",
  sql: `
CREATE FUNCTION vanban_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(vanban_search_fold(
    regexp_replace(regexp_replace(regexp_replace(t, '[\\u2010-\\u2015\\u2212\\u2043]', '-', 'g'),
      '[\\u2018\\u2019\\u201A\\u201B\\u2032]', '''', 'g'), '[\\u201C-\\u201F\\u2033\\u00AB\\u00BB]', '"', 'g')),
    '[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+', ' ', 'g'))
$$;
`,
};

// Version 10: task_agencies carry the task list's order (src/store/migrations/v10-…), the
// index in SQLite's NULL order as dialect.ts writes it into ORDER BY; total_changes(),
// which agency-match.ts reads beside data_version (the connection answers a new one each
// time, so the value does not matter).
export const V10: PostgresMigration = {
  version: 10,
  name: "task agencies carry the task list's order",
  sql: `
ALTER TABLE task_agencies ADD COLUMN doc_date ${T}, ADD COLUMN doc_key ${T}, ADD COLUMN task_position INTEGER;
UPDATE task_agencies ta SET doc_date = d.date, doc_key = d.key, task_position = t.position
  FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.id = ta.task_id;
DROP INDEX task_agencies_agency;
CREATE INDEX task_agencies_page ON task_agencies (agency_id, doc_date DESC NULLS LAST, doc_key NULLS FIRST, task_position NULLS FIRST, task_id);
CREATE FUNCTION total_changes() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
`,
};
