/**
 * Deadlines page: /api/deadlines as a timeline by month — each deadline with
 * its day, state (overdue / upcoming / done), the task and its lead agency, and
 * the document it comes from.
 */
import { getJson, pageFilters, reportError } from "./api.js";
import { documentLink } from "./document-link.js";
import { el, replaceChildren, vnDate } from "./dom.js";
import { DEADLINE_STATE_LABELS, say } from "./labels.js";
import { currentOffset, drawPager, onHistory } from "./pager.js";

const LIMIT = 500;

function monthTitle(month) {
  const [y, m] = month.split("-");
  return m ? say("month", { month: Number(m), year: y }) : say("year", { year: y });
}

function entry(d) {
  const task = d.task ? d.task.text : null;
  return el("li", { class: `deadline state-${d.state}` },
    el("div", { class: "when" },
      el("time", { datetime: d.day }, vnDate(d.day)),
      el("span", { class: `badge state-${d.state}` }, DEADLINE_STATE_LABELS[d.state] ?? d.state),
    ),
    el("div", { class: "what" },
      el("div", { class: "deadline-text" }, d.text),
      task ? el("div", { class: "task-text", title: task }, task.length > 240 ? `${task.slice(0, 239)}…` : task) : null,
      el("div", { class: "who" },
        d.lead.length ? [el("span", { class: "label" }, say("lead")), d.lead.join("; ")] : el("span", { class: "muted" }, say("noLeadKnown")),
      ),
      el("div", { class: "source" }, el("span", { class: "label" }, say("document")), documentLink(d.document)),
    ),
  );
}

async function load() {
  const params = pageFilters();
  params.set("limit", String(LIMIT));
  params.set("offset", String(currentOffset()));
  const data = await getJson("/api/deadlines", params);
  const months = new Map();
  for (const d of data.deadlines) {
    const month = d.day.slice(0, 7);
    if (!months.has(month)) months.set(month, []);
    months.get(month).push(d);
  }
  const sections = [...months].map(([month, items]) => {
    const overdue = items.filter((d) => d.state === "overdue").length;
    return el("section", { class: "month", "data-month": month },
      el("h2", {}, monthTitle(month), " ", el("span", { class: "muted" }, overdue ? say("monthCountOverdue", { n: items.length, overdue }) : say("monthCount", { n: items.length }))),
      el("ol", { class: "deadlines" }, items.map(entry)),
    );
  });
  replaceChildren(document.getElementById("timeline"), sections);
  const count = (state) => data.deadlines.filter((d) => d.state === state).length;
  document.getElementById("summary").textContent = data.total
    ? say("deadlinesSummary", { total: data.total, overdue: count("overdue"), upcoming: count("upcoming"), done: count("done"), past: count("past"), today: vnDate(data.today) })
    : say("noDeadlines");
  drawPager(document.getElementById("pager"), data, run);
}

function run() {
  load().catch(reportError);
}

onHistory(run);
run();
