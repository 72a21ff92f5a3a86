/** A full disk or a read-only store fails every file alike: the run stops with one line, and what was stored before is intact. */
import { StoreError } from "../../src/store/index.js";
import { oneLine } from "./walk.js";

const UNWRITABLE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|PERM)/;
export const unwritable = (e: unknown) => UNWRITABLE.test(String((e as { code?: unknown }).code ?? ""));

/** A full disk or a read-only store stops the run with one line (what was stored before is intact). */
export async function guardWrites<T>(file: string, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (unwritable(e)) throw new StoreError("store.unwritableKept", { file, reason: oneLine(e) });
    throw e;
  }
}
