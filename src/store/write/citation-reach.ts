/**
 * Who reaches whom through citations, kept as a table (citation_reach) so that
 * `query citing --transitive` reads a page of an index instead of walking the
 * graph: one row per (cited ancestor, citing descendant) with the length of the
 * shortest chain, and the citing document's date and key in query order.
 *
 * Triggers (migration 7) note the citing side of every citation inserted, deleted
 * or moved in reach_dirty, keep the date and key copies in step, and drop a deleted
 * document's rows. `refreshReach`, at the end of every write transaction, redoes
 * the rows of each noted document and of every document that reached one of them
 * (their chains may have gone through it): from the rows of the documents it cites,
 * one step further, when those are settled — a new document costs one statement —
 * else by a walk along the citations. A document that many others cite and that
 * changed its own citations has all of those redone once.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export const CITATION_REACH_SCHEMA = `
CREATE TABLE citation_reach (
  ancestor INTEGER NOT NULL,
  descendant INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  date TEXT,
  key TEXT NOT NULL,
  PRIMARY KEY (ancestor, descendant)
) WITHOUT ROWID;
CREATE INDEX citation_reach_page ON citation_reach (ancestor, depth, date DESC, key);
CREATE INDEX citation_reach_descendant ON citation_reach (descendant);
CREATE TABLE reach_dirty (document_id INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER citations_reach_insert AFTER INSERT ON citations BEGIN
  INSERT OR IGNORE INTO reach_dirty VALUES (NEW.source_document_id);
END;
CREATE TRIGGER citations_reach_delete AFTER DELETE ON citations BEGIN
  INSERT OR IGNORE INTO reach_dirty VALUES (OLD.source_document_id);
END;
CREATE TRIGGER citations_reach_update AFTER UPDATE OF source_document_id, target_document_id ON citations BEGIN
  INSERT OR IGNORE INTO reach_dirty VALUES (OLD.source_document_id), (NEW.source_document_id);
END;
CREATE TRIGGER documents_reach_order AFTER UPDATE OF date, key ON documents
WHEN OLD.date IS NOT NEW.date OR OLD.key IS NOT NEW.key BEGIN
  UPDATE citation_reach SET date = NEW.date, key = NEW.key WHERE descendant = NEW.id;
END;
CREATE TRIGGER documents_reach_delete AFTER DELETE ON documents BEGIN
  INSERT OR IGNORE INTO reach_dirty SELECT descendant FROM citation_reach WHERE ancestor = OLD.id;
  DELETE FROM citation_reach WHERE ancestor = OLD.id OR descendant = OLD.id;
END;
`;

/** Brings citation_reach up to date with every document reach_dirty names; call before a write transaction ends. */
export function refreshReach(db: Store): void {
  const dirty = prepared(db, "SELECT document_id FROM reach_dirty").pluck().all() as number[];
  if (!dirty.length) return;
  prepared(db, "DELETE FROM reach_dirty").run();
  const affected = new Set(dirty);
  const reachers = prepared(db, "SELECT descendant FROM citation_reach WHERE ancestor = ?").pluck();
  for (const id of dirty) for (const r of reachers.all(id) as number[]) affected.add(r);
  // A document whose cited documents are all settled (not affected, or done already)
  // takes their rows one step further — one statement; otherwise it walks.
  const pending = new Set(affected);
  const cited = prepared(db, "SELECT DISTINCT target_document_id FROM citations WHERE source_document_id = ?").pluck();
  for (const id of affected) {
    pending.delete(id);
    if ((cited.all(id) as number[]).some((t) => pending.has(t))) walkFrom(db, id);
    else extendFrom(db, id);
  }
}

/** Replaces `id`'s rows as the citing side from the rows of the documents it cites (which must be up to date). */
function extendFrom(db: Store, id: number): void {
  prepared(db, "DELETE FROM citation_reach WHERE descendant = ?").run(id);
  prepared(db,
    `INSERT INTO citation_reach (ancestor, descendant, depth, date, key)
     SELECT n.ancestor, d.id, MIN(n.depth), d.date, d.key FROM (
       SELECT target_document_id AS ancestor, 1 AS depth FROM citations WHERE source_document_id = :id
       UNION ALL
       SELECT r.ancestor, r.depth + 1 FROM citations c JOIN citation_reach r ON r.descendant = c.target_document_id WHERE c.source_document_id = :id
     ) n JOIN documents d ON d.id = :id
     WHERE n.ancestor <> :id GROUP BY n.ancestor, d.id, d.date, d.key`,
  ).run({ id });
}

/** Fills citation_reach for the whole store (the migration; repairs). */
export function fillReach(db: Store): void {
  prepared(db, "DELETE FROM citation_reach").run();
  prepared(db, "DELETE FROM reach_dirty").run();
  for (const id of prepared(db, "SELECT DISTINCT source_document_id FROM citations").pluck().all() as number[]) walkFrom(db, id);
}

/** Replaces `id`'s rows as the citing side: a breadth-first walk along its citations, shortest chain first. */
function walkFrom(db: Store, id: number): void {
  prepared(db, "DELETE FROM citation_reach WHERE descendant = ?").run(id);
  const doc = prepared(db, "SELECT date, key FROM documents WHERE id = ?").get(id) as { date: string | null; key: string } | undefined;
  if (!doc) return;
  const cited = prepared(db, "SELECT DISTINCT target_document_id FROM citations WHERE source_document_id = ?").pluck();
  const insert = prepared(db, "INSERT INTO citation_reach (ancestor, descendant, depth, date, key) VALUES (?, ?, ?, ?, ?)");
  const seen = new Set<number>([id]);
  let frontier = [id];
  for (let depth = 1; frontier.length; depth++) {
    const next: number[] = [];
    for (const from of frontier)
      for (const to of cited.all(from) as number[]) {
        if (seen.has(to)) continue;
        seen.add(to);
        next.push(to);
        insert.run(to, id, depth, doc.date, doc.key);
      }
    frontier = next;
  }
}
