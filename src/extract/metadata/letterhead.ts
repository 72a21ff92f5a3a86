/**
 * The letterhead: issuer lines, "Số: …" and "<Nơi>, ngày … tháng … năm …", read as cells in any
 * order (PDF columns interleave, web layouts put one cell per line between "|" lines).
 *   accepted  "Số: 123 /KH-UBND", "Số 38 - HD/BTCTW", "Số: 71/2025/QĐ-UBND", "Số: /KH-UBND" (code null)
 *             "Hà Nội, ngày 02" + "tháng 12 năm 2025", "ngày    tháng 4 năm 2026" → "2026-04"
 *             "UBND TỈNH ĐỒNG THÁP" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO"; "UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ" on one line
 *   rejected  the motto and "ĐẢNG CỘNG SẢN VIỆT NAM" (and their pieces), "*", "|", rules "-----", urgency marks
 */
import type { DocumentModel } from "../../../schemas/document.js";
import { canonicalCode } from "../registries/document-codes.js";
import { iso } from "../vietnamese-dates.js";
import { displayCase, isCapitals } from "./display-case.js";
import { AGENCY_LINE_HEAD, DECORATION, Found, HEADER_MARK, LONG_HEADER_DATE, MOTTO, NUMBER_LINE, NUMERIC_HEADER_DATE, PLACE_BEFORE_DATE, SENTENCE_END, SUBJECT_LINE } from "./shapes.js";
import { Folded } from "./text-window.js";
import { Piece, linesIn } from "./title.js";

export type Header = {
  code: Found<string> | null;
  symbol: Found<string> | null;
  place: Found<string> | null;
  date: Found<string> | null;
  own: Found<string> | null;
  parent: Found<string> | null;
  parentPrinted: Found<string> | null;
};

/** Without a title word, the header ends where the body starts (a long sentence) or after 15 blocks. */
export function headerFallbackEnd(doc: DocumentModel): number {
  const blocks = doc.blocks;
  for (let i = 0; i < Math.min(blocks.length, 15); i++) {
    const b = blocks[i];
    if (b.type === "table" || b.type === "signature") return b.span.start;
    if ("text" in b && b.text.length > 200 && SENTENCE_END.test(b.text.trim())) return b.span.start;
  }
  return blocks[Math.min(blocks.length, 15) - 1]?.span.end ?? 0;
}

export function readHeader(doc: DocumentModel, head: Folded, end: number): Header {
  const header: Header = { code: null, symbol: null, place: null, date: null, own: null, parent: null, parentPrinted: null };
  const agencyLines: Piece[][] = [];
  for (const line of splitCells(linesIn(doc, 0, end))) {
    const f = head.text.slice(line.span.start - head.base, line.span.end - head.base);
    // "Số: 12/KH-UBND", "Số 41-KH/ĐU", "Số: /BC-UBND" — not "Số lượng …".
    if (!header.symbol && /^số(?:\s*[:.]|\s+[\d/._…-])/iu.test(f)) {
      readNumberLine(line, f, header);
      continue;
    }
    if (!header.date && /(?<![\p{L}\p{M}])ngày(?![\p{L}\p{M}])/iu.test(f) && readPlaceDate(line, f, header)) continue;
    if (MOTTO.test(f) || DECORATION.test(f) || SUBJECT_LINE.test(f) || HEADER_MARK.test(f)) continue;
    if (!isCapitals(line.text) || /\d/u.test(line.text)) continue;
    // A new agency starts with a head word; a line that does not ("XÃ PHÚ THỊNH") continues the one above.
    if (AGENCY_LINE_HEAD.test(f) || !agencyLines.length) agencyLines.push([line]);
    else agencyLines[agencyLines.length - 1].push(line);
  }
  if (agencyLines.length) {
    const own = agencyLines[agencyLines.length - 1];
    const parent = agencyLines.length > 1 ? agencyLines[agencyLines.length - 2] : null;
    header.own = joinLines(own, true);
    if (parent) {
      header.parent = joinLines(parent, true);
      header.parentPrinted = joinLines(parent, false);
    }
  }
  return header;
}

/** Header tables flattened into lines may still hold tab-separated cells. */
export function splitCells(lines: Piece[]): Piece[] {
  return lines.flatMap((l) => {
    if (!l.text.includes("\t")) return [l];
    const out: Piece[] = [];
    let at = l.span.start;
    for (const cell of l.text.split("\t")) {
      const lead = cell.length - cell.trimStart().length;
      if (cell.trim()) out.push({ span: { start: at + lead, end: at + lead + cell.trim().length }, text: cell.trim() });
      at += cell.length + 1;
    }
    return out;
  });
}

export function joinLines(lines: Piece[], display: boolean): Found<string> {
  const text = lines.map((l) => l.text).join(" ").replace(/\s+/g, " ").trim();
  return { value: display ? displayCase(text, true) : text, span: { start: lines[0].span.start, end: lines[lines.length - 1].span.end } };
}

export function readNumberLine(line: Piece, f: string, header: Header): void {
  const m = NUMBER_LINE.exec(f);
  if (!m) return;
  const [whole, number, sep, rawSymbol] = m;
  const symbolText = canonicalCode(rawSymbol).replace(/^(?:19|20)\d{2}\//u, "");
  const symbolStart = line.span.start + whole.length - rawSymbol.length;
  header.symbol = { value: symbolText, span: { start: symbolStart, end: line.span.start + whole.length } };
  if (number) {
    const code = canonicalCode(`${number}${sep ?? (/^[A-ZĐ]+\//u.test(rawSymbol) ? "-" : "/")}${rawSymbol}`);
    header.code = { value: code, span: { start: line.span.start + whole.indexOf(number), end: line.span.start + whole.length } };
  }
}

export function readPlaceDate(line: Piece, f: string, header: Header): boolean {
  const long = LONG_HEADER_DATE.exec(f);
  const numeric = long ? null : NUMERIC_HEADER_DATE.exec(f);
  const m = long ?? numeric;
  if (!m) return false;
  const [, day, month, year] = m;
  const value = iso({ year: Number(year), month: month ? Number(month) : undefined, day: day && month ? Number(day) : undefined });
  if (!value) return false;
  header.date = { value, span: { start: line.span.start + m.index, end: line.span.start + m.index + m[0].length } };
  const place = PLACE_BEFORE_DATE.exec(line.text);
  if (place) header.place = { value: place[1].trim(), span: { start: line.span.start, end: line.span.start + place[1].trim().length } };
  return true;
}
