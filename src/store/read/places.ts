/**
 * Which place a document belongs to: `locality_key` for held documents, and the
 * identity scope for placeholders, which carry no locality of their own
 * (`?` — a scope that could not be told — is no place).
 */
import { findPlace, placeKey, type PlaceLevel } from "../../link/document-identity.js";
import type { Store } from "../open-store.js";

/** SQL for the place key of the document aliased `d`. */
export const PLACE_OF_DOCUMENT = "COALESCE(NULLIF(d.locality_key, ''), NULLIF(NULLIF(d.scope, ''), '?'))";

/**
 * Place keys as people write them ("xã Phú Thịnh"): a held document's own
 * locality, else the place an issuer of that place names ("UBND tỉnh Thái
 * Nguyên"), else a readable form of the key (folded, so without diacritics).
 */
export function placeNames(db: Store): Map<string, string> {
  const names = new Map<string, string>();
  const rows = db
    .prepare(`SELECT locality_key AS key, locality AS name FROM documents WHERE locality_key IS NOT NULL AND locality IS NOT NULL ORDER BY id`)
    .all() as { key: string; name: string }[];
  for (const r of rows) if (!names.has(r.key)) names.set(r.key, r.name);
  const issuers = db
    .prepare(`SELECT ${PLACE_OF_DOCUMENT} AS key, d.issuer FROM documents d WHERE d.issuer IS NOT NULL AND ${PLACE_OF_DOCUMENT} IS NOT NULL GROUP BY 1, 2 ORDER BY MIN(d.id)`)
    .all() as { key: string; issuer: string }[];
  for (const { key, issuer } of issuers) {
    if (names.has(key)) continue;
    const place = findPlace(issuer);
    if (place?.name && placeKey(place) === key) names.set(key, `${LEVEL_WORDS[place.level]} ${place.name}`);
  }
  for (const key of db.prepare(`SELECT DISTINCT ${PLACE_OF_DOCUMENT} FROM documents d WHERE ${PLACE_OF_DOCUMENT} IS NOT NULL`).pluck().all() as string[]) {
    if (names.has(key)) continue;
    const [level, name] = key.split(":");
    names.set(key, `${LEVEL_WORDS[level as PlaceLevel] ?? level} ${name ?? ""}`.trim());
  }
  return names;
}

const LEVEL_WORDS: Record<PlaceLevel, string> = { commune: "xã", district: "huyện", province: "tỉnh" };
