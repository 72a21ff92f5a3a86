/**
 * Task status from the wording of a status / result cell ("Tình hình thực hiện",
 * "Kết quả tháng 4/2026").
 *
 * A cell that opens with a status phrase takes that status ("Đã hoàn thành",
 * "Chưa thực hiện", "Đang triển khai thực hiện", "Quá hạn, chưa hoàn thành" — the
 * longest phrase wins, so "Hoàn thành quá hạn" is done-late, not overdue). A cell
 * written as a sentence is read by its markers, most telling first: overdue words,
 * then partial progress ("đang", "từng bước", "chưa hoàn thành"), then not started,
 * then done; a sentence reporting something already done without saying it is
 * finished ("Đã triển khai tại 3/5 xóm") is partial progress.
 */
import type { TaskStatus } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";

/** Phrases a status cell opens with. */
export const STATUS_OPENINGS: readonly { status: TaskStatus; phrases: readonly string[] }[] = [
  { status: "done", phrases: ["đã hoàn thành", "hoàn thành", "đã thực hiện xong", "đã triển khai xong", "đã xong", "xong", "hoàn thành quá hạn", "hoàn thành đúng hạn", "hoàn thành chậm", "đã thực hiện", "đã ban hành", "đã triển khai"] },
  { status: "in-progress", phrases: ["đang triển khai", "đang thực hiện", "đang tổ chức", "đang xây dựng", "đang", "tiếp tục thực hiện", "tiếp tục triển khai", "chưa hoàn thành", "cơ bản hoàn thành", "bước đầu", "từng bước", "đúng tiến độ", "trong hạn", "đang giải quyết"] },
  { status: "not-started", phrases: ["chưa thực hiện", "chưa triển khai", "chưa bắt đầu", "chưa tổ chức", "chưa ban hành", "chưa xây dựng", "chưa làm"] },
  { status: "overdue", phrases: ["quá hạn", "trễ hạn", "chậm tiến độ", "chậm so với", "chưa hoàn thành (quá hạn)", "quá hạn, chưa hoàn thành", "quá hạn chưa hoàn thành"] },
];

/** Markers read inside a sentence, in order of precedence. */
export const STATUS_MARKERS: readonly { status: TaskStatus; phrases: readonly string[] }[] = [
  { status: "overdue", phrases: ["quá hạn", "trễ hạn", "chậm tiến độ", "chậm so với"] },
  { status: "in-progress", phrases: ["đang", "từng bước", "bước đầu", "chưa hoàn thành", "chưa xong", "tiếp tục", "cơ bản hoàn thành", "một phần"] },
  { status: "not-started", phrases: ["chưa thực hiện", "chưa triển khai", "chưa bắt đầu", "chưa tổ chức", "chưa phát sinh"] },
  { status: "done", phrases: ["đã hoàn thành", "hoàn thành"] },
  { status: "in-progress", phrases: ["đã"] },
];

const key = (s: string) => foldForMatch(s).toLowerCase().replace(/\s+/g, " ").trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const OPENINGS = STATUS_OPENINGS.flatMap(({ status, phrases }) => phrases.map((p) => ({ status, key: key(p) })))
  .sort((a, b) => b.key.length - a.key.length);
const wordsRe = (ps: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${ps.map((p) => escape(key(p))).join("|")})(?![\\p{L}\\p{N}])`, "u");
const MARKERS = STATUS_MARKERS.map(({ status, phrases }) => ({ status, re: wordsRe(phrases) }));
// After an opening phrase, what may follow and still leave the cell a plain status.
const PLAIN_REST = /^(?:$|[\s]*[,.;:(\-–]|(?:\s+\p{L}+){1,2}\s*\.?$)/u;

export function taskStatus(cell: string): TaskStatus | null {
  const text = key(cell).replace(/^[-+•*\s]+/, "");
  if (!text) return null;
  for (const { status, key: p } of OPENINGS)
    if (text.startsWith(p) && PLAIN_REST.test(text.slice(p.length))) return status;
  for (const { status, re } of MARKERS) if (re.test(text)) return status;
  return null;
}
