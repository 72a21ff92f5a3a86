/**
 * The title: the kind word printed in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH", split over two lines
 * "QUYẾT" / "ĐỊNH") and the trích yếu after it; "V/v …" makes a công văn with that subject.
 */
import type { DocumentModel, Span } from "../../../schemas/document.js";
import type { DocKind } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";
import { readAgencyName } from "../registries/agencies.js";
import { KIND_QUALIFIER_PATTERN, kindFromWord } from "../registries/document-types.js";
import { displayCase, isCapitals } from "./display-case.js";
import { AGENCY_LINE_HEAD, BODY_OPENING, DECORATION, Found, MOTTO, SENTENCE_END, SUBJECT_LINE, TITLE_FUNCTION_WORDS, TITLE_WORD, lower } from "./shapes.js";
import { Folded } from "./text-window.js";
import { appendAll } from "../../large-arrays.js";

export type Title = {
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
export function findTitle(doc: DocumentModel): Title | null {
  const blocks = doc.blocks;
  for (let i = 0; i < Math.min(blocks.length, 40); i++) {
    const b = blocks[i];
    if (b.type === "signature") return null;
    if (b.type !== "heading" && b.type !== "paragraph") continue;
    const [line1, line2] = b.text.split("\n");
    if (!isCapitals(line1)) continue;
    // The kind word broken over two lines ("**QUYẾT" / "ĐỊNH**"): both lines, wholly the kind word.
    const split = line2 !== undefined && !/\s/u.test(line1.trim()) && isCapitals(line2) ? `${line1.trim()}\n${line2.trim()}` : null;
    const whole = split ? TITLE_WORD.exec(foldForMatch(split)) : null;
    const firstLine = whole && whole[0].length === split!.length ? split! : line1;
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

export type Piece = { span: Span; text: string };

/** Lines after the kind word in its own block, else the next block and the blocks that continue it. */
export function titlePieces(doc: DocumentModel, index: number, after: number): Piece[] {
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
      // The enacting body's line under the trích yếu ("ỦY BAN THƯỜNG VỤ QUỐC HỘI") is not part of it.
      if (isCapitals(text) && AGENCY_LINE_HEAD.test(starts) && !/(?:của|và|thuộc|với|cho)$/iu.test(prev.trim())) break;
      const continues = !SENTENCE_END.test(prev) && (/^\p{Ll}/u.test(text) || isCapitals(text) || b.type === "heading") && !BODY_OPENING.test(starts);
      if (!continues || text.length > 300) break;
    }
    appendAll(pieces, linesIn(doc, b.span.start, b.span.end));
  }
  return pieces;
}

export function linesIn(doc: DocumentModel, start: number, end: number): Piece[] {
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
export function composeTitle(pieces: Piece[]): { text: Found<string> | null; of: string | null } {
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
export function titleIssuer(title: string, capitalsPart: string): string | null {
  if (!/^của\s/iu.test(title)) return null;
  const printed = capitalsPart.replace(/^của\s+/iu, "").replace(/[\s,;:]+$/u, "");
  if (printed && printed !== capitalsPart) return printed;
  const f = foldForMatch(title);
  const name = readAgencyName(f, f.search(/\s/u) + 1);
  return name ? title.slice(name.start, name.end) : null;
}

export function lowerFunctionWord(t: string): string {
  const first = /^\p{Lu}\p{Ll}*/u.exec(t)?.[0];
  return first && TITLE_FUNCTION_WORDS.has(first.toLocaleLowerCase("vi")) ? first.toLocaleLowerCase("vi") + t.slice(first.length) : t;
}

/** A "V/v …" line in the header (with the lines of its block that continue it): a công văn and its subject. */
export function findSubjectLine(doc: DocumentModel, head: Folded): Found<string> | null {
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
