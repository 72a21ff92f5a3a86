/** "(Kèm theo <kind> số … ngày … của …)": an annex pointing at its own document gives code, date and issuer. */
import type { DocumentModel, Span } from "../../../schemas/document.js";
import type { DocKind } from "../../../schemas/extraction.js";
import { readAgencyName } from "../registries/agencies.js";
import { canonicalCode, kindFromCode, parseCode } from "../registries/document-codes.js";
import { kindFromWord } from "../registries/document-types.js";
import { iso } from "../vietnamese-dates.js";
import { ANNEX_CODE, ANNEX_DATE, ANNEX_KIND, ANNEX_OF, ANNEX_OPEN, Found } from "./shapes.js";
import { ANNEX_WINDOW, Folded, foldSpan } from "./text-window.js";

export type AnnexPointer = {
  kind: DocKind | null;
  code: Found<string> | null;
  symbol: Found<string> | null;
  date: Found<string> | null;
  issuer: Found<string> | null;
};

/** Every "(Kèm theo <kind> số … ngày … của …)" in the text. */
export function readAnnexPointers(doc: DocumentModel): AnnexPointer[] {
  const out: AnnexPointer[] = [];
  ANNEX_OPEN.lastIndex = 0;
  // "kèm theo" has one spelling, so the display text finds the openings; each is folded to be read.
  for (let m = ANNEX_OPEN.exec(doc.text); m; m = ANNEX_OPEN.exec(doc.text)) {
    const w = foldSpan(doc, m.index, m.index + ANNEX_WINDOW);
    out.push(readAnnexPointer(doc, w, m.index - w.base + m[0].length));
  }
  return out;
}

export function readAnnexPointer(doc: DocumentModel, w: Folded, from: number): AnnexPointer {
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
export function annexIsOwn(a: AnnexPointer, kind: DocKind | null, symbol: string | null): boolean {
  if (kind && a.kind && a.kind !== kind) return false;
  if (symbol && a.symbol && a.symbol.value.toUpperCase() !== symbol.toUpperCase()) return false;
  // With neither a title word nor a number line, nothing shows the pointer is to this document.
  return (kind !== null && a.kind !== null) || (symbol !== null && a.symbol !== null);
}

export function kindOfSymbol(symbol: string): DocKind | null {
  const parsed = parseCode(symbol);
  return parsed ? kindFromCode(parsed) : null;
}

/** The header's date, unless an annex gives the same date more precisely ("ngày tháng 4" → "24/4/2026"). */
export function fullerDate(header: Found<string> | null, annexes: AnnexPointer[]): Found<string> | null {
  let best = header;
  for (const a of annexes) {
    if (!a.date) continue;
    if (!best || (a.date.value.startsWith(best.value) && a.date.value.length > best.value.length)) best = a.date;
  }
  return best;
}
