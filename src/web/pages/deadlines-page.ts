/**
 * Page 4 — deadlines by month: deadlines.js draws /api/deadlines as a timeline,
 * overdue ones marked, with each task's lead agency. Downloads (ICS, CSV) carry
 * the page's filters.
 */
import { html, type Html } from "../html.js";
import { DEADLINE_STATE_LABELS } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, exportHref, inputField, selectField } from "./form-controls.js";
import { layout } from "./layout.js";

const FILTERS = ["from", "to", "state", "doc", "today"] as const;

export function deadlinesPage(query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>Thời hạn</h1>
<form class="filters" method="get" action="/deadlines">
  ${inputField("Từ tháng", "from", v("from"), { type: "month" })}
  ${inputField("Đến tháng", "to", v("to"), { type: "month" })}
  ${selectField("Tình trạng", "state", Object.entries(DEADLINE_STATE_LABELS).map(([value, label]) => ({ value, label })), v("state"))}
  <div class="actions"><button type="submit">Lọc</button> <a href="/deadlines">Xóa bộ lọc</a></div>
</form>
<p class="downloads">Tải về:
  <a id="export-ics" href="${exportHref("/export/deadlines.ics", query, FILTERS)}" download>Lịch (ICS)</a> ·
  <a id="export-csv" href="${exportHref("/export/deadlines.csv", query, FILTERS)}" download>Bảng (CSV)</a></p>
<p id="summary" class="summary" aria-live="polite">Đang tải…</p>
<p id="error" class="error" role="alert" hidden></p>
<div id="timeline" class="timeline"></div>
<nav id="pager" class="pager" aria-label="Trang"></nav>`;
  return layout({ title: "Thời hạn", section: "deadlines", body, script: "deadlines.js" });
}
