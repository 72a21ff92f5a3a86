/**
 * Deadlines: when something must be done, or runs (contract, "Deadlines").
 *
 * Sources: every cell under a time column of a table ("Thời gian thực hiện", "Hạn
 * hoàn thành", "Thời gian giao theo kế hoạch" — see registries/columns.ts), read as a
 * whole deadline cell; and time limits in the prose of the body (paragraphs, list
 * items, headings, and the other cells of rows that have no time cell).
 *
 * Shapes accepted (matched on folded text, case-insensitive; phrases live in
 * registries/deadline-phrases.ts):
 *   date        "12/7/2026" "12-7-2026" "12.7.2026" "ngày 12 tháng 7 năm 2026" "ngày 15/4" (year from the document)
 *   by          "trước ngày 30/4/2026" "hoàn thành trước ngày 15/4/2026" "trước 30/9/2026" "chậm nhất ngày 15/5"
 *               "chậm nhất là ngày …" "trước 17 giờ ngày 20/4/2026" "hạn chót …" "không muộn hơn …"
 *               "trước tháng 6/2026" (→ 05-31) "đến hết quý III/2026" "cuối năm 2026"
 *   from        "từ ngày 10/4/2026" "bắt đầu từ ngày 10/4/2026" "kể từ tháng 5/2026"
 *               "từ ngày 01/6 đến ngày 30/6/2026" (start and end) "từ tháng 4 đến tháng 6/2026"
 *   month       "Tháng 4/2026" "Tháng 01/2026" "tháng 4 năm 2026" "trong tháng 6" "tháng 4-5/2026" "9 tháng đầu năm 2026"
 *   quarter     "Quý II/2026" "Quý II năm 2026" "quý 2/2026" "quý III, quý IV năm 2026" (one per quarter) "quý II - III/2026"
 *   half-year   "6 tháng đầu năm 2026" "06 tháng cuối năm" "nửa cuối năm 2026" "6 tháng năm 2026"
 *   year        "trong năm 2026" "Năm 2026" "2026" (time cell) "giai đoạn 2026 - 2030" (with a cue)
 *   recurring   "thường xuyên" "Thực hiện thường xuyên" "định kỳ" "hằng năm" "hàng tháng, quý, năm" "mỗi quý"
 *               "Tháng 6 hằng năm" "06 tháng/lần" "02 lần/năm"
 *               "Quý, 6 tháng, 9 tháng, năm" "đánh giá kết quả 6 tháng, 01 năm" "trước ngày 20 hằng tháng"
 *               "Sơ kết, tổng kết" (time cell)
 *   on-request  "khi có yêu cầu" "Đột xuất khi có yêu cầu" "Báo cáo khi có văn bản yêu cầu của …" "đột xuất"
 *               "khi cần thiết" "theo yêu cầu" (time cell)
 *   relative    "ngay sau khi kết thúc …" "sớm hơn ít nhất 01 quý so với kế hoạch" "trong vòng 05 ngày làm việc kể từ …"
 *               "Sau khi được phê duyệt" "Theo kế hoạch" (time cell)
 * A year left out is taken from a later period of the same list ("tháng 6 và 6 tháng
 * cuối năm 2026"), else from the document's date.
 *
 * In prose a date or period is a limit only after a cue ("trước", "đến hết", "từ",
 * "trong", "vào", "ngay trong", "trọng tâm", "thực hiện"), or when it continues a
 * list that had one. Not deadlines: the header and title, signature, recipients,
 * footnotes, annex titles and notes (document-zones.ts); dates and descriptions of
 * cited documents ("Kế hoạch số 41-KH/ĐU ngày 16/01/2026 …") and whole basis
 * sentences ("Thực hiện Công văn số … về việc báo cáo … 6 tháng đầu năm 2026");
 * repetitions of the title and the closing formula; horizons ("tầm nhìn đến năm
 * 2045", "đến năm 2030"); periods that selected work by its planned time ("Đối với
 * các nhiệm vụ … hoàn thành trong quý III"); periods that ended before the document's
 * date (events and history: "sơ kết công tác quý I"); in a report, a period the
 * report's date falls in or follows ("kết quả thực hiện 6 tháng đầu năm 2026",
 * "Số liệu từ ngày 01/01/2026 đến ngày 14/5/2026", "từ … đến nay"), unless the clause
 * looks ahead ("nhiệm vụ, giải pháp trọng tâm …"); repetition words that are negated
 * ("chưa được thực hiện thường xuyên") or sit in a statement of problems.
 *
 * One time cell can hold several limits ("Hoàn thành trước ngày 30/5/2026.⏎Thường
 * xuyên duy trì, nâng cấp"): it is split at line breaks, ";" and sentence ends, and
 * each piece gives its limits; a piece with one limit gives it the piece's whole text.
 * A row whose time cell is filled takes its limits from that cell only, so that the
 * task's first dated deadline is its own limit rather than a period its content
 * mentions.
 */
import type { TableBlock } from "../../schemas/document.js";
import type { Deadline, DeadlineKind } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import {
  cellColumns, DIGITS, documentFacts, foreignRanges, indexWords, inRanges, tableLayout, wordIndex, type DocFacts,
  type WordIndex,
} from "./document-zones.js";
import { foldForMatch } from "../normalise/fold.js";
import * as P from "./registries/deadline-phrases.js";
import { anyOf, WB, WE } from "./registries/phrase-pattern.js";
import {
  dayBefore, halfPeriod, iso, monthsPeriod, quarterNumber, quarterPeriod, yearsPeriod, type Period,
} from "./vietnamese-dates.js";
import { NUMBER_WORDS } from "./vietnamese-numbers.js";

type Mode = "prose" | "cell";

/** A date, period or phrase found in a stretch of text; offsets relative to the stretch. */
type Atom = {
  s: number;
  e: number;
  kind: DeadlineKind;
  /** Period atoms: the days the printed date/period covers, given a year. */
  make?: (year: number) => Period | null;
  /** The year as printed, null when left out. */
  year: number | null;
  /** "đầu năm": only the start of a run; "cuối năm": a limit at the end. */
  edge?: "start" | "end";
};

// ---------- patterns (compiled once) ----------

const QN = String.raw`(?:IV|I{1,3}|[1-4])`;
const YEAR_TAIL = String.raw`(?:\s*(?:[/-]|năm)\s*(\d{4})(?![\p{N}]))?`;
const re = (src: string, flags = "giu") => new RegExp(src, flags);

const LONG_DATE = re(String.raw`${WB}(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})(?![\p{N}])`);
const NUM_DATE = re(String.raw`(?<![\p{N}/.,-])(\d{1,2})\s*(?<sep>[/.-])\s*(\d{1,2})\s*\k<sep>\s*(\d{4})(?![\p{N}]|\s*[/.-]\s*\d)`);
const DM_DATE = re(String.raw`(?<![\p{N}/.,])(\d{1,2})\s*\/\s*(\d{1,2})(?![\p{N}]|\s*\/\s*\d|[.,]\d)`);
// Tried at the number; the "tháng"/"năm" before it (MONTH_WORD, YEAR_WORD) starts the atom.
const MONTH_BEFORE = String.raw`(?<=${WB}tháng\s*)`;
const MONTH_RANGE = re(String.raw`${MONTH_BEFORE}(\d{1,2})\s*-\s*(?:tháng\s*)?(\d{1,2})${YEAR_TAIL}(?![\p{N}]|\s*\/\s*\d)`);
/** "tháng 4/2026", "tháng 6", and lists sharing one year: "các tháng 5, 6/2026", "tháng 5 và tháng 6 năm 2026". */
const MONTHS = re(String.raw`${MONTH_BEFORE}\d{1,2}(?![\p{N}])(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2}(?![\p{N}]|\s*\/\s*\d{1,2}(?!\d)))*${YEAR_TAIL}(?![\p{N}]|\s*\/\s*\d)`);
const MONTH_ITEM = re(String.raw`(?:tháng\s*)?(\d{1,2})(?![\p{N}])`);
const QUARTERS = re(
  String.raw`${WB}quý\s*${QN}${WE}(?:\s*(?:,|và|hoặc|-)\s*(?:quý\s*)?${QN}${WE})*${YEAR_TAIL}`,
);
const QUARTER_ITEM = re(String.raw`${WB}(?:quý\s*)?(${QN})${WE}`);
const HALF = re(String.raw`${WB}(?:(?:0?6|sáu)\s*tháng|nửa)\s*(đầu|cuối)\s*năm(?:\s*(\d{4}))?(?![\p{N}])`);
const HALF_OF_YEAR = re(String.raw`${WB}(?:0?6|sáu)\s*tháng\s*năm\s*(\d{4})(?![\p{N}])`);
const NINE = re(String.raw`${WB}(?:0?9|chín)\s*tháng\s*(?:đầu\s*)?năm(?:\s*(\d{4}))?(?![\p{N}])`);
const YEAR_RANGE = re(String.raw`(?<=${WB}(giai\s*đoạn|năm)\s*)(\d{4})\s*(?:-|đến)\s*(?:năm\s*)?(\d{4})(?![\p{N}])`);
const YEAR = re(String.raw`(?<=${WB}năm\s*)(\d{4})(?![\p{N}]|\s*-\s*\d{4})`);
const MONTH_WORD = /tháng\s*$/iu;
const YEAR_WORD = /(?:giai\s*đoạn|năm)\s*$/iu;
const BARE_YEAR = re(String.raw`(?<![\p{L}\p{N}/.,-])((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?(?![\p{N}/]|\s*[-/.]\s*\d)`);
const START_WORD = re(String.raw`^(?:${anyOf(P.START_OF_PERIOD)})$`, "iu");
/** "cuối năm 2026", "hết quý II", "đầu tháng 6" ("đầu" only after "từ": the start of a run). */
const EDGE = re(String.raw`${WB}(?:từ\s*)?(${anyOf([...P.START_OF_PERIOD, ...P.END_OF_PERIOD])})\s*(?:năm(?:\s*(\d{4})(?![\p{N}]))?|quý\s*(${QN})${WE}${YEAR_TAIL}|tháng\s*(\d{1,2})(?![\p{N}])${YEAR_TAIL})`);

const PERIOD_WORD = String.raw`(?:${anyOf(P.PERIOD_WORDS)})(?!\s*\d)${WE}`;
const JOIN = String.raw`\s*(?:${anyOf(P.LIST_JOINERS)})\s*`;
const EVERY = re(
  String.raw`${WB}(?<!(?:${anyOf(P.HANG_NOUNS)})\s)(?:${anyOf(P.EVERY_WORDS)})\s*${PERIOD_WORD}(?:${JOIN}${PERIOD_WORD})*`,
);
/** "trước ngày 15 của tháng cuối quý", "ngày 20 của mỗi tháng" ("ngày 20 hằng tháng" is EVERY's). */
const RECUR_DAY = re(String.raw`(?<=ngày\s*)\d{1,2}\s*của\s*(?:mỗi|tháng\s*cuối)\s*(?:tháng|quý|năm)${WE}`);
const FREQUENCY = re(
  String.raw`${WB}(?:\d{1,2}\s*lần\s*\/\s*(?:${anyOf(P.FREQUENCY_UNITS)})|(?:\d{1,2}\s*)?(?:${anyOf(P.FREQUENCY_UNITS)})\s*\/\s*(?:\d\s*)?lần)${WE}`,
);
const ADVERB = re(String.raw`${WB}(?:${anyOf(P.RECURRING_ADVERBS)})${WE}`);
const MANNER_AFTER = re(String.raw`^\s*(?:${anyOf(P.MANNER_VERBS)})${WE}`, "iu");
const SCHED_NAME = String.raw`(?:${anyOf(P.SCHEDULE_PERIOD_NAMES)})(?!\s*(?:\d|${QN}${WE}|đầu|cuối))${WE}`;
const SCHEDULE = re(String.raw`${WB}${SCHED_NAME}(?:\s*(?:,|và)\s*${SCHED_NAME})+`);
const SCHEDULE_CUE = re(String.raw`${WB}(?:${anyOf(P.LIST_SCHEDULE_CUES)})${WE}`, "iu");
const CELL_RECUR = re(String.raw`${WB}(?:${anyOf(P.CELL_RECURRING)})${WE}`);
const ON_REQ = re(String.raw`${WB}(?:${anyOf(P.ON_REQUEST)})${WE}`);
const CELL_ON_REQ = re(String.raw`${WB}(?:${anyOf(P.CELL_ON_REQUEST)})${WE}`);
const RELATIVE_LEAD = re(String.raw`${WB}(?:${anyOf(P.RELATIVE_LEADS)})${WE}[^;.\n]*`);
const AMOUNT = String.raw`(?:\d+|${Object.keys(NUMBER_WORDS).join("|")})`;
const EARLIER = re(
  String.raw`${WB}(?:${anyOf(P.EARLIER_WORDS)})\s*(?:ít nhất|tối thiểu)?\s*${AMOUNT}\s*(?:${anyOf(P.AMOUNT_UNITS)})\s*so với[^;,.()\n]*`,
);
/** Tried at the amount; the cue before it is found by AMOUNT_CUE_BEFORE. */
const WITHIN_AMOUNT = re(
  String.raw`(?<=(?:${anyOf(P.WITHIN_AMOUNT_CUES)})\s*)${AMOUNT}\s*(?:${anyOf(P.AMOUNT_UNITS)})\s*(?:${anyOf(P.AMOUNT_ANCHORS)})${WE}[^;.\n]*`,
);
const AMOUNT_CUE_BEFORE = re(String.raw`${WB}(?:${anyOf(P.WITHIN_AMOUNT_CUES)})\s*$`, "iu");
const EARLIER_VERB_BEFORE = re(String.raw`${WB}hoàn\s*thành\s*$`, "iu");
const CELL_RELATIVE = re(String.raw`^\s*(?:${anyOf(P.CELL_RELATIVE)})${WE}`, "iu");

const TIME = String.raw`(?:(?:lúc\s*)?\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút|p|')?)?\s*,?\s*)?`;
const LEAD = String.raw`(?:(?:${anyOf(P.LEAD_VERBS)})\s+)?`;
const CUE_BY = re(
  String.raw`${WB}(?:${LEAD}(?:${anyOf(P.BY_CUES)})|(?:${anyOf(P.BY_LABELS)})(?:\s+[^\s:;,.]+){0,6}\s*:)\s*:?\s*${TIME}(?:ngày\s*)?$`,
  "iu",
);
const CUE_FROM = re(String.raw`${WB}${LEAD}(?:${anyOf(P.FROM_CUES)})\s*${TIME}(?:ngày\s*)?$`, "iu");
const CUE_UNTIL = re(String.raw`${WB}(?:${anyOf(P.UNTIL_CUES)})\s*(?:ngày\s*)?$`, "iu");
const CUE_WITHIN = re(
  String.raw`${WB}(?:(?:${anyOf(P.TIME_LABELS)})(?:\s+[^\s:;,.]+){0,6}\s*:|${anyOf(P.WITHIN_CUES)})\s*${TIME}(?:ngày\s*)?$`,
  "iu",
);
const RANGE_GAP = re(String.raw`^\s*(?:-|đến|tới|cho đến)\s*(?:hết\s*)?(?:ngày\s*)?$`, "iu");
const UNTIL_NOW = re(String.raw`^\s*(?:-|đến|tới|cho đến)\s*(?:nay|hiện nay|thời điểm)${WE}`, "iu");
const JOINER_GAP = re(String.raw`^\s*(?:,|;|và|hoặc)?\s*$`, "iu");
const NEGATION = re(String.raw`${WB}(?:${anyOf(P.NEGATIONS)})${WE}`, "iu");
const FORWARD = re(String.raw`${WB}(?:${anyOf(P.FORWARD_CUES)})${WE}`, "iu");
const QUALIFIER = re(String.raw`${WB}(?:${anyOf(P.QUALIFIER_OPENERS)})${WE}`);
const ATTRIBUTE = re(String.raw`^(?:${anyOf(P.EVERY_WORDS)})\s*(?:${anyOf(P.ATTRIBUTE_PERIODS)})$`, "iu");
const SCHEDULE_VERB = re(String.raw`(?:^|${WB}(?:${anyOf(P.SCHEDULE_VERBS)}))\s*$`, "iu");
const HORIZON = re(String.raw`${WB}tầm\s*nhìn\s*$`, "iu");
const PERIOD_START = re(String.raw`^\s*(?:quý|tháng|năm|ngày|\d|6 tháng|nửa)`, "iu");

// ---------- atoms ----------

function period(kind: DeadlineKind, s: number, e: number, year: number | null, make: (y: number) => Period | null, extra: Partial<Atom> = {}): Atom {
  return { s, e, kind, year, make, ...extra };
}
const numOrNull = (x: string | undefined) => (x ? Number(x) : null);
const dayPeriod = (y: number, m: number, d: number): Period | null => {
  const v = iso({ year: y, month: m, day: d });
  return v && v.length === 10 ? { start: v, end: v } : null;
};

const at = (m: RegExpExecArray) => [m.index, m.index + m[0].length] as const;
const simple = (kind: DeadlineKind) => (m: RegExpExecArray, f: string, out: Atom[]) => {
  const [s, e] = at(m);
  out.push({ s, e: kind === "relative" ? trimEnd(f, s, e) : e, kind, year: null });
};

const DIGIT = DIGITS;
/** The first word of each phrase, lower case ("#" for a number): where a match of the phrase list can start. */
const firstWords = (...lists: (readonly string[])[]) =>
  [...new Set(lists.flat().map((p) => foldForMatch(p).toLowerCase().split(/\s+/u)[0]).map((w) => (/^\d/.test(w) ? DIGIT : w)))].filter(
    (w) => !TOO_COMMON.has(w),
  );
/** The last word of each phrase, lower case. */
const lastWords = (list: readonly string[]) => [...new Set(list.map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).pop()!))];
/** Phrases (their first `words` words) as anchors: rarer than their first word alone ("khi có", "định kỳ"). */
const phrasesAsAnchors = (list: readonly string[], words = 9) =>
  [...new Set(list.map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).slice(0, words).join(" ")))].filter((w) => !TOO_COMMON.has(w.split(" ")[0]));
/**
 * Words too frequent to index: phrases that open with them are still found where a
 * later word starts another pattern ("theo định kỳ" at "định", "cả năm" at "năm").
 */
const TOO_COMMON = new Set(["theo", "một", "cả", "trong", "sau", "không", "chậm", "hoàn"]);

type Pattern = {
  re: RegExp;
  /** Words (lower case, or DIGIT) a match starts with: the pattern is only tried where one occurs. */
  anchors: string[];
  /** Tried at a number only when the next character (after spaces) is one of these (lower case). */
  after?: string;
  /** … and only when the word before the number is one of these (lower case). */
  before?: string[];
  cellOnly?: boolean;
  build: (m: RegExpExecArray, f: string, out: Atom[], cell: boolean) => void;
};

/**
 * Every pattern, the words it starts with, and the atoms a match gives. Patterns are
 * tried only where their first word occurs (document-zones' word index), so text
 * without time words costs one lookup per stretch.
 */
const PATTERNS: Pattern[] = [
  { re: RECUR_DAY, anchors: [DIGIT], after: "c", before: ["ngày"], build: simple("recurring") },
  { re: LONG_DATE, anchors: [DIGIT], after: "t", build: (m, _f, out) => out.push(period("date", ...at(m), +m[3], (y) => dayPeriod(y, +m[2], +m[1]))) },
  { re: NUM_DATE, anchors: [DIGIT], after: "/.-", build: (m, _f, out) => out.push(period("date", ...at(m), +m[4], (y) => dayPeriod(y, +m[3], +m[1]))) },
  { re: DM_DATE, anchors: [DIGIT], after: "/", build: (m, _f, out) => out.push(period("date", ...at(m), null, (y) => dayPeriod(y, +m[2], +m[1]))) },
  { re: HALF, anchors: [DIGIT, "sáu", "nửa"], after: "t", build: (m, _f, out) => out.push(period("half-year", ...at(m), numOrNull(m[2]), (y) => halfPeriod(y, /đầu/iu.test(m[1]) ? 1 : 2))) },
  { re: HALF_OF_YEAR, anchors: [DIGIT, "sáu"], after: "t", build: (m, _f, out) => out.push(period("half-year", ...at(m), +m[1], (y) => halfPeriod(y, 1))) },
  { re: NINE, anchors: [DIGIT, "chín"], after: "t", build: (m, _f, out) => out.push(period("month", ...at(m), numOrNull(m[1]), (y) => monthsPeriod(y, 1, 9))) },
  { re: FREQUENCY, anchors: [DIGIT], after: "lntq", build: simple("recurring") },
  {
    re: MONTH_RANGE,
    anchors: [DIGIT],
    before: ["tháng"],
    build: (m0, f, out) => {
      const m = rebase(m0, f, MONTH_WORD);
      out.push(period("month", ...at(m), numOrNull(m[3]), (y) => monthsPeriod(y, +m[1], +m[2])));
    },
  },
  { re: MONTHS, anchors: [DIGIT], before: ["tháng"], build: (m, f, out) => listItems(rebase(m, f, MONTH_WORD), MONTH_ITEM, out, (k) => Number(k[1]), (n) => (y) => monthsPeriod(y, n), "month") },
  {
    re: QUARTERS,
    anchors: ["quý"],
    build: (m, _f, out) => {
      const items: Atom[] = [];
      listItems(m, QUARTER_ITEM, items, (k) => quarterNumber(k[1]), (q) => (y) => quarterPeriod(y, q), "quarter");
      // "Quý II - III/2026": one run of quarters rather than two.
      const range = QUARTER_RUN.exec(m[0]);
      const q1 = range ? quarterNumber(range[1]) : null;
      const q2 = range ? quarterNumber(range[2]) : null;
      if (range && q1 && q2 && q1 < q2 && items.length === 2) out.push(period("quarter", ...at(m), numOrNull(m[1]), (y) => quarterPeriod(y, q1, q2)));
      else out.push(...items);
    },
  },
  {
    re: YEAR_RANGE,
    anchors: [DIGIT],
    before: ["năm", "đoạn"],
    after: "-đ",
    build: (m0, f, out) => {
      const m = rebase(m0, f, YEAR_WORD);
      out.push(period("year", ...at(m), +m[2], () => yearsPeriod(+m[2], +m[3])));
    },
  },
  { re: YEAR, anchors: [DIGIT], before: ["năm"], build: (m0, f, out) => { const m = rebase(m0, f, YEAR_WORD); out.push(period("year", ...at(m), +m[1], () => yearsPeriod(+m[1]))); } },
  {
    re: EDGE,
    // "đầu" alone is too common ("đầu tư", "người đứng đầu"): a start counts only after "từ".
    anchors: [...P.START_OF_PERIOD.map((w) => `từ ${w}`), ...P.END_OF_PERIOD.flatMap((w) => ["năm", "quý", "tháng"].map((p) => `${w} ${p}`))],
    build: (m, _f, out) => {
      const make = m[3]
        ? (y: number) => quarterPeriod(y, quarterNumber(m[3]) ?? 0)
        : m[5]
          ? (y: number) => monthsPeriod(y, +m[5])
          : (y: number) => yearsPeriod(y);
      const start = START_WORD.test(m[1]);
      out.push(period("by", ...at(m), numOrNull(m[2] ?? m[4] ?? m[6]), make, { edge: start ? "start" : "end" }));
    },
  },
  { re: EVERY, anchors: firstWords(P.EVERY_WORDS), build: simple("recurring") },
  {
    re: ADVERB,
    anchors: phrasesAsAnchors(P.RECURRING_ADVERBS),
    // "thường xuyên phối hợp …", "thường xuyên quan tâm …" say how the work is done, not when it recurs
    // ("thường xuyên rà soát dữ liệu" does recur).
    build: (m, f, out, cell) => {
      if (cell || !MANNER_AFTER.test(f.slice(m.index + m[0].length, m.index + m[0].length + 30))) simple("recurring")(m, f, out);
    },
  },
  {
    re: SCHEDULE,
    // Lists opening with "tháng"/"năm" are found in time cells (below) and after "hằng"/"hàng" (EVERY); in prose
    // those two words are too frequent to try everywhere.
    anchors: firstWords(P.SCHEDULE_PERIOD_NAMES).filter((w) => w !== "tháng" && w !== "năm" && w !== "tuần"),
    after: "tnq",
    // In prose a bare list of period names is a schedule only after a reporting word ("đánh giá kết quả 6 tháng, 01 năm").
    build: (m, f, out, cell) => {
      if (cell || SCHEDULE_CUE.test(f.slice(Math.max(0, m.index - 30), m.index))) simple("recurring")(m, f, out);
    },
  },
  { re: ON_REQ, anchors: phrasesAsAnchors(P.ON_REQUEST, 2), build: simple("on-request") },
  { re: RELATIVE_LEAD, anchors: firstWords(P.RELATIVE_LEADS), build: simple("relative") },
  { re: EARLIER, anchors: firstWords(P.EARLIER_WORDS), build: (m, f, out) => extendBack(m, f, out, EARLIER_VERB_BEFORE) },
  { re: WITHIN_AMOUNT, anchors: [DIGIT], after: "ntqg", before: lastWords(P.WITHIN_AMOUNT_CUES), build: (m, f, out) => extendBack(m, f, out, AMOUNT_CUE_BEFORE) },
  { re: SCHEDULE, anchors: [], cellOnly: true, build: simple("recurring") },
  { re: BARE_YEAR, anchors: [DIGIT], cellOnly: true, build: (m, _f, out) => out.push(period("year", ...at(m), +m[1], () => yearsPeriod(+m[1], m[2] ? +m[2] : +m[1]))) },
  { re: CELL_RECUR, anchors: firstWords(P.CELL_RECURRING), cellOnly: true, build: simple("recurring") },
  { re: CELL_ON_REQ, anchors: firstWords(P.CELL_ON_REQUEST), cellOnly: true, build: simple("on-request") },
];
/** A match tried at a number, moved back to start at the word before it that the pattern's lookbehind required. */
function rebase(m: RegExpExecArray, f: string, word: RegExp): RegExpExecArray {
  const pre = f.slice(Math.max(0, m.index - 16), m.index);
  const w = word.exec(pre);
  if (!w) return m;
  const start = m.index - (pre.length - w.index);
  const r = [f.slice(start, m.index + m[0].length), ...m.slice(1)] as unknown as RegExpExecArray;
  r.index = start;
  r.input = f;
  return r;
}

/** A relative limit whose cue words sit before the part the pattern was tried at. */
function extendBack(m: RegExpExecArray, f: string, out: Atom[], cue: RegExp): void {
  const pre = f.slice(Math.max(0, m.index - 30), m.index);
  const c = cue.exec(pre);
  const s = c ? m.index - (pre.length - c.index) : m.index;
  out.push({ s, e: trimEnd(f, s, m.index + m[0].length), kind: "relative", year: null });
}
const QUARTER_RUN = /^quý\s*(IV|I{1,3}|[1-4])\s*-\s*(?:quý\s*)?(IV|I{1,3}|[1-4])(?![\p{L}\p{N}])/iu;
// Patterns are tried at one position each: sticky copies.
const STICKY = PATTERNS.map((p) => new RegExp(p.re.source, "yiu"));
/** Every anchor word, and for each the patterns (indexes into PATTERNS) that start with it. */
const ANCHOR_WORDS = [...new Set(PATTERNS.filter((p) => !p.cellOnly).flatMap((p) => p.anchors))];
const ANCHOR_IDS = indexWords(ANCHOR_WORDS);
const DIGIT_WORD = indexWords([DIGIT])[0];
const CELL_PATTERNS = PATTERNS.filter((p) => p.cellOnly);
const BY_ANCHOR: number[][] = [];
ANCHOR_WORDS.forEach((w, k) => (BY_ANCHOR[ANCHOR_IDS[k]] = PATTERNS.map((p, i) => (p.anchors.includes(w) ? i : -1)).filter((i) => i >= 0)));
const NONE: number[] = [];

/** The items of a list match ("quý III, quý IV năm 2026", "các tháng 5, 6/2026"), one atom each; the list's year (m[1]) is shared. */
function listItems(m: RegExpExecArray, item: RegExp, out: Atom[], read: (k: RegExpExecArray) => number | null, make: (n: number) => (y: number) => Period | null, kind: DeadlineKind): void {
  const body = m[0];
  const yearAt = m[1] ? body.lastIndexOf(m[1]) : body.length;
  const items: { n: number; s: number; e: number }[] = [];
  item.lastIndex = 0;
  for (let k; (k = item.exec(body)) && k.index < yearAt; ) {
    const n = read(k);
    if (n !== null) items.push({ n, s: m.index + k.index, e: m.index + k.index + k[0].length });
  }
  items.forEach((it, i) =>
    out.push(period(kind, i === 0 ? m.index : it.s, i === items.length - 1 ? m.index + body.length : it.e, numOrNull(m[1]), make(it.n))),
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The word right before an offset, lower case ("tháng" in "tháng 6"). */
function wordBefore(f: string, at: number): string {
  let j = at;
  while (j > 0 && f.charCodeAt(j - 1) === 32) j--;
  let i = j;
  while (i > 0 && f.charCodeAt(i - 1) > 32 && !isDigit(f.charCodeAt(i - 1)) && !",.;:()/".includes(f[i - 1])) i--;
  return f.slice(i, j).toLowerCase();
}

/** Atoms of the stretch [start, start + f.length) of the document; `words` is the document's word index. */
function findAtoms(f: string, start: number, mode: Mode, words: WordIndex): Atom[] {
  const found: Atom[] = [];
  const cell = mode === "cell";
  const end = f.length;
  for (let k = words.from(start); k < words.pos.length && words.pos[k] < start + end; k++) {
    const at = words.pos[k] - start;
    const w = words.word[k];
    // At a number, only patterns that can continue with the character after it and follow the word before it.
    let next = "";
    let prev: string | null = null;
    if (w === DIGIT_WORD) {
      let j = at;
      while (j < end && isDigit(f.charCodeAt(j))) j++;
      while (j < end && f.charCodeAt(j) === 32) j++;
      next = f.charAt(j).toLowerCase();
    }
    for (const i of BY_ANCHOR[w] ?? NONE) {
      const p = PATTERNS[i];
      if (p.cellOnly) continue;
      if (w === DIGIT_WORD) {
        if (p.after && !p.after.includes(next)) continue;
        if (p.before && !p.before.includes((prev ??= wordBefore(f, at)))) continue;
      }
      const re = STICKY[i];
      re.lastIndex = at;
      const m = re.exec(f);
      if (m) p.build(m, f, found, cell);
    }
  }
  if (cell) {
    // Time cells are short and few: their own patterns run over the whole piece.
    for (const p of CELL_PATTERNS) {
      p.re.lastIndex = 0;
      for (let m; (m = p.re.exec(f)); ) p.build(m, f, found, cell);
    }
    const rel = CELL_RELATIVE.exec(f);
    if (rel) found.push({ s: rel.index, e: f.length, kind: "relative", year: null });
  }
  // Leftmost, then longest; drop overlaps.
  found.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: Atom[] = [];
  for (const a of found) if (!out.length || a.s >= out[out.length - 1].e) out.push(a);
  return out;
}

const trimEnd = (f: string, s: number, e: number) => {
  let k = e;
  while (k > s && /[\s,:(]/u.test(f[k - 1])) k--;
  return k;
};

// ---------- resolution ----------

type Cue = { type: "by" | "from" | "until" | "within"; start: number; beforeWord: boolean; plainUntil: boolean };

/** Last words of every cue phrase: a cue can only end with one of them (or with a label's ":"). */
const CUE_ENDINGS = new Set(
  [...P.BY_CUES, ...P.FROM_CUES, ...P.UNTIL_CUES, ...P.WITHIN_CUES].map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).pop()!),
);
/** Words between a cue and its date that do not end a cue ("trước 17 giờ 30 phút, ngày …"). */
const FILLER = /^(?:ngày|giờ|h|phút|lúc|,|\d{1,2}(?:h\d{0,2}|giờ|')?)$/u;

/** Cheap test before the cue patterns: does the text before `at` end with a word a cue can end with? */
function mayEndWithCue(f: string, at: number, from: number): boolean {
  let j = at;
  for (let n = 0; n < 6; n++) {
    while (j > from && (f[j - 1] === " " || f[j - 1] === "\n")) j--;
    let i = j;
    while (i > from && f[i - 1] !== " " && f[i - 1] !== "\n") i--;
    if (i === j) return false;
    const word = f.slice(i, j).toLowerCase().replace(/,$/u, "");
    if (word.endsWith(":")) return true;
    if (!word) {
      j = i;
      continue;
    }
    if (!FILLER.test(word)) return CUE_ENDINGS.has(word);
    j = i;
  }
  return false;
}

function cueBefore(f: string, at: number, floor: number): Cue | null {
  const from = Math.max(floor, at - 60);
  if (!mayEndWithCue(f, at, from)) return null;
  const pre = f.slice(from, at);
  for (const [type, r] of [["by", CUE_BY], ["from", CUE_FROM], ["until", CUE_UNTIL], ["within", CUE_WITHIN]] as const) {
    const m = r.exec(pre);
    if (m) {
      const words = m[0].replace(/\s*(?:ngày\s*)?$/iu, "");
      return {
        type,
        start: from + m.index,
        beforeWord: /trước\s*:?\s*(?:\d.*)?$/iu.test(words),
        plainUntil: type === "until" && !/hết/iu.test(words),
      };
    }
  }
  return null;
}

type Found = { kind: DeadlineKind; start: string | null; end: string | null; s: number; e: number; weak: boolean; span?: Period };

/**
 * Turns the atoms of one stretch into deadlines (offsets relative to the stretch).
 * Prose periods need a cue; cells take every atom. Weak prose results keep the
 * period they name (`span`) for the document-level filters.
 */
function resolve(f: string, atoms0: Atom[], mode: Mode, year: number | null): Found[] {
  const out: Found[] = [];
  // "Tháng 6 hằng năm", "ngày 15/12 hằng năm": a period repeated every year is one schedule.
  const atoms: Atom[] = [];
  for (let i = 0; i < atoms0.length; i++) {
    const a = atoms0[i];
    const next = atoms0[i + 1];
    if (a.make && next && next.kind === "recurring" && !next.make && /^\s*$/u.test(f.slice(a.e, next.s))) {
      atoms.push({ ...next, s: a.s });
      i++;
    } else atoms.push(a);
  }
  // Years left out: from a later atom of the same list, else the document's year.
  const years = atoms.map((a) => a.year);
  for (let i = atoms.length - 2; i >= 0; i--)
    if (years[i] === null && atoms[i].make && atoms[i + 1].make && years[i + 1] !== null && (JOINER_GAP.test(f.slice(atoms[i].e, atoms[i + 1].s)) || RANGE_GAP.test(f.slice(atoms[i].e, atoms[i + 1].s))))
      years[i] = years[i + 1];

  let prev: { e: number; cue: Cue | null } | null = null;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (!a.make) {
      out.push({ kind: a.kind, start: null, end: null, s: a.s, e: a.e, weak: false });
      prev = null;
      continue;
    }
    const y = years[i] ?? year;
    const p = y === null ? null : a.make(y);
    if (!p) {
      prev = null;
      continue;
    }
    let cue = cueBefore(f, a.s, prev ? prev.e : 0);
    let textStart = cue ? cue.start : a.s;
    if (!cue && prev && prev.cue && JOINER_GAP.test(f.slice(prev.e, a.s))) {
      cue = prev.cue;
      textStart = a.s;
    }
    if (mode === "prose" && !cue) {
      prev = null;
      continue;
    }
    // A run "từ A đến B" (or "A - B" after "từ").
    const next = atoms[i + 1];
    if ((cue?.type === "from" || a.edge === "start") && next?.make && RANGE_GAP.test(f.slice(a.e, next.s))) {
      const yn = years[i + 1] ?? year;
      const q = yn === null ? null : next.make(yn);
      if (q) {
        const end = next.edge === "start" ? q.start : q.end;
        out.push({ kind: "from", start: p.start, end, s: textStart, e: next.e, weak: mode === "prose", span: { start: p.start, end } });
        i++;
        prev = { e: next.e, cue };
        continue;
      }
    }
    if (mode === "prose" && UNTIL_NOW.test(f.slice(a.e, a.e + 20))) {
      prev = null; // "từ … đến nay": a period looked back on
      continue;
    }
    if (a.edge === "start" && cue?.type !== "from") {
      if (mode === "cell") out.push({ kind: "from", start: p.start, end: null, s: textStart, e: a.e, weak: false });
      prev = { e: a.e, cue };
      continue;
    }
    const t = cue?.type;
    let r: Found;
    if (t === "by") {
      const end = a.kind === "date" || a.edge === "end" || !cue!.beforeWord ? p.end : dayBefore(p.start);
      r = { kind: "by", start: null, end, s: textStart, e: a.e, weak: false };
    } else if (t === "until") {
      if (cue!.plainUntil && a.kind === "year") {
        prev = null; // "đến năm 2030": a horizon
        continue;
      }
      r = { kind: "by", start: null, end: p.end, s: textStart, e: a.e, weak: true, span: { start: p.end, end: p.end } };
    } else if (t === "from" || a.edge === "start") {
      r = { kind: "from", start: p.start, end: null, s: textStart, e: a.e, weak: true, span: { start: p.start, end: p.start } };
    } else if (a.edge === "end") {
      r = { kind: "by", start: null, end: p.end, s: textStart, e: a.e, weak: true, span: p };
    } else {
      r = { kind: a.kind, start: p.start, end: p.end, s: textStart, e: a.e, weak: true, span: p };
    }
    if (mode === "cell") r.weak = false;
    out.push(r);
    prev = { e: a.e, cue };
  }
  return mergeAdjacent(f, out);
}

/** "định kỳ, hằng tuần, tháng" and "Đột xuất khi có yêu cầu" are one limit each. */
function mergeAdjacent(f: string, list: Found[]): Found[] {
  const out: Found[] = [];
  for (const d of list) {
    const last = out[out.length - 1];
    if (last && !last.start && !last.end && !d.start && !d.end && last.kind === d.kind && JOINER_GAP.test(f.slice(last.e, d.s))) last.e = d.e;
    else out.push({ ...d });
  }
  return out;
}

// ---------- the document ----------

export function extractDeadlines(ctx: ExtractContext): Deadline[] {
  const facts = documentFacts(ctx);
  const out: Deadline[] = [];
  ctx.doc.blocks.forEach((b, bi) => {
    if (facts.outside[bi]) return;
    if (b.type === "table") return scanTable(ctx, facts, b, bi, out);
    if (b.type === "signature" || b.type === "footnote") return;
    scanProse(ctx, facts, bi, b.span.start, b.span.end, out);
  });
  return out;
}

function scanTable(ctx: ExtractContext, facts: DocFacts, t: TableBlock, bi: number, out: Deadline[]): void {
  const layout = tableLayout(t);
  if (layout.indicator) return;
  for (const row of t.rows) {
    if (row.header) continue;
    const cols = cellColumns(row);
    const timeCells = row.cells.filter((c, k) => !c.spanned && layout.roles[cols[k]] === "deadline");
    for (const c of timeCells) scanCell(ctx, facts, c.span.start, c.text, out);
    if (timeCells.some((c) => c.text.trim())) continue;
    row.cells.forEach((c, k) => {
      const role = layout.roles[cols[k]];
      if (c.spanned || !(role === "content" || role === "output" || role === "notes" || role === null)) return;
      if (role === null && k === 0) return; // ordinal column without a recognised header
      scanProse(ctx, facts, bi, c.span.start, c.span.end, out);
    });
  }
}

/** A time cell, piece by piece (line breaks, ";", sentence ends). */
function scanCell(ctx: ExtractContext, facts: DocFacts, start: number, text: string, out: Deadline[]): void {
  const pieces: [number, number][] = [];
  let s = 0;
  const cut = /\n|;|\.(?=\s)/g;
  for (let m; (m = cut.exec(text)); ) {
    const e = m[0] === "." ? m.index + 1 : m.index;
    pieces.push([s, e]);
    s = m.index + 1;
  }
  pieces.push([s, text.length]);
  for (const [ps, pe] of pieces) {
    const f = ctx.folded.slice(start + ps, start + pe);
    if (!f.trim()) continue;
    const found = resolve(f, findAtoms(f, start + ps, "cell", wordIndex(ctx)), "cell", facts.year);
    if (found.length === 1) {
      const lead = f.length - f.trimStart().length;
      const trail = f.length - f.trimEnd().length;
      emit(ctx, found[0], start + ps + lead, start + pe - trail, out);
    } else for (const d of found) emit(ctx, d, start + ps + d.s, start + ps + d.e, out);
  }
}

function scanProse(ctx: ExtractContext, facts: DocFacts, bi: number, start: number, end: number, out: Deadline[]): void {
  const words = wordIndex(ctx);
  const first = words.from(start);
  if (first >= words.pos.length || words.pos[first] >= end) return; // no time word here
  const f = ctx.folded.slice(start, end);
  const atoms = findAtoms(f, start, "prose", words);
  if (!atoms.length) return;
  const found = resolve(f, atoms, "prose", facts.year);
  if (!found.length) return;
  const foreign = found.some((d) => d.weak) ? foreignRanges(f, facts.title) : [];
  const qualifiers = qualifierRanges(f);
  found.forEach((d, i) => {
    if (d.kind === "recurring" || d.kind === "on-request") {
      if (facts.problem[bi]) return;
      if (d.kind === "recurring") {
        const before = clauseBefore(f, d.s, 30);
        if (NEGATION.test(before)) return;
        if (ATTRIBUTE.test(f.slice(d.s, d.e)) && !SCHEDULE_VERB.test(before.trim() ? before : "")) return;
      }
      const [ts, te] = phraseClause(f, d.s, d.e, i ? found[i - 1].e : 0, found[i + 1]?.s ?? f.length);
      emit(ctx, d, start + ts, start + te, out);
      return;
    }
    if (d.weak) {
      if (facts.closing[bi] || facts.problem[bi]) return;
      if (inRanges(foreign, d.s, d.e) || inRanges(qualifiers, d.s, d.e)) return;
      if (HORIZON.test(f.slice(Math.max(0, d.s - 12), d.s))) return;
      if (!stillAhead(facts, bi, d, f)) return;
    }
    emit(ctx, d, start + d.s, start + d.e, out);
  });
}

/**
 * Whether a prose period can still be a limit at the document's date: not over
 * before it; in a report or under a results heading, not the period reported on (one
 * the document's date falls in or follows) unless the clause or section looks ahead.
 */
function stillAhead(facts: DocFacts, bi: number, d: Found, f: string): boolean {
  const span = d.span;
  if (!span) return true;
  const date = facts.date;
  if (date) {
    // A start of a run may lie a month before the document (plans are dated after work began); an end may not.
    if (d.kind === "from" && d.end === null ? span.start < facts.monthBefore! : span.end < date.start) return false;
  }
  // A report, or a plan's section of results ("I. KẾT QUẢ THỰC HIỆN NĂM 2025"), looks back.
  if (facts.klass !== "report" && facts.section[bi] !== -1) return true;
  if (facts.section[bi] === 1 || FORWARD.test(clauseBefore(f, d.s, 30))) return true;
  return date ? span.start > date.end : false;
}

/** Text of the clause before an offset (back to ",", ";", ".", ":" or `max` characters). */
function clauseBefore(f: string, at: number, max: number): string {
  const pre = f.slice(Math.max(0, at - max), at);
  const k = Math.max(pre.lastIndexOf(","), pre.lastIndexOf(";"), pre.lastIndexOf("."), pre.lastIndexOf(":"), pre.lastIndexOf("("));
  return k >= 0 ? pre.slice(k + 1) : pre;
}

/** "Đối với …" clauses, up to the comma that ends them (list commas between periods do not). */
function qualifierRanges(f: string): [number, number][] {
  const out: [number, number][] = [];
  QUALIFIER.lastIndex = 0;
  for (let m; (m = QUALIFIER.exec(f)); ) {
    let k = m.index + m[0].length;
    for (;;) {
      const stop = f.slice(k).search(/[,;.:]/u);
      if (stop < 0) {
        k = f.length;
        break;
      }
      k += stop;
      if (f[k] === "," && PERIOD_START.test(f.slice(k + 1, k + 12))) {
        k++;
        continue;
      }
      break;
    }
    out.push([m.index, k]);
  }
  return out;
}

/** A repetition or on-request phrase with the words it qualifies, within its clause (at most 8 words each side). */
function phraseClause(f: string, s: number, e: number, floor: number, ceiling: number): [number, number] {
  let stop = e;
  while (stop < ceiling && !CLAUSE_MARK.has(f[stop])) stop++;
  const after = f.slice(e, stop).replace(CONJ_END, "");
  const ma = /^(?:\s+\S+){1,8}/u.exec(after);
  if (ma) return [s, trimEnd(f, s, e + ma[0].length)];
  let from = s;
  while (from > floor && !CLAUSE_MARK.has(f[from - 1])) from--;
  const before = f.slice(from, s).replace(CONJ_START, "");
  const mb = /(?:\S+\s+){1,12}$/u.exec(before.slice(-120));
  return [mb ? s - mb[0].length : s, e];
}
const CLAUSE_MARK = new Set([",", ";", ".", ":", "(", ")", "\n"]);
const CONJ_END = /(?:\s+(?:và|hoặc))+\s*$/iu;
const CONJ_START = /^\s*(?:(?:và|hoặc)\s+)+/iu;

function emit(ctx: ExtractContext, d: Found, s: number, e: number, out: Deadline[]): void {
  const raw = ctx.doc.text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(/\s+/g, " ");
  if (!text) return;
  const start = s + lead;
  out.push({ text, kind: d.kind, start: d.start, end: d.end, page: ctx.pageAt(start), span: { start, end: start + raw.trim().length } });
}
