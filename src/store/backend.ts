/**
 * `--db` names a store file (SQLite) or a PostgreSQL server (`postgres://…`):
 * `openBackend` gives the StoreOperations of either, with the same answers, and
 * what to close after. Both open the same way — only import creates a store
 * (`mustExist` everywhere else), the schema is brought up to date on opening.
 */
import { storeOperations, type StoreOperations } from "./index.js";
import { openStore, type OpenStoreOptions, type Store } from "./open-store.js";
import { isPostgresUrl } from "./postgres.js";

export type Backend = {
  kind: "sqlite" | "postgres";
  operations: StoreOperations;
  /** The connection, for what StoreOperations does not cover yet (import bookkeeping, doctor). */
  db: Store;
  close: () => void;
};

export function openBackend(dbArg: string, options: OpenStoreOptions = {}): Backend {
  const db = openStore(dbArg, options);
  const kind = isPostgresUrl(dbArg) ? "postgres" : "sqlite";
  return { kind, operations: storeOperations(db), db, close: () => db.close() };
}
