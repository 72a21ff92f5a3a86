/**
 * Deadlines page: /api/deadlines as a timeline by month — each deadline with
 * its day, state (overdue / upcoming / done), the task and its lead agency, and
 * the document it comes from.
 */
import { getJson, pageFilters, reportError } from "./api.js";
import { documentLink } from "./document-link.js";
import { el, replaceChildren, vnDate } from "./dom.js";
import { DEADLINE_STATE_LABELS } from "./labels.js";
import { currentOffset, drawPager, onHistory } from "./pager.js";

const LIMIT = 500;

function monthTitle(month) {
  const [y, m] = month.split("-");
  return m ? `Tháng ${Number(m)}/${y}` : `Năm ${y}`;
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
        d.lead.length ? [el("span", { class: "label" }, "Chủ trì: "), d.lead.join("; ")] : el("span", { class: "muted" }, "Chưa rõ cơ quan chủ trì"),
      ),
      el("div", { class: "source" }, el("span", { class: "label" }, "Văn bản: "), documentLink(d.document)),
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
      el("h2", {}, monthTitle(month), " ", el("span", { class: "muted" }, `(${items.length}${overdue ? `, ${overdue} quá hạn` : ""})`)),
      el("ol", { class: "deadlines" }, items.map(entry)),
    );
  });
  replaceChildren(document.getElementById("timeline"), sections);
  const count = (state) => data.deadlines.filter((d) => d.state === state).length;
  document.getElementById("summary").textContent = data.total
    ? `${data.total} thời hạn — ${count("overdue")} quá hạn, ${count("upcoming")} sắp đến hạn, ${count("done")} đã xong, ${count("past")} đã qua ngày (tính đến ngày ${vnDate(data.today)})`
    : "Không có thời hạn nào khớp bộ lọc.";
  drawPager(document.getElementById("pager"), data, run);
}

function run() {
  load().catch(reportError);
}

onHistory(run);
run();
