/** One mention of another document: its kind word, code, date and issuer, read where a code is written. */
import type { DocKind, Relation } from "../../../schemas/extraction.js";
import type { ExtractContext } from "../context.js";
import { CODE_PATTERN, canonicalCode, type ParsedCode } from "../registries/document-codes.js";
import { GENERIC_WORD_PATTERN, KIND_QUALIFIER_PATTERN, KIND_WORD_PATTERN, kindFromWord } from "../registries/document-types.js";
import { readAgencyName } from "../registries/agencies.js";
import { BASIS_HEADINGS, RELATION_CUES } from "../registries/relations.js";
import { LONG_DATE, NUMERIC_DATE, iso } from "../vietnamese-dates.js";
import { anyOf, LETTER_AFTER_NOT as NOT_WORD_AFTER, LETTER_BEFORE_NOT as NOT_WORD_BEFORE, lowerPhrase } from "../registries/phrase-pattern.js";
import { resolveAlias } from "./relations.js";

export type Mention = {
  code: string;
  parsed: ParsedCode;
  start: number;
  end: number;
  kindWord: DocKind | null;
  date: string | null;
  issuer: string | null;
  /** The issuer came from this mention's own "của …". */
  ownIssuer: boolean;
  /** Written with "số" ("Nghị quyết số 57-NQ/TW"), the full citation form. */
  numberWord: boolean;
  relation: Relation;
  depth: number;
  /** Nothing but a date and issuer follows the code before the next citation. */
  bare: boolean;
  /** Citations of one sentence, line or cell share a group. */
  group: number;
  /** "X đã ban hành …" before the group: the body that issued its citations. */
  subject: string | null;
  implements: string[];
};


export const CODE_RE = new RegExp(CODE_PATTERN, "gu");
export const NUMBER_WORD = `số(?:\\s+hiệu)?\\s*[:.]?\\s*`;
/** Kind words anywhere in the short window before a code; the last one is checked against what follows it. */
export const KIND_IN_WINDOW = new RegExp(`${NOT_WORD_BEFORE}(?:${KIND_WORD_PATTERN}|${GENERIC_WORD_PATTERN})${NOT_WORD_AFTER}`, "giu");
/** What may stand between the kind word and the code: "hành động số ", "số: ", nothing. */
export const KIND_TO_CODE = new RegExp(`^(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?\\s*(?:${NUMBER_WORD})?$`, "iu");
/** A kind word that only qualifies the one before it ("Thông báo kết luận"). */
export const QUALIFIER_ONLY = new RegExp(`^(?:${KIND_QUALIFIER_PATTERN})$`, "iu");
/** … or a name: "Luật Khoa học, công nghệ và đổi mới sáng tạo số ". */
export const NAME_TO_CODE = new RegExp(`^\\s+\\p{Lu}[^;.\\n\\t]{0,100}?\\s${NUMBER_WORD}$`, "u");
export const NUMBER_WORD_BEFORE = new RegExp(`${NOT_WORD_BEFORE}${NUMBER_WORD}$`, "iu");
/** Kind word, qualifier and "số" fit in this many characters before a code; a named law needs more. */
export const LOOKBACK = 48;
export const NAMED_LOOKBACK = 160;
/** How far back a citation's leading words are read when no sentence boundary comes first. */
export const MAX_LEAD = 300;

/** ", ngày 22/12/2024", " ngày 22 tháng 12 năm 2024", " ban hành ngày …"; "ngày" may end a block cut by a page break. */
export const TAIL_DATE = new RegExp(`[ ]*,?[ ]*\\(?[ ]*(?:ban hành[ ]+)?ngày\\s*(?:${NUMERIC_DATE}|${LONG_DATE})`, "iuy");
/** ", 22/12/2024" without "ngày": only the numeric form, which cannot be anything else. */
export const TAIL_BARE_DATE = new RegExp(`[ ]*,?[ ]*${NUMERIC_DATE}`, "uy");
export const TAIL_OF = /[ ]*,?[ ]*của\s+/iuy;
/** Between two citations: only punctuation and a conjunction, so the second is a sibling. */
export const SIBLING_GAP = /^[\s,]*(?:(?:và|hoặc|cùng|cũng như)(?![\p{L}\p{M}])[\s,]*)?(?:các\s+)?$/iu;
export const CONJUNCTION_START = /^[\s,]*(?:và|hoặc|cùng|cũng như)(?![\p{L}\p{M}])/iu;
/**
 * A new sentence, block, list item or cell: citations on either side are not related.
 * A lone line break inside a block is a wrapped line, not a boundary.
 */
export const BOUNDARY = /\t|\n(?=[ ]*(?:[-+•*–]|\d{1,2}[.)])\s)|\n[ ]*\n|[.!?](?=\s+["“(]?\p{Lu})/gu;
/** Cue phrases start a syllable wherever they occur (syllables are blank-separated), so no lookbehind is needed. */
export const CUE_RE = new RegExp(
  RELATION_CUES.map(({ relation, cues }) => `(?<${relation.replace("-", "_")}>(?:${anyOf(cues, lowerPhrase)})${NOT_WORD_AFTER})`).join("|"),
  "giu",
);
export const ISSUING_VERB_BEFORE = /(?:ban hành|phê duyệt)\s+(?:các\s+)?$/iu;
export const ISSUED_BY_SUBJECT = /^\s*(?:đã|vừa)?\s*(?:ban hành|xây dựng và ban hành|phê duyệt)\s+(?:các\s+)?$/iu;
export const CLAUSE_END = /[;\n\t]|\.(?=\s|$)/u;
export const BASIS_HEADING = new RegExp(`^(?:[\\dIVXLC]+[.)]\\s*)*(?:${anyOf(BASIS_HEADINGS, lowerPhrase)})${NOT_WORD_AFTER}`, "iu");

export const codeKey = (code: string) => canonicalCode(code).toUpperCase();

/** The kind word (and "số") written right before a code, if any. */
export function kindBefore(folded: string, codeStart: number): { start: number; kind: DocKind | null; numberWord: boolean } | null {
  const from = Math.max(0, codeStart - LOOKBACK);
  const near = folded.slice(from, codeStart);
  const n = NUMBER_WORD_BEFORE.exec(near);
  const direct = lastKindWord(near);
  if (direct && KIND_TO_CODE.test(near.slice(direct.end)))
    return { start: from + direct.start, kind: kindFromWord(direct.word), numberWord: n !== null };
  if (n) {
    // "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15": the kind word is further back.
    const wideFrom = Math.max(0, codeStart - NAMED_LOOKBACK);
    const wide = folded.slice(wideFrom, codeStart);
    const named = lastKindWord(wide);
    if (named && NAME_TO_CODE.test(wide.slice(named.end)))
      return { start: wideFrom + named.start, kind: kindFromWord(named.word), numberWord: true };
    return { start: from + n.index, kind: null, numberWord: true };
  }
  return null;
}

export type KindWordAt = { start: number; end: number; word: string };

/**
 * The last kind word in a window. A kind word that only qualifies the one right before
 * it ("Thông báo kết luận", "Kế hoạch hành động") leaves the kind to that earlier word.
 */
export function lastKindWord(window: string): KindWordAt | null {
  let last: KindWordAt | null = null;
  let before: KindWordAt | null = null;
  KIND_IN_WINDOW.lastIndex = 0;
  for (let m = KIND_IN_WINDOW.exec(window); m; m = KIND_IN_WINDOW.exec(window)) {
    before = last;
    last = { start: m.index, end: m.index + m[0].length, word: m[0] };
  }
  if (last && before && QUALIFIER_ONLY.test(last.word) && /^\s+$/u.test(window.slice(before.end, last.start)))
    return { start: before.start, end: last.end, word: before.word };
  return last;
}

/** The date and issuer after a code, in either order: ", ngày 22/12/2024 của Bộ Chính trị". */
export function readMention(
  ctx: ExtractContext,
  parsed: ParsedCode,
  start: number,
  codeEnd: number,
  kindWord: DocKind | null,
  aliases: Map<string, string>,
): Mention {
  const { folded, doc } = ctx;
  let end = codeEnd;
  let date: string | null = null;
  let issuer: string | null = null;
  for (let step = 0; step < 2; step++) {
    if (!date) {
      const d = stickyAt(TAIL_DATE, folded, end) ?? stickyAt(TAIL_BARE_DATE, folded, end);
      if (d) {
        date = dateOf(d);
        end = d.index + d[0].length;
        continue;
      }
    }
    if (!issuer) {
      TAIL_OF.lastIndex = end;
      const of = TAIL_OF.exec(folded);
      const name = of ? readAgencyName(folded, of.index + of[0].length, clauseLimit(folded, of.index + of[0].length)) : null;
      if (name) {
        issuer = resolveAlias(doc.text.slice(name.start, name.end), folded.slice(name.start, name.end), aliases);
        end = name.end;
        continue;
      }
    }
    break;
  }
  return {
    code: parsed.code, parsed, start, end, kindWord, date, issuer, ownIssuer: issuer !== null,
    numberWord: false, relation: "cites", depth: 0, bare: true, group: 0, subject: null, implements: [],
  };
}

export function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Groups 1–3: day, month, year of a numeric date; 4–6: of a long one (day may be blank). */
export function dateOf(m: RegExpExecArray): string | null {
  const [, d1, m1, y1, d2, m2, y2] = m;
  if (y1) return iso({ day: Number(d1), month: Number(m1), year: Number(y1) });
  return y2 ? iso({ day: d2 ? Number(d2) : undefined, month: Number(m2), year: Number(y2) }) : null;
}

/** An issuer's name never runs past its line or cell. */
export function clauseLimit(folded: string, from: number): number {
  const stop = folded.slice(from, from + 300).search(/[\n\t]/u);
  return stop < 0 ? Math.min(folded.length, from + 300) : from + stop;
}
