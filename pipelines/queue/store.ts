/**
 * The writes a queue worker makes, on the PostgreSQL store (src/store's backend for a
 * `postgres://` --db): the same operations `vanban import` makes on SQLite. Opening
 * creates the store's tables when the database holds none yet, as import does.
 */
import { openBackend, type StoreOperations } from "../../src/store/index.js";

export type QueueStore = Pick<StoreOperations, "recordCopy" | "ingestExtraction" | "recordFailure" | "startRun" | "finishRun"> & {
  close(): Promise<void>;
};

export async function openQueueStore(url: string): Promise<QueueStore> {
  const backend = openBackend(url);
  const { recordCopy, ingestExtraction, recordFailure, startRun, finishRun } = backend.operations;
  return { recordCopy, ingestExtraction, recordFailure, startRun, finishRun, close: async () => backend.close() };
}
