/**
 * Page "Chỉ tiêu": each target beside its result (the same table row, or the same
 * indicator in a plan and a report), with the gap, the percent of plan as a bar
 * (<meter>: plain HTML, no chart library, nothing inline for the CSP), the
 * report's own "% so với kế hoạch" and a warning when it disagrees. Each figure
 * links to its place in the document view. Filter by document and by subject.
 */
import { t } from "../../i18n/index.js";
import type { MetricItem, MetricPair } from "../../store/index.js";
import { html, type Html } from "../html.js";
import { documentLabel } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, inputField } from "./form-controls.js";
import { layout } from "./layout.js";
import { pager } from "./result-parts.js";

/** One page of pairs; `count` pairs in all after the filters, `paired` of them with both figures, from `total` metrics. */
export type MetricsView = { pairs: MetricPair[]; paired: number; total: number; count: number; offset: number; limit: number };

export function metricsPage(query: QueryParams, view: MetricsView): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>${t("web.nav.metrics")}</h1>
<form class="filters" method="get" action="/metrics">
  ${inputField(t("page.docCode"), "doc", v("doc"))}
  ${inputField(t("web.metrics.subject"), "subject", v("subject"), { placeholder: t("web.metrics.subjectHint") })}
  <label class="inline"><input type="checkbox" name="paired" value="1"${v("paired") === "1" ? html` checked` : ""}> ${t("web.metrics.pairedOnly")}</label>
  <div class="actions"><button type="submit">${t("page.filter")}</button> <a href="/metrics">${t("page.clearFilters")}</a></div>
</form>
<p id="summary" class="summary">${t("web.metrics.summary", { paired: view.paired, rows: view.pairs.length ? `${view.offset + 1}–${view.offset + view.pairs.length}` : "0", count: view.count, total: view.total })}</p>
<div class="table-scroll">
<table id="metric-pairs" class="list compact">
<thead><tr><th>${t("col.subject")}</th><th>${t("col.target")}</th><th>${t("col.actual")}</th><th>${t("col.gap")}</th><th>${t("col.of_plan")}</th><th>${t("col.reported_pct")}</th></tr></thead>
<tbody>${view.pairs.map((p) => row(p))}</tbody>
</table>
</div>
${view.pairs.length ? "" : html`<p class="empty">${t("doc.none")}</p>`}
${pager("/metrics", { doc: v("doc"), subject: v("subject"), paired: v("paired") }, view.offset, view.limit, view.count)}`;
  return layout({ title: t("web.nav.metrics"), section: "metrics", body });
}

function row(p: MetricPair): Html {
  const one = p.target ?? p.actual ?? p.other;
  return html`<tr class="pair${p.target && p.actual ? " both" : ""}${p.met === false ? " short" : ""}">
  <td>${p.subject}${one ? html`<div class="muted">${documentLabel(one.document)}${p.method === "subject" ? ` · ${t("web.metrics.acrossDocuments")}` : ""}</div>` : ""}</td>
  <td>${figure(p.target, p.links.target)}</td>
  <td>${figure(p.actual ?? p.other, p.actual ? p.links.actual : p.links.other)}${p.actual && p.target && p.actual.document.id !== p.target.document.id ? html`<div class="muted">${documentLabel(p.actual.document)}</div>` : ""}</td>
  <td class="num">${p.gap === null ? "" : `${p.gap > 0 ? "+" : ""}${p.gap}`}</td>
  <td class="num">${p.percentOfPlan === null
    ? ""
    : html`<meter class="plan-bar" min="0" max="100" low="99.99" high="100" optimum="100" value="${Math.min(p.percentOfPlan, 100)}" title="${p.percentOfPlan}%"></meter> ${p.percentOfPlan}%`}</td>
  <td class="num">${p.reported ? `${p.reported.value}%` : ""}${p.warning ? html` <span class="badge bad" title="${t("metrics.percentDiffers")}">${t("web.metrics.differs")}</span>` : ""}</td>
</tr>`;
}

function figure(m: MetricItem | null, link: string | null): Html | string {
  if (!m) return "";
  const value = `${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : m.value}${m.max !== null ? `–${m.max}` : ""}${m.unit === "%" ? "%" : ` ${m.unit}`}`;
  return link ? html`<a class="figure" href="${link}">${value}</a>` : value;
}
