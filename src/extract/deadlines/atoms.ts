/** Atoms: every date, period and time phrase in a stretch, tried only where its first word occurs (the document word index). */
import type { DeadlineKind } from "../../../schemas/extraction.js";
import { DIGITS, indexWords, type WordIndex } from "../document-zones.js";
import { foldForMatch } from "../../normalise/fold.js";
import { halfPeriod, iso, monthsPeriod, quarterNumber, quarterPeriod, yearsPeriod, type Period } from "../vietnamese-dates.js";
import * as P from "../registries/deadline-phrases.js";
import { ADVERB, AMOUNT_CUE_BEFORE, Atom, BARE_YEAR, CELL_ON_REQ, CELL_RECUR, CELL_RELATIVE, DM_DATE, EARLIER, EARLIER_VERB_BEFORE, EDGE, EVERY, FREQUENCY, HALF, HALF_OF_YEAR, LONG_DATE, MANNER_AFTER, MONTHS, MONTH_ITEM, MONTH_RANGE, MONTH_WORD, Mode, NINE, NUM_DATE, ON_REQ, QUARTERS, QUARTER_ITEM, RECUR_DAY, RELATIVE_LEAD, SCHEDULE, SCHEDULE_CUE, START_WORD, WITHIN_AMOUNT, YEAR, YEAR_RANGE, YEAR_WORD, re } from "./patterns.js";


export function period(kind: DeadlineKind, s: number, e: number, year: number | null, make: (y: number) => Period | null, extra: Partial<Atom> = {}): Atom {
  return { s, e, kind, year, make, ...extra };
}
export const numOrNull = (x: string | undefined) => (x ? Number(x) : null);
export const dayPeriod = (y: number, m: number, d: number): Period | null => {
  const v = iso({ year: y, month: m, day: d });
  return v && v.length === 10 ? { start: v, end: v } : null;
};

export const at = (m: RegExpExecArray) => [m.index, m.index + m[0].length] as const;
export const simple = (kind: DeadlineKind) => (m: RegExpExecArray, f: string, out: Atom[]) => {
  const [s, e] = at(m);
  out.push({ s, e: kind === "relative" ? trimEnd(f, s, e) : e, kind, year: null });
};

export const DIGIT = DIGITS;
/** The first word of each phrase, lower case ("#" for a number): where a match of the phrase list can start. */
export const firstWords = (...lists: (readonly string[])[]) =>
  [...new Set(lists.flat().map((p) => foldForMatch(p).toLowerCase().split(/\s+/u)[0]).map((w) => (/^\d/.test(w) ? DIGIT : w)))].filter(
    (w) => !TOO_COMMON.has(w),
  );
/** The last word of each phrase, lower case. */
export const lastWords = (list: readonly string[]) => [...new Set(list.map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).pop()!))];
/** Phrases (their first `words` words) as anchors: rarer than their first word alone ("khi có", "định kỳ"). */
export const phrasesAsAnchors = (list: readonly string[], words = 9) =>
  [...new Set(list.map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).slice(0, words).join(" ")))].filter((w) => !TOO_COMMON.has(w.split(" ")[0]));
/**
 * Words too frequent to index: phrases that open with them are still found where a
 * later word starts another pattern ("theo định kỳ" at "định", "cả năm" at "năm").
 */
export const TOO_COMMON = new Set(["theo", "một", "cả", "trong", "sau", "không", "chậm", "hoàn"]);

export type Pattern = {
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
export const PATTERNS: Pattern[] = [
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
export function rebase(m: RegExpExecArray, f: string, word: RegExp): RegExpExecArray {
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
export function extendBack(m: RegExpExecArray, f: string, out: Atom[], cue: RegExp): void {
  const pre = f.slice(Math.max(0, m.index - 30), m.index);
  const c = cue.exec(pre);
  const s = c ? m.index - (pre.length - c.index) : m.index;
  out.push({ s, e: trimEnd(f, s, m.index + m[0].length), kind: "relative", year: null });
}
export const QUARTER_RUN = /^quý\s*(IV|I{1,3}|[1-4])\s*-\s*(?:quý\s*)?(IV|I{1,3}|[1-4])(?![\p{L}\p{N}])/iu;
// Patterns are tried at one position each: sticky copies.
export const STICKY = PATTERNS.map((p) => new RegExp(p.re.source, "yiu"));
/** Every anchor word, and for each the patterns (indexes into PATTERNS) that start with it. */
export const ANCHOR_WORDS = [...new Set(PATTERNS.filter((p) => !p.cellOnly).flatMap((p) => p.anchors))];
export const ANCHOR_IDS = indexWords(ANCHOR_WORDS);
export const DIGIT_WORD = indexWords([DIGIT])[0];
export const CELL_PATTERNS = PATTERNS.filter((p) => p.cellOnly);
export const BY_ANCHOR: number[][] = [];
ANCHOR_WORDS.forEach((w, k) => (BY_ANCHOR[ANCHOR_IDS[k]] = PATTERNS.map((p, i) => (p.anchors.includes(w) ? i : -1)).filter((i) => i >= 0)));
export const NONE: number[] = [];

/** The items of a list match ("quý III, quý IV năm 2026", "các tháng 5, 6/2026"), one atom each; the list's year (m[1]) is shared. */
export function listItems(m: RegExpExecArray, item: RegExp, out: Atom[], read: (k: RegExpExecArray) => number | null, make: (n: number) => (y: number) => Period | null, kind: DeadlineKind): void {
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

export const isDigit = (c: number) => c >= 48 && c <= 57;
/** The word right before an offset, lower case ("tháng" in "tháng 6"). */
export function wordBefore(f: string, at: number): string {
  let j = at;
  while (j > 0 && f.charCodeAt(j - 1) === 32) j--;
  let i = j;
  while (i > 0 && f.charCodeAt(i - 1) > 32 && !isDigit(f.charCodeAt(i - 1)) && !",.;:()/".includes(f[i - 1])) i--;
  return f.slice(i, j).toLowerCase();
}

/** Atoms of the stretch [start, start + f.length) of the document; `words` is the document's word index. */
export function findAtoms(f: string, start: number, mode: Mode, words: WordIndex): Atom[] {
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

export const trimEnd = (f: string, s: number, e: number) => {
  let k = e;
  while (k > s && /[\s,:(]/u.test(f[k - 1])) k--;
  return k;
};
