/**
 * A failure the client caused or can act on, with its HTTP status: a message key
 * and its parameters (src/i18n), shown in the server's language. Anything else
 * thrown while answering is a bug: logged, and answered with a bare 500.
 */
import { isMessageKey, VanbanError, type MessageKey, type Params } from "../i18n/index.js";

export class HttpError extends VanbanError {
  constructor(
    readonly status: 400 | 404 | 405 | 421,
    keyOrMessage: MessageKey | string,
    params: Params = {},
  ) {
    super(isMessageKey(keyOrMessage) ? keyOrMessage : null, params, keyOrMessage);
    this.name = "HttpError";
  }
}

export const badRequest = (keyOrMessage: MessageKey | string, params?: Params) => new HttpError(400, keyOrMessage, params);
export const notFound = (keyOrMessage: MessageKey | string, params?: Params) => new HttpError(404, keyOrMessage, params);
