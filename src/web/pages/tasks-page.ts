/**
 * Page 5 — tasks by agency: what each agency owes (tasks it leads, with status
 * and source document). tasks.js draws /api/agencies and /api/tasks; downloads
 * (CSV, XLSX) carry the page's filters.
 */
import { html, type Html } from "../html.js";
import { TASK_STATUS_LABELS } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, exportHref, inputField, selectField } from "./form-controls.js";
import { t } from "../../i18n/index.js";
import { layout } from "./layout.js";

const FILTERS = ["agency", "status", "dueAfter", "dueBefore", "doc", "source", "issuer"] as const;

export function tasksPage(query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>${t("web.nav.tasks")}</h1>
<form class="filters" method="get" action="/tasks">
  ${inputField(t("page.agency"), "agency", v("agency"), { list: "agency-names", placeholder: t("page.agencyHint") })}
  <datalist id="agency-names"></datalist>
  ${selectField(t("page.status"), "status", Object.entries(TASK_STATUS_LABELS).map(([value, label]) => ({ value, label })), v("status"))}
  ${inputField(t("page.dueAfter"), "dueAfter", v("dueAfter"), { type: "date" })}
  ${inputField(t("page.dueBefore"), "dueBefore", v("dueBefore"), { type: "date" })}
  ${inputField(t("page.docCode"), "doc", v("doc"))}
  <div class="actions"><button type="submit">${t("page.filter")}</button> <a href="/tasks">${t("page.clearFilters")}</a></div>
</form>
<p class="downloads">${t("page.downloads")}
  <a id="export-csv" href="${exportHref("/export/tasks.csv", query, FILTERS)}" download>${t("page.csv")}</a> ·
  <a id="export-xlsx" href="${exportHref("/export/tasks.xlsx", query, FILTERS)}" download>${t("page.xlsx")}</a></p>
<p id="error" class="error" role="alert" hidden></p>
<section class="agencies">
  <h2>${t("page.agencies")}</h2>
  <div class="table-scroll">
  <table id="agencies" class="list compact">
    <thead><tr><th>${t("page.agency")}</th><th>${t("page.col.locality")}</th><th>${t("page.col.lead")}</th><th>${t("page.col.support")}</th><th>${t("page.col.done")}</th><th>${t("page.col.overdue")}</th></tr></thead>
    <tbody></tbody>
  </table>
  </div>
</section>
<section>
  <h2>${t("page.tasks")}</h2>
  <p id="summary" class="summary" aria-live="polite">${t("page.loading")}</p>
  <div id="task-groups"></div>
  <nav id="pager" class="pager" aria-label="${t("page.pages")}"></nav>
</section>`;
  return layout({ title: t("web.nav.tasks"), section: "tasks", body, script: "tasks.js" });
}
