/**
 * Every response goes out through here, so every one carries the same security
 * headers. The Content-Security-Policy allows only this origin's scripts and
 * styles: an injected <script> or onerror= in a document could not run even if
 * escaping ever failed.
 */
import type { ServerResponse } from "node:http";
import type { Html } from "./html.js";

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
};

export function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": contentType,
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8");
}

export function sendHtml(res: ServerResponse, status: number, page: Html): void {
  send(res, status, page.value, "text/html; charset=utf-8");
}

/** A file to save (ICS, CSV, XLSX); the name is ours, never taken from a document. */
export function sendDownload(res: ServerResponse, body: string | Buffer, contentType: string, fileName: string): void {
  send(res, 200, body, contentType, { "Content-Disposition": `attachment; filename="${fileName}"` });
}
