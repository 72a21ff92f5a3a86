/** Line shapes the metadata readers share (on folded text): title words, "Số:" lines, header dates, motto, decoration. */
import type { Span } from "../../../schemas/document.js";
import type { DocumentMeta } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";
import { AGENCY_HEADS } from "../registries/agencies.js";
import { SYMBOL_PATTERN } from "../registries/document-codes.js";
import { GENERIC_WORD_PATTERN, KIND_QUALIFIER_PATTERN, KIND_WORD_PATTERN } from "../registries/document-types.js";
import { anyOf, LETTER_AFTER_NOT as NOT_WORD_AFTER, lowerPhrase } from "../registries/phrase-pattern.js";

export type Found<T> = { value: T; span: Span };
export type Provenance = NonNullable<DocumentMeta["provenance"]>;

export const lower = (s: string) => foldForMatch(s).toLowerCase();

export const TITLE_WORD = new RegExp(`^(?:${KIND_WORD_PATTERN})(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?${NOT_WORD_AFTER}`, "iu");
export const SUBJECT_LINE = /^V\/v\.?\s*/iu;
/** "Số:" then a number that may be blank (spaces, dots, an ellipsis), then the symbol. Symbols are capitals: no `i`. */
export const NUMBER_LINE = new RegExp(`^(?:Số|SỐ|số)\\s*[:.]?\\s*(\\d{1,5})?[\\s._…]*(?:([-/])\\s*)?(${SYMBOL_PATTERN})`, "u");
export const LONG_HEADER_DATE = /ngày\s*(\d{1,2})?[\s._…]*tháng\s*(\d{1,2})?[\s._…]*năm\s*(\d{4})/iu;
export const NUMERIC_HEADER_DATE = /ngày\s*(\d{1,2})?\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
export const PLACE_BEFORE_DATE = /^([\p{Lu}][^\d,;:()]{1,40}?)\s*,\s*ngày/u;
export const MOTTO = /^(?:cộng hòa xã hội chủ nghĩa việt nam|độc lập\s*-\s*tự do\s*-\s*hạnh phúc|đảng cộng sản việt nam)/iu;
export const DECORATION = /^[\s*_\-=.·~]*$/u;
/** Urgency, secrecy and draft marks printed in capitals in the header: not an agency. */
export const HEADER_MARK = /^(?:hỏa tốc|thượng khẩn|khẩn|tối mật|tuyệt mật|mật|dự thảo|bản chính|bản sao)[\s:.]*(?:\d+)?$/iu;
export const BODY_OPENING = /^(?:căn cứ|kính gửi|thực hiện|ngày\s+\d|để|nhằm|sau khi|[IVXLC]+\.\s)/iu;
export const SENTENCE_END = /[.:;!?]["”)]*$/u;
export const AGENCY_LINE_HEAD = new RegExp(`^(?:${anyOf(AGENCY_HEADS, lowerPhrase)})${NOT_WORD_AFTER}`, "iu");
export const ANNEX_OPEN = /\(\s*(?:ban hành\s+)?kèm theo\s+/giu;
export const ANNEX_KIND = new RegExp(`(${KIND_WORD_PATTERN}|${GENERIC_WORD_PATTERN})(?:\\s+(?:${KIND_QUALIFIER_PATTERN}))?\\s*(?:số\\s*[:.]?\\s*)?`, "iuy");
export const ANNEX_CODE = new RegExp(`(\\d{1,5})?[\\s._…]*(?:([-/])\\s*)?(${SYMBOL_PATTERN})`, "uy");
export const ANNEX_DATE = /[\s,]*ngày\s*(\d{1,2})?\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|[\s._…]*tháng\s*(\d{1,2})?[\s._…]*năm\s*(\d{4}))/iuy;
export const ANNEX_OF = /[\s,]*của\s+/iuy;
export const CLOSING = /^trên đây là/iu;
export const OPENING_VERB = /^\s*(?:\([^)]{0,80}\)\s*)?(?:đã\s+|xin\s+)?(?:ban hành|báo cáo|xây dựng|thông báo|tổ chức|kết luận|hướng dẫn|triển khai|quyết định|đề nghị)(?![\p{L}\p{M}])/iu;
export const TITLE_FUNCTION_WORDS = new Set(["tại", "về", "của", "trên", "trong", "năm", "đến", "giai", "nhằm", "theo", "và", "thực", "triển", "đối", "cho"]);
