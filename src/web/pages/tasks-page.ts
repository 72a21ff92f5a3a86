/**
 * Page 5 — tasks by agency: what each agency owes (tasks it leads, with status
 * and source document). tasks.js draws /api/agencies and /api/tasks; downloads
 * (CSV, XLSX) carry the page's filters.
 */
import { html, type Html } from "../html.js";
import { TASK_STATUS_LABELS } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, exportHref, inputField, selectField } from "./form-controls.js";
import { layout } from "./layout.js";

const FILTERS = ["agency", "status", "dueAfter", "dueBefore", "doc", "source", "issuer"] as const;

export function tasksPage(query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>Nhiệm vụ theo cơ quan</h1>
<form class="filters" method="get" action="/tasks">
  ${inputField("Cơ quan", "agency", v("agency"), { list: "agency-names", placeholder: "Văn phòng Đảng ủy" })}
  <datalist id="agency-names"></datalist>
  ${selectField("Trạng thái", "status", Object.entries(TASK_STATUS_LABELS).map(([value, label]) => ({ value, label })), v("status"))}
  ${inputField("Hạn từ ngày", "dueAfter", v("dueAfter"), { type: "date" })}
  ${inputField("Hạn đến ngày", "dueBefore", v("dueBefore"), { type: "date" })}
  ${inputField("Văn bản (số hiệu)", "doc", v("doc"))}
  <div class="actions"><button type="submit">Lọc</button> <a href="/tasks">Xóa bộ lọc</a></div>
</form>
<p class="downloads">Tải về:
  <a id="export-csv" href="${exportHref("/export/tasks.csv", query, FILTERS)}" download>Bảng (CSV)</a> ·
  <a id="export-xlsx" href="${exportHref("/export/tasks.xlsx", query, FILTERS)}" download>Excel (XLSX)</a></p>
<p id="error" class="error" role="alert" hidden></p>
<section class="agencies">
  <h2>Các cơ quan</h2>
  <div class="table-scroll">
  <table id="agencies" class="list compact">
    <thead><tr><th>Cơ quan</th><th>Địa bàn</th><th>Chủ trì</th><th>Phối hợp</th><th>Đã xong</th><th>Quá hạn</th></tr></thead>
    <tbody></tbody>
  </table>
  </div>
</section>
<section>
  <h2>Nhiệm vụ</h2>
  <p id="summary" class="summary" aria-live="polite">Đang tải…</p>
  <div id="task-groups"></div>
  <nav id="pager" class="pager" aria-label="Trang"></nav>
</section>`;
  return layout({ title: "Nhiệm vụ theo cơ quan", section: "tasks", body, script: "tasks.js" });
}
