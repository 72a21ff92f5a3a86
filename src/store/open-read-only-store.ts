/**
 * The server's connection: read-only, so nothing a request does can change the
 * archive, and an import may run beside the server (WAL readers see each
 * committed state). `openStore` migrates, which writes; a viewer only accepts a
 * store already at this build's schema and says how to bring it there.
 *
 * `vanban_fold(text)` is registered on the connection so filters can compare
 * issuer names, titles and places the way the store folds them (no diacritics,
 * đ→d, lower case).
 */
import { foldLoose } from "../normalise/fold.js";
import { SCHEMA_VERSION } from "./migrations/index.js";
import { openStoreReadOnly, type Store } from "./open-store.js";
import { StoreError } from "./store-error.js";
import { isPostgresUrl } from "./postgres.js";

export function openReadOnlyStore(file: string): Store {
  const db = openStoreReadOnly(file);
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version < SCHEMA_VERSION) {
    db.close();
    throw new StoreError("store.olderSchema", { file, version, expected: SCHEMA_VERSION });
  }
  // PostgreSQL has it in its schema (postgres/migrations/v6-v10-derived.ts).
  if (!isPostgresUrl(file)) db.function("vanban_fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? foldLoose(value) : null));
  return db;
}
