/** Documents page: the filtered list from /api/documents, 50 at a time. */
import { getJson, pageFilters, reportError } from "./api.js";
import { documentLink } from "./document-link.js";
import { el, replaceChildren, vnDate } from "./dom.js";
import { KIND_LABELS, say, titleWithKind } from "./labels.js";
import { currentOffset, drawPager, onHistory } from "./pager.js";

const LIMIT = 50;

async function load() {
  const params = pageFilters();
  // The page lists held documents only unless asked (documents-page.ts): held=any shows all.
  const held = params.get("held");
  params.delete("held");
  if (held !== "any") params.set("held", held ?? "1");
  params.set("limit", String(LIMIT));
  params.set("offset", String(currentOffset()));
  const data = await getJson("/api/documents", params);
  const rows = data.documents.map((d) =>
    el("tr", { class: d.placeholder ? "placeholder-row" : null },
      el("td", {}, documentLink(d)),
      el("td", {}, KIND_LABELS[d.kind] ?? d.kind ?? ""),
      el("td", { class: "nowrap" }, vnDate(d.date)),
      el("td", {}, d.issuer ?? ""),
      el("td", { class: "title" }, (d.placeholder ? d.title : titleWithKind(d.title, d.kind, KIND_LABELS)) ?? ""),
      el("td", {}, d.locality ?? ""),
      el("td", {}, d.placeholder ? say("placeholder") : say("held")),
    ),
  );
  replaceChildren(document.querySelector("#documents tbody"), rows);
  document.getElementById("summary").textContent = data.total ? say("documentsSummary", { total: data.total }) : say("noDocuments");
  drawPager(document.getElementById("pager"), data, run);
}

function run() {
  load().catch(reportError);
}

onHistory(run);
run();
