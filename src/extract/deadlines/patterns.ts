/** The time shapes as compiled patterns (phrases from registries/deadline-phrases.ts), and the atom a match gives. */
import type { DeadlineKind } from "../../../schemas/extraction.js";
import { anyOf, WB, WE } from "../registries/phrase-pattern.js";
import { type Period } from "../vietnamese-dates.js";
import { NUMBER_WORDS } from "../vietnamese-numbers.js";
import * as P from "../registries/deadline-phrases.js";
import { at, period } from "./atoms.js";

export type Mode = "prose" | "cell";

/** A date, period or phrase found in a stretch of text; offsets relative to the stretch. */
export type Atom = {
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


export const QN = String.raw`(?:IV|I{1,3}|[1-4])`;
export const YEAR_TAIL = String.raw`(?:\s*(?:[/-]|năm)\s*(\d{4})(?![\p{N}]))?`;
export const re = (src: string, flags = "giu") => new RegExp(src, flags);

export const LONG_DATE = re(String.raw`${WB}(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})(?![\p{N}])`);
export const NUM_DATE = re(String.raw`(?<![\p{N}/.,-])(\d{1,2})\s*(?<sep>[/.-])\s*(\d{1,2})\s*\k<sep>\s*(\d{4})(?![\p{N}]|\s*[/.-]\s*\d)`);
export const DM_DATE = re(String.raw`(?<![\p{N}/.,])(\d{1,2})\s*\/\s*(\d{1,2})(?![\p{N}]|\s*\/\s*\d|[.,]\d)`);
// Tried at the number; the "tháng"/"năm" before it (MONTH_WORD, YEAR_WORD) starts the atom.
export const MONTH_BEFORE = String.raw`(?<=${WB}tháng\s*)`;
export const MONTH_RANGE = re(String.raw`${MONTH_BEFORE}(\d{1,2})\s*-\s*(?:tháng\s*)?(\d{1,2})${YEAR_TAIL}(?![\p{N}]|\s*\/\s*\d)`);
/** "tháng 4/2026", "tháng 6", and lists sharing one year: "các tháng 5, 6/2026", "tháng 5 và tháng 6 năm 2026". */
export const MONTHS = re(String.raw`${MONTH_BEFORE}\d{1,2}(?![\p{N}])(?:\s*(?:,|và)\s*(?:tháng\s*)?\d{1,2}(?![\p{N}]|\s*\/\s*\d{1,2}(?!\d)))*${YEAR_TAIL}(?![\p{N}]|\s*\/\s*\d)`);
export const MONTH_ITEM = re(String.raw`(?:tháng\s*)?(\d{1,2})(?![\p{N}])`);
export const QUARTERS = re(
  String.raw`${WB}quý\s*${QN}${WE}(?:\s*(?:,|và|hoặc|-)\s*(?:quý\s*)?${QN}${WE})*${YEAR_TAIL}`,
);
export const QUARTER_ITEM = re(String.raw`${WB}(?:quý\s*)?(${QN})${WE}`);
export const HALF = re(String.raw`${WB}(?:(?:0?6|sáu)\s*tháng|nửa)\s*(đầu|cuối)\s*năm(?:\s*(\d{4}))?(?![\p{N}])`);
export const HALF_OF_YEAR = re(String.raw`${WB}(?:0?6|sáu)\s*tháng\s*năm\s*(\d{4})(?![\p{N}])`);
export const NINE = re(String.raw`${WB}(?:0?9|chín)\s*tháng\s*(?:đầu\s*)?năm(?:\s*(\d{4}))?(?![\p{N}])`);
export const YEAR_RANGE = re(String.raw`(?<=${WB}(giai\s*đoạn|năm)\s*)(\d{4})\s*(?:-|đến)\s*(?:năm\s*)?(\d{4})(?![\p{N}])`);
export const YEAR = re(String.raw`(?<=${WB}năm\s*)(\d{4})(?![\p{N}]|\s*-\s*\d{4})`);
export const MONTH_WORD = /tháng\s*$/iu;
export const YEAR_WORD = /(?:giai\s*đoạn|năm)\s*$/iu;
export const BARE_YEAR = re(String.raw`(?<![\p{L}\p{N}/.,-])((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?(?![\p{N}/]|\s*[-/.]\s*\d)`);
export const START_WORD = re(String.raw`^(?:${anyOf(P.START_OF_PERIOD)})$`, "iu");
/** "cuối năm 2026", "hết quý II", "đầu tháng 6" ("đầu" only after "từ": the start of a run). */
export const EDGE = re(String.raw`${WB}(?:từ\s*)?(${anyOf([...P.START_OF_PERIOD, ...P.END_OF_PERIOD])})\s*(?:năm(?:\s*(\d{4})(?![\p{N}]))?|quý\s*(${QN})${WE}${YEAR_TAIL}|tháng\s*(\d{1,2})(?![\p{N}])${YEAR_TAIL})`);

export const PERIOD_WORD = String.raw`(?:${anyOf(P.PERIOD_WORDS)})(?!\s*\d)${WE}`;
export const JOIN = String.raw`\s*(?:${anyOf(P.LIST_JOINERS)})\s*`;
export const EVERY = re(
  String.raw`${WB}(?<!(?:${anyOf(P.HANG_NOUNS)})\s)(?:${anyOf(P.EVERY_WORDS)})\s*${PERIOD_WORD}(?:${JOIN}${PERIOD_WORD})*`,
);
/** "trước ngày 15 của tháng cuối quý", "ngày 20 của mỗi tháng" ("ngày 20 hằng tháng" is EVERY's). */
export const RECUR_DAY = re(String.raw`(?<=ngày\s*)\d{1,2}\s*của\s*(?:mỗi|tháng\s*cuối)\s*(?:tháng|quý|năm)${WE}`);
export const FREQUENCY = re(
  String.raw`${WB}(?:\d{1,2}\s*lần\s*\/\s*(?:${anyOf(P.FREQUENCY_UNITS)})|(?:\d{1,2}\s*)?(?:${anyOf(P.FREQUENCY_UNITS)})\s*\/\s*(?:\d\s*)?lần)${WE}`,
);
export const ADVERB = re(String.raw`${WB}(?:${anyOf(P.RECURRING_ADVERBS)})${WE}`);
export const MANNER_AFTER = re(String.raw`^\s*(?:${anyOf(P.MANNER_VERBS)})${WE}`, "iu");
export const SCHED_NAME = String.raw`(?:${anyOf(P.SCHEDULE_PERIOD_NAMES)})(?!\s*(?:\d|${QN}${WE}|đầu|cuối))${WE}`;
export const SCHEDULE = re(String.raw`${WB}${SCHED_NAME}(?:\s*(?:,|và)\s*${SCHED_NAME})+`);
export const SCHEDULE_CUE = re(String.raw`${WB}(?:${anyOf(P.LIST_SCHEDULE_CUES)})${WE}`, "iu");
export const CELL_RECUR = re(String.raw`${WB}(?:${anyOf(P.CELL_RECURRING)})${WE}`);
export const ON_REQ = re(String.raw`${WB}(?:${anyOf(P.ON_REQUEST)})${WE}`);
export const CELL_ON_REQ = re(String.raw`${WB}(?:${anyOf(P.CELL_ON_REQUEST)})${WE}`);
export const RELATIVE_LEAD = re(String.raw`${WB}(?:${anyOf(P.RELATIVE_LEADS)})${WE}[^;.\n]*`);
export const AMOUNT = String.raw`(?:\d+|${Object.keys(NUMBER_WORDS).join("|")})`;
export const EARLIER = re(
  String.raw`${WB}(?:${anyOf(P.EARLIER_WORDS)})\s*(?:ít nhất|tối thiểu)?\s*${AMOUNT}\s*(?:${anyOf(P.AMOUNT_UNITS)})\s*so với[^;,.()\n]*`,
);
/** Tried at the amount; the cue before it is found by AMOUNT_CUE_BEFORE. */
export const WITHIN_AMOUNT = re(
  String.raw`(?<=(?:${anyOf(P.WITHIN_AMOUNT_CUES)})\s*)${AMOUNT}\s*(?:${anyOf(P.AMOUNT_UNITS)})\s*(?:${anyOf(P.AMOUNT_ANCHORS)})${WE}[^;.\n]*`,
);
export const AMOUNT_CUE_BEFORE = re(String.raw`${WB}(?:${anyOf(P.WITHIN_AMOUNT_CUES)})\s*$`, "iu");
export const EARLIER_VERB_BEFORE = re(String.raw`${WB}hoàn\s*thành\s*$`, "iu");
export const CELL_RELATIVE = re(String.raw`^\s*(?:${anyOf(P.CELL_RELATIVE)})${WE}`, "iu");

export const TIME = String.raw`(?:(?:lúc\s*)?\d{1,2}\s*(?:giờ|h)\s*(?:\d{1,2}\s*(?:phút|p|')?)?\s*,?\s*)?`;
export const LEAD = String.raw`(?:(?:${anyOf(P.LEAD_VERBS)})\s+)?`;
export const CUE_BY = re(
  String.raw`${WB}(?:${LEAD}(?:${anyOf(P.BY_CUES)})|(?:${anyOf(P.BY_LABELS)})(?:\s+[^\s:;,.]+){0,6}\s*:)\s*:?\s*${TIME}(?:ngày\s*)?$`,
  "iu",
);
export const CUE_FROM = re(String.raw`${WB}${LEAD}(?:${anyOf(P.FROM_CUES)})\s*${TIME}(?:ngày\s*)?$`, "iu");
export const CUE_UNTIL = re(String.raw`${WB}(?:${anyOf(P.UNTIL_CUES)})\s*(?:ngày\s*)?$`, "iu");
export const CUE_WITHIN = re(
  String.raw`${WB}(?:(?:${anyOf(P.TIME_LABELS)})(?:\s+[^\s:;,.]+){0,6}\s*:|${anyOf(P.WITHIN_CUES)})\s*${TIME}(?:ngày\s*)?$`,
  "iu",
);
export const RANGE_GAP = re(String.raw`^\s*(?:-|đến|tới|cho đến)\s*(?:hết\s*)?(?:ngày\s*)?$`, "iu");
export const UNTIL_NOW = re(String.raw`^\s*(?:-|đến|tới|cho đến)\s*(?:nay|hiện nay|thời điểm)${WE}`, "iu");
export const JOINER_GAP = re(String.raw`^\s*(?:,|;|và|hoặc)?\s*$`, "iu");
export const NEGATION = re(String.raw`${WB}(?:${anyOf(P.NEGATIONS)})${WE}`, "iu");
export const FORWARD = re(String.raw`${WB}(?:${anyOf(P.FORWARD_CUES)})${WE}`, "iu");
export const QUALIFIER = re(String.raw`${WB}(?:${anyOf(P.QUALIFIER_OPENERS)})${WE}`);
export const ATTRIBUTE = re(String.raw`^(?:${anyOf(P.EVERY_WORDS)})\s*(?:${anyOf(P.ATTRIBUTE_PERIODS)})$`, "iu");
export const SCHEDULE_VERB = re(String.raw`(?:^|${WB}(?:${anyOf(P.SCHEDULE_VERBS)}))\s*$`, "iu");
export const HORIZON = re(String.raw`${WB}tầm\s*nhìn\s*$`, "iu");
export const PERIOD_START = re(String.raw`^\s*(?:quý|tháng|năm|ngày|\d|6 tháng|nửa)`, "iu");
