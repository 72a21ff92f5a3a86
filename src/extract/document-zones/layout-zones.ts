/**
 * The parts of a document that address, found or distribute it and so hold no task,
 * time limit or figure of its own (NĐ 30/2020/NĐ-CP, Phụ lục I; HD 36-HD/VPTW):
 *
 *   letterhead  issuer lines, motto, "Số: …", "<Nơi>, ngày … tháng … năm …", the kind word
 *               and the trích yếu — as blocks or as a leading layout table (Word letterheads)
 *   addressees  "Kính gửi: …" and the "- <cơ quan>;" lines under it
 *   basis       the preamble right after the letterhead: "Căn cứ …", "Xét đề nghị …",
 *               "Theo đề nghị …", with the enacting body's capitals line between them
 *               ("ỦY BAN NHÂN DÂN TỈNH") — not a "Căn cứ tình hình …" sentence later in the body
 *   recipients  "Nơi nhận:" and its list, as blocks or as the first cell of a signature table
 *
 * Extractors and extractDocument drop every task, deadline and metric that starts inside one.
 */
import type { Block, Span } from "../../../schemas/document.js";
import type { ExtractContext } from "../context.js";
import { ADDRESSEE_LABELS, MOTTO_PHRASES, PREAMBLE_OPENERS } from "../registries/document-layout.js";
import { anyOf } from "../registries/phrase-pattern.js";
import { documentFacts, FIXED } from "./facts.js";
import { opensWith, RECIPIENTS_RE } from "./openers.js";

export type ZoneKind = "letterhead" | "addressees" | "basis" | "recipients";
export type DocumentZones = { kind: ZoneKind; span: Span }[];

const ADDRESSEES_RE = opensWith(ADDRESSEE_LABELS);
const PREAMBLE_RE = opensWith(PREAMBLE_OPENERS);
const MOTTO_RE = new RegExp(`(?:${anyOf(MOTTO_PHRASES)})`, "iu");
const NUMBER_LINE_RE = /(?:^|\n)[\s*_|]*số\s*[:.]?\s*[\d/._…-]/iu;
/** How many blocks a layout table may sit from the start and still be the letterhead. */
const LETTERHEAD_TABLE_REACH = 3;

const cache = new WeakMap<ExtractContext, DocumentZones>();

export function documentZones(ctx: ExtractContext): DocumentZones {
  let z = cache.get(ctx);
  if (!z) cache.set(ctx, (z = computeZones(ctx)));
  return z;
}

/** The zone an item starts in, or null for the body. */
export function inZones(zones: DocumentZones, span: Span | undefined): ZoneKind | null {
  if (!span) return null;
  for (const z of zones) if (span.start >= z.span.start && span.start < z.span.end) return z.kind;
  return null;
}

function computeZones(ctx: ExtractContext): DocumentZones {
  const { doc, folded } = ctx;
  const blocks = doc.blocks;
  const facts = documentFacts(ctx);
  const zones: DocumentZones = [];
  const head = (b: Block) => folded.slice(b.span.start, Math.min(b.span.end, b.span.start + 160));
  const push = (kind: ZoneKind, b: Block) => {
    const last = zones[zones.length - 1];
    if (last?.kind === kind && last.span.end >= b.span.start - 2) last.span.end = b.span.end;
    else zones.push({ kind, span: { start: b.span.start, end: b.span.end } });
  };

  let headerEnd = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const layoutTable = b.type === "table" && i < LETTERHEAD_TABLE_REACH && (MOTTO_RE.test(head(b)) || NUMBER_LINE_RE.test(folded.slice(b.span.start, b.span.end)));
    if (facts.outside[i] !== FIXED.header && !layoutTable) {
      if (i > LETTERHEAD_TABLE_REACH && headerEnd >= 0) break;
      continue;
    }
    push("letterhead", b);
    headerEnd = i;
  }

  // Kính gửi and the preamble, in any order right after the letterhead.
  let i = headerEnd + 1;
  for (let addressing = false; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === "table" || b.type === "signature" || b.type === "footnote") break;
    const h = head(b);
    if (ADDRESSEES_RE.test(h)) {
      addressing = true;
      push("addressees", b);
    } else if (PREAMBLE_RE.test(h)) {
      addressing = false;
      push("basis", b);
    } else if (addressing && b.text.length < 200 && (b.type === "list-item" || /^[\s*_]*[-+•]/u.test(b.text))) push("addressees", b);
    else if (isEnactingLine(b)) continue;
    else break;
  }

  for (let k = Math.max(i, 0); k < blocks.length; k++) {
    const b = blocks[k];
    if (b.type === "table") {
      const first = b.rows[0]?.cells[0];
      if (first && RECIPIENTS_RE.test(folded.slice(first.span.start, first.span.end))) push("recipients", b);
    } else if (facts.outside[k] === FIXED.signature && b.type !== "signature") push("recipients", b);
  }
  return zones;
}

/** The enacting body or formula between title and preamble: a short capitals line ("ỦY BAN NHÂN DÂN TỈNH", "QUYẾT ĐỊNH:"). */
function isEnactingLine(b: Block): boolean {
  if ((b.type !== "heading" && b.type !== "paragraph") || b.numbering) return false;
  const t = b.text.replace(/[*_:|]/g, "").trim();
  return t.length > 0 && t.length < 120 && !/^[\dIVXLC]+[.)-]/u.test(t) && t === t.toLocaleUpperCase("vi") && /\p{Lu}/u.test(t);
}
