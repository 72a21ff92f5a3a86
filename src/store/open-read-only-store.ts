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
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { foldLoose } from "../normalise/fold.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { Store } from "./open-store.js";
import { StoreError } from "./store-error.js";

export function openReadOnlyStore(file: string): Store {
  if (!existsSync(file)) throw new StoreError(`no store at ${file} — run "vanban import PATH… --db ${file}" first`);
  let db: Store;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new StoreError(`cannot open ${file}: ${(e as Error).message}`);
  }
  try {
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version < SCHEMA_VERSION)
      throw new StoreError(`${file} has schema version ${version}; this vanban reads ${SCHEMA_VERSION} — import into it once with this vanban to migrate it`);
    if (version > SCHEMA_VERSION) throw new StoreError(`${file} was written by a newer vanban (schema ${version}); upgrade vanban`);
  } catch (e) {
    db.close();
    if (e instanceof Error && /file is not a database/i.test(e.message)) throw new StoreError(`${file} is not an SQLite database`);
    throw e;
  }
  db.pragma("busy_timeout = 5000");
  db.function("vanban_fold", { deterministic: true }, (value: unknown) => (typeof value === "string" ? foldLoose(value) : null));
  return db;
}
