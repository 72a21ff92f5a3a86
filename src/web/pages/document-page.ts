/**
 * Page 2 — one document: its facts, and its text with every reference, deadline,
 * metric and task highlighted where it was read (legend, distinct colours). A
 * reference links to the cited document; a cited document the archive does not
 * hold gets this same page, marked "not in the archive", with who cites it.
 * Rendered on the server: the text is untrusted and goes through `html` only.
 */
import type { DocumentSummary, TaskEntry } from "../../store/index.js";
import type { DocumentView } from "../document-view.js";
import { highlightText } from "../highlight.js";
import { html, type Html } from "../html.js";
import {
  DEADLINE_KIND_LABELS, METRIC_ROLE_LABELS, RELATION_LABELS, TASK_STATUS_LABELS, displayDate, documentLabel, documentTitle, kindLabel,
} from "../labels.js";
import { t, type MessageKey } from "../../i18n/index.js";
import { layout } from "./layout.js";

const LEGEND = [
  { type: "reference", label: "doc.legend.reference" },
  { type: "deadline", label: "doc.legend.deadline" },
  { type: "metric", label: "doc.legend.metric" },
  { type: "task", label: "doc.legend.task" },
] as const satisfies readonly { type: string; label: MessageKey }[];

export function documentPage(view: DocumentView): Html {
  const d = view.document;
  const heading = `${kindLabel(d.kind)} ${d.code ?? t("doc.noNumberYet")}`;
  const hasText = view.text !== null;
  const body = html`
<p class="breadcrumb"><a href="/documents">${t("web.nav.documents")}</a> › ${documentLabel(d)}</p>
<h1>${heading}</h1>
${d.placeholder ? placeholderBanner() : ""}
${metadata(view)}
${hasText
    ? html`
<section class="doc-layout">
  <div class="doc-main">
    ${legend()}
    <article id="doc-text" class="doc-text" aria-label="${t("doc.text")}">${highlightText(view.text!, view.annotations)}</article>
  </div>
  <aside class="doc-facts">${facts(view, true)}</aside>
</section>`
    : html`
${d.placeholder ? "" : html`<p class="notice">${t("doc.noText")}</p>`}
<section class="doc-facts wide">${facts(view, false)}</section>`}`;
  return layout({ title: heading, section: "documents", body, script: "document.js" });
}

function placeholderBanner(): Html {
  return html`<div class="placeholder-banner" role="note"><strong>${t("doc.notHeldBanner")}</strong>
  ${t("doc.notHeldExplained")}</div>`;
}

function metadata(view: DocumentView): Html {
  const d = view.document;
  const rows: [string, Html | string | null][] = [
    [t("page.col.code"), d.code],
    [t("page.col.kind"), kindLabel(d.kind)],
    [t("page.issuer"), d.issuer],
    [t("doc.parentIssuer"), d.parentIssuer],
    [t("page.col.date"), displayDate(d.date)],
    [t("doc.place"), d.place],
    [t("page.col.locality"), d.locality],
    [d.placeholder ? t("doc.citedAs") : t("page.col.title"), documentTitle(d)],
    [t("doc.signer"), d.signer ? `${d.signer.name}${d.signer.position ? `, ${d.signer.position}` : ""}` : null],
    [t("doc.files"), view.files.length ? html`${view.files.map((f) => html`<div>${f.path}${f.status === "failed" ? html` <span class="badge bad">${t("cli.error", { message: f.error ?? "" })}</span>` : ""}</div>`)}` : null],
    [t("doc.key"), d.key],
  ];
  return html`<dl class="meta">${rows.filter(([, v]) => v !== null && v !== "").map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${d.warnings.length ? html`<details class="warnings"><summary>${t("doc.warnings", { n: d.warnings.length })}</summary><ul>${d.warnings.map((w, i) => html`<li>${placed(view, i) ? html`<a href="#message-${i}">${w}</a>` : w}</li>`)}</ul></details>` : ""}`;
}

/** A warning is linked to its place in the text when the text is held and the warning has a span there. */
function placed(view: DocumentView, i: number): boolean {
  return view.text !== null && view.annotations.some((a) => a.type === "message" && a.id === i);
}

function legend(): Html {
  return html`<fieldset id="legend" class="legend"><legend>${t("page.legend")}</legend>
  ${LEGEND.map((l) => html`<label class="legend-item"><input type="checkbox" value="${l.type}" checked> <span class="swatch hl-${l.type}"></span> ${t(l.label)}</label>`)}
</fieldset>`;
}

const docLink = (d: DocumentSummary): Html =>
  html`<a class="doc-code" href="/documents/${d.id}">${documentLabel(d)}</a>${d.placeholder ? html` <span class="badge placeholder">${t("doc.notHeldBadge")}</span>` : ""}`;

/** "↧" jumps to the highlight in the text, when there is text and the fact has a span. */
const jump = (withText: boolean, anchor: string, span: { start: number } | null): Html | string =>
  withText && span ? html` <a class="jump" href="#${anchor}" title="${t("doc.jump")}">↧</a>` : "";

function facts(view: DocumentView, withText: boolean): Html {
  const references = view.references;
  return html`
<section class="facts" id="references"><h2><span class="swatch hl-reference"></span> ${t("doc.references", { n: references.length })}</h2>
${references.length
    ? html`<ul class="fact-list">${references.map((r, i) => html`<li>
  <span class="relation">${RELATION_LABELS[r.relation] ?? r.relation}</span> ${docLink(r.target)}${jump(withText && !r.reportedBy, `reference-${i}`, r.span)}
  ${r.text ? html`<div class="as-written">${r.text}</div>` : ""}
  ${r.reportedBy ? html`<div class="note">theo ${docLink(r.reportedBy)}</div>` : ""}
</li>`)}</ul>`
    : html`<p class="empty">${t("doc.none")}</p>`}
</section>
<section class="facts" id="cited-by"><h2>${t("doc.citedBy", { n: view.citedBy.count })}</h2>
${view.citedBy.documents.length
    ? html`<ul class="fact-list">${view.citedBy.documents.map((c) => html`<li><span class="relation">${c.relations.map((r) => RELATION_LABELS[r] ?? r).join(", ")}</span> ${docLink(c.document)}${c.document.issuer ? html` <span class="muted">— ${c.document.issuer}</span>` : ""}</li>`)}</ul>`
    : html`<p class="empty">${t("doc.none")}</p>`}
</section>
<section class="facts" id="deadlines"><h2><span class="swatch hl-deadline"></span> ${t("doc.deadlines", { n: view.deadlines.length })}</h2>
${view.deadlines.length
    ? html`<ul class="fact-list">${view.deadlines.map((x) => html`<li>
  <span class="relation">${DEADLINE_KIND_LABELS[x.kind] ?? x.kind}</span> ${x.text}${x.end || x.start ? html` <span class="muted">(${x.start && x.end && x.start !== x.end ? `${displayDate(x.start)} → ${displayDate(x.end)}` : displayDate(x.end ?? x.start)})</span>` : ""}${jump(withText, `deadline-${x.position}`, x.span)}
</li>`)}</ul>`
    : html`<p class="empty">${t("doc.none")}</p>`}
</section>
<section class="facts" id="metrics"><h2><span class="swatch hl-metric"></span> ${t("doc.metrics", { n: view.metrics.length })}</h2>
${view.metrics.length
    ? html`<ul class="fact-list">${view.metrics.map((m) => html`<li>
  <span class="relation">${m.role ? (METRIC_ROLE_LABELS[m.role] ?? m.role) : t("doc.metric")}</span>
  <strong>${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : m.value}${m.unit === "%" ? "%" : ` ${m.unit}`}</strong>
  ${m.subject ? html`— ${m.subject}` : ""}${jump(withText, `metric-${m.id}`, m.span)}
</li>`)}</ul>`
    : html`<p class="empty">${t("doc.none")}</p>`}
</section>
<section class="facts" id="tasks"><h2><span class="swatch hl-task"></span> ${t("doc.tasks", { n: view.tasks.length })}</h2>
${view.tasks.length ? taskTable(view.tasks, withText) : html`<p class="empty">${t("doc.none")}</p>`}
</section>`;
}

function taskTable(tasks: TaskEntry[], withText: boolean): Html {
  return html`<table class="list compact">
<thead><tr><th>${t("doc.col.no")}</th><th>${t("page.tasks")}</th><th>${t("page.col.lead")}</th><th>${t("page.col.support")}</th><th>${t("web.nav.deadlines")}</th><th>${t("page.status")}</th></tr></thead>
<tbody>${tasks.map((task) => html`<tr>
  <td>${task.ordinal}</td>
  <td>${task.text}${jump(withText, `task-${task.id}`, task.span)}${task.sources.length ? html`<div class="note">${t("doc.assignedBy")} ${task.sources.map((s, i) => html`${i ? ", " : ""}${docLink(s.document)}`)}</div>` : ""}</td>
  <td>${task.lead.map((a) => a.agency).join("; ")}</td>
  <td>${task.support.map((a) => a.agency).join("; ")}</td>
  <td>${task.deadline?.text}</td>
  <td>${statusBadge(task.effectiveStatus)}</td>
</tr>`)}</tbody></table>`;
}

function statusBadge(status: string | null): Html | string {
  return status ? html`<span class="badge status-${status}">${TASK_STATUS_LABELS[status] ?? status}</span>` : "";
}
