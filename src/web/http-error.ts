/**
 * A failure the client caused or can act on, with its HTTP status. Anything else
 * thrown while answering is a bug: logged, and answered with a bare 500.
 */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 421,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
