/**
 * The Deadlines page's downloads: iCalendar (all-day events on each deadline's
 * day, importable by Outlook and Google Calendar) and CSV.
 */
import { createHash } from "node:crypto";
import ical from "ical-generator";
import { toCsv } from "./csv.js";
import type { DeadlineEntry } from "../store/index.js";
import { t } from "../i18n/index.js";
import { DEADLINE_STATE_LABELS, TASK_STATUS_LABELS, documentLabel } from "./labels.js";

const DEADLINE_COLUMNS = ["day", "deadline", "state", "taskStatus", "task", "lead", "support", "document", "issuer", "documentDate", "page"] as const;

const describeDocument = (d: DeadlineEntry["document"]) => [documentLabel(d), d.issuer, d.date].filter(Boolean).join(" · ");

export function deadlinesIcs(deadlines: readonly DeadlineEntry[]): string {
  const cal = ical({ name: t("export.calendar"), prodId: { company: "vanban", product: "web" } });
  for (const d of deadlines) {
    // Only whole days fit an all-day event; month/year deadlines carry their last day as `end`.
    if (d.day.length !== 10) continue;
    const [y, m, day] = d.day.split("-").map(Number);
    cal.createEvent({
      // Stable per deadline row's content, so importing the file again updates rather than duplicates.
      id: `${createHash("sha256").update(`${d.document.key}|${d.text}|${d.start}|${d.end}|${d.task?.text ?? ""}`).digest("hex").slice(0, 24)}@vanban`,
      start: new Date(Date.UTC(y, m - 1, day)),
      allDay: true,
      summary: t(d.end ? "export.due" : "export.starts", { text: (d.task?.text ?? d.text).slice(0, 120) }),
      description: [
        t("export.deadline", { text: d.text }),
        d.lead.length ? t("export.lead", { names: d.lead.join("; ") }) : "",
        d.support.length ? t("export.support", { names: d.support.join("; ") }) : "",
        t("export.document", { document: describeDocument(d.document) }),
        d.page ? t("export.page", { page: d.page }) : "",
      ].filter(Boolean).join("\n"),
    });
  }
  return cal.toString();
}

export function deadlinesCsv(deadlines: readonly DeadlineEntry[]): string {
  return toCsv(
    DEADLINE_COLUMNS.map((c) => t(`export.col.${c}`)),
    deadlines.map((d) => [
      d.day, d.text, DEADLINE_STATE_LABELS[d.state], d.status ? (TASK_STATUS_LABELS[d.status] ?? d.status) : null, d.task?.text,
      d.lead.join("; "), d.support.join("; "), documentLabel(d.document), d.document.issuer, d.document.date, d.page,
    ]),
  );
}
