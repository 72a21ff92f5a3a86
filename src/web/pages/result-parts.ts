/** Pieces the result pages (search, Chỉ tiêu) share: marked words, and previous/next links that keep the query. */
import { t } from "../../i18n/index.js";
import { html, type Html } from "../html.js";

/** Text with the given spans wrapped in <mark class="…">; every piece goes through `html`. */
export function marked(s: { text: string; marks: readonly { start: number; end: number }[] }, cls: string): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const m of s.marks) {
    parts.push(html`${s.text.slice(at, m.start)}<mark class="${cls}">${s.text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  parts.push(html`${s.text.slice(at)}`);
  return html`${parts}`;
}

export function pager(path: string, query: Record<string, string | undefined>, offset: number, limit: number, total: number): Html | string {
  if (total <= limit && offset === 0) return "";
  const href = (o: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    params.set("offset", String(o));
    params.set("limit", String(limit));
    return `${path}?${params}`;
  };
  return html`<nav class="pager" aria-label="${t("page.pages")}">
  ${offset > 0 ? html`<a rel="prev" href="${href(Math.max(0, offset - limit))}">${t("web.pager.prev")}</a>` : ""}
  ${offset + limit < total ? html`<a rel="next" href="${href(offset + limit)}">${t("web.pager.next")}</a>` : ""}
</nav>`;
}
