/**
 * The nightly report as plain data, and its two renderings: Markdown (readable in
 * a mail or chat message) and iCalendar (deadlines.ics, importable by Outlook and
 * Google Calendar — all-day events on the deadline's last day).
 */
import ical from "ical-generator";
import type { Span } from "../../schemas/document.js";
import type { ReportDocument } from "../../src/store/index.js";
import { printable } from "../../src/printable.js";

export type { ReportDocument };

export type DeadlineItem = {
  /** Stable identity of the deadline: document key, task (or deadline) text, dates — see nightly/keys.ts. */
  key: string;
  text: string;
  kind: string;
  start: string | null;
  end: string | null;
  /** The task's text, when the deadline belongs to a task. */
  task: string | null;
  lead: string[];
  document: ReportDocument;
  file: string | null;
  page: number | null;
  span: Span | null;
  /** moved: the deadline it replaced (an earlier document's, or the original time column of the same row). */
  previous?: { key: string; text: string; kind: string; start: string | null; end: string | null; document: ReportDocument; page: number | null };
  /** moved: how the two are known to be one task — see nightly/moves.ts. */
  how?: "adjusted-column" | "report" | "same-task";
};

export type NightlyReport = {
  run: number;
  today: string;
  horizonDays: number;
  imported: {
    seen: number; new: number; changed: number; skipped: number; failed: number;
    /** Files that could not be imported: `stage: reason`, as `vanban import` prints them. */
    errors: { file: string; stage: string; reason: string }[];
  };
  newDeadlines: DeadlineItem[];
  dueSoon: DeadlineItem[];
  overdue: DeadlineItem[];
  moved: DeadlineItem[];
};

export const needsAttention = (r: NightlyReport) =>
  r.newDeadlines.length + r.dueSoon.length + r.overdue.length + r.moved.length > 0;

const docLabel = (d: ReportDocument) =>
  [d.code ?? `(chưa số) ${d.kind ?? ""}`.trim(), d.issuer, d.date].filter(Boolean).join(" · ");
const when = (i: { start: string | null; end: string | null }) =>
  i.start && i.end && i.start !== i.end ? `${i.start} → ${i.end}` : (i.end ?? (i.start ? `từ ${i.start}` : "—"));
const cell = (s: string | null | undefined) => printable((s ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim());

function section(title: string, items: DeadlineItem[], withPrevious = false): string {
  if (!items.length) return `## ${title}\n\nKhông có.\n`;
  const head = withPrevious ? "| hạn mới | hạn cũ | nhiệm vụ | chủ trì | văn bản |" : "| hạn | nhiệm vụ / nội dung | chủ trì | văn bản |";
  const rule = withPrevious ? "|---|---|---|---|---|" : "|---|---|---|---|";
  // The deadline's own words beside its dates when the row shows the task's text instead.
  const limit = (i: { start: string | null; end: string | null; text: string }, task: string | null) =>
    task ? `${when(i)} (${cell(i.text)})` : when(i);
  const previousLabel = (i: DeadlineItem) =>
    i.previous!.document.key === i.document.key ? "cùng văn bản, cột thời gian ban đầu" : cell(docLabel(i.previous!.document));
  const rows = items.map((i) =>
    withPrevious
      ? `| ${limit(i, i.task)} | ${limit(i.previous!, i.task)} (${previousLabel(i)}) | ${cell(clip(i.task ?? i.text, 200))} | ${cell(i.lead.join("; "))} | ${cell(docLabel(i.document))} |`
      : `| ${limit(i, i.task)} | ${cell(clip(i.task ?? i.text, 200))} | ${cell(i.lead.join("; "))} | ${cell(docLabel(i.document))}${i.file ? ` — ${cell(i.file)}${i.page ? ` tr. ${i.page}` : ""}` : ""} |`,
  );
  return `## ${title} (${items.length})\n\n${head}\n${rule}\n${rows.join("\n")}\n`;
}

export function renderMarkdown(r: NightlyReport): string {
  const i = r.imported;
  return [
    `# Báo cáo thời hạn ngày ${r.today}`,
    "",
    `Lần chạy #${r.run}: ${i.seen} tệp, ${i.new} mới, ${i.changed} thay đổi, ${i.skipped} bỏ qua, ${i.failed} lỗi. Khoảng nhắc: ${r.horizonDays} ngày.`,
    "",
    section("Thời hạn mới", r.newDeadlines),
    section(`Sắp đến hạn (trong ${r.horizonDays} ngày)`, r.dueSoon),
    section("Quá hạn", r.overdue),
    section("Thay đổi thời hạn", r.moved, true),
    ...(i.errors.length
      ? [`## Tệp không nhập được (${i.errors.length})\n\n${i.errors.map((e) => `- ${cell(e.file)}: ${cell(e.stage)}: ${cell(e.reason)}`).join("\n")}\n`]
      : []),
  ].join("\n");
}

/**
 * All-day events; the UID is the item's key (document identity key, task text, dates),
 * so importing the next night's file updates rather than duplicates, in any store.
 */
export function renderIcs(r: NightlyReport): string {
  const cal = ical({ name: "vanban — thời hạn", prodId: { company: "vanban", product: "nightly" }, timezone: "Asia/Ho_Chi_Minh" });
  const seen = new Set<string>();
  for (const item of [...r.overdue, ...r.dueSoon, ...r.newDeadlines, ...r.moved]) {
    const day = item.end ?? item.start;
    if (!day || day.length !== 10) continue;
    const uid = `${hash(item.key)}-${hash(`${item.key}|uid`)}@vanban`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const [y, m, d] = day.split("-").map(Number);
    cal.createEvent({
      id: uid,
      // Local midnight: with a calendar time zone set, ical-generator writes an all-day
      // date from the local calendar fields (a UTC midnight was a day early west of UTC).
      start: new Date(y, m - 1, d),
      allDay: true,
      summary: `${item.end ? "Hạn" : "Bắt đầu"}: ${clip(item.task ?? item.text, 120)}`,
      description: [
        `Thời hạn: ${item.text}`,
        item.lead.length ? `Chủ trì: ${item.lead.join("; ")}` : "",
        `Văn bản: ${docLabel(item.document)}`,
        item.file ? `Tệp: ${item.file}${item.page ? `, trang ${item.page}` : ""}` : "",
      ].filter(Boolean).join("\n"),
    });
  }
  return cal.toString();
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).replace(/\s+\S*$/, "")}…`;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
