/**
 * Page 1 — Documents: the filter form (kind, issuer, dates, commune, held), and
 * an empty table that documents.js fills from /api/documents with the same
 * query string.
 */
import { t } from "../../i18n/index.js";
import { html, type Html } from "../html.js";
import type { Facets } from "../document-list.js";
import { kindLabel } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, datalist, inputField, selectField } from "./form-controls.js";
import { layout } from "./layout.js";

export function documentsPage(facets: Facets, query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>Văn bản</h1>
<form class="filters" method="get" action="/documents">
  ${inputField("Tìm kiếm", "q", v("q"), { type: "search", placeholder: "số hiệu, trích yếu…" })}
  ${selectField("Loại văn bản", "kind", facets.kinds.map((k) => ({ value: k.value, label: `${kindLabel(k.value)} (${k.count})` })), v("kind"))}
  ${inputField("Cơ quan ban hành", "issuer", v("issuer"), { list: "issuers" })}
  ${datalist("issuers", facets.issuers.map((i) => i.value))}
  ${selectField("Xã, phường", "locality", facets.localities.map((l) => ({ value: l.key, label: `${l.name} (${l.count})` })), v("locality") ?? v("commune"))}
  ${inputField("Từ ngày", "from", v("from"), { type: "date" })}
  ${inputField("Đến ngày", "to", v("to"), { type: "date" })}
  ${heldToggle(v("held"))}
  <div class="actions"><button type="submit">Lọc</button> <a href="/documents">Xóa bộ lọc</a></div>
</form>
<p id="summary" class="summary" aria-live="polite">Đang tải…</p>
<p id="error" class="error" role="alert" hidden></p>
<table id="documents" class="list">
  <thead><tr><th>Số hiệu</th><th>Loại</th><th>Ngày</th><th>Cơ quan ban hành</th><th>Trích yếu</th><th>Địa bàn</th><th>Lưu trữ</th></tr></thead>
  <tbody></tbody>
</table>
<nav id="pager" class="pager" aria-label="Trang"></nav>`;
  return layout({ title: "Văn bản", section: "documents", body, script: "documents.js" });
}

/**
 * Placeholders (documents known only from citations) outnumber held ones in a
 * commune's archive, so the list starts with held documents only. Unticked, the
 * hidden field sends held=any (a ticked box is sent first and wins); held=0 — only
 * placeholders — still works from a link.
 */
function heldToggle(held: string | undefined): Html {
  const on = held !== "any" && held !== "0";
  return html`<label class="inline"><input type="checkbox" name="held" value="1"${on ? html` checked` : ""}> ${t("web.heldOnly")}</label>
  <input type="hidden" name="held" value="any">`;
}
