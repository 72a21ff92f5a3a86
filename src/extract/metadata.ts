/**
 * Document metadata: kind, own number and symbol, issuer, place, date, title and
 * signer, each with the page and span it was read from.
 *
 * Shapes read (on the folded text; capitals and lower case alike unless noted):
 *   Header agency lines  "UBND XÃ PHÚ THỊNH" → "UBND xã Phú Thịnh";
 *                        "ĐẢNG BỘ TỈNH THÁI NGUYÊN / ĐẢNG ỦY XÃ PHONG QUANG" → "Đảng ủy xã Phong Quang";
 *                        "ĐẢNG BỘ XÃ X / BAN THƯỜNG VỤ" → "Ban Thường vụ Đảng ủy xã X";
 *                        "ỦY BAN NHÂN DÂN / XÃ PHÚ THỊNH" (one name over two lines)
 *   Number               "Số: 60-KH/ĐU", "Số: 144/KH-UBND", "Số: 30/2020/NĐ-CP";
 *                        "Số: /KH-UBND", "Số: -KL/BCĐ", "Số: ……/QĐ-UBND" (blank: code null, symbol kept)
 *   Place and date       "Phú Thịnh, ngày 24 tháng 4 năm 2026", "…, ngày 24/4/2026";
 *                        "…, ngày    tháng 4 năm 2026" → "2026-04"
 *   Title                "KẾ HOẠCH" then the trích yếu (the rest of the block, or the next
 *                        block and its continuations); "V/v …" makes a công văn
 *   Annex pointer        "(Ban hành kèm theo Kế hoạch số 60-KH/ĐU, ngày 15/01/2026 của Ban
 *                        Thường vụ Đảng ủy xã Phong Quang)", "(Kèm theo Báo cáo số /BC-UBND
 *                        ngày 24/4/2026 của UBND xã Phú Thịnh)": code, fuller date, issuer
 *   Issuer elsewhere     title "… CỦA BAN CHỈ ĐẠO …" (completed by the body's full name);
 *                        opening "UBND xã X ban hành/báo cáo …"; closing "Trên đây là … của UBND xã X./."
 *   Signature            the signature block: position "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", name
 */
import type { DocumentModel, Span } from "../../schemas/document.js";
import type { DocKind, DocumentMeta } from "../../schemas/extraction.js";
import { foldForMatch } from "../normalise/fold.js";
import {
  AGENCY_HEADS, COMMUNE_UNITS, LOCALITY_UNITS, NAME_ABBREVIATIONS, NAME_DISPLAY, PARTY_COMMITTEES, SUBORDINATE_ORGANS,
  findAgencyNames, localityOf, readAgencyName,
} from "./registries/agencies.js";
import { SYMBOL_PATTERN, canonicalCode, kindFromCode, parseCode } from "./registries/document-codes.js";
import { GENERIC_WORD_PATTERN, KIND_QUALIFIER_PATTERN, KIND_WORD_PATTERN, kindFromWord } from "./registries/document-types.js";
import { POSITION_DISPLAY } from "./registries/positions.js";
import { iso } from "./vietnamese-dates.js";
import { appendAll } from "../large-arrays.js";

type Found<T> = { value: T; span: Span };
type Provenance = NonNullable<DocumentMeta["provenance"]>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const lower = (s: string) => foldForMatch(s).toLowerCase();
const phrase = (s: string) => escape(lower(s)).replace(/ /g, "\\s+");
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}])";

const TITLE_WORD = new RegExp(`^(?:${KIND_WORD_PATTERN})(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?${NOT_WORD_AFTER}`, "iu");
const SUBJECT_LINE = /^V\/v\.?\s*/iu;
/** "Số:" then a number that may be blank (spaces, dots, an ellipsis), then the symbol. Symbols are capitals: no `i`. */
const NUMBER_LINE = new RegExp(`^(?:Số|SỐ|số)\\s*[:.]?\\s*(\\d{1,5})?[\\s._…]*(?:([-/])\\s*)?(${SYMBOL_PATTERN})`, "u");
const LONG_HEADER_DATE = /ngày\s*(\d{1,2})?[\s._…]*tháng\s*(\d{1,2})?[\s._…]*năm\s*(\d{4})/iu;
const NUMERIC_HEADER_DATE = /ngày\s*(\d{1,2})?\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const PLACE_BEFORE_DATE = /^([\p{Lu}][^\d,;:()]{1,40}?)\s*,\s*ngày/u;
const MOTTO = /^(?:cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc|đảng cộng sản việt nam)/iu;
const DECORATION = /^[\s*_\-=.·~]*$/u;
/** Urgency, secrecy and draft marks printed in capitals in the header: not an agency. */
const HEADER_MARK = /^(?:hỏa tốc|thượng khẩn|khẩn|tối mật|tuyệt mật|mật|dự thảo|bản chính|bản sao)[\s:.]*(?:\d+)?$/iu;
const BODY_OPENING = /^(?:căn cứ|kính gửi|thực hiện|ngày\s+\d|để|nhằm|sau khi|[IVXLC]+\.\s)/iu;
const SENTENCE_END = /[.:;!?]["”)]*$/u;
const AGENCY_LINE_HEAD = new RegExp(`^(?:${[...AGENCY_HEADS].map(phrase).sort((a, b) => b.length - a.length).join("|")})${NOT_WORD_AFTER}`, "iu");
const ANNEX_OPEN = /\(\s*(?:ban hành\s+)?kèm theo\s+/giu;
const ANNEX_KIND = new RegExp(`(${KIND_WORD_PATTERN}|${GENERIC_WORD_PATTERN})(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?\\s*(?:số\\s*[:.]?\\s*)?`, "iuy");
const ANNEX_CODE = new RegExp(`(\\d{1,5})?[\\s._…]*(?:([-/])\\s*)?(${SYMBOL_PATTERN})`, "uy");
const ANNEX_DATE = /[\s,]*ngày\s*(\d{1,2})?\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|[\s._…]*tháng\s*(\d{1,2})?[\s._…]*năm\s*(\d{4}))/iuy;
const ANNEX_OF = /[\s,]*của\s+/iuy;
const CLOSING = /^trên đây là/iu;
const OPENING_VERB = /^\s*(?:\([^)]{0,80}\)\s*)?(?:đã\s+|xin\s+)?(?:ban hành|báo cáo|xây dựng|thông báo|tổ chức|kết luận|hướng dẫn|triển khai|quyết định|đề nghị)(?![\p{L}\p{M}])/iu;
const TITLE_FUNCTION_WORDS = new Set(["tại", "về", "của", "trên", "trong", "năm", "đến", "giai", "nhằm", "theo", "và", "thực", "triển", "đối", "cho"]);

export function extractMetadata(doc: DocumentModel): DocumentMeta {
  const provenance: Provenance = {};
  const pageAt = pageLookup(doc);
  const note = (field: string, span: Span | undefined) => {
    if (span) provenance[field] = { page: pageAt(span.start), span };
  };

  const title = findTitle(doc);
  const headerEnd = title?.blockStart ?? headerFallbackEnd(doc);
  const bodyStart = title?.text?.span.end ?? title?.kindSpan.end ?? 0;
  // Metadata reads a few places only: fold those, not the whole text.
  const head = foldSpan(doc.text, 0, Math.max(headerEnd, HEADER_WINDOW));
  const body = foldSpan(doc.text, bodyStart, bodyStart + BODY_WINDOW);
  const header = readHeader(doc, head, headerEnd);
  const subject = title ? null : findSubjectLine(doc, head);

  let kind: DocKind | null = title?.kind ?? (subject ? "cong-van" : null);
  let code = header.code;
  let symbol = header.symbol;
  if (!kind && symbol) kind = kindOfSymbol(symbol.value);
  const annexes = readAnnexPointers(doc).filter((a) => annexIsOwn(a, kind, symbol?.value ?? null));
  const annex = annexes[0];
  if (!symbol && annex?.symbol) {
    symbol = annex.symbol;
    code = annex.code;
  }
  if (!kind && symbol) kind = kindOfSymbol(symbol.value);

  const date = fullerDate(header.date, annexes);
  const issuer = chooseIssuer(doc, body, header, title, annexes);
  const signer = readSigner(doc);
  const titleText = title?.text ?? subject;

  note("kind", title?.kindSpan ?? (subject ? subject.span : undefined));
  note("code", code?.span);
  note("symbol", symbol?.span);
  note("issuer", issuer?.span);
  note("place", header.place?.span);
  note("date", date?.span);
  note("title", titleText?.span);
  note("signer", signer?.span);

  const locality = localityFor(doc, [head, body], issuer?.value ?? null, header.parent?.value ?? null, header.place?.value ?? null);
  return {
    kind,
    code: code?.value ?? null,
    symbol: symbol?.value ?? null,
    issuer: issuer?.value ?? null,
    place: header.place?.value ?? null,
    date: date?.value ?? null,
    title: titleText?.value ?? null,
    signer: signer?.value ?? null,
    parentIssuer: header.parentPrinted?.value ?? null,
    locality,
    provenance,
  };
}

/** How far into the body the opening subject and a short issuer's full name are looked for. */
const BODY_WINDOW = 4000;
const HEADER_WINDOW = 3000;
const ANNEX_WINDOW = 400;

/**
 * A stretch of the text with tone placement, dashes and quotes unified (foldForMatch),
 * widened to blanks so it folds exactly as the whole text would; `base` is its offset.
 */
type Folded = { text: string; base: number };

function foldSpan(text: string, start: number, end: number): Folded {
  const from = blankBefore(text, start);
  return { text: foldForMatch(text.slice(from, blankAfter(text, end))), base: from };
}

const blankBefore = (text: string, i: number) => {
  let k = Math.min(i, text.length);
  while (k > 0 && !/\s/u.test(text[k - 1])) k--;
  return k;
};
const blankAfter = (text: string, i: number) => {
  let k = Math.min(i, text.length);
  while (k < text.length && !/\s/u.test(text[k])) k++;
  return k;
};

function pageLookup(doc: DocumentModel): (offset: number) => number {
  return (offset) => {
    let page = 1;
    for (const p of doc.pages) if (p.span.start <= offset) page = p.number;
    return page;
  };
}

// ---------- title ----------

type Title = {
  kind: DocKind | null;
  kindSpan: Span;
  blockStart: number;
  text: Found<string> | null;
  /** The title's "của X" issuer, in display case, when the trích yếu starts with "của". */
  of: string | null;
};

/**
 * The kind word printed as the title ("KẾ HOẠCH", "BÁO CÁO", "KẾT LUẬN …") in capitals at
 * the start of a block, before any signature; the trích yếu follows it.
 */
function findTitle(doc: DocumentModel): Title | null {
  const blocks = doc.blocks;
  for (let i = 0; i < Math.min(blocks.length, 40); i++) {
    const b = blocks[i];
    if (b.type === "signature") return null;
    if (b.type !== "heading" && b.type !== "paragraph") continue;
    const firstLine = b.text.split("\n")[0];
    if (!isCapitals(firstLine)) continue;
    const m = TITLE_WORD.exec(foldForMatch(firstLine.trim()));
    if (!m) continue;
    const lead = b.text.indexOf(firstLine.trim());
    const kindSpan = { start: b.span.start + lead, end: b.span.start + lead + m[0].length };
    const kind = kindFromWord(m[0].replace(new RegExp(`\\s+(?:${KIND_QUALIFIER_PATTERN})$`, "iu"), ""));
    const pieces = titlePieces(doc, i, kindSpan.end);
    return { kind, kindSpan, blockStart: b.span.start, ...composeTitle(pieces) };
  }
  return null;
}

type Piece = { span: Span; text: string };

/** Lines after the kind word in its own block, else the next block and the blocks that continue it. */
function titlePieces(doc: DocumentModel, index: number, after: number): Piece[] {
  const blocks = doc.blocks;
  const own = blocks[index];
  const rest = linesIn(doc, after, own.span.end).filter((l) => !DECORATION.test(l.text));
  if (rest.length) return rest;
  const pieces: Piece[] = [];
  for (let j = index + 1; j < blocks.length && pieces.length < 4; j++) {
    const b = blocks[j];
    if (b.type !== "heading" && b.type !== "paragraph") break;
    const text = b.text.trim();
    if (DECORATION.test(text)) {
      if (pieces.length) break;
      continue;
    }
    const starts = foldForMatch(text);
    if (!pieces.length) {
      // A body sentence right after the kind word: the document has no trích yếu.
      if ((BODY_OPENING.test(starts) && SENTENCE_END.test(text)) || /^(?:căn cứ|kính gửi)/iu.test(starts)) break;
      if (b.type === "paragraph" && SENTENCE_END.test(text) && text.length > 300) break;
    } else {
      const prev = pieces[pieces.length - 1].text;
      const continues = !SENTENCE_END.test(prev) && (/^\p{Ll}/u.test(text) || isCapitals(text) || b.type === "heading") && !BODY_OPENING.test(starts);
      if (!continues || text.length > 300) break;
    }
    appendAll(pieces, linesIn(doc, b.span.start, b.span.end));
  }
  return pieces;
}

function linesIn(doc: DocumentModel, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  let at = start;
  for (const line of doc.text.slice(start, end).split("\n")) {
    const lead = line.length - line.trimStart().length;
    const text = line.trim();
    if (text) out.push({ span: { start: at + lead, end: at + lead + text.length }, text });
    at += line.length + 1;
  }
  return out;
}

/** Joins title lines; lines in capitals get display case, a continuation's first function word goes lower case. */
function composeTitle(pieces: Piece[]): { text: Found<string> | null; of: string | null } {
  if (!pieces.length) return { text: null, of: null };
  const parts: string[] = [];
  let leadingCapitals = 0; // how many lines from the first were printed in capitals
  for (let k = 0; k < pieces.length; k++) {
    let t = pieces[k].text.replace(SUBJECT_LINE, "");
    const capitals = isCapitals(t);
    if (capitals) t = displayCase(t, false);
    else if (k > 0) t = lowerFunctionWord(t);
    if (capitals && leadingCapitals === k) leadingCapitals++;
    parts.push(t);
  }
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  const span = { start: pieces[0].span.start, end: pieces[pieces.length - 1].span.end };
  const capitalsPart = parts.slice(0, leadingCapitals).join(" ");
  return { text: text ? { value: text, span } : null, of: titleIssuer(text, capitalsPart) };
}

/** "của Ban Chỉ đạo …": the issuer is the part printed in capitals, else the agency name read from the title. */
function titleIssuer(title: string, capitalsPart: string): string | null {
  if (!/^của\s/iu.test(title)) return null;
  const printed = capitalsPart.replace(/^của\s+/iu, "").replace(/[\s,;:]+$/u, "");
  if (printed && printed !== capitalsPart) return printed;
  const f = foldForMatch(title);
  const name = readAgencyName(f, f.search(/\s/u) + 1);
  return name ? title.slice(name.start, name.end) : null;
}

function lowerFunctionWord(t: string): string {
  const first = /^\p{Lu}\p{Ll}*/u.exec(t)?.[0];
  return first && TITLE_FUNCTION_WORDS.has(first.toLocaleLowerCase("vi")) ? first.toLocaleLowerCase("vi") + t.slice(first.length) : t;
}

/** A "V/v …" line in the header (with the lines of its block that continue it): a công văn and its subject. */
function findSubjectLine(doc: DocumentModel, head: Folded): Found<string> | null {
  const lines = linesIn(doc, head.base, head.base + head.text.length);
  const at = lines.findIndex((l) => SUBJECT_LINE.test(head.text.slice(l.span.start - head.base, l.span.end - head.base)));
  if (at < 0) return null;
  const pieces = [lines[at]];
  for (let k = at + 1; k < lines.length; k++) {
    const line = lines[k];
    const f = head.text.slice(line.span.start - head.base, line.span.end - head.base);
    const sameBlock = !doc.text.slice(pieces[pieces.length - 1].span.end, line.span.start).includes("\n\n");
    if (!sameBlock || isCapitals(line.text) || MOTTO.test(f) || /^kính gửi|^số\s*[:.]/iu.test(f) || /,\s*ngày\s/iu.test(f)) break;
    pieces.push(line);
  }
  const value = pieces.map((p) => p.text).join(" ").replace(SUBJECT_LINE, "").replace(/\s+/g, " ").trim();
  return value ? { value, span: { start: pieces[0].span.start, end: pieces[pieces.length - 1].span.end } } : null;
}

// ---------- header ----------

type Header = {
  code: Found<string> | null;
  symbol: Found<string> | null;
  place: Found<string> | null;
  date: Found<string> | null;
  own: Found<string> | null;
  parent: Found<string> | null;
  parentPrinted: Found<string> | null;
};

/** Without a title word, the header ends where the body starts (a long sentence) or after 15 blocks. */
function headerFallbackEnd(doc: DocumentModel): number {
  const blocks = doc.blocks;
  for (let i = 0; i < Math.min(blocks.length, 15); i++) {
    const b = blocks[i];
    if (b.type === "table" || b.type === "signature") return b.span.start;
    if ("text" in b && b.text.length > 200 && SENTENCE_END.test(b.text.trim())) return b.span.start;
  }
  return blocks[Math.min(blocks.length, 15) - 1]?.span.end ?? 0;
}

function readHeader(doc: DocumentModel, head: Folded, end: number): Header {
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
function splitCells(lines: Piece[]): Piece[] {
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

function joinLines(lines: Piece[], display: boolean): Found<string> {
  const text = lines.map((l) => l.text).join(" ").replace(/\s+/g, " ").trim();
  return { value: display ? displayCase(text, true) : text, span: { start: lines[0].span.start, end: lines[lines.length - 1].span.end } };
}

function readNumberLine(line: Piece, f: string, header: Header): void {
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

function readPlaceDate(line: Piece, f: string, header: Header): boolean {
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

// ---------- annex pointer ----------

type AnnexPointer = {
  kind: DocKind | null;
  code: Found<string> | null;
  symbol: Found<string> | null;
  date: Found<string> | null;
  issuer: Found<string> | null;
};

/** Every "(Kèm theo <kind> số … ngày … của …)" in the text. */
function readAnnexPointers(doc: DocumentModel): AnnexPointer[] {
  const out: AnnexPointer[] = [];
  ANNEX_OPEN.lastIndex = 0;
  // "kèm theo" has one spelling, so the display text finds the openings; each is folded to be read.
  for (let m = ANNEX_OPEN.exec(doc.text); m; m = ANNEX_OPEN.exec(doc.text)) {
    const w = foldSpan(doc.text, m.index, m.index + ANNEX_WINDOW);
    out.push(readAnnexPointer(doc, w, m.index - w.base + m[0].length));
  }
  return out;
}

function readAnnexPointer(doc: DocumentModel, w: Folded, from: number): AnnexPointer {
  const f = w.text;
  const abs = (start: number, end: number): Span => ({ start: w.base + start, end: w.base + end });
  let at = from;
  ANNEX_KIND.lastIndex = at;
  const k = ANNEX_KIND.exec(f);
  const pointer: AnnexPointer = { kind: k ? kindFromWord(k[1]) : null, code: null, symbol: null, date: null, issuer: null };
  if (!k) return pointer;
  at = k.index + k[0].length;
  ANNEX_CODE.lastIndex = at;
  const c = ANNEX_CODE.exec(f);
  if (c) {
    const [whole, number, sep, rawSymbol] = c;
    const span = abs(c.index, c.index + whole.length);
    pointer.symbol = { value: canonicalCode(rawSymbol).replace(/^(?:19|20)\d{2}\//u, ""), span };
    if (number) pointer.code = { value: canonicalCode(`${number}${sep ?? "/"}${rawSymbol}`), span };
    at = c.index + whole.length;
  }
  ANNEX_DATE.lastIndex = at;
  const d = ANNEX_DATE.exec(f);
  if (d) {
    const [, day, m1, y1, m2, y2] = d;
    const month = m1 ?? m2;
    const value = iso({ year: Number(y1 ?? y2), month: month ? Number(month) : undefined, day: day && month ? Number(day) : undefined });
    if (value) pointer.date = { value, span: abs(d.index, d.index + d[0].length) };
    at = d.index + d[0].length;
  }
  ANNEX_OF.lastIndex = at;
  const of = ANNEX_OF.exec(f);
  if (of) {
    const close = f.indexOf(")", of.index);
    const name = readAgencyName(f, of.index + of[0].length, close < 0 ? f.length : close);
    if (name) pointer.issuer = { value: doc.text.slice(w.base + name.start, w.base + name.end).replace(/\s+/g, " "), span: abs(name.start, name.end) };
  }
  return pointer;
}

/** An annex pointer names this document when its kind or symbol agrees with the document's and neither disagrees. */
function annexIsOwn(a: AnnexPointer, kind: DocKind | null, symbol: string | null): boolean {
  if (kind && a.kind && a.kind !== kind) return false;
  if (symbol && a.symbol && a.symbol.value.toUpperCase() !== symbol.toUpperCase()) return false;
  // With neither a title word nor a number line, nothing shows the pointer is to this document.
  return (kind !== null && a.kind !== null) || (symbol !== null && a.symbol !== null);
}

function kindOfSymbol(symbol: string): DocKind | null {
  const parsed = parseCode(symbol);
  return parsed ? kindFromCode(parsed) : null;
}

/** The header's date, unless an annex gives the same date more precisely ("ngày tháng 4" → "24/4/2026"). */
function fullerDate(header: Found<string> | null, annexes: AnnexPointer[]): Found<string> | null {
  let best = header;
  for (const a of annexes) {
    if (!a.date) continue;
    if (!best || (a.date.value.startsWith(best.value) && a.date.value.length > best.value.length)) best = a.date;
  }
  return best;
}

// ---------- issuer ----------

type Candidate = { name: string; span: Span; priority: number };

/**
 * Header agency lines decide; else the title's "của …" (completed with the body's full
 * name when it lacks a locality); else the names the annex pointers, the closing
 * "Trên đây là … của X" and the opening subject agree on most.
 */
function chooseIssuer(doc: DocumentModel, body: Folded, header: Header, title: Title | null, annexes: AnnexPointer[]): Found<string> | null {
  if (header.own) return { value: composeIssuer(header.own.value, header.parent?.value ?? null), span: header.own.span };
  if (title?.of) {
    const span = title.text?.span ?? title.kindSpan;
    return localityOf(title.of) ? { value: title.of, span } : (completeFromBody(doc, body, title.of) ?? { value: title.of, span });
  }
  const candidates: Candidate[] = [];
  for (const a of annexes) if (a.issuer) candidates.push({ name: a.issuer.value, span: a.issuer.span, priority: 0 });
  appendAll(appendAll(candidates, closingIssuers(doc)), openingIssuers(doc, body));
  return vote(candidates);
}

/** "Ban Thường vụ" under "Đảng bộ xã X" → "Ban Thường vụ Đảng ủy xã X"; "Sở …" under "UBND tỉnh X" → "Sở … tỉnh X". */
function composeIssuer(own: string, parent: string | null): string {
  const ownLower = lower(own);
  const committee = PARTY_COMMITTEES.find((p) => ownLower.startsWith(lower(p.organisation)));
  if (committee) return committeeName(own, committee);
  if (localityOf(own) || !parent) return own;
  const parentLower = lower(parent);
  const parentCommittee = PARTY_COMMITTEES.find((p) => parentLower.startsWith(lower(p.organisation)));
  const parentName = parentCommittee ? committeeName(parent, parentCommittee) : parent;
  if (SUBORDINATE_ORGANS.some((o) => ownLower === lower(o))) return `${own} ${parentName}`;
  const place = localityOf(parent);
  if (!place) return own;
  // "ĐẢNG ỦY XÃ" under "ĐẢNG BỘ XÃ PHÚ THỊNH": the level word is already the place's first word.
  const levelWord = place.split(/\s+/u)[0];
  const bare = ownLower.endsWith(` ${lower(levelWord)}`) ? own.slice(0, own.length - levelWord.length).trimEnd() : own;
  return `${bare} ${place}`;
}

function committeeName(organisation: string, c: (typeof PARTY_COMMITTEES)[number]): string {
  return `${c.committee} ${organisation.slice(c.organisation.length).trim()}`.trim();
}

/** A body mention with the same head and a locality: "Ban Chỉ đạo … xã Phú Thịnh (sau đây gọi tắt là …)". */
function completeFromBody(doc: DocumentModel, body: Folded, short: string): Found<string> | null {
  const head = lower(short).split(/\s+/).slice(0, 3).join(" ");
  for (const name of findAgencyNames(body.text, 0, body.text.length)) {
    const span = { start: body.base + name.start, end: body.base + name.end };
    const text = doc.text.slice(span.start, span.end).replace(/\s+/g, " ");
    if (lower(text).startsWith(head) && localityOf(text)) return { value: text, span };
  }
  return null;
}

function closingIssuers(doc: DocumentModel): Candidate[] {
  const out: Candidate[] = [];
  for (const b of doc.blocks) {
    if (b.type !== "paragraph" || !CLOSING.test(b.text)) continue;
    const w = foldSpan(doc.text, b.span.start, b.span.end);
    const end = b.span.end - w.base;
    const names = findAgencyNames(w.text, b.span.start - w.base, end);
    const last = names[names.length - 1];
    if (!last || !/^[\s./]*$/u.test(w.text.slice(last.end, end)) || !/của\s+$/iu.test(w.text.slice(0, last.start))) continue;
    const span = { start: w.base + last.start, end: w.base + last.end };
    out.push({ name: doc.text.slice(span.start, span.end).replace(/\s+/g, " "), span, priority: 1 });
  }
  return out;
}

function openingIssuers(doc: DocumentModel, body: Folded): Candidate[] {
  const out: Candidate[] = [];
  const bodyEnd = body.base + body.text.length;
  const blocks = doc.blocks.filter((b) => b.span.start >= body.base && b.span.start < bodyEnd && (b.type === "paragraph" || b.type === "list-item")).slice(0, 3);
  for (const b of blocks) {
    const end = Math.min(b.span.end, bodyEnd) - body.base;
    for (const name of findAgencyNames(body.text, b.span.start - body.base, end)) {
      const span = { start: body.base + name.start, end: body.base + name.end };
      const text = doc.text.slice(span.start, span.end).replace(/\s+/g, " ");
      if (localityOf(text) && OPENING_VERB.test(body.text.slice(name.end, Math.min(end, name.end + 120)))) out.push({ name: text, span, priority: 2 });
    }
  }
  return out;
}

/** The name most sources agree on (by spelling, "UBND" = "Ủy ban nhân dân"); ties go to the annex, then the closing. */
function vote(candidates: Candidate[]): Found<string> | null {
  if (!candidates.length) return null;
  const key = (n: string) => lower(n).replace(/ủy ban nhân dân/gu, "ubnd").replace(/hội đồng nhân dân/gu, "hđnd").replace(/\s+/g, " ");
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(key(c.name), [...(groups.get(key(c.name)) ?? []), c]);
  const ranked = [...groups.values()].map((g) => g.sort((a, b) => a.priority - b.priority)).sort((a, b) => b.length - a.length || a[0].priority - b[0].priority);
  const best = ranked[0][0];
  return { value: best.name, span: best.span };
}

function localityFor(doc: DocumentModel, read: Folded[], issuer: string | null, parent: string | null, place: string | null): string | null {
  const fromNames = (issuer && localityOf(issuer)) || (parent && localityOf(parent));
  if (fromNames) return fromNames;
  // "Tỉnh ủy Thái Nguyên" belongs to "tỉnh Thái Nguyên".
  for (const name of [issuer, parent]) {
    const m = name ? COMMITTEE_LOCALITY.exec(foldForMatch(name)) : null;
    if (m) return `${COMMITTEE_UNIT[m[1].toLocaleLowerCase("vi")]} ${m[2]}`;
  }
  if (!place) return null;
  // "Phú Thịnh" in the date line; the text around says which unit it is: "xã Phú Thịnh" (a commune first).
  const re = new RegExp(`${NOT_WORD_BEFORE}(?:${[...COMMUNE_UNITS, ...LOCALITY_UNITS].map(phrase).join("|")})\\s+${escape(foldForMatch(place))}${NOT_WORD_AFTER}`, "iu");
  for (const w of read) {
    const m = re.exec(w.text);
    if (m) return doc.text.slice(w.base + m.index, w.base + m.index + m[0].length).replace(/\s+/g, " ");
  }
  return null;
}

// ---------- signer ----------

function readSigner(doc: DocumentModel): Found<{ name: string; position: string | null }> | null {
  for (const b of doc.blocks) {
    if (b.type !== "signature" || !b.name) continue;
    const position = b.position ? positionDisplay(b.position) : null;
    return { value: { name: b.name.trim(), position }, span: b.span };
  }
  return null;
}

/** "PHÓ BÍ THƯ THƯỜNG TRỰC kiêm PHÓ TRƯỞNG BAN THƯỜNG TRỰC" → "Phó Bí thư Thường trực kiêm Phó Trưởng ban Thường trực". */
function positionDisplay(printed: string): string {
  const text = printed.replace(/\s+/g, " ").trim();
  // "kiêm" and "và" join two titles in lower case even when the titles are printed in capitals.
  if (!isCapitals(text.replace(/(?<![\p{L}\p{M}])(?:kiêm|và)(?![\p{L}\p{M}])/gu, ""))) return text;
  const shown = applyPhrases(text.toLocaleLowerCase("vi"), POSITION_DISPLAY);
  return restoreAbbreviations(shown, text).replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi"));
}

// ---------- display case ----------

const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).join("");
function isCapitals(s: string): boolean {
  const l = letters(s);
  return l.length >= 2 && l === l.toLocaleUpperCase("vi") && l !== l.toLocaleLowerCase("vi");
}

const COMMITTEE_OF_PLACE = "(?:tỉnh|thành|huyện|quận|thị)\\s+ủy";
/** The committee word in any case, the place after it capitalised (so no `i` flag: it would let \p{Lu} match lower case). */
const anyCase = (words: string[]) => words.flatMap((w) => [w, w[0].toLocaleUpperCase("vi") + w.slice(1), w.toLocaleUpperCase("vi")]).join("|");
const COMMITTEE_LOCALITY = new RegExp(
  `${NOT_WORD_BEFORE}(${anyCase(["tỉnh", "thành", "huyện", "quận", "thị"])})\\s+(?:${anyCase(["ủy"])})\\s+(\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,3})`,
  "u",
);
const COMMITTEE_UNIT: Record<string, string> = { tỉnh: "tỉnh", thành: "thành phố", huyện: "huyện", quận: "quận", thị: "thị xã" };
const DISPLAY_PHRASES = [...NAME_DISPLAY].sort((a, b) => b.length - a.length);
/** A unit word ("xã", "tỉnh") or a committee named after a place ("Tỉnh ủy"): a proper name follows. */
const UNIT_AFTER = new RegExp(
  `${NOT_WORD_BEFORE}(?:(?:${LOCALITY_UNITS.map(phrase).join("|")})\\s+(?!ủy${NOT_WORD_AFTER})|${COMMITTEE_OF_PLACE}\\s+)`,
  "giu",
);
const NAME_STOP = new Set(["năm", "giai", "về", "và", "tại", "trên", "trong", "của", "đến", "theo", "nhằm"]);

/**
 * A line printed in capitals, in the case it is written in running text: lower case,
 * registered name parts capitalised ("Ban Chỉ đạo", "Ủy ban nhân dân"), abbreviations
 * and codes kept, and the proper name after a unit word capitalised ("xã Phú Thịnh").
 */
function displayCase(capitals: string, capitalFirst: boolean): string {
  let s = applyPhrases(capitals.toLocaleLowerCase("vi"), DISPLAY_PHRASES);
  s = capitaliseLocalities(s);
  s = restoreAbbreviations(s, capitals);
  return capitalFirst ? s.replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase("vi")) : s;
}

const phraseMatchers = new Map<string[], { displays: Map<string, string>; re: RegExp }>();

/** Overwrites each phrase found (same length, so offsets hold) with its display spelling. */
function applyPhrases(s: string, phrases: string[]): string {
  let matcher = phraseMatchers.get(phrases);
  if (!matcher) {
    // One alternation, longest first, instead of one regex per phrase: this runs for every name shown.
    const sorted = [...phrases].sort((a, b) => b.length - a.length);
    matcher = {
      displays: new Map(sorted.map((p) => [foldForMatch(p).toLocaleLowerCase("vi"), foldForMatch(p)])),
      re: new RegExp(`${NOT_WORD_BEFORE}(?:${sorted.map(phrase).join("|")})${NOT_WORD_AFTER}`, "giu"),
    };
    phraseMatchers.set(phrases, matcher);
  }
  const chars = [...s];
  if (chars.length !== s.length) return s;
  const f = foldForMatch(s);
  matcher.re.lastIndex = 0;
  for (let m = matcher.re.exec(f); m; m = matcher.re.exec(f)) {
    const display = matcher.displays.get(m[0].toLocaleLowerCase("vi"));
    if (!display || display.length !== m[0].length) continue;
    for (let i = 0; i < display.length; i++) chars[m.index + i] = display[i];
  }
  return chars.join("");
}

function capitaliseLocalities(s: string): string {
  let out = s;
  UNIT_AFTER.lastIndex = 0;
  for (let m = UNIT_AFTER.exec(s); m; m = UNIT_AFTER.exec(s)) {
    let at = m.index + m[0].length;
    for (let w = 0; w < 4; w++) {
      const word = /^[\p{L}\p{M}]+/u.exec(out.slice(at))?.[0];
      if (!word || NAME_STOP.has(word)) break;
      out = out.slice(0, at) + word[0].toLocaleUpperCase("vi") + out.slice(at + 1);
      at += word.length;
      if (out[at] !== " ") break;
      at++;
    }
  }
  return out;
}

/** Registered abbreviations and code-like tokens ("57-NQ/TW") keep the capitals they were printed in. */
function restoreAbbreviations(shown: string, printed: string): string {
  if (shown.length !== printed.length) return shown;
  const abbreviations = new Set(NAME_ABBREVIATIONS.map((a) => a.toUpperCase()));
  return shown.replace(/[\p{L}\p{M}\p{N}&/-]+/gu, (token, at: number) => {
    const original = printed.slice(at, at + token.length);
    const bare = original.replace(/^[-/]+|[-/]+$/gu, "");
    return abbreviations.has(bare) || /\d/u.test(original) || /[A-ZĐ]+[-/][A-ZĐ]/u.test(original) ? original : token;
  });
}
