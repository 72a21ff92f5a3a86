/**
 * Page 2 — one document: its facts, and its text with every reference, deadline,
 * metric and task highlighted where it was read (legend, distinct colours). A
 * reference links to the cited document; a cited document the archive does not
 * hold gets this same page, marked "not in the archive", with who cites it.
 * Rendered on the server: the text is untrusted and goes through `html` only.
 */
import type { DocumentSummary } from "../../store/document-summary.js";
import type { TaskEntry } from "../../store/queries.js";
import type { DocumentView } from "../document-view.js";
import { highlightText } from "../highlight.js";
import { html, type Html } from "../html.js";
import {
  DEADLINE_KIND_LABELS, METRIC_ROLE_LABELS, RELATION_LABELS, TASK_STATUS_LABELS, displayDate, documentLabel, kindLabel,
} from "../labels.js";
import { layout } from "./layout.js";

const LEGEND: { type: string; label: string }[] = [
  { type: "reference", label: "Trích dẫn văn bản" },
  { type: "deadline", label: "Thời hạn" },
  { type: "metric", label: "Số liệu, chỉ tiêu" },
  { type: "task", label: "Nhiệm vụ" },
];

export function documentPage(view: DocumentView): Html {
  const d = view.document;
  const heading = `${kindLabel(d.kind)} ${d.code ?? "(chưa có số)"}`;
  const hasText = view.text !== null;
  const body = html`
<p class="breadcrumb"><a href="/documents">Văn bản</a> › ${documentLabel(d)}</p>
<h1>${heading}</h1>
${d.placeholder ? placeholderBanner() : ""}
${metadata(view)}
${hasText
    ? html`
<section class="doc-layout">
  <div class="doc-main">
    ${legend()}
    <article id="doc-text" class="doc-text" aria-label="Nội dung văn bản">${highlightText(view.text!, view.annotations)}</article>
  </div>
  <aside class="doc-facts">${facts(view, true)}</aside>
</section>`
    : html`
${d.placeholder ? "" : html`<p class="notice">Kho chưa lưu nội dung văn bản này; dưới đây là các dữ kiện đã trích xuất.</p>`}
<section class="doc-facts wide">${facts(view, false)}</section>`}`;
  return layout({ title: heading, section: "documents", body, script: "document.js" });
}

function placeholderBanner(): Html {
  return html`<div class="placeholder-banner" role="note"><strong>Không có trong kho lưu trữ.</strong>
  Văn bản này chỉ được biết qua trích dẫn của các văn bản khác; tệp gốc chưa được nhập vào kho.</div>`;
}

function metadata(view: DocumentView): Html {
  const d = view.document;
  const rows: [string, Html | string | null][] = [
    ["Số hiệu", d.code],
    ["Loại", kindLabel(d.kind)],
    ["Cơ quan ban hành", d.issuer],
    ["Cơ quan cấp trên", d.parentIssuer],
    ["Ngày", displayDate(d.date)],
    ["Địa danh", d.place],
    ["Địa bàn", d.locality],
    [d.placeholder ? "Được trích dẫn là" : "Trích yếu", d.title],
    ["Người ký", d.signer ? `${d.signer.name}${d.signer.position ? `, ${d.signer.position}` : ""}` : null],
    ["Tệp", view.files.length ? html`${view.files.map((f) => html`<div>${f.path}${f.status === "failed" ? html` <span class="badge bad">lỗi: ${f.error}</span>` : ""}</div>`)}` : null],
    ["Khóa nhận dạng", d.key],
  ];
  return html`<dl class="meta">${rows.filter(([, v]) => v !== null && v !== "").map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
${d.warnings.length ? html`<details class="warnings"><summary>Cảnh báo khi trích xuất (${d.warnings.length})</summary><ul>${d.warnings.map((w) => html`<li>${w}</li>`)}</ul></details>` : ""}`;
}

function legend(): Html {
  return html`<fieldset id="legend" class="legend"><legend>Chú giải</legend>
  ${LEGEND.map((l) => html`<label class="legend-item"><input type="checkbox" value="${l.type}" checked> <span class="swatch hl-${l.type}"></span> ${l.label}</label>`)}
</fieldset>`;
}

const docLink = (d: DocumentSummary): Html =>
  html`<a class="doc-code" href="/documents/${d.id}">${documentLabel(d)}</a>${d.placeholder ? html` <span class="badge placeholder">không có trong kho</span>` : ""}`;

/** "↧" jumps to the highlight in the text, when there is text and the fact has a span. */
const jump = (withText: boolean, anchor: string, span: { start: number } | null): Html | string =>
  withText && span ? html` <a class="jump" href="#${anchor}" title="Xem trong văn bản">↧</a>` : "";

function facts(view: DocumentView, withText: boolean): Html {
  const references = view.references;
  return html`
<section class="facts" id="references"><h2><span class="swatch hl-reference"></span> Trích dẫn (${references.length})</h2>
${references.length
    ? html`<ul class="fact-list">${references.map((r, i) => html`<li>
  <span class="relation">${RELATION_LABELS[r.relation] ?? r.relation}</span> ${docLink(r.target)}${jump(withText && !r.reportedBy, `reference-${i}`, r.span)}
  ${r.text ? html`<div class="as-written">${r.text}</div>` : ""}
  ${r.reportedBy ? html`<div class="note">theo ${docLink(r.reportedBy)}</div>` : ""}
</li>`)}</ul>`
    : html`<p class="empty">Không có.</p>`}
</section>
<section class="facts" id="cited-by"><h2>Được trích dẫn bởi (${view.citedBy.count})</h2>
${view.citedBy.documents.length
    ? html`<ul class="fact-list">${view.citedBy.documents.map((c) => html`<li><span class="relation">${c.relations.map((r) => RELATION_LABELS[r] ?? r).join(", ")}</span> ${docLink(c.document)}${c.document.issuer ? html` <span class="muted">— ${c.document.issuer}</span>` : ""}</li>`)}</ul>`
    : html`<p class="empty">Không có.</p>`}
</section>
<section class="facts" id="deadlines"><h2><span class="swatch hl-deadline"></span> Thời hạn (${view.deadlines.length})</h2>
${view.deadlines.length
    ? html`<ul class="fact-list">${view.deadlines.map((x) => html`<li>
  <span class="relation">${DEADLINE_KIND_LABELS[x.kind] ?? x.kind}</span> ${x.text}${x.end || x.start ? html` <span class="muted">(${x.start && x.end && x.start !== x.end ? `${displayDate(x.start)} → ${displayDate(x.end)}` : displayDate(x.end ?? x.start)})</span>` : ""}${jump(withText, `deadline-${x.position}`, x.span)}
</li>`)}</ul>`
    : html`<p class="empty">Không có.</p>`}
</section>
<section class="facts" id="metrics"><h2><span class="swatch hl-metric"></span> Số liệu (${view.metrics.length})</h2>
${view.metrics.length
    ? html`<ul class="fact-list">${view.metrics.map((m) => html`<li>
  <span class="relation">${m.role ? (METRIC_ROLE_LABELS[m.role] ?? m.role) : "Số liệu"}</span>
  <strong>${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : m.value}${m.unit === "%" ? "%" : ` ${m.unit}`}</strong>
  ${m.subject ? html`— ${m.subject}` : ""}${jump(withText, `metric-${m.id}`, m.span)}
</li>`)}</ul>`
    : html`<p class="empty">Không có.</p>`}
</section>
<section class="facts" id="tasks"><h2><span class="swatch hl-task"></span> Nhiệm vụ (${view.tasks.length})</h2>
${view.tasks.length ? taskTable(view.tasks, withText) : html`<p class="empty">Không có.</p>`}
</section>`;
}

function taskTable(tasks: TaskEntry[], withText: boolean): Html {
  return html`<table class="list compact">
<thead><tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Trạng thái</th></tr></thead>
<tbody>${tasks.map((t) => html`<tr>
  <td>${t.ordinal}</td>
  <td>${t.text}${jump(withText, `task-${t.id}`, t.span)}${t.sources.length ? html`<div class="note">Văn bản giao: ${t.sources.map((s, i) => html`${i ? ", " : ""}${docLink(s.document)}`)}</div>` : ""}</td>
  <td>${t.lead.map((a) => a.agency).join("; ")}</td>
  <td>${t.support.map((a) => a.agency).join("; ")}</td>
  <td>${t.deadline?.text}</td>
  <td>${statusBadge(t.effectiveStatus)}</td>
</tr>`)}</tbody></table>`;
}

function statusBadge(status: string | null): Html | string {
  return status ? html`<span class="badge status-${status}">${TASK_STATUS_LABELS[status] ?? status}</span>` : "";
}
