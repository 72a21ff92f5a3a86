/**
 * Tasks from responsibility / task-status tables.
 *
 * A table is a task table when its header gives a content column and at least one of
 * lead, support, deadline, status, output or sources (registries/columns.ts; roles come
 * from header wording, so any column order works). Indicator tables (Chỉ tiêu | Đơn vị
 * tính | Mục tiêu | Kết quả) and lists of issued documents (Số ký hiệu | Trích yếu) are
 * not task tables.
 *
 * Row shapes:
 *   - header rows: the first of the top rows whose cells name two roles (a title row
 *     above it is skipped), a following sub-header row whose cells are all role words
 *     ("Chủ trì | Phối hợp" under "Cơ quan thực hiện"), and a column numbering row
 *     "(1) | (2) | (3)"; a repeated header row further down is skipped;
 *   - group rows: nothing but a label, with a roman / letter ordinal ("I | Phát triển …"),
 *     the label in the first cell ("I. Công tác lãnh đạo…"), an arabic ordinal that the
 *     next row extends ("1 | Về hạ tầng số" before "1.1"), or all bold. They become
 *     the `section` of the rows below: "I. Label" for roman and letter groups (the
 *     numbering is part of how such groups are cited), the label alone for arabic ones;
 *   - task rows: every other row with content; without an ordinal column the numbering
 *     that opens the content is the ordinal. A merged (rowspan) cell applies to every
 *     row it spans, whether the parser copied it (`spanned`) or not.
 * Agency cells are split by agency-lists.ts; role notes inside one cell send entries to
 * support ("Phòng VHXH (chủ trì); Công an xã (phối hợp)", "UBND xã chủ trì, các ban
 * ngành phối hợp"). Columns with no task role are kept in `extra` under their header.
 */
import type { Cell, TableBlock } from "../../../schemas/document.js";
import type { Task } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { foldForMatch } from "../../normalise/fold.js";
import { columnRole, columnRoles, type ColumnRole } from "../registries/columns.js";
import { taskStatus } from "../registries/task-status.js";
import { looksLikeProse, splitAgencies } from "./agency-lists.js";
import { LEAD_NOTES, SUPPORT_NOTES } from "./phrases.js";
import { sourceCodes } from "./source-codes.js";
import { tableGrid as grid, type Grid } from "../table-grid.js";

const TASK_EVIDENCE: readonly ColumnRole[] = ["lead", "support", "deadline", "status", "output", "sources"];
const EXTRA_ROLES: readonly (ColumnRole | null)[] = [null, "notes", "indicator", "unit", "target", "actual", "document"];

const ROMAN = /^[IVXLC]+\.?$/;
const ARABIC = /^\d+(?:\.\d+)*\.?$/;
const LEADING_NUMBER = /^([IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*)[.)]\s*(?=\S)/u;
const COLUMN_NUMBER = /^\(?\d+\)?$|^\(?[a-z]\)?$/u;

/** A group row's numbering ("I", "1", "" for an unnumbered label) and the section it gives. */
type Group = { num: string; label: string };

const notes = (xs: readonly string[]) =>
  new RegExp(`[\\s(–-]*(?:${xs.map((x) => foldForMatch(x).replace(/ /g, "\\s+")).join("|")})\\s*\\)?[\\s.,;]*$`, "iu");
const SUPPORT_NOTE_RE = notes(SUPPORT_NOTES);
// Entries end at ";" and line breaks, and at a comma right after a role note ("A chủ trì, B phối hợp").
const NOTE_SPLIT_RE = new RegExp(
  `(?<=(?:${[...LEAD_NOTES, ...SUPPORT_NOTES].map((x) => foldForMatch(x).replace(/ /g, "\\s+")).join("|")})\\s*\\)?)\\s*,\\s*|;|\\n`, "giu");
const SUPPORT_NOTE_SCAN = new RegExp(`(?:${SUPPORT_NOTES.map((x) => foldForMatch(x).replace(/ /g, "\\s+")).join("|")})\\s*\\)?[\\s.,]*(?:[;\\n]|$)`, "iu");
const LEAD_NOTE_RE = notes(LEAD_NOTES);

type Text = { raw: string; folded: string };
const joinTexts = (xs: Text[]): Text => ({ raw: xs.map((x) => x.raw).join("\n"), folded: xs.map((x) => x.folded).join("\n") });

/** "Phòng VHXH (chủ trì); Công an xã (phối hợp)" in one cell: entries noted "phối hợp" support. */
function routeByNotes(cell: Text): { lead: Text; support: Text } {
  const none = { raw: "", folded: "" };
  if (!SUPPORT_NOTE_SCAN.test(cell.folded)) return { lead: cell, support: none };
  const lead: Text[] = [];
  const support: Text[] = [];
  let from = 0;
  NOTE_SPLIT_RE.lastIndex = 0;
  const cuts: [number, number][] = [];
  for (let m = NOTE_SPLIT_RE.exec(cell.folded); m; m = NOTE_SPLIT_RE.exec(cell.folded)) cuts.push([m.index, m.index + m[0].length]);
  cuts.push([cell.folded.length, cell.folded.length]);
  for (const [a, b] of cuts) {
    const p = { raw: cell.raw.slice(from, a), folded: cell.folded.slice(from, a) };
    from = b;
    const s = SUPPORT_NOTE_RE.exec(p.folded);
    const l = s ? null : LEAD_NOTE_RE.exec(p.folded);
    const cut = s ?? l;
    const kept = cut ? { raw: p.raw.slice(0, cut.index), folded: p.folded.slice(0, cut.index) } : p;
    (s ? support : lead).push(kept);
  }
  return { lead: joinTexts(lead), support: joinTexts(support) };
}

const textOf = (c: Cell | null | undefined) => (c ? c.text.trim() : "");
const flat = (s: string) => (/\s\s|[\n\t]/.test(s) ? s.replace(/\s+/g, " ") : s).trim();

/** Header text per column, parent and sub-header joined. */
function headerTexts(rows: Grid, headerCount: number, width: number): string[] {
  const out: string[] = [];
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (let r = 0; r < headerCount; r++) {
      const t = flat(textOf(rows[r].cells[col]));
      if (t && !parts.includes(t)) parts.push(t);
    }
    out.push(parts.join(" / "));
  }
  return out;
}

/** The role of a column: the deepest header cell that names one decides. */
function rolesOf(rows: Grid, headerCount: number, width: number): (ColumnRole | null)[] {
  const combined = headerTexts(rows, headerCount, width);
  const base = columnRoles(combined.map((h) => h.split(" / ")[0] ?? ""));
  return combined.map((h, col) => {
    const parts = h.split(" / ").reverse();
    for (const p of parts) {
      const r = columnRole(p);
      if (r) return base[col] === "indicator" && r === "content" ? "indicator" : base[col] === "actual" && r === "status" ? "actual" : r;
    }
    return base[col];
  });
}

/**
 * Where the header is: [first, end) — title rows above it (merged across the table, or
 * naming no role) are skipped; sub-header and column-numbering rows below it belong to it.
 */
function headerRows(rows: Grid): [number, number] | null {
  const roleCount = (g: Grid[number]) =>
    new Set([...new Set(g.cells.filter(Boolean))].map((c) => columnRole(textOf(c))).filter(Boolean)).size;
  let first = -1;
  for (let i = 0; i < Math.min(4, rows.length - 1) && first < 0; i++) if (roleCount(rows[i]) >= 2) first = i;
  if (first < 0) return null;
  let n = first + 1;
  while (n < rows.length) {
    const texts = [...new Set(rows[n].cells.filter((c) => c && !c.spanned))].map(textOf).filter(Boolean);
    if (!texts.length) break;
    const allRoles = texts.every((t) => columnRole(t) !== null) && !ARABIC.test(texts[0]) && !ROMAN.test(texts[0]);
    const numbering = texts.length >= 3 && texts.every((t) => COLUMN_NUMBER.test(t));
    if (!allRoles && !numbering) break;
    n++;
  }
  return [first, n];
}

export function tableTasks(ctx: ExtractContext, table: TableBlock): Task[] {
  const { rows: all, width } = grid(table);
  const header = headerRows(all);
  if (!header) return [];
  const rows = all.slice(header[0]);
  const headerCount = header[1] - header[0];
  const headers = headerTexts(rows, headerCount, width);
  const roles = rolesOf(rows, headerCount, width);
  // "Chỉ tiêu, nhiệm vụ | Cơ quan chủ trì | …": a target list with owners is a task list.
  if (!roles.includes("content") && roles.includes("lead") && !roles.includes("unit")) {
    const i = roles.indexOf("indicator");
    if (i >= 0) roles[i] = "content";
  }
  const contentCols = roles.flatMap((r, i) => (r === "content" ? [i] : []));
  if (!contentCols.length || !roles.some((r) => r && TASK_EVIDENCE.includes(r))) return [];
  if (isAgenda(rows.slice(headerCount), roles)) return [];
  const columns = new Map<ColumnRole, number[]>();
  roles.forEach((r, i) => r && columns.set(r, [...(columns.get(r) ?? []), i]));
  const col = (role: ColumnRole) => columns.get(role) ?? [];
  const ordinalCol = col("ordinal")[0] ?? (roles[0] === null && contentCols[0] > 0 ? 0 : -1);
  const content = contentCols[0];
  const headerKey = rows[0].cells.map(textOf).join("|");
  // A cell's match text is its slice of ctx.folded (same length; the linear text has " " for "\n").
  const foldedOf = (c: Cell): Text => {
    if (c.span.end - c.span.start !== c.text.length) return { raw: c.text, folded: foldForMatch(c.text) };
    let f = ctx.folded.slice(c.span.start, c.span.end);
    if (c.text.includes("\n")) f = Array.from(f, (ch, i) => (c.text[i] === "\n" ? "\n" : ch)).join("");
    return { raw: c.text, folded: f };
  };
  // A cell merged across columns counts once, and never as both the task and another role.
  const cellsOf = (g: Grid[number], cols: number[]) => {
    const seen = new Set<Cell | null>([g.cells[content]]);
    return cols.map((i) => g.cells[i]).filter((c): c is Cell => !!c && !seen.has(c) && (seen.add(c), true));
  };

  const tasks: Task[] = [];
  const sections: Group[] = [];
  const body = rows.slice(headerCount);
  body.forEach((g, idx) => {
    if (g.cells.map(textOf).join("|") === headerKey) return;
    const ordinal = ordinalCol >= 0 ? textOf(g.cells[ordinalCol]) : "";
    const text = flat(textOf(g.cells[content]));
    const others = g.cells.some((c, i) => i !== ordinalCol && i !== content && c && !c.spanned && textOf(c) && c !== g.cells[content] && c !== g.cells[ordinalCol]);
    if (!others) {
      const group = groupLabel(g, ordinal, text, ordinalCol, content, body[idx + 1], sections);
      if (group) return;
    }
    if (!text) return;
    // Without an ordinal column the numbering opens the content ("1. Tuyên truyền …").
    const own = ordinalCol < 0 ? LEADING_NUMBER.exec(text) : null;
    const number = own ? own[0].trim() : ordinal && g.cells[ordinalCol] !== g.cells[content] ? ordinal : null;
    closeGroups(sections, (number ?? "").replace(/[.)]$/, ""));
    const routed = routeByNotes(joinTexts(cellsOf(g, col("lead")).map(foldedOf)));
    const leadText = routed.lead;
    const supportText = joinTexts([...cellsOf(g, col("support")).map(foldedOf), routed.support].filter((t) => t.raw));
    const statusCell = cellsOf(g, col("status"))[0];
    const output = cellsOf(g, col("output")).map((c) => flat(c.text)).filter(Boolean).join("; ");
    const extra: Record<string, string> = {};
    roles.forEach((r, i) => {
      const c = g.cells[i];
      if ((EXTRA_ROLES.includes(r) || (r === "content" && i !== content)) && c && c !== g.cells[content] && textOf(c) && headers[i]) extra[headers[i]] = flat(c.text);
    });
    const statusText = statusCell && textOf(statusCell) ? flat(statusCell.text) : null;
    tasks.push({
      text: own ? text.slice(own[0].length) : text,
      ordinal: number,
      section: sections.length ? sections[sections.length - 1].label : null,
      lead: splitAgencies(leadText.raw, { folded: leadText.folded, prose: looksLikeProse(leadText.raw, leadText.folded) }),
      support: splitAgencies(supportText.raw, { folded: supportText.folded, prose: looksLikeProse(supportText.raw, supportText.folded) }),
      output: output || null,
      deadline: null,
      sources: sourceCodes(cellsOf(g, col("sources")).map((c) => c.text).join("\n")),
      status: statusText ? taskStatus(statusText) : null,
      statusText,
      origin: "table",
      ...(Object.keys(extra).length ? { extra } : {}),
      page: g.row.page,
      span: g.row.span,
    });
  });
  return tasks;
}

/**
 * Whether a row with nothing but a label is a group; if so, records its section at
 * the group's depth (roman and letter groups are depth 0, "1" depth 1, "1.1" depth 2).
 * The numbering comes from the ordinal cell, or from the label itself when one cell
 * carries both ("I. Công tác lãnh đạo…" in the first cell or merged across the row).
 */
function groupLabel(
  g: Grid[number], ordinal: string, text: string, ordinalCol: number, content: number,
  next: Grid[number] | undefined, sections: Group[],
): boolean {
  const merged = ordinalCol >= 0 && g.cells[ordinalCol] === g.cells[content];
  const single = merged || !ordinal || !text;
  const label = flat(merged || !text ? ordinal || text : text);
  if (!label) return false;
  const own = single ? LEADING_NUMBER.exec(label) : null;
  const num = single ? (own?.[1] ?? "") : ordinal.replace(/[.)]$/, "");
  const name = own ? label.slice(own[0].length) : single ? label : text;
  const roman = /^(?:[IVXLC]+|[A-ZĐ])$/.test(num);
  const arabic = /^\d+(?:\.\d+)*$/.test(num);
  const bold = !!g.cells[content]?.bold;
  let depth: number;
  if (roman) depth = 0;
  else if (arabic) {
    const nextText = next ? (ordinalCol >= 0 ? textOf(next.cells[ordinalCol]) : textOf(next.cells[content])) : "";
    const nextNum = (ordinalCol >= 0 ? nextText.replace(/[.)]$/, "") : LEADING_NUMBER.exec(nextText)?.[1]) ?? "";
    if (!nextNum.startsWith(`${num}.`) && !bold && !merged) return false;
    depth = num.split(".").length;
  } else if (merged || bold) depth = sections.length;
  else return false;
  // Roman and letter groups are cited with their numbering ("I. Phát triển …"), arabic ones by name.
  const section = roman ? `${num}. ${name}` : name;
  sections.length = Math.min(sections.length, depth);
  while (sections.length < depth) sections.push({ num: "", label: sections[sections.length - 1]?.label ?? "" });
  sections.push({ num, label: section });
  return true;
}

const CLOCK_TIME = /^\s*\d{1,2}\s*(?:h|giờ|:)\s*\d{0,2}/iu;

/**
 * A meeting programme ("THỜI GIAN | NỘI DUNG" with "8h30 - 8h35" in the time column):
 * its only task evidence is a time column holding clock times, so its rows are items of
 * an agenda, not duties.
 */
function isAgenda(body: Grid, roles: (ColumnRole | null)[]): boolean {
  if (roles.some((r) => r && r !== "deadline" && TASK_EVIDENCE.includes(r))) return false;
  const col = roles.indexOf("deadline");
  const times = body.map((g) => textOf(g.cells[col])).filter(Boolean);
  return times.length > 0 && times.filter((t) => CLOCK_TIME.test(t)).length * 2 > times.length;
}

/** A task numbered outside an arabic group ("3." after group "2") ends that group. */
function closeGroups(sections: Group[], num: string): void {
  if (!/^\d+(?:\.\d+)*$/.test(num)) return;
  while (sections.length) {
    const top = sections[sections.length - 1].num;
    if (!/^\d+(?:\.\d+)*$/.test(top) || num.startsWith(`${top}.`)) return;
    sections.pop();
  }
}
