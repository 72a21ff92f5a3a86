/**
 * `vanban serve`: node:http answering GET/HEAD from a read-only store.
 *   /api/…     JSON (api.ts); errors as { "error": "…" } with 400/404/405/500
 *   /export/…  ICS, CSV, XLSX downloads (downloads.ts)
 *   /static/…  CSS, scripts, cytoscape (static-files.ts)
 *   otherwise  HTML pages (page-routes.ts)
 * A request whose Host header is not one this server is reached by gets 421
 * (host-check.ts). A thrown HttpError or StoreError is the client's problem (its status, or 400);
 * anything else is logged and answered with a bare 500.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { log } from "../log.js";
import { printable } from "../printable.js";
import { openReadOnlyStore, type Store, StoreError } from "../store/index.js";
import { apiRoutes } from "./api.js";
import { downloadRoutes } from "./downloads.js";
import { localise, t } from "../i18n/index.js";
import { hostCheck, type HostCheck } from "./host-check.js";
import { HttpError, notFound } from "./http-error.js";
import { errorPage } from "./pages/error-page.js";
import { pageRoutes } from "./page-routes.js";
import { QueryParams } from "./query-params.js";
import { send, sendDownload, sendHtml, sendJson } from "./respond.js";
import { staticAsset } from "./static-files.js";

export type WebServerOptions = { db: string; host?: string; port?: number };
export type RunningWebServer = { url: string; close(): Promise<void> };

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const db = openReadOnlyStore(options.db);
  // Nothing is answered until the port is known (--port 0 picks one): the Host check needs it.
  let hostAllowed: HostCheck = () => false;
  const handle = requestHandler(db, (host) => hostAllowed(host));
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log.error({ err: e, url: req.url }, "request failed after the answer started");
      res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  hostAllowed = hostCheck(options.host ?? "127.0.0.1", address.port);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  log.info({ db: options.db, host, port: address.port }, "serving");
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => {
          db.close();
          if (e) reject(e);
          else resolve();
        });
        // Browsers keep connections open; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function requestHandler(db: Store, hostAllowed: HostCheck) {
  const api = apiRoutes();
  const downloads = downloadRoutes();
  const pages = pageRoutes();

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const isApi = path.startsWith("/api/") || path.startsWith("/export/");
    const started = Date.now();
    try {
      if (!hostAllowed(req.headers.host)) throw new HttpError(421, "web.wrongHost", { host: JSON.stringify(req.headers.host ?? "") });
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD");
        throw new HttpError(405, "web.methodNotAllowed", { method: req.method ?? "?" });
      }
      const query = new QueryParams(url.searchParams);
      if (path.startsWith("/static/")) {
        const asset = await staticAsset(path);
        if (!asset) throw notFound("web.noSuchFile", { path });
        send(res, 200, asset.body, asset.contentType);
      } else if (path.startsWith("/api/")) {
        const route = api.match(path);
        if (!route) throw notFound("web.noSuchApi", { path });
        sendJson(res, 200, route.handler({ db, query, params: route.params }));
      } else if (path.startsWith("/export/")) {
        const route = downloads.match(path);
        if (!route) throw notFound("web.noSuchDownload", { path });
        const file = await route.handler({ db, query, params: route.params });
        sendDownload(res, file.body, file.contentType, file.fileName);
      } else {
        const route = pages.match(path);
        if (!route) throw notFound("web.noSuchPage", { path });
        sendHtml(res, 200, route.handler({ db, query, params: route.params }));
      }
    } catch (e) {
      const { status, message } = describeFailure(e, req);
      if (isApi || path.startsWith("/static/")) sendJson(res, status, { error: message });
      else sendHtml(res, status, errorPage(status, message));
    }
    log.debug({ method: req.method, path, status: res.statusCode, ms: Date.now() - started }, "request");
  };
}

function describeFailure(e: unknown, req: IncomingMessage): { status: number; message: string } {
  if (e instanceof HttpError) return { status: e.status, message: localise(e) };
  if (e instanceof StoreError) return { status: 400, message: localise(e) };
  log.error({ err: e, method: req.method, url: req.url }, "request failed");
  // A bug, not a bad request: the one who runs the server sees one line even without --verbose.
  if (!log.isLevelEnabled("error")) console.error(t("cli.error", { message: printable(t("web.requestFailed", { method: req.method ?? "?", url: req.url ?? "?", reason: localise(e) })) }));
  return { status: 500, message: t("web.internalError") };
}
