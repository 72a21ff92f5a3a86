/**
 * Where citations point, and the placeholder nodes they create.
 *
 * A citation names a group — (code key, scope) — and maybe a year. The store
 * keeps the graph in a state that depends only on WHICH files are held, never on
 * the order they arrived, by keeping these invariants for every local group:
 *   - each held document is a node (code, scope, its year);
 *   - each year that a dated citation names is a node: the held document of that
 *     year, else a placeholder;
 *   - a citation without a year points at the group's node whose year is the
 *     latest not after the citing document's year (else the earliest), and at a
 *     yearless placeholder when the group has no year at all;
 *   - a placeholder that nothing points at (as the invariants define) is deleted.
 * National groups are simpler: one node per code, whatever the year.
 *
 * When a document's file arrives it takes its placeholder's row (same id, edges
 * kept). Callers track what they touched in a GraphChanges and call `settle`
 * before the transaction ends.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { draftTitleWords, groupKey, sameDraftTitle, type Identity } from "../../link/document-identity.js";

export type GraphChanges = {
  /** Group → the years its nodes had before this transaction touched it. */
  groups: Map<string, { codeKey: string; scope: string; yearsBefore: number[] }>;
  /** Yearless citations inserted in this transaction (resolved provisionally). */
  newYearless: Set<number>;
  /** Citations with ids from here on were inserted by this transaction. */
  firstNewCitation: number;
  /** Placeholders that gained citations (their description can only improve). */
  describeFromNew: Set<number>;
  /** Placeholders that lost citations (their description is recomputed). */
  describeAgain: Set<number>;
  /** Documents whose citations now point elsewhere (their report links may change). */
  retargetedCiters: Set<number>;
  /** Nodes whose search entry must be rewritten or dropped. */
  reindex: Set<number>;
  removed: Set<number>;
};

export function newGraphChanges(db: Store): GraphChanges {
  const next = prepared(db, "SELECT COALESCE(MAX(id), 0) + 1 AS next FROM citations").get() as { next: number };
  return {
    groups: new Map(),
    newYearless: new Set(),
    firstNewCitation: next.next,
    describeFromNew: new Set(),
    describeAgain: new Set(),
    retargetedCiters: new Set(),
    reindex: new Set(),
    removed: new Set(),
  };
}

const groupId = (codeKey: string, scope: string) => `${codeKey}|${scope}`;

/** Years of a group's nodes; recorded the first time a transaction touches the group. */
export function touchGroup(db: Store, changes: GraphChanges, codeKey: string, scope: string): void {
  const id = groupId(codeKey, scope);
  if (changes.groups.has(id)) return;
  changes.groups.set(id, { codeKey, scope, yearsBefore: scope === "" ? [] : nodeYears(db, codeKey, scope) });
}

function nodeYears(db: Store, codeKey: string, scope: string): number[] {
  const rows = prepared(db, "SELECT DISTINCT year FROM documents WHERE code_key = ? AND scope = ? AND year IS NOT NULL ORDER BY year")
    .all(codeKey, scope) as { year: number }[];
  return rows.map((r) => r.year);
}

/** Latest year not after the citing year, else the earliest; null when there is none. */
export function pickYear(years: number[], citingYear: number | null): number | null {
  if (!years.length) return null;
  const sorted = [...years].sort((a, b) => a - b);
  if (citingYear === null) return sorted[sorted.length - 1];
  const notAfter = sorted.filter((y) => y <= citingYear);
  return notAfter.length ? notAfter[notAfter.length - 1] : sorted[0];
}

/** The node a citation of `ident` points at, creating a placeholder when needed. */
export function targetFor(db: Store, changes: GraphChanges, ident: Identity, citingYear: number | null): number {
  touchGroup(db, changes, ident.codeKey!, ident.scope);
  let year = ident.year;
  if (!ident.national && year === null) year = pickYear(nodeYears(db, ident.codeKey!, ident.scope), citingYear);
  const key = ident.national ? ident.key : groupKey(ident.codeKey!, ident.scope, year);
  return nodeByKey(db, key) ?? insertPlaceholder(db, changes, key, ident, year);
}

function nodeByKey(db: Store, key: string): number | undefined {
  return (prepared(db, "SELECT id FROM documents WHERE key = ?").get(key) as { id: number } | undefined)?.id;
}

function insertPlaceholder(db: Store, changes: GraphChanges, key: string, ident: Identity, year: number | null): number {
  const localityKey = /^(commune|district|province):/.test(ident.scope) && !ident.scope.endsWith(":?") ? ident.scope : null;
  const id = Number(
    prepared(db, "INSERT INTO documents (key, is_placeholder, code_key, scope, year, locality_key) VALUES (?, 1, ?, ?, ?, ?)")
      .run(key, ident.codeKey, ident.scope, year, localityKey).lastInsertRowid,
  );
  changes.describeFromNew.add(id);
  changes.reindex.add(id);
  return id;
}

/**
 * The row a held document with identity `ident` should fill: its own node if one
 * exists (held or placeholder), else a yearless placeholder of its group that it
 * replaces, else none (insert a new row).
 */
export function rowForHeldDocument(db: Store, changes: GraphChanges, ident: Identity): number | undefined {
  if (ident.codeKey) touchGroup(db, changes, ident.codeKey, ident.scope);
  const own = nodeByKey(db, ident.key);
  if (own === undefined && ident.draftTitle) return draftOfSameTitle(db, ident.key, ident.draftTitle);
  if (own !== undefined || ident.national || !ident.codeKey || ident.year === null) return own;
  const yearless = prepared(db, "SELECT id FROM documents WHERE key = ? AND is_placeholder = 1")
    .get(groupKey(ident.codeKey, ident.scope, null)) as { id: number } | undefined;
  return yearless?.id;
}

/** A stored draft of the same family (its key up to the title hash) whose title is this one's, give or take OCR's misreads. */
function draftOfSameTitle(db: Store, key: string, title: string): number | undefined {
  const family = key.slice(0, key.lastIndexOf("|") + 1);
  // "}" follows "|": the range is every key that starts with the family.
  const rows = prepared(db, "SELECT id, title FROM documents WHERE key >= ? AND key < ? AND is_placeholder = 0 ORDER BY id")
    .all(family, `${family.slice(0, -1)}}`) as { id: number; title: string | null }[];
  return rows.find((r) => sameDraftTitle(draftTitleWords(r.title), title))?.id;
}

/** Points a citation at another node, moving the `implements` edges it asserts along with it. */
function retarget(db: Store, changes: GraphChanges, citationId: number, from: number, to: number, citer: number): void {
  prepared(db, "UPDATE citations SET target_document_id = ? WHERE id = ?").run(to, citationId);
  prepared(db, "UPDATE citations SET source_document_id = ? WHERE via_citation_id = ?").run(to, citationId);
  changes.describeAgain.add(from);
  changes.describeAgain.add(to);
  changes.retargetedCiters.add(citer);
}

/** Restores the invariants of every group the transaction touched. */
export function settle(db: Store, changes: GraphChanges): void {
  for (const g of changes.groups.values()) {
    if (g.scope === "") settleNational(db, changes, g.codeKey);
    else settleLocal(db, changes, g.codeKey, g.scope, g.yearsBefore);
  }
  changes.groups.clear();
  describePlaceholders(db, changes);
}

function settleNational(db: Store, changes: GraphChanges, codeKey: string): void {
  const nodes = prepared(db, "SELECT id, is_placeholder FROM documents WHERE code_key = ? AND scope = ''").all(codeKey) as {
    id: number;
    is_placeholder: number;
  }[];
  for (const n of nodes) if (n.is_placeholder && !isPointedAt(db, n.id)) deleteNode(db, changes, n.id);
}

function isPointedAt(db: Store, id: number): boolean {
  return prepared(db, "SELECT 1 FROM citations WHERE target_document_id = ? LIMIT 1").get(id) !== undefined;
}

function settleLocal(db: Store, changes: GraphChanges, codeKey: string, scope: string, yearsBefore: number[]): void {
  const nodes = prepared(db, "SELECT id, year, is_placeholder FROM documents WHERE code_key = ? AND scope = ?")
    .all(codeKey, scope) as { id: number; year: number | null; is_placeholder: number }[];
  const datedCitation = prepared(db, "SELECT 1 FROM citations WHERE code_key = ? AND scope = ? AND year = ? LIMIT 1");
  const kept = nodes.filter((n) => !n.is_placeholder || (n.year !== null && datedCitation.get(codeKey, scope, n.year)));
  const years = [...new Set(kept.map((n) => n.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const yearsChanged = years.join(",") !== yearsBefore.join(",");

  const yearless = prepared(db, "SELECT id, document_id, target_document_id, citing_year FROM citations WHERE code_key = ? AND scope = ? AND year IS NULL")
    .all(codeKey, scope) as { id: number; document_id: number; target_document_id: number; citing_year: number | null }[];
  const byYear = new Map(kept.map((n) => [n.year, n.id]));
  for (const c of yearless) {
    if (!yearsChanged && !changes.newYearless.has(c.id)) continue;
    const year = pickYear(years, c.citing_year);
    let target = byYear.get(year);
    if (target === undefined) {
      target =
        nodeByKey(db, groupKey(codeKey, scope, year)) ??
        insertPlaceholder(db, changes, groupKey(codeKey, scope, year), { key: "", codeKey, scope, year, national: false }, year);
      byYear.set(year, target);
    }
    if (target !== c.target_document_id) retarget(db, changes, c.id, c.target_document_id, target, c.document_id);
  }

  const keptIds = new Set(kept.map((n) => n.id));
  for (const n of nodes) if (n.is_placeholder && !keptIds.has(n.id) && !isPointedAt(db, n.id)) deleteNode(db, changes, n.id);
}

function deleteNode(db: Store, changes: GraphChanges, id: number): void {
  prepared(db, "DELETE FROM documents WHERE id = ?").run(id);
  changes.describeFromNew.delete(id);
  changes.describeAgain.delete(id);
  changes.reindex.delete(id);
  changes.removed.add(id);
}

/**
 * What a placeholder is known as: the most informative citation of it (dated,
 * with an issuer, with a kind, then the smallest text and code) — a choice that
 * does not depend on arrival order. A placeholder that only gained citations is
 * compared with its new ones alone: 57-NQ/TW gains one with nearly every import.
 */
function describePlaceholders(db: Store, changes: GraphChanges): void {
  const order = "ORDER BY date IS NULL, issuer IS NULL, kind IS NULL, text, code LIMIT 1";
  const bestOf = prepared(db, `SELECT code, kind, date, issuer, text FROM citations WHERE target_document_id = ? ${order}`);
  const bestNew = prepared(db, `SELECT code, kind, date, issuer, text FROM citations WHERE target_document_id = ? AND id >= ? ${order}`);
  const current = prepared(db, "SELECT code, kind, date, issuer, cited_as AS text FROM documents WHERE id = ? AND is_placeholder = 1");
  const describe = prepared(db, "UPDATE documents SET code = ?, kind = ?, date = ?, issuer = ?, cited_as = ? WHERE id = ?");
  const apply = (id: number, c: Description | undefined) => {
    const now = current.get(id) as Description | undefined;
    if (!c || !now || (now.text !== null && !better(c, now))) return;
    describe.run(c.code, c.kind, c.date, c.issuer, c.text, id);
    changes.reindex.add(id);
  };
  for (const id of changes.describeAgain) {
    const c = bestOf.get(id) as Description | undefined;
    const now = current.get(id) as Description | undefined;
    if (c && now && !sameDescription(c, now)) {
      describe.run(c.code, c.kind, c.date, c.issuer, c.text, id);
      changes.reindex.add(id);
    }
  }
  for (const id of changes.describeFromNew) {
    if (changes.describeAgain.has(id)) continue;
    apply(id, bestNew.get(id, changes.firstNewCitation) as Description | undefined);
  }
  changes.describeAgain.clear();
  changes.describeFromNew.clear();
}

type Description = { code: string | null; kind: string | null; date: string | null; issuer: string | null; text: string | null };

const sameDescription = (a: Description, b: Description) =>
  a.code === b.code && a.kind === b.kind && a.date === b.date && a.issuer === b.issuer && a.text === b.text;

/** `a` sorts before `b` in the description order (SQLite BINARY and JS order agree on Vietnamese text). */
function better(a: Description, b: Description): boolean {
  const rank = (d: Description) => [d.date === null, d.issuer === null, d.kind === null].map(Number);
  const ra = rank(a), rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] < rb[i];
  if ((a.text ?? "") !== (b.text ?? "")) return (a.text ?? "") < (b.text ?? "");
  return (a.code ?? "") < (b.code ?? "");
}
