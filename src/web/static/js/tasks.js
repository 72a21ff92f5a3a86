/**
 * Tasks page: agencies with what they owe (/api/agencies), and the filtered
 * tasks (/api/tasks) grouped by lead agency, with status and source document.
 * A task led by several agencies is listed under each.
 */
import { getJson, pageFilters, reportError } from "./api.js";
import { documentLink } from "./document-link.js";
import { el, replaceChildren } from "./dom.js";
import { TASK_STATUS_LABELS, say } from "./labels.js";
import { currentOffset, drawPager, onHistory } from "./pager.js";

const LIMIT = 200;
const NO_LEAD = say("noLead");

function agencyHref(name) {
  const params = pageFilters();
  params.set("agency", name);
  return `/tasks?${params}`;
}

async function loadAgencies() {
  // The page's "today" (a shared link may fix it) counts overdue in the agency table too, as in the task list.
  const params = new URLSearchParams({ limit: "1000" });
  const today = pageFilters().get("today");
  if (today) params.set("today", today);
  const data = await getJson("/api/agencies", params);
  replaceChildren(
    document.querySelector("#agencies tbody"),
    data.agencies.map((a) =>
      el("tr", {},
        el("td", {}, el("a", { href: agencyHref(a.name) }, a.name)),
        el("td", {}, a.locality ?? ""),
        el("td", { class: "num" }, String(a.lead)),
        el("td", { class: "num" }, String(a.support)),
        el("td", { class: "num" }, String(a.done)),
        el("td", { class: a.overdue ? "num overdue" : "num" }, String(a.overdue)),
      ),
    ),
  );
  replaceChildren(document.getElementById("agency-names"), [...new Set(data.agencies.map((a) => a.name))].map((name) => el("option", { value: name })));
}

function taskRow(t) {
  const status = t.effectiveStatus;
  return el("tr", { "data-task": t.id },
    el("td", {}, t.ordinal ?? ""),
    el("td", { class: "title" }, t.text),
    el("td", {}, t.support.map((a) => a.agency).join("; ")),
    el("td", {}, t.deadline ? t.deadline.text : ""),
    el("td", {}, status ? el("span", { class: `badge status-${status}` }, TASK_STATUS_LABELS[status] ?? status) : ""),
    el("td", {},
      documentLink(t.document),
      t.sources.length ? el("div", { class: "note" }, say("assignedIn"), t.sources.map((s, i) => [i ? ", " : "", documentLink(s.document)])) : null,
    ),
  );
}

async function loadTasks() {
  const params = pageFilters();
  params.set("limit", String(LIMIT));
  params.set("offset", String(currentOffset()));
  const data = await getJson("/api/tasks", params);
  const groups = new Map();
  for (const t of data.tasks) {
    const leads = t.lead.length ? [...new Set(t.lead.map((a) => a.agency))] : [NO_LEAD];
    for (const name of leads) {
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(t);
    }
  }
  const sections = [...groups]
    .sort(([a, x], [b, y]) => (a === NO_LEAD) - (b === NO_LEAD) || y.length - x.length || a.localeCompare(b, "vi"))
    .map(([name, tasks]) =>
      el("section", { class: "task-group" },
        el("h3", {}, name, " ", el("span", { class: "muted" }, `(${tasks.length})`)),
        el("table", { class: "list compact" },
          el("thead", {}, el("tr", {}, ["no", "task", "support", "deadline", "status", "document"].map((h) => el("th", {}, say(`col.${h}`))))),
          el("tbody", {}, tasks.map(taskRow)),
        ),
      ),
    );
  replaceChildren(document.getElementById("task-groups"), sections);
  document.getElementById("summary").textContent = data.total ? say("tasksSummary", { total: data.total }) : say("noTasks");
  drawPager(document.getElementById("pager"), data, run);
}

function run() {
  loadTasks().catch(reportError);
}

loadAgencies().catch(reportError);
onHistory(run);
run();
