/**
 * Page 4 — deadlines by month: deadlines.js draws /api/deadlines as a timeline,
 * overdue ones marked, with each task's lead agency. Downloads (ICS, CSV) carry
 * the page's filters.
 */
import { html, type Html } from "../html.js";
import { DEADLINE_STATE_LABELS } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, exportHref, inputField, selectField } from "./form-controls.js";
import { t } from "../../i18n/index.js";
import { layout } from "./layout.js";

const FILTERS = ["from", "to", "state", "doc", "today"] as const;

export function deadlinesPage(query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>${t("web.nav.deadlines")}</h1>
<form class="filters" method="get" action="/deadlines">
  ${inputField(t("page.fromMonth"), "from", v("from"), { type: "month" })}
  ${inputField(t("page.toMonth"), "to", v("to"), { type: "month" })}
  ${selectField(t("page.state"), "state", Object.entries(DEADLINE_STATE_LABELS).map(([value, label]) => ({ value, label })), v("state"))}
  <div class="actions"><button type="submit">${t("page.filter")}</button> <a href="/deadlines">${t("page.clearFilters")}</a></div>
</form>
<p class="downloads">${t("page.downloads")}
  <a id="export-ics" href="${exportHref("/export/deadlines.ics", query, FILTERS)}" download>${t("page.ics")}</a> ·
  <a id="export-csv" href="${exportHref("/export/deadlines.csv", query, FILTERS)}" download>${t("page.csv")}</a></p>
<p id="summary" class="summary" aria-live="polite">${t("page.loading")}</p>
<p id="error" class="error" role="alert" hidden></p>
<div id="timeline" class="timeline"></div>
<nav id="pager" class="pager" aria-label="${t("page.pages")}"></nav>`;
  return layout({ title: t("web.nav.deadlines"), section: "deadlines", body, script: "deadlines.js" });
}
