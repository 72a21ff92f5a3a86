/**
 * The nightly report as plain data, and its two renderings: Markdown (readable in
 * a mail or chat message) and iCalendar (deadlines.ics, importable by Outlook and
 * Google Calendar — all-day events on the deadline's last day).
 */
import ical from "ical-generator";

export type ReportDocument = { id: number; code: string | null; kind: string | null; title: string | null; issuer: string | null; date: string | null };

export type DeadlineItem = {
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
  span: { start: number; end: number } | null;
  /** moved: the earlier document's deadline for the same task. */
  previous?: { start: string | null; end: string | null; document: ReportDocument };
};

export type NightlyReport = {
  run: number;
  today: string;
  horizonDays: number;
  imported: { seen: number; new: number; changed: number; skipped: number; failed: number };
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
const cell = (s: string | null | undefined) => (s ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function section(title: string, items: DeadlineItem[], withPrevious = false): string {
  if (!items.length) return `## ${title}\n\nKhông có.\n`;
  const head = withPrevious ? "| hạn mới | hạn cũ | nhiệm vụ | chủ trì | văn bản |" : "| hạn | nhiệm vụ / nội dung | chủ trì | văn bản |";
  const rule = withPrevious ? "|---|---|---|---|---|" : "|---|---|---|---|";
  const rows = items.map((i) =>
    withPrevious
      ? `| ${when(i)} | ${when(i.previous!)} (${cell(docLabel(i.previous!.document))}) | ${cell(i.task ?? i.text)} | ${cell(i.lead.join("; "))} | ${cell(docLabel(i.document))} |`
      : `| ${when(i)} | ${cell(i.task ?? i.text)} | ${cell(i.lead.join("; "))} | ${cell(docLabel(i.document))}${i.file ? ` — ${cell(i.file)}${i.page ? ` tr. ${i.page}` : ""}` : ""} |`,
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
  ].join("\n");
}

/** All-day events; the UID is stable per document, task text and dates, so re-imports update rather than duplicate. */
export function renderIcs(r: NightlyReport): string {
  const cal = ical({ name: "vanban — thời hạn", prodId: { company: "vanban", product: "nightly" }, timezone: "Asia/Ho_Chi_Minh" });
  const seen = new Set<string>();
  for (const item of [...r.overdue, ...r.dueSoon, ...r.newDeadlines, ...r.moved]) {
    const day = item.end ?? item.start;
    if (!day || day.length !== 10) continue;
    const uid = `${item.document.id}-${hash(`${item.task ?? item.text}|${item.start}|${item.end}`)}@vanban`;
    if (seen.has(uid)) continue;
    seen.add(uid);
    const [y, m, d] = day.split("-").map(Number);
    cal.createEvent({
      id: uid,
      start: new Date(Date.UTC(y, m - 1, d)),
      allDay: true,
      summary: `${item.end ? "Hạn" : "Bắt đầu"}: ${(item.task ?? item.text).slice(0, 120)}`,
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

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
