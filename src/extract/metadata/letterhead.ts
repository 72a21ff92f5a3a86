/**
 * The letterhead: issuer lines, "Số: …" and "<Nơi>, ngày … tháng … năm …", read as cells in any
 * order (PDF columns interleave, web layouts put one cell per line between "|" lines).
 *   accepted  "Số: 123 /KH-UBND", "Số 38 - HD/BTCTW", "Số: 71/2025/QĐ-UBND", "Số: /KH-UBND" (code null)
 *             "Hà Nội, ngày 02" + "tháng 12 năm 2025", "ngày    tháng 4 năm 2026" → "2026-04"
 *             "UBND TỈNH ĐỒNG THÁP" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO"; "UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ" on one line
 *   rejected  the motto and "ĐẢNG CỘNG SẢN VIỆT NAM" (and their pieces), "*", "|", rules "-----", urgency marks
 */
import type { DocumentModel } from "../../../schemas/document.js";
import { foldForMatch } from "../../normalise/fold.js";
import { AGENCY_HEADS, LOCALITY_UNITS } from "../registries/agencies.js";
import { canonicalCode } from "../registries/document-codes.js";
import { MOTTO_PHRASES } from "../registries/document-layout.js";
import { anyOf } from "../registries/phrase-pattern.js";
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
  const cells = letterheadCells(doc, head, end);
  const fold = (c: Piece) => head.text.slice(c.span.start - head.base, c.span.end - head.base);
  for (let k = 0; k < cells.length; k++) {
    const line = cells[k];
    const f = fold(line);
    // "Số: 12/KH-UBND", "Số 41-KH/ĐU", "Số: /BC-UBND" — not "Số lượng …".
    if (/^số(?:\s*[:.]|\s+[\d/._…-])/iu.test(f)) {
      if (!header.symbol) readNumberLine(line, f, header);
      continue;
    }
    if (/(?<![\p{L}\p{M}])ngày(?![\p{L}\p{M}])/iu.test(f)) {
      // The place-date line broken over two cells: "Hà Nội, ngày 02" / "tháng 12 năm 2025".
      const next = cells[k + 1];
      const joined = next && !/tháng/iu.test(f) ? { span: { start: line.span.start, end: next.span.end }, text: doc.text.slice(line.span.start, next.span.end) } : null;
      if (header.date) continue;
      if (readPlaceDate(line, f, header)) continue;
      if (joined && readPlaceDate(joined, fold(joined), header)) {
        k++;
        continue;
      }
    }
    if (isMotto(f) || DECORATION.test(f) || SUBJECT_LINE.test(f) || HEADER_MARK.test(f)) continue;
    if (!isCapitals(line.text) || /\d/u.test(line.text)) continue;
    // A new agency starts with a head word; a line that does not ("XÃ PHÚ THỊNH") continues the one above.
    for (const part of splitAgencies(line, f)) {
      if (AGENCY_LINE_HEAD.test(part.f) || !agencyLines.length) agencyLines.push([part.piece]);
      else agencyLines[agencyLines.length - 1].push(part.piece);
    }
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

/** Cell separators of a flattened two-column letterhead: tabs, "|", rules of 3+ "_", "-", "=". */
const CELL_BREAK = /\t|\s*\|\s*|[_=\-–]{3,}/gu;
/** Where a cell holds two of the letterhead's items: before "Số:" and around the motto. */
const NUMBER_BREAK = /(?<=\S)\s*(?=Số\s*[:.]?\s*[\d/_.…-]|SỐ\s*:)/gu;
const MOTTO_BREAK = new RegExp(anyOf(MOTTO_PHRASES), "giu");
/** Before "<Nơi>, ngày" sharing a line with the number ("Số: 362 /KH-SGDĐT Đồng Tháp, ngày 14 tháng 4 năm 2026"). */
const DATE_BREAK = /(?<=[\p{L}\p{N}.])(?<!(?:^|\s)\p{Lu}[\p{Ll}\p{M}]+|phố)\s+(?=\p{Lu}[\p{Ll}\p{M}]+(?: (?:\p{Lu}[\p{Ll}\p{M}]+|phố))*,\s*ngày(?![\p{L}\p{M}]))/u;
const MARKUP_EDGES = /^[\s*_|#>]+|[\s*_|#>]+$/gu;

/**
 * The letterhead's cells, in reading order, each one line or one piece of a line with its
 * span: lines cut at cell separators, then before a "Số:" and around a motto glued to
 * another item, markup trimmed from both ends. Motto pieces come back whole, to be skipped.
 */
export function letterheadCells(doc: DocumentModel, head: Folded, end: number): Piece[] {
  const out: Piece[] = [];
  const push = (start: number, stop: number) => {
    const text = doc.text.slice(start, stop);
    const lead = text.length - text.replace(/^[\s*_|#>]+/u, "").length;
    const trimmed = text.replace(MARKUP_EDGES, "");
    if (trimmed) out.push({ span: { start: start + lead, end: start + lead + trimmed.length }, text: trimmed });
  };
  for (const line of linesIn(doc, 0, end)) {
    const f = head.text.slice(line.span.start - head.base, line.span.end - head.base);
    const cuts: [number, number][] = []; // [start, end) of separators, relative to the line
    for (const m of f.matchAll(CELL_BREAK)) cuts.push([m.index, m.index + m[0].length]);
    for (const m of f.matchAll(NUMBER_BREAK)) cuts.push([m.index, m.index + m[0].length]);
    // The pattern needs ", ngày" (lower case, no `i` flag): most lines lack it, and its lookbehinds are costly.
    const date = f.includes("ngày") ? DATE_BREAK.exec(f) : null; // the first: "Đồng Tháp", not "Tháp"
    if (date) cuts.push([date.index, date.index + date[0].length]);
    for (const m of f.matchAll(MOTTO_BREAK)) cuts.push([m.index, m.index], [m.index + m[0].length, m.index + m[0].length]);
    cuts.sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [a, b] of cuts) {
      if (a < at) continue;
      if (a > at) push(line.span.start + at, line.span.start + a);
      at = b;
    }
    if (at < f.length) push(line.span.start + at, line.span.end);
  }
  return out;
}

const MOTTO_WORDS = MOTTO_PHRASES.map((p) => ` ${foldForMatch(p).toLowerCase().replace(/[^\p{L}\p{M}]+/gu, " ").trim()} `);
/** The motto, the Party's name, or a piece of them on a line of its own ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"). */
function isMotto(f: string): boolean {
  if (MOTTO.test(f)) return true;
  const words = f.toLowerCase().replace(/[^\p{L}\p{M}]+/gu, " ").trim();
  return words.includes(" ") && MOTTO_WORDS.some((m) => m.includes(` ${words} `));
}

/** "UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ" on one line: a second body starts at a head word after a place or "Trung ương". */
const SECOND_HEAD = new RegExp(
  `(?<=(?:${anyOf(LOCALITY_UNITS)})\\s+\\S.*?|trung\\s+ương)\\s+(?=(?:${anyOf(AGENCY_HEADS.filter((h) => !/^(?:trung ương|thường trực|chủ tịch)$/iu.test(h)))})\\s+\\S)`,
  "iu",
);
function splitAgencies(line: Piece, f: string): { piece: Piece; f: string }[] {
  const m = SECOND_HEAD.exec(f);
  if (!m || m.index === 0) return [{ piece: line, f }];
  const cut = m.index + m[0].length;
  return [
    { piece: { span: { start: line.span.start, end: line.span.start + m.index }, text: line.text.slice(0, m.index) }, f: f.slice(0, m.index) },
    { piece: { span: { start: line.span.start + cut, end: line.span.end }, text: line.text.slice(cut) }, f: f.slice(cut) },
  ];
}

export function joinLines(lines: Piece[], display: boolean): Found<string> {
  // Bold markers left inside a line by web layouts ("ỦY BAN NHÂN** DÂN") are no part of the name.
  const text = lines.map((l) => l.text).join(" ").replace(/[*|]+/g, " ").replace(/\s+/g, " ").trim();
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

const PLACE_OR_NOTHING = /^(?:[\s*_(]*|[\p{Lu}][^\d,;:()]{0,40},\s*)$/u;

export function readPlaceDate(line: Piece, f: string, header: Header): boolean {
  const long = LONG_HEADER_DATE.exec(f);
  const numeric = long ? null : NUMERIC_HEADER_DATE.exec(f);
  const m = long ?? numeric;
  if (!m) return false;
  // "<Nơi>, ngày …" or "ngày …" alone: not a date inside a sentence ("Thực hiện Nghị quyết số … ngày …").
  if (!PLACE_OR_NOTHING.test(f.slice(0, m.index))) return false;
  const [, day, month, year] = m;
  const value = iso({ year: Number(year), month: month ? Number(month) : undefined, day: day && month ? Number(day) : undefined });
  if (!value) return false;
  header.date = { value, span: { start: line.span.start + m.index, end: line.span.start + m.index + m[0].length } };
  const place = PLACE_BEFORE_DATE.exec(line.text);
  if (place) header.place = { value: place[1].trim(), span: { start: line.span.start, end: line.span.start + place[1].trim().length } };
  return true;
}

/**
 * The enacting body printed in capitals between the title and the preamble ("ỦY BAN
 * THƯỜNG VỤ QUỐC HỘI", "ỦY BAN NHÂN DÂN TỈNH"): the issuer when the letterhead names none.
 */
export function readEnactingBody(doc: DocumentModel, after: number): Found<string> | null {
  const blocks = doc.blocks.filter((b) => b.span.start >= after).slice(0, 4);
  for (const b of blocks) {
    if (b.type !== "heading" && b.type !== "paragraph") return null;
    // Web layouts leave bold markers inside the line ("ỦY** BAN THƯỜNG VỤ QUỐC HỘI**").
    const text = b.text.replace(/[*_|]+/gu, " ").replace(/\s+/gu, " ").trim();
    if (!isCapitals(text) || /\d/u.test(text) || text.length > 100) continue;
    if (AGENCY_LINE_HEAD.test(foldForMatch(text))) return { value: displayCase(text, true), span: { start: b.span.start, end: b.span.end } };
  }
  return null;
}

/** How far from the end the closing "… thông qua ngày …" of an act is looked for. */
const CLOSING_WINDOW = 4000;
const PASSED_ON = /thông\s+qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;

/**
 * Acts of the National Assembly and its Standing Committee print no date in the
 * letterhead: "… được Ủy ban Thường vụ Quốc hội … thông qua ngày 16 tháng 6 năm 2025."
 * closes them. Read only when the letterhead has no date.
 */
export function readPassedDate(doc: DocumentModel): Found<string> | null {
  const from = Math.max(0, doc.text.length - CLOSING_WINDOW);
  const m = PASSED_ON.exec(foldForMatch(doc.text.slice(from)));
  if (!m) return null;
  const value = iso({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  return value ? { value, span: { start: from + m.index, end: from + m.index + m[0].length } } : null;
}
