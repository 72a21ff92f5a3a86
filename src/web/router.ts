/**
 * Path patterns ("/api/documents/:id") to handlers. Hand-written rather than a
 * framework: the server answers GET/HEAD on a dozen fixed routes, and node:http
 * plus this is all that takes.
 */
import { badRequest } from "./http-error.js";

export type RouteParams = Record<string, string>;

type Route<H> = { pattern: RegExp; keys: string[]; handler: H };

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(path: string, handler: H): this {
    const keys: string[] = [];
    const source = path
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        keys.push(segment.slice(1));
        return "([^/]+)";
      })
      .join("/");
    this.routes.push({ pattern: new RegExp(`^${source}$`), keys, handler });
    return this;
  }

  match(pathname: string): { handler: H; params: RouteParams } | null {
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const params: RouteParams = {};
      route.keys.forEach((key, i) => {
        try {
          params[key] = decodeURIComponent(m[i + 1]);
        } catch {
          throw badRequest("web.malformedPath", { key });
        }
      });
      return { handler: route.handler, params };
    }
    return null;
  }
}
