/** Atoms with the cue before them ("trước", "từ … đến", "trong") resolved into deadlines: kind, first and last day. */
import type { DeadlineKind } from "../../../schemas/extraction.js";
import { foldForMatch } from "../../normalise/fold.js";
import { dayBefore, type Period } from "../vietnamese-dates.js";
import * as P from "../registries/deadline-phrases.js";
import { at, period } from "./atoms.js";
import { Atom, CUE_BY, CUE_FROM, CUE_UNTIL, CUE_WITHIN, JOINER_GAP, Mode, RANGE_GAP, UNTIL_NOW } from "./patterns.js";


export type Cue = { type: "by" | "from" | "until" | "within"; start: number; beforeWord: boolean; plainUntil: boolean };

/** Last words of every cue phrase: a cue can only end with one of them (or with a label's ":"). */
export const CUE_ENDINGS = new Set(
  [...P.BY_CUES, ...P.FROM_CUES, ...P.UNTIL_CUES, ...P.WITHIN_CUES].map((p) => foldForMatch(p).toLowerCase().split(/\s+/u).pop()!),
);
/** Words between a cue and its date that do not end a cue ("trước 17 giờ 30 phút, ngày …"). */
export const FILLER = /^(?:ngày|giờ|h|phút|lúc|,|\d{1,2}(?:h\d{0,2}|giờ|')?)$/u;

/** Cheap test before the cue patterns: does the text before `at` end with a word a cue can end with? */
export function mayEndWithCue(f: string, at: number, from: number): boolean {
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

export function cueBefore(f: string, at: number, floor: number): Cue | null {
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

export type Found = { kind: DeadlineKind; start: string | null; end: string | null; s: number; e: number; weak: boolean; span?: Period };

/**
 * Turns the atoms of one stretch into deadlines (offsets relative to the stretch).
 * Prose periods need a cue; cells take every atom. Weak prose results keep the
 * period they name (`span`) for the document-level filters.
 */
export function resolve(f: string, atoms0: Atom[], mode: Mode, year: number | null): Found[] {
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
export function mergeAdjacent(f: string, list: Found[]): Found[] {
  const out: Found[] = [];
  for (const d of list) {
    const last = out[out.length - 1];
    if (last && !last.start && !last.end && !d.start && !d.end && last.kind === d.kind && JOINER_GAP.test(f.slice(last.e, d.s))) last.e = d.e;
    else out.push({ ...d });
  }
  return out;
}
