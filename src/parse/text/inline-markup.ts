/**
 * Inline Markdown of one paragraph or heading → text, read the way micromark
 * (remark) reads it, in one forward scan plus the CommonMark delimiter pass:
 *
 *   **bold** __bold__ *em* _em_ (the full flanking and rule-of-3 logic — only
 *   strong matters for `bold`, but emphasis decides which runs pair up),
 *   `code`, backslash escapes, character references, hard breaks,
 *   <autolinks>, raw inline HTML (handed to PhrasedText, which drops
 *   formatting tags and keeps unknown ones), [text](url) → text,
 *   ![alt](src) → nothing, [^1] footnote calls → nothing when defined.
 *
 * What it declines (throws UnsupportedMarkdown → remark reads the segment):
 * strikethrough pairs (~x~), unknown named references, link resources with
 * escapes or odd titles, "![^", and GFM literal autolinks (www.…, https://…,
 * a@b.c) whose word also holds markup characters — a literal autolink's text
 * is the word as written, so only its effect on markup nearby matters.
 *
 * Linear: one forward scan; code-span closers come from an index of backtick
 * runs (code-spans.ts), the ends of tags, comments and link titles from
 * NextIndex, and the delimiter pass (emphasis.ts) keeps CommonMark's openers-
 * bottom table so unmatched runs are not searched again and again.
 */
import { characterReference, UNKNOWN_REFERENCE } from "./character-references.js";
import { tidy } from "./clean-and-tidy.js";
import { BacktickRuns, codeValue } from "./code-spans.js";
import { delimiterRun, pairDelimiters, type Delimiter } from "./emphasis.js";
import { footnoteCallEnd } from "./footnote-calls.js";
import { inlineHtmlEnd, NextIndex } from "./html-syntax.js";
import { autolinkEnd, resourceEnd } from "./inline-links.js";
import { emitPieces, type Bracket, type Piece } from "./inline-pieces.js";
import { rejectLiteralAutolinkMarkup } from "./literal-autolinks.js";
import { PhrasedText, type Phrased } from "./phrased-text.js";
import { UnsupportedMarkdown } from "./unsupported.js";

export type InlineContext = {
  /** Footnote definitions of the segment, by normalised label (a call to any other label is text). */
  footnotes: ReadonlySet<string>;
};

// Characters that can start markup; everything between them is plain text.
const MARKUP = /[\\`*_~&<!\[\]]/g;
const MARKUP_TEST = /[\\`*_~&<\[\]]/;

export function phraseInline(src: string, context: InlineContext): Phrased {
  // Plain text (most paragraphs): nothing is bold, nothing is a footnote marker.
  if (!MARKUP_TEST.test(src)) return { text: tidy(src), bold: false, footnoteLabel: null };
  const out = new PhrasedText();
  const scan = new InlineScan(src, context);
  rejectLiteralAutolinkMarkup(src, scan.consumed);
  emitPieces(scan.pieces, out);
  return out.result();
}

const isAsciiPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

class InlineScan {
  readonly pieces: Piece[] = [];
  private lastDelimiter: Delimiter | null = null;
  private readonly brackets: Bracket[] = [];
  private readonly next: NextIndex;
  private readonly backticks: BacktickRuns;
  private shortTildeRuns = 0;
  /** [start, end) pairs, in order, of text that code spans, autolinks, HTML and link resources took. */
  readonly consumed: number[] = [];

  constructor(
    private readonly src: string,
    private readonly context: InlineContext,
  ) {
    this.next = new NextIndex(src);
    this.backticks = new BacktickRuns(src);
    this.scan();
    this.processEmphasis(null);
  }

  private text(value: string): void {
    if (value) this.pieces.push({ kind: "text", value });
  }

  private scan(): void {
    const s = this.src;
    const n = s.length;
    let textStart = 0;
    let i = 0;
    const flush = (to: number) => {
      if (to > textStart) this.text(s.slice(textStart, to));
    };
    while (i < n) {
      MARKUP.lastIndex = i;
      const m = MARKUP.exec(s);
      if (!m) break;
      i = m.index;
      const c = s.charCodeAt(i);
      switch (c) {
        case 92: {
          // \
          const d = s.charCodeAt(i + 1);
          if (isAsciiPunctuation(d)) {
            flush(i);
            this.text(s[i + 1]);
            i += 2;
            textStart = i;
          } else if (d === 10) {
            flush(i);
            this.text("\n"); // hard break
            i += 2;
            textStart = i;
          } else i++;
          break;
        }
        case 96: {
          // `
          const end = this.backticks.at(i);
          if (end.close < 0) {
            i += end.length; // no closer: the run is text
          } else {
            flush(i);
            this.pieces.push({ kind: "code", value: codeValue(s.slice(i + end.length, end.close)) });
            this.consumed.push(i, end.close + end.length);
            i = end.close + end.length;
            textStart = i;
          }
          break;
        }
        case 42:
        case 95: {
          // * _
          let j = i + 1;
          while (s.charCodeAt(j) === c) j++;
          flush(i);
          this.pushDelimiter(c, i, j);
          i = j;
          textStart = i;
          break;
        }
        case 126: {
          // ~: left as text; two runs of one or two could pair as strikethrough, which remark reads
          let j = i + 1;
          while (s.charCodeAt(j) === 126) j++;
          if (j - i <= 2 && ++this.shortTildeRuns >= 2) throw new UnsupportedMarkdown("strikethrough");
          i = j;
          break;
        }
        case 38: {
          // &
          const ref = characterReference(s, i);
          if (ref === UNKNOWN_REFERENCE) throw new UnsupportedMarkdown("named character reference");
          if (ref === null) i++;
          else {
            flush(i);
            this.text(ref.text);
            i = ref.end;
            textStart = i;
          }
          break;
        }
        case 60: {
          // <
          const auto = autolinkEnd(s, i);
          const end = auto >= 0 ? auto : inlineHtmlEnd(s, i, this.next);
          if (end < 0) i++;
          else {
            flush(i);
            if (auto >= 0) this.text(s.slice(i + 1, auto - 1));
            else this.pieces.push({ kind: "html", value: s.slice(i, end) });
            this.consumed.push(i, end);
            i = end;
            textStart = i;
          }
          break;
        }
        case 33: {
          // !
          if (s.charCodeAt(i + 1) !== 91) {
            i++;
            break;
          }
          if (s.charCodeAt(i + 2) === 94) throw new UnsupportedMarkdown("![^");
          flush(i);
          this.openBracket(true);
          i += 2;
          textStart = i;
          break;
        }
        case 91: {
          // [
          flush(i);
          const call = s.charCodeAt(i + 1) === 94 ? footnoteCallEnd(s, i, this.context.footnotes) : -1;
          if (call >= 0) i = call; // a call to a defined footnote: no text
          else {
            this.openBracket(false);
            i++;
          }
          textStart = i;
          break;
        }
        case 93: {
          // ]
          flush(i);
          i = this.closeBracket(i);
          textStart = i;
          break;
        }
        default:
          i++;
      }
    }
    flush(n);
  }

  private pushDelimiter(char: number, start: number, end: number): void {
    const d = delimiterRun(this.src, char, start, end, this.pieces.length);
    d.prev = this.lastDelimiter;
    if (this.lastDelimiter) this.lastDelimiter.next = d;
    this.lastDelimiter = d;
    this.pieces.push(d);
  }

  private openBracket(image: boolean): void {
    const b: Bracket = { kind: "bracket", image, active: true, delimitersBelow: this.lastDelimiter, resolved: "literal" };
    this.brackets.push(b);
    this.pieces.push(b);
  }

  /** At "]": a link or image when a resource follows, else a literal "]". Returns where to go on. */
  private closeBracket(at: number): number {
    const opener = this.brackets.pop();
    if (!opener) {
      this.text("]");
      return at + 1;
    }
    if (!opener.active) {
      this.text("]");
      return at + 1;
    }
    const end = resourceEnd(this.src, at + 1, this.next);
    if (end < 0) {
      this.text("]");
      return at + 1;
    }
    this.consumed.push(at + 1, end);
    this.processEmphasis(opener.delimitersBelow);
    opener.resolved = "link";
    this.pieces.push({ kind: "link-end", image: opener.image });
    if (!opener.image) for (const b of this.brackets) if (!b.image) b.active = false;
    return end;
  }

  /** Emphasis for every delimiter run above `bottom` (all when null), which then leave the stack. */
  private processEmphasis(bottom: Delimiter | null): void {
    let first: Delimiter | null;
    if (bottom) {
      first = bottom.next;
      bottom.next = null;
    } else {
      first = this.lastDelimiter;
      while (first?.prev) first = first.prev;
    }
    this.lastDelimiter = bottom;
    if (first) {
      first.prev = null;
      pairDelimiters(first);
    }
  }
}
