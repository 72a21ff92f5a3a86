/**
 * What a user means by DOC: a file path, a code (with --issuer when the code is
 * local and several places use it), or the store's id. Errors say what to add.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { foldLoose } from "../../normalise/fold.js";
import { codeKey, findPlace, placeKey } from "../../link/document-identity.js";
import type { Store } from "../open-store.js";
import { StoreError } from "../store-error.js";
import type { MessageRef } from "../../i18n/index.js";

type Candidate = { id: number; code: string | null; scope: string; year: number | null; issuer: string | null; is_placeholder: number };

export function resolveDocument(db: Store, spec: string, options: { issuer?: string } = {}): number {
  const s = spec.trim();
  if (!s) throw new StoreError("store.noDocumentGiven");
  const byPath = documentOfPath(db, s);
  if (byPath !== undefined) return byPath;
  if (/^\d+$/.test(s)) {
    const row = db.prepare("SELECT id FROM documents WHERE id = ?").get(Number(s)) as { id: number } | undefined;
    if (row) return row.id;
  }
  return documentOfCode(db, s, options.issuer);
}

function documentOfPath(db: Store, s: string): number | undefined {
  const path = resolve(s);
  const row = db.prepare("SELECT document_id, status, error FROM files WHERE path = ?").get(path) as
    | { document_id: number | null; status: string; error: string | null }
    | undefined;
  if (row?.status === "failed") throw new StoreError("store.failedToImport", { doc: s, error: row.error ?? { key: "store.unknownError" } });
  if (row?.document_id != null) return row.document_id;
  if (existsSync(s) && statSync(s).isFile()) throw new StoreError("store.notInStore", { doc: s });
  return undefined;
}

function documentOfCode(db: Store, code: string, issuer: string | undefined): number {
  const key = codeKey(code);
  let candidates = db
    .prepare("SELECT id, code, scope, year, issuer, is_placeholder FROM documents WHERE code_key = ? ORDER BY key")
    .all(key) as Candidate[];
  if (!candidates.length) {
    // Typed without diacritics ("41-KH/DU") or with another case: compare folded.
    const loose = foldLoose(key);
    const number = /^\d+/.exec(key)?.[0] ?? "";
    candidates = (
      db.prepare("SELECT id, code, scope, year, issuer, is_placeholder, code_key FROM documents WHERE code_key LIKE ? ORDER BY key").all(`${number}%`) as (Candidate & { code_key: string })[]
    ).filter((c) => foldLoose(c.code_key) === loose);
  }
  if (!candidates.length) throw new StoreError("store.noDocumentMatches", { code });
  if (issuer) {
    const wanted = issuerFilter(issuer);
    const kept = candidates.filter(wanted);
    if (!kept.length) throw new StoreError("store.noDocumentOfIssuer", { code, issuer, scopes: describeScopes(candidates) });
    candidates = kept;
  }
  if (candidates.length === 1) return candidates[0].id;
  // Same place, several years: the one whose file is held is the one meant.
  const held = candidates.filter((c) => !c.is_placeholder);
  if (held.length === 1 && new Set(candidates.map((c) => c.scope)).size === 1) return held[0].id;
  const scopes = new Set(candidates.map((c) => c.scope));
  if (scopes.size > 1)
    throw new StoreError("store.addIssuer", { code, scopes: describeScopes(candidates) });
  const years = candidates.map((c) => `${c.year ?? "?"} (id ${c.id})`).join(", ");
  throw new StoreError("store.severalYears", { code, years });
}

function issuerFilter(issuer: string): (c: Candidate) => boolean {
  const place = findPlace(issuer);
  const exact = placeKey(place);
  const loose = foldLoose(issuer);
  return (c) => {
    if (exact && c.scope === exact) return true;
    if (place && !place.name && c.scope.startsWith(`${place.level}:`)) return true;
    const scopePlace = c.scope.split(":")[1] ?? "";
    return scopePlace === loose || (c.issuer !== null && foldLoose(c.issuer).includes(loose));
  };
}

/** "2 communes use this code: Phú Thịnh, Phong Quang" — names as the citations write them. */
function describeScopes(candidates: Candidate[]): MessageRef {
  const names = new Map<string, string>();
  for (const c of candidates) {
    const written = findPlace(c.issuer)?.name;
    if (!names.has(c.scope) || (written && names.get(c.scope) === c.scope)) names.set(c.scope, written ?? c.scope.split(":")[1] ?? c.scope);
  }
  const levels = new Set([...names.keys()].map((s) => s.split(":")[0]));
  const level = levels.size === 1 ? [...levels][0] : "issuer";
  const noun = (["commune", "province", "district"].includes(level) ? level : "issuer") as "commune" | "province" | "district" | "issuer";
  const places = { key: names.size === 1 ? (`place.${noun}` as const) : (`place.${noun}s` as const) };
  return { key: "store.scopes", params: { n: names.size, places, names: [...names.values()].join(", ") } };
}

/** Whether the store has a document with this id. */
export function documentExists(db: Store, id: number): boolean {
  return db.prepare("SELECT 1 FROM documents WHERE id = ?").get(id) !== undefined;
}

/** Some document carries this code (typed with or without diacritics): the code was not unknown, only ambiguous. */
export function codeIsKnown(db: Store, code: string): boolean {
  const key = codeKey(code);
  return Boolean(
    db.prepare("SELECT 1 FROM documents WHERE code_key = ?").get(key) ??
      db.prepare("SELECT 1 FROM documents WHERE vanban_fold(code_key) = ?").get(foldLoose(key)),
  );
}
