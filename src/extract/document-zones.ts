/**
 * Where in a document time limits and figures can be read, shared by the deadline
 * and metric extractors and the consistency checks.
 *
 * Vietnamese administrative documents have fixed parts that state no limit or goal of
 * their own: the header (issuer, number, place and date, title word and trích yếu),
 * the signature, the recipients list ("Nơi nhận:"), footnotes (citation lists),
 * annex titles and their "(Kèm theo …)" notes, the closing formula ("Trên đây là …",
 * which repeats the title), citations of other documents with their descriptions,
 * and sentences that state the basis ("Thực hiện Công văn số … về việc …").
 *
 * The document's kind and date come from the metadata extractor when it has found
 * them, else from the header here, so that results do not depend on which extractor
 * ran first: the kind word printed as the title ("KẾ HOẠCH", "BÁO CÁO"), the
 * "<place>, ngày … tháng … năm YYYY" line, else the "(Kèm theo <kind> số …, ngày …)"
 * note of an annex.
 *
 * Also here: section classes from headings (results or looking ahead), table column
 * layouts, and a per-document word index (where numbers and the words extractors
 * start their patterns with occur) so that extractors skip stretches without them.
 * Everything is computed once per document and cached on the context.
 */
export { anyOf, phrase, WB, WE } from "./registries/phrase-pattern.js";
export { leadText, opensWith } from "./document-zones/openers.js";
export { documentFacts, FIXED, type DocClass, type DocFacts } from "./document-zones/facts.js";
export { foreignRanges, inRanges, sentences } from "./document-zones/citation-masks.js";
export { cellColumns, tableLayout, type TableLayout } from "./document-zones/table-layout.js";
export { DIGITS, indexText, indexWords, wordIndex, type WordIndex } from "./document-zones/word-index.js";
export { documentZones, inZones, type DocumentZones } from "./document-zones/layout-zones.js";
