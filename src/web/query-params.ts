/**
 * Typed reading of a request's query string. Every value is checked here, so a
 * malformed one is a 400 naming the parameter instead of an odd answer or a 500
 * from deeper down. Values are data: they are bound into SQL or compared, never
 * interpreted.
 */
import { typedDate } from "../typed-date.js";
import { badRequest } from "./http-error.js";

import type { Page } from "../store/index.js";

export type { Page };

/** A long query string is a mistake or an attack; no filter needs more. */
const MAX_LENGTH = 500;
const MAX_LIMIT = 1000;

export class QueryParams {
  constructor(private readonly search: URLSearchParams) {}

  /** Trimmed text; absent or blank → undefined. */
  text(name: string): string | undefined {
    const raw = this.search.get(name);
    if (raw === null) return undefined;
    const value = raw.trim();
    if (value.length > MAX_LENGTH) throw badRequest("web.tooLong", { name, max: MAX_LENGTH });
    return value || undefined;
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw badRequest("web.required", { name });
    return value;
  }

  /** A date as clerks type it (30/04/2026, 30/4/2026, 2026-04-30; a month or a year) → the store's ISO form, whole or partial. */
  isoDate(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const found = typedDate(value);
    if (!found) throw badRequest("web.badDate", { name, value: JSON.stringify(value) });
    return found;
  }

  flag(name: string): boolean {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined || value === "0" || value === "false" || value === "no") return false;
    if (value === "1" || value === "true" || value === "yes" || value === "on") return true;
    throw badRequest("web.badFlag", { name, value: JSON.stringify(value) });
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) throw badRequest("web.badChoice", { name, allowed: allowed.join(", "), value: JSON.stringify(value) });
    return value as T;
  }

  page(defaultLimit = 50): Page {
    return { limit: this.wholeNumber("limit", defaultLimit, MAX_LIMIT), offset: this.wholeNumber("offset", 0, Number.MAX_SAFE_INTEGER) };
  }

  private wholeNumber(name: string, fallback: number, max: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) > max) throw badRequest("web.badNumber", { name, max, value: JSON.stringify(value) });
    return Number(value);
  }
}

/** The slice of a whole answer that a page asks for. */
export function pageOf<T>(items: readonly T[], page: Page): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}
