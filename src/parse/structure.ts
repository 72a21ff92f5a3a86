/**
 * Document structure shared by every format: which paragraphs are headings, what
 * numbering they print, where the signature block is, and which pieces a page
 * break split.
 *
 * Numbering shapes recognised at the start of a block (see NUMBERING):
 *   "I."  "IV."  "1."  "1.1."  "1.2"  "2.1.3."  "a)"  "đ)"  "(3)"  "3)"  "Điều 5."  "Phần II"  "Mục 1"
 * A block is a heading when it is short and either numbered without ending in a
 * sentence, or bold/upper-case as a whole (real documents mark headings by bold
 * paragraphs more often than by styles).
 */
import type { DraftBlock } from "./draft.js";
import { maxOf } from "../large-arrays.js";

export type Numbering = { numbering: string; kind: "roman" | "arabic" | "letter" | "paren" | "article" };

const NUMBERING: { re: RegExp; kind: Numbering["kind"] }[] = [
  { re: /^((?:Điều|Phần|Mục|Chương)\s+[0-9IVXLC]+[.:]?)\s+/iu, kind: "article" },
  { re: /^([IVXLC]+\.)\s*(?=\p{L})/u, kind: "roman" },
  { re: /^(\d{1,2}(?:\.\d{1,2})*\.?)\s+(?=[\p{L}(“"])/u, kind: "arabic" },
  { re: /^([a-zđ]\))\s+/u, kind: "letter" },
  { re: /^(\(\d{1,2}\)|\d{1,2}\))\s+/u, kind: "paren" },
];

export function readNumbering(text: string): Numbering | null {
  for (const { re, kind } of NUMBERING) {
    const m = text.match(re);
    if (m) return { numbering: m[1], kind };
  }
  return null;
}

/** Depth of a numbering: "I." → 1, "1." → 2, "1.1." → 3, "a)" → 5, "(1)" → 6. */
export function numberingLevel(n: Numbering): number {
  switch (n.kind) {
    case "article":
    case "roman":
      return 1;
    case "arabic":
      return 1 + n.numbering.replace(/\.$/, "").split(".").length;
    case "letter":
      return 5;
    case "paren":
      return 6;
  }
}

const letters = (s: string) => s.replace(/\P{L}+/gu, "");
export const isUpperCase = (s: string) => {
  const l = letters(s);
  return l.length >= 3 && l === l.toLocaleUpperCase("vi") && l !== l.toLocaleLowerCase("vi");
};

const SENTENCE_END = /[.;:!?…]["”)]*$/u;

/** Signing authority prefixes: ký thay, thay mặt, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITY = /^(KT\.|K\/T|T\/M|TM\.|TL\.|TUQ\.|Q\.)\s*/iu;
const POSITION_WORDS =
  /^(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|TRƯỞNG PHÒNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG|THỦ TRƯỞNG|TỔNG BÍ THƯ|THỦ TƯỚNG|BỘ TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|ỦY VIÊN|UỶ VIÊN)(?=\s|$)/u;
const PERSON_NAME = /^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;

function isSignatureStart(text: string): boolean {
  const first = text.split("\n")[0].trim();
  if (AUTHORITY.test(first) && isUpperCase(first)) return true;
  return isUpperCase(first) && POSITION_WORDS.test(first.replace(AUTHORITY, "").trim()) && first.length < 80;
}

function toSignature(lines: string[], name: string | null, page: number): DraftBlock {
  const all = lines.map((l) => l.trim()).filter(Boolean);
  let authority: string | null = null;
  let rest = all;
  if (all[0] && AUTHORITY.test(all[0]) && all.length > 1) {
    authority = all[0];
    rest = all.slice(1);
  } else if (all[0] && AUTHORITY.test(all[0])) {
    authority = all[0];
    rest = [];
  }
  const position = rest.length ? rest.join(" ") : null;
  return {
    type: "signature",
    page,
    authority,
    position,
    name,
    text: [...all, ...(name ? [name] : [])].join("\n"),
  };
}

/**
 * Finds the signature: an upper-case authority/position block followed by a
 * person's name, before any annex. Everything else passes through.
 */
function detectSignatures(blocks: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if ((b.type === "paragraph" || b.type === "heading") && isSignatureStart(b.text)) {
      const lines = b.text.split("\n");
      let j = i + 1;
      // "PHÓ BÍ THƯ THƯỜNG TRỰC / kiêm / PHÓ TRƯỞNG BAN" may span several paragraphs.
      while (
        j < blocks.length &&
        (blocks[j].type === "paragraph" || blocks[j].type === "heading") &&
        lines.length < 6 &&
        (isUpperCase((blocks[j] as { text: string }).text) || /^(kiêm|và)$/iu.test((blocks[j] as { text: string }).text.trim())) &&
        !PERSON_NAME.test((blocks[j] as { text: string }).text.trim())
      ) {
        lines.push(...(blocks[j] as { text: string }).text.split("\n"));
        j++;
      }
      // The name may share the block ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A").
      const lastLine = lines[lines.length - 1].trim();
      if (lines.length > 1 && PERSON_NAME.test(lastLine) && !isUpperCase(lastLine)) {
        out.push(toSignature(lines.slice(0, -1), lastLine, b.page));
        i = j - 1;
        continue;
      }
      const next = blocks[j];
      const nextText = next && (next.type === "paragraph" || next.type === "heading") ? next.text.trim() : "";
      if (nextText && PERSON_NAME.test(nextText) && !isUpperCase(nextText)) {
        out.push(toSignature(lines, nextText, b.page));
        i = j;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * A paragraph that stops mid-sentence and a following paragraph that starts in lower
 * case are one paragraph cut by a page break (footnotes printed between them stay
 * where they are).
 */
function joinSplitParagraphs(blocks: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const b of blocks) {
    // "a) …" starts a numbered item even though "a" is lower case.
    if (b.type === "paragraph" && /^(?:[-–]\s*)?\p{Ll}/u.test(b.text) && !readNumbering(b.text)) {
      let k = out.length - 1;
      while (k >= 0 && out[k].type === "footnote") k--;
      const prev = out[k];
      // A heading ("5.1.1. Về hạ tầng số") ends without a full stop but is complete.
      const prevIsHeading = prev?.type === "paragraph" && classifyHeading(prev.text, prev.bold ?? false, false).heading;
      if (prev && (prev.type === "paragraph" || prev.type === "list-item") && !SENTENCE_END.test(prev.text) && !isUpperCase(prev.text) && !prevIsHeading) {
        prev.text = `${prev.text} ${b.text}`;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/** A footnote whose body is a list ("¹ - Kế hoạch …") continues with the list items after it. */
function absorbFootnoteLists(blocks: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.type === "list-item" && prev?.type === "footnote" && /^[-–•]\s/u.test(prev.text)) {
      prev.text += `\n${b.marker} ${b.text}`;
      continue;
    }
    out.push(b);
  }
  return out;
}

/**
 * Header and footer layout tables (issuer | motto, "Nơi nhận" | signature, a lone
 * signature cell beside an empty one) are not data: their cells become paragraphs,
 * column by column, and the signature stage reads them like any other.
 */
function unwrapLayoutTables(blocks: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const b of blocks) {
    if (b.type === "table" && b.rows.length <= 4 && b.rows.every((r) => r.cells.length <= 3)) {
      const all = b.rows.flatMap((r) => r.cells.map((c) => c.text)).join("\n");
      // A signature, or a specimen of one in a style guide ("NGƯỜI GHI BIÊN BẢN / (chữ ký) / Họ và tên").
      const signed = b.rows.some((r) => r.cells.some((c) => isSignatureStart(c.text) || /^\((?:chữ ký|ký)/imu.test(c.text)));
      if (signed || /CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Nơi nhận|^Số:/mu.test(all)) {
        const columns = maxOf(b.rows, (r) => r.cells.length);
        for (let c = 0; c < columns; c++)
          for (const r of b.rows) {
            const cell = r.cells[c];
            if (!cell || cell.spanned || !cell.text.trim()) continue;
            // A cell's paragraphs are separated by single line breaks (DOCX/HTML); each line is its own paragraph.
            for (const para of cell.text.split(/\n+/))
              if (para.trim()) out.push({ type: "paragraph", text: para.trim(), page: r.page, bold: cell.bold });
          }
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

export function structureBlocks(blocks: DraftBlock[]): DraftBlock[] {
  return detectSignatures(absorbFootnoteLists(joinSplitParagraphs(unwrapLayoutTables(blocks))));
}

/** Heading or paragraph, decided at layout time for every paragraph-like block. */
export function classifyHeading(
  text: string,
  bold: boolean,
  markedHeading: boolean,
): { heading: boolean; numbering: string | null; level: number } {
  const n = readNumbering(text);
  const short = text.length <= 200 && !text.includes("\n\n");
  const sentence = SENTENCE_END.test(text.trim());
  let heading = markedHeading;
  if (!heading && short) {
    if (n && n.kind === "roman") heading = true;
    else if (n && !sentence && text.length <= 160) heading = true;
    else if ((bold || isUpperCase(text)) && !sentence && text.length <= 160) heading = true;
  }
  // A numbered sentence of directives is a paragraph even when bold ("3. Thủ trưởng … ."), unless Markdown says heading.
  if (heading && !markedHeading && n && sentence && text.length > 120) heading = false;
  const level = n ? numberingLevel(n) : 1;
  return { heading, numbering: n?.numbering ?? null, level };
}
