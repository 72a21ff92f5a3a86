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
import { annexIsOwn, fullerDate, kindOfSymbol, readAnnexPointers } from "./metadata/annex-pointer.js";
import { chooseIssuer, localityFor } from "./metadata/issuer.js";
import { headerFallbackEnd, readEnactingBody, readHeader, readPassedDate } from "./metadata/letterhead.js";
import { Provenance } from "./metadata/shapes.js";
import { readSigner } from "./metadata/signer.js";
import { BODY_WINDOW, HEADER_WINDOW, foldSpan, pageLookup } from "./metadata/text-window.js";
import { findSubjectLine, findTitle } from "./metadata/title.js";

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
  const head = foldSpan(doc, 0, Math.max(headerEnd, HEADER_WINDOW));
  const body = foldSpan(doc, bodyStart, bodyStart + BODY_WINDOW);
  const header = readHeader(doc, head, headerEnd);
  const subject = title ? null : findSubjectLine(doc, head);
  if (!header.own && title) header.own = readEnactingBody(doc, bodyStart);
  if (!header.date) header.date = readPassedDate(doc);

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
