/**
 * A problem the user can act on (unknown document, ambiguous local code, a store
 * from a newer vanban). The CLI prints its message as one line; anything else that
 * escapes the store is a bug and keeps its stack.
 */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
