/**
 * Footnotes: the text under the short rule at the foot of a page (or, with no
 * rule, a run of smaller lines at the foot that opens with a raised label).
 *
 * Each footnote opens with its label, a superscript ("¹ Thông báo …"), and
 * runs until the next label. Text under the rule that opens with no label
 * continues the previous page's last footnote.
 */
import type { BodyFrame } from "./body-frame.js";
import { joinLines } from "./line-joining.js";
import type { Rule } from "./marks.js";
import type { Line } from "./text-lines.js";

export type FootnoteDraft = { label: string | null; text: string };

/** The separator is short: at most this share of the text width. */
const MAX_SEPARATOR = 0.6;
const LABEL = /^(?:\d{1,3}|\*{1,3}|[a-z])$/;

export function splitFootnotes(lines: Line[], rules: Rule[], frame: BodyFrame, pageHeight: number): { body: Line[]; notes: Line[] } {
  const width = frame.right - frame.left;
  const separator = rules
    .filter(
      (r) =>
        r.axis === "h" &&
        r.at > pageHeight * 0.4 &&
        r.to - r.from < MAX_SEPARATOR * width &&
        r.to - r.from > 0.08 * width &&
        Math.abs(r.from - frame.left) < 0.05 * width,
    )
    .sort((a, b) => a.at - b.at)
    .find((r) => lines.some((l) => l.base > r.at) && !lines.some((l) => l.base > r.at && l.base - l.size < r.at && l.x1 > r.from && l.x0 < r.to));
  if (separator) {
    const notes = lines.filter((l) => l.base > separator.at);
    if (notes.length && (opensWithLabel(notes[0]) || notes[0].size <= median(lines.map((l) => l.size)))) {
      return { body: lines.filter((l) => l.base <= separator.at), notes };
    }
  }
  return smallFootLines(lines);
}

/** Without a rule: trailing lines in a smaller size whose first line carries a label. */
function smallFootLines(lines: Line[]): { body: Line[]; notes: Line[] } {
  const bodySize = median(lines.map((l) => l.size));
  let start = lines.length;
  while (start > 0 && lines[start - 1].size < 0.92 * bodySize) start--;
  const firstLabelled = lines.slice(start).findIndex(opensWithLabel);
  if (start === lines.length || firstLabelled !== 0) return { body: lines, notes: [] };
  return { body: lines.slice(0, start), notes: lines.slice(start) };
}

function opensWithLabel(line: Line): boolean {
  const w = line.words[0];
  return Boolean(w && w.sup && LABEL.test(w.text.trim()));
}

export function footnotesOf(notes: Line[], frame: BodyFrame): FootnoteDraft[] {
  const out: FootnoteDraft[] = [];
  let current: { label: string | null; lines: Line[] } | null = null;
  const flush = () => {
    if (current) out.push({ label: current.label, text: joinLines(current.lines, { right: frame.right }) });
  };
  for (const line of notes) {
    if (opensWithLabel(line)) {
      flush();
      const [label, ...rest] = line.words;
      const first = rest.length ? [{ ...line, words: rest.map((w, i) => (i === 0 ? { ...w, spaceBefore: false } : w)), x0: rest[0].x0 }] : [];
      current = { label: label.text.trim(), lines: first };
    } else if (current) current.lines.push(line);
    else current = { label: null, lines: [line] };
  }
  flush();
  return out.filter((f) => f.text || f.label);
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
