/**
 * Rewrites word/document.xml before mammoth reads it, so that its HTML carries
 * what mammoth would otherwise drop:
 *
 *   - printed list numbers: an ordered list paragraph gets its label ("1.",
 *     "a)", "II.", "2.1.") as a leading text run and loses its list membership,
 *     so it reads exactly like a paragraph whose author typed the number; a
 *     bullet paragraph keeps its list (mammoth's <ul> nesting gives the depth)
 *     and gets its glyph ("-", "+", "•") as a leading run;
 *   - page breaks Word draws without a w:br: "page break before" paragraphs and
 *     section breaks that start a new page become explicit w:br page breaks,
 *     which mammoth's style map turns into <br class="vanban-page-break">.
 *
 * It also refuses XML nested deeper than mammoth's recursive reader survives.
 */
import { escapeXmlText, attribute, isOn, xmlTags, type XmlTag } from "./xml-tags.js";
import { ListCounters, paragraphNumbering, type ListDefinitions, type ListLabel } from "./list-numbering.js";

/** Far above real documents (tables in tables in text boxes stay under ~60), far below mammoth's stack limit (~1000). */
export const MAX_XML_DEPTH = 256;

const PAGE_BREAK_RUN = '<w:r><w:br w:type="page"/></w:r>';
const NO_LIST = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';

type OpenParagraph = {
  depth: number;
  openEnd: number;
  closeStart: number;
  inProps: boolean;
  propsDone: boolean;
  propsEnd: number | null;
  propsCloseStart: number | null;
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  numPr: { start: number; end: number } | null;
  inNumPr: boolean;
  inMarkRunProps: boolean;
  markBold: boolean;
  /** The first text run: Word formats the number like the paragraph mark, authors bold the text; either makes it bold. */
  firstRun: "none" | "open" | "props" | "done";
  firstRunBold: boolean;
  pageBreakBefore: boolean;
  /** Index of the section this paragraph ends (its w:pPr holds a w:sectPr). */
  endsSection: number | null;
  label: ListLabel | null;
  hasText: boolean;
  inChoice: boolean;
};

export function prepareDocumentXml(xml: string, lists: ListDefinitions): string {
  const counters = new ListCounters(lists);
  const edits: { start: number; end: number; text: string }[] = [];
  const finished: OpenParagraph[] = [];
  const sectionTypes: string[] = [];
  const stack: OpenParagraph[] = [];
  let depth = 0;
  let choiceDepth = 0;
  let changeDepth = 0; // inside w:pPrChange / w:rPrChange: the old formatting, not the current one
  let textStart = -1;
  let inSection = false;

  for (const tag of xmlTags(xml)) {
    if (tag.kind === "open" && ++depth > MAX_XML_DEPTH)
      throw new Error(`word/document.xml is nested more than ${MAX_XML_DEPTH} levels deep; refusing it`);
    if (tag.kind === "close") depth--;
    const p = stack[stack.length - 1];

    if (tag.name === "mc:Choice") choiceDepth += tag.kind === "open" ? 1 : tag.kind === "close" ? -1 : 0;
    if (/^w:(pPr|rPr|sectPr|tblPr|trPr|tcPr)Change$/.test(tag.name)) {
      changeDepth += tag.kind === "open" ? 1 : tag.kind === "close" ? -1 : 0;
      continue;
    }
    if (changeDepth > 0) continue;

    if (tag.name === "w:p") {
      if (tag.kind === "open") stack.push(newParagraph(depth, tag.end, choiceDepth > 0));
      else if (tag.kind === "close" && p) {
        p.closeStart = tag.start;
        if (!p.propsDone) settleNumbering(p, lists, counters);
        finished.push(stack.pop()!);
      }
      continue;
    }
    if (tag.name === "w:sectPr") {
      // A w:sectPr closes the section before it; its w:type says how *that* section began.
      if (tag.kind !== "close") {
        if (p?.inProps) p.endsSection = sectionTypes.length;
        sectionTypes.push("nextPage");
      }
      inSection = tag.kind === "open";
    } else if (inSection && tag.name === "w:type" && tag.kind !== "close") {
      sectionTypes[sectionTypes.length - 1] = attribute(tag, "w:val") ?? "nextPage";
    }
    if (!p) continue;

    if (p.inProps) {
      readParagraphProperty(p, tag);
      if (tag.name === "w:pPr" && tag.kind === "close") {
        p.inProps = false;
        p.propsEnd = tag.end;
        p.propsCloseStart = tag.start;
        settleNumbering(p, lists, counters);
      }
      continue;
    }
    if (tag.name === "w:pPr" && !p.propsDone && depth === p.depth + (tag.kind === "open" ? 1 : 0)) {
      if (tag.kind === "open") p.inProps = true;
      else if (tag.kind === "empty") {
        p.propsEnd = tag.end;
        settleNumbering(p, lists, counters);
      }
      continue;
    }
    if (!p.propsDone) settleNumbering(p, lists, counters);

    if (tag.name === "w:r" && tag.kind === "open" && p.firstRun === "none") p.firstRun = "open";
    else if (tag.name === "w:r" && tag.kind === "close" && p.firstRun !== "none") p.firstRun = "done";
    else if (tag.name === "w:rPr" && p.firstRun === "open" && tag.kind === "open") p.firstRun = "props";
    else if (tag.name === "w:rPr" && p.firstRun === "props" && tag.kind === "close") p.firstRun = "open";
    else if (tag.name === "w:b" && p.firstRun === "props") p.firstRunBold = isOn(tag);

    if (tag.name === "w:t") {
      if (tag.kind === "open") textStart = tag.end;
      else if (tag.kind === "close" && textStart >= 0) {
        if (xml.slice(textStart, tag.start).trim()) p.hasText = true;
        textStart = -1;
      }
    } else if (tag.name === "w:sym") p.hasText = true;
  }

  for (const p of finished) {
    let lead = p.pageBreakBefore ? PAGE_BREAK_RUN : "";
    if (p.label && p.hasText && p.label.label) {
      const runProps = p.label.bold || p.markBold || p.firstRunBold ? "<w:rPr><w:b/></w:rPr>" : "";
      lead += `<w:r>${runProps}<w:t xml:space="preserve">${escapeXmlText(p.label.label)} </w:t></w:r>`;
    }
    if (p.label?.ordered || (p.label && !p.label.label)) {
      // Out of mammoth's lists: the label now sits in the text, as a typed number would.
      if (p.numPr) edits.push({ start: p.numPr.start, end: p.numPr.end, text: NO_LIST });
      else if (p.propsCloseStart !== null) edits.push({ start: p.propsCloseStart, end: p.propsCloseStart, text: NO_LIST });
    }
    if (lead) {
      const at = p.propsEnd ?? p.openEnd;
      edits.push({ start: at, end: at, text: lead });
    }
    if (p.endsSection !== null) {
      const nextType = sectionTypes[p.endsSection + 1] ?? "nextPage";
      if (nextType !== "continuous" && nextType !== "nextColumn") edits.push({ start: p.closeStart, end: p.closeStart, text: PAGE_BREAK_RUN });
    }
  }
  return applyEdits(xml, edits);
}

function newParagraph(depth: number, openEnd: number, inChoice: boolean): OpenParagraph {
  return {
    depth,
    openEnd,
    closeStart: openEnd,
    inProps: false,
    propsDone: false,
    propsEnd: null,
    propsCloseStart: null,
    styleId: null,
    numId: null,
    ilvl: null,
    numPr: null,
    inNumPr: false,
    inMarkRunProps: false,
    markBold: false,
    firstRun: "none",
    firstRunBold: false,
    pageBreakBefore: false,
    endsSection: null,
    label: null,
    hasText: false,
    inChoice,
  };
}

function readParagraphProperty(p: OpenParagraph, tag: XmlTag): void {
  const opening = tag.kind !== "close";
  switch (tag.name) {
    case "w:pStyle":
      if (opening) p.styleId = attribute(tag, "w:val") ?? null;
      break;
    case "w:numPr":
      if (tag.kind === "open") {
        p.inNumPr = true;
        p.numPr = { start: tag.start, end: tag.end };
      } else if (tag.kind === "close" && p.numPr) {
        p.inNumPr = false;
        p.numPr.end = tag.end;
      } else if (tag.kind === "empty") p.numPr = { start: tag.start, end: tag.end };
      break;
    case "w:numId":
      if (opening && p.inNumPr) p.numId = attribute(tag, "w:val") ?? null;
      break;
    case "w:ilvl":
      if (opening && p.inNumPr) p.ilvl = Number(attribute(tag, "w:val") ?? 0);
      break;
    case "w:pageBreakBefore":
      if (opening) p.pageBreakBefore = isOn(tag);
      break;
    case "w:rPr":
      p.inMarkRunProps = tag.kind === "open";
      break;
    case "w:b":
      if (opening && p.inMarkRunProps) p.markBold = isOn(tag);
      break;
  }
}

/** Counters advance in document order, once the paragraph's properties are known. */
function settleNumbering(p: OpenParagraph, lists: ListDefinitions, counters: ListCounters): void {
  p.propsDone = true;
  p.inProps = false;
  // mammoth reads the fallback of mc:AlternateContent; the choice would count its paragraphs twice.
  if (p.inChoice) return;
  const ref = paragraphNumbering(lists, { numId: p.numId, ilvl: p.ilvl }, p.styleId);
  if (ref) p.label = counters.next(ref);
}

function applyEdits(xml: string, edits: { start: number; end: number; text: string }[]): string {
  if (!edits.length) return xml;
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let at = 0;
  for (const e of ordered) {
    if (e.start < at) continue; // overlapping edit: keep the first
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}
