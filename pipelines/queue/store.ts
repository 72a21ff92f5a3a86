/**
 * The writes a queue worker makes, on the PostgreSQL store (src/store's backend for a
 * `postgres://` --db): the same operations `vanban import` makes on SQLite.
 */
import type { StoreOperations } from "../../src/store/index.js";

export type QueueStore = Pick<StoreOperations, "recordCopy" | "ingestExtraction" | "recordFailure" | "startRun" | "finishRun"> & {
  close(): Promise<void>;
};

export async function openQueueStore(url: string): Promise<QueueStore> {
  throw new Error(`${url}: the PostgreSQL store is not available yet`);
}
