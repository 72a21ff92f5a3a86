/**
 * How every answer names a document: code, kind, issuer, date, title, the file
 * paths that hold it, and whether it is only a placeholder (cited, not held).
 */
import type { DocumentSummary } from "../../../schemas/answers.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
export type { DocumentSummary };

type Row = Omit<DocumentSummary, "placeholder" | "files"> & { is_placeholder: number; files: string };

const SELECT = `
  SELECT d.id, d.code, d.kind, d.issuer, d.date, COALESCE(d.title, d.cited_as) AS title, d.is_placeholder, d.scope, d.key,
         (SELECT json_group_array(path) FROM (SELECT path FROM files f WHERE f.document_id = d.id AND f.status = 'ingested' ORDER BY path)) AS files
  FROM documents d`;

const fromRow = (r: Row): DocumentSummary => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  issuer: r.issuer,
  date: r.date,
  title: r.title,
  placeholder: r.is_placeholder === 1,
  scope: r.scope,
  key: r.key,
  files: JSON.parse(r.files) as string[],
});

export function documentSummary(db: Store, id: number): DocumentSummary {
  return fromRow(db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row);
}

/**
 * Summaries of many documents at once, by id: two flat queries read as arrays
 * (`citing --transitive` of 57-NQ/TW returns nearly every document in the store).
 */
export function documentSummaries(db: Store, ids: Iterable<number>): Map<number, DocumentSummary> {
  const list = JSON.stringify([...new Set(ids)]);
  const out = new Map<number, DocumentSummary>();
  if (list === "[]") return out;
  const rows = prepared(db, `
    SELECT d.id, d.code, d.kind, d.issuer, d.date, COALESCE(d.title, d.cited_as), d.is_placeholder, d.scope, d.key
    FROM json_each(?) j JOIN documents d ON d.id = j.value`).raw(true).all(list) as [number, string | null, string | null, string | null, string | null, string | null, number, string, string][];
  for (const [id, code, kind, issuer, date, title, placeholder, scope, key] of rows)
    out.set(id, { id, code, kind, issuer, date, title, placeholder: placeholder === 1, scope, key, files: [] });
  const files = prepared(db, `
    SELECT f.document_id, f.path FROM json_each(?) j JOIN files f ON f.document_id = j.value AND f.status = 'ingested'
    ORDER BY f.document_id, f.path`).raw(true).all(list) as [number, string][];
  for (const [id, path] of files) out.get(id)?.files.push(path);
  return out;
}

/** Newest first, then by code: the order a reader scans a list of documents in. */
export function compareDocuments(a: { date: string | null; key: string }, b: { date: string | null; key: string }): number {
  const da = a.date ?? "", dbb = b.date ?? "";
  if (da !== dbb) return da < dbb ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
