/**
 * The Tasks page's downloads: CSV and an Excel workbook with the same columns,
 * one row per task. exceljs writes every value as a string or number cell, never
 * a formula, so document text needs no defusing there.
 */
import type { TaskEntry } from "../store/index.js";
import { toCsv } from "./csv.js";
import { t } from "../i18n/index.js";
import { TASK_STATUS_LABELS, documentLabel } from "./labels.js";

const COLUMNS = ["document", "documentDate", "no", "group", "task", "lead", "support", "deadline", "dueBy", "status", "byReport", "assignedBy", "output"] as const;
/** In the server's language, read when a download is made. */
const header = () => COLUMNS.map((c) => t(`export.col.${c}`));
const WIDTHS = [18, 12, 6, 30, 70, 30, 30, 20, 12, 16, 18, 20, 30];

function row(t: TaskEntry): (string | null)[] {
  return [
    documentLabel(t.document),
    t.document.date,
    t.ordinal,
    t.section,
    t.text,
    t.lead.map((a) => a.agency).join("; ") || null,
    t.support.map((a) => a.agency).join("; ") || null,
    t.deadline?.text ?? null,
    t.deadline ? (t.deadline.end ?? t.deadline.start) : null,
    t.effectiveStatus ? (TASK_STATUS_LABELS[t.effectiveStatus] ?? t.effectiveStatus) : null,
    t.latest ? documentLabel(t.latest.report) : null,
    t.sources.map((s) => s.code).join("; ") || null,
    t.output,
  ];
}

export function tasksCsv(tasks: readonly TaskEntry[]): string {
  return toCsv(header(), tasks.map(row));
}

export async function tasksXlsx(tasks: readonly TaskEntry[]): Promise<Buffer> {
  // Loaded on demand: exceljs is large and only this download needs it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "vanban";
  const sheet = workbook.addWorksheet(t("export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = header().map((title, i) => ({ header: title, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const t of tasks) sheet.addRow(row(t)).alignment = { wrapText: true, vertical: "top" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
