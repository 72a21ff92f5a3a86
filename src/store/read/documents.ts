/**
 * The archive as a filterable list (the Documents page and /api/documents), and
 * the values its filters offer.
 */
import type { ListedDocument, DocumentList, Facets } from "../../../schemas/answers.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { foldLoose } from "../../normalise/fold.js";
import { PLACE_OF_DOCUMENT, placeNames } from "./places.js";
import type { Page } from "./page.js";
export type { ListedDocument, DocumentList, Facets };

export type DocumentFilters = {
  kind?: string;
  issuer?: string;
  /** ISO dates, inclusive; a document dated only by month or year overlaps its whole period. */
  from?: string;
  to?: string;
  /** A place key ("commune:phu thinh") or a name ("Phú Thịnh", "xã Phú Thịnh"). */
  locality?: string;
  q?: string;
  /** true: only held documents; false: only placeholders. */
  held?: boolean;
};

const PERIOD_START = "CASE length(d.date) WHEN 4 THEN d.date || '-01-01' WHEN 7 THEN d.date || '-01' ELSE d.date END";
/** '-99' sorts after every real month or day, so a partial date's end needs no calendar. */
const PERIOD_END = "CASE length(d.date) WHEN 4 THEN d.date || '-99-99' WHEN 7 THEN d.date || '-99' ELSE d.date END";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const words = (s: string) => foldLoose(s).match(/[\p{L}\p{N}]+/gu) ?? [];

function whereClause(filters: DocumentFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.kind) {
    where.push("d.kind = ?");
    params.push(filters.kind);
  }
  if (filters.issuer) {
    where.push("vanban_fold(d.issuer) LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(foldLoose(filters.issuer))}%`);
  }
  if (filters.from) {
    where.push(`d.date IS NOT NULL AND ${PERIOD_END} >= ?`);
    params.push(filters.from);
  }
  if (filters.to) {
    where.push(`d.date IS NOT NULL AND ${PERIOD_START} <= ?`);
    params.push(filters.to.length === 10 ? filters.to : `${filters.to}-99`);
  }
  if (filters.locality) {
    if (filters.locality.includes(":")) {
      where.push(`${PLACE_OF_DOCUMENT} = ?`);
      params.push(filters.locality);
    } else {
      where.push(`substr(${PLACE_OF_DOCUMENT}, instr(${PLACE_OF_DOCUMENT}, ':') + 1) = ?`);
      params.push(placeName(filters.locality));
    }
  }
  for (const w of filters.q ? words(filters.q) : []) {
    where.push("vanban_fold(COALESCE(d.code, '') || ' ' || COALESCE(d.title, d.cited_as, '') || ' ' || COALESCE(d.issuer, '')) LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(w)}%`);
  }
  if (filters.held !== undefined) where.push(filters.held ? "d.is_placeholder = 0" : "d.is_placeholder = 1");
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

/** "xã Phú Thịnh" → "phu thinh": the name part of a place key. */
function placeName(written: string): string {
  return foldLoose(written).replace(/^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s+/, "");
}

export function listDocuments(db: Store, filters: DocumentFilters, page: Page): DocumentList {
  const { sql, params } = whereClause(filters);
  const total = (db.prepare(`SELECT count(*) FROM documents d ${sql}`).pluck().get(...params) as number) ?? 0;
  const rows = db
    .prepare(`SELECT d.id, ${PLACE_OF_DOCUMENT} AS place, d.locality FROM documents d ${sql} ORDER BY d.date IS NULL, d.date DESC, d.key LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as { id: number; place: string | null; locality: string | null }[];
  const summaries = documentSummaries(db, rows.map((r) => r.id));
  const names = placeNames(db);
  return {
    total,
    documents: rows.map((r) => ({ ...summaries.get(r.id)!, localityKey: r.place, locality: r.locality ?? (r.place ? (names.get(r.place) ?? null) : null) })),
  };
}

/** The values a filter can take, with how many documents have each. */
export function documentFacets(db: Store): Facets {
  const kinds = db.prepare("SELECT kind AS value, count(*) AS count FROM documents d WHERE kind IS NOT NULL GROUP BY kind ORDER BY kind").all() as Facets["kinds"];
  const names = placeNames(db);
  const localities = (db.prepare(`SELECT ${PLACE_OF_DOCUMENT} AS key, count(*) AS count FROM documents d WHERE ${PLACE_OF_DOCUMENT} IS NOT NULL GROUP BY 1`).all() as { key: string; count: number }[])
    .map((r) => ({ ...r, name: names.get(r.key) ?? r.key }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const issuers = db
    .prepare("SELECT issuer AS value, count(*) AS count FROM documents WHERE issuer IS NOT NULL GROUP BY issuer ORDER BY count(*) DESC, issuer LIMIT 200")
    .all() as Facets["issuers"];
  return { kinds, localities, issuers };
}
