/**
 * A problem the user can act on (unknown document, ambiguous local code, a store
 * from a newer vanban): a message key and its parameters (src/i18n), translated
 * where it is shown. The CLI prints it as one line; anything else that escapes
 * the store is a bug and keeps its stack. A plain English message is still
 * accepted, for messages not yet in the catalogues.
 */
import { isMessageKey, VanbanError, type MessageKey, type Params } from "../i18n/index.js";

export class StoreError extends VanbanError {
  constructor(key: MessageKey, params?: Params);
  constructor(message: string);
  constructor(keyOrMessage: string, params?: Params) {
    super(isMessageKey(keyOrMessage) ? keyOrMessage : null, params, keyOrMessage);
    this.name = "StoreError";
  }
}
