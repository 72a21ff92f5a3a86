/**
 * Filter form fields shared by the list pages. Each is a GET form control whose
 * current value comes back from the query string, so a filtered page can be
 * bookmarked and works before its script runs.
 */
import { t } from "../../i18n/index.js";
import { html, type Html } from "../html.js";
import type { QueryParams } from "../query-params.js";

export type Option = { value: string; label: string };

export function selectField(label: string, name: string, options: readonly Option[], current: string | undefined, anyLabel = t("page.any")): Html {
  return html`<label>${label}
    <select name="${name}">
      <option value="">${anyLabel}</option>
      ${options.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ""}>${o.label}</option>`)}
    </select></label>`;
}

export function inputField(label: string, name: string, current: string | undefined, attrs: { type?: string; placeholder?: string; list?: string } = {}): Html {
  return html`<label>${label}
    <input type="${attrs.type ?? "text"}" name="${name}" value="${current ?? ""}"${attrs.placeholder ? html` placeholder="${attrs.placeholder}"` : ""}${attrs.list ? html` list="${attrs.list}"` : ""}></label>`;
}

export function datalist(id: string, values: readonly string[]): Html {
  return html`<datalist id="${id}">${values.map((v) => html`<option value="${v}"></option>`)}</datalist>`;
}

/** The value a field shows: the query's, read leniently (a bad value is reported by the API call, not here). */
export function currentValue(query: QueryParams, name: string): string | undefined {
  try {
    return query.text(name);
  } catch {
    return undefined;
  }
}

/** A link to a download with the page's current filters. */
export function exportHref(path: string, query: QueryParams, names: readonly string[]): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = currentValue(query, name);
    if (value !== undefined) params.set(name, value);
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
