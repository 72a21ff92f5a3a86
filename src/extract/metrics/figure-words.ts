/**
 * The words around a figure in prose: its subject (what is measured) and the clause
 * it is quoted with.
 *
 * subject: the noun phrase after a leading figure ("100% văn bản được xử lý trên môi
 * trường số"), else the clause before it ("Tỷ lệ số hóa hồ sơ … đạt 95%"), completed from the
 * item's label when that is only "tỷ lệ" ("số lượng hồ sơ trực tuyến toàn trình: 1247/1484,
 * tỷ lệ: 84,03%"). text: the sentence or ";"-clause around the figure, at most ~300 characters.
 */
import type { Metric } from "../../../schemas/extraction.js";
import { COMPARATORS } from "../registries/comparators.js";
import { anyOf, WE } from "../registries/phrase-pattern.js";
import { COUNT_WORDS, SUBJECT_AFTER_SKIP, SUBJECT_LEADERS, SUBJECT_STOPS, SUBJECT_TRAILERS } from "../registries/units.js";
import { foldForMatch } from "../../normalise/fold.js";

/** A figure found in a stretch: offsets relative to the stretch. */
export type Figure = {
  s: number; e: number; value: number; unit: string; comparator: Metric["comparator"];
  max?: number; numerator?: number; denominator?: number; ratio: boolean;
};

const STOP_AFTER = new RegExp(`(?:[;.:\\n]|,\\s*(?:${anyOf(SUBJECT_STOPS)})${WE}|\\s(?:${anyOf(SUBJECT_STOPS)})${WE})`, "iu");
const SKIP_AFTER = new RegExp(`^\\s*(?:(?:${anyOf([...SUBJECT_AFTER_SKIP, ...COMPARATORS.flatMap((c) => c.after)])})${WE}\\s*)+`, "iu");
const SHARE_BEFORE = /(?<![\p{L}])chiếm(?:\s+(?:khoảng|gần|trên|dưới|tối thiểu|ít nhất))?\s*$/iu;
const VERB_AFTER = /^\s*(?:đã|được|đạt|là|và|so|với|cho|thì|nhưng|tuy|trong|của|tại|trên|,|$)/iu;
const TRAILERS = new RegExp(`(?:\\s*(?:${anyOf([...SUBJECT_TRAILERS, ...COMPARATORS.flatMap((c) => c.before)])})${WE}|\\s*[:\\-–])+\\s*$`, "iu");
/** TRAILERS on the end of a string only (an end-anchored pattern is tried from every position). */
const stripTrailers = (s: string) => (s.length <= 48 ? s.replace(TRAILERS, "") : s.slice(0, -48) + s.slice(-48).replace(TRAILERS, ""));
const TRAILER_WORDS = anyOf([...SUBJECT_TRAILERS, ...COMPARATORS.flatMap((c) => c.before)]);
/** Nothing but a figure and its verb between a label's ":" or "(" and the figure ("Tái sử dụng dữ liệu: 97,25%", "(đạt 96,43%)"). */
const ONLY_FIGURE = new RegExp(`^[\\s\\d.,/%]*(?:${TRAILER_WORDS})?\\s*$`, "iu");
const LEADERS = new RegExp(`^\\s*(?:[-+•*]\\s*|\\(\\d+\\)\\s*|(?:${anyOf(SUBJECT_LEADERS)})${WE}\\s*,?\\s*)+`, "iu");
// "Số hóa" (digitise) is a verb, not a count.
const COUNT_LEAD = new RegExp(`^(?:${anyOf(COUNT_WORDS)})\\s+(?!hóa${WE})`, "iu");

export function subjectOf(t: string, f: string, x: Figure): string | null {
  const afterRaw = t.slice(x.e, x.e + 200);
  const skip = SKIP_AFTER.exec(afterRaw)?.[0].length ?? 0;
  const after = afterRaw.slice(skip);
  const stop = after.search(STOP_AFTER);
  let np = (stop >= 0 ? after.slice(0, stop) : after).trim();
  if (/^,/u.test(after.trimStart())) np = "";
  const close = unbalancedClose(np);
  if (close >= 0) np = np.slice(0, close);
  const aside = np.search(/\((?=[^()]*[\d%])/u); // "(đạt 96,43%)": a figure of its own, not part of the name
  if (aside >= 0) np = np.slice(0, aside);
  if (!/^\p{L}/u.test(np)) np = "";
  np = np.split(/\s+/u).slice(0, 18).join(" ").replace(/[,\s]+$/u, "");
  const verbAfter = VERB_AFTER.test(after) && !skip;
  let subject: string;
  // "Kinh tế số chiếm 45% GRDP": a share — the part before "chiếm" of the whole after the figure.
  const share = np && !verbAfter ? SHARE_BEFORE.exec(t.slice(Math.max(0, x.s - 60), x.s)) : null;
  // "Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số": a rate named before the figure is the subject.
  const rated = np && !verbAfter && !share ? subjectBefore(t, x.s) : "";
  if (share) subject = `${subjectBefore(t, x.s)} trong ${np}`;
  else if (rated && lastRateWord(rated) === 0) subject = rated;
  else if (np && !verbAfter) subject = np;
  else {
    let before = subjectBefore(t, x.s);
    if (/^tỷ lệ$/iu.test(foldForMatch(before))) {
      const label = stripTrailers(labelBefore(t, x.s)).replace(LEADERS, "").trim().replace(COUNT_LEAD, "");
      if (label) before = `${before} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    } else if (x.ratio) before = before.replace(COUNT_LEAD, "");
    if (x.ratio && x.unit && before && !foldForMatch(before).toLowerCase().includes(foldForMatch(x.unit).toLowerCase())) before = `${before} ${x.unit}`;
    if (verbAfter && np && before) subject = `${before} ${np}`;
    else subject = before || np;
  }
  subject = subject.replace(/[*_]/g, "").replace(/^[\s,;:.\-–+]+|[\s,;:.\-–]+$/gu, "").replace(/\s+/g, " ");
  if (!subject || !/\p{L}/u.test(subject)) return null;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/** Where the last "tỷ lệ" / "tỷ trọng" (either spelling of tỷ) opens in `s`, or -1. */
function lastRateWord(s: string): number {
  let at = -1;
  for (const m of s.toLowerCase().matchAll(/t[ỷỉ]\s+(?:lệ|trọng)(?![\p{L}])/gu)) at = m.index;
  return at;
}

/** Offset of the first ")" that closes no "(" of `s`, or -1. */
function unbalancedClose(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth < 0) return i;
  }
  return -1;
}

/**
 * The words before a figure that name it: its clause back to ";", ":", "(" or the
 * sentence start, taking comma-separated pieces from the figure backwards until they
 * hold four words (a noun phrase can contain commas: "người dân, doanh nghiệp"), never
 * taking a piece that is only a number ("…: 6, tỷ lệ 50%").
 */
function subjectBefore(t: string, s: number): string {
  const pre = t.slice(Math.max(0, s - 240), s);
  // An aside closed before the figure ("định danh điện tử (VNeID) đạt 80%") does not end the clause.
  const open = pre.lastIndexOf("(");
  const k = Math.max(pre.lastIndexOf(";"), pre.lastIndexOf(":"), pre.indexOf(")", open) < 0 ? open : -1, pre.lastIndexOf("\n"), pre.search(/[.!?](?=\s[^.!?]*$)/u));
  // "Tái sử dụng dữ liệu: 97,25%": the figure opens its clause, the label before ":" names it.
  if (k >= 0 && (pre[k] === ":" || pre[k] === "(") && ONLY_FIGURE.test(pre.slice(k + 1)))
    return subjectBefore(t, s - (pre.length - k));
  const clause = k >= 0 ? pre.slice(k + 1) : pre;
  // A rate names itself: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 95%" — the subject starts at "tỷ lệ".
  const rate = lastRateWord(clause);
  if (rate >= 0 && !/[\d%]/u.test(clause.slice(rate))) {
    const named = stripTrailers(clause.slice(rate)).trim();
    if (named.split(/\s+/u).length <= 24) return named;
  }
  const pieces = clause.split(",");
  const taken: string[] = [];
  let words = 0;
  for (let i = pieces.length - 1; i >= 0 && words < 4; i--) {
    const piece = (i === pieces.length - 1 ? stripTrailers(pieces[i]) : pieces[i]).replace(LEADERS, "").trim();
    if (/^[\d.,/%\s]+(?:\S+\s*){0,2}$/u.test(piece)) break; // a count ("6", "1409/1483 hồ sơ"), not a name
    if (!piece) continue;
    taken.unshift(piece);
    words += piece.split(/\s+/u).length;
  }
  return stripTrailers(taken.join(", ")).replace(LEADERS, "").trim();
}

/** The label of the item a figure belongs to: the text before the last ":" that precedes the figure's own clause. */
export function labelBefore(t: string, s: number): string {
  const pre = t.slice(Math.max(0, s - 200), s);
  const own = Math.max(pre.lastIndexOf(","), pre.lastIndexOf(";"));
  const head = own >= 0 ? pre.slice(0, own) : pre;
  const colon = head.lastIndexOf(":");
  if (colon < 0) return "";
  const start = Math.max(head.lastIndexOf(";", colon), head.lastIndexOf(".", colon), head.lastIndexOf(",", colon), head.lastIndexOf("\n", colon));
  return head.slice(start + 1, colon);
}

const [SEMI, NL, SPACE] = [59, 10, 32];
const isSentenceMark = (c: number) => c === 46 || c === 33 || c === 63; // . ! ?
const CAPITAL_OR_DIGIT = /^[\p{Lu}\d(+-]/u;

/** The sentence (or ";"-clause) around a figure, at most about 300 characters. */
export function clauseText(t: string, s: number, e: number): string {
  // Back to ";", a line break, or ". " before a capital; forward to ";", a line break or a sentence end.
  let a = s;
  const floor = Math.max(0, s - 300);
  while (a > floor) {
    const c = t.charCodeAt(a - 1);
    if (c === SEMI || c === NL || (c === SPACE && isSentenceMark(t.charCodeAt(a - 2)) && CAPITAL_OR_DIGIT.test(t[a] ?? ""))) break;
    a--;
  }
  let b = e;
  const ceiling = Math.min(t.length, e + 300);
  while (b < ceiling) {
    const c = t.charCodeAt(b);
    if (c === SEMI || c === NL) break;
    if (isSentenceMark(c)) {
      const n = t.charCodeAt(b + 1);
      if (b + 1 >= t.length || n === SPACE || n === NL) break;
    }
    b++;
  }
  if (b < t.length && isSentenceMark(t.charCodeAt(b))) b++;
  let text = t.slice(a, b).replace(/\s+/g, " ").trim();
  if (text.length > 300) {
    const rel = s - a;
    text = t.slice(Math.max(a, a + rel - 150), Math.min(b, a + rel + 150)).replace(/\s+/g, " ").trim();
  }
  return text;
}
