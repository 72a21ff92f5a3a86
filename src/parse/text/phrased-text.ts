/**
 * Inline content → the text a draft block carries, shared by both Markdown
 * readers (remark's tree and the line reader's inline scan), so that the two
 * differ only in how they read Markdown, never in what they make of it.
 *
 * `<br>` and line breaks become "\n"; `<sup>n</sup>` footnote markers are dropped
 * from the running text (a paragraph that *starts* with one is a footnote body
 * and reports its label). `bold` is true when every letter is bold.
 */
import { tidy } from "./clean-and-tidy.js";

export type Phrased = { text: string; bold: boolean; footnoteLabel: string | null };

// Tags converters use for formatting; any other tag in a document is kept as text.
const FORMATTING = "b|strong|i|em|u|s|sub|sup|span|font|a|p|div|small|big|mark|center";
export const FORMATTING_TAG = new RegExp(`^<\\/?(${FORMATTING})(\\s[^>]*)?\\/?>$`, "i");

const LETTER = /\p{L}/u;
const BR = /^<br\s*\/?>$/;
const DIGITS = /^\s*\d+\s*$/;

export class PhrasedText {
  private raw = "";
  private sawLetter = false;
  /** A letter outside bold: once seen, the block is not bold and letters need no more counting. */
  private sawPlainLetter = false;
  private htmlBold = 0;
  private inSup = false;
  private supText = "";
  private footnoteLabel: string | null = null;

  text(s: string, bold: boolean): void {
    if (this.inSup) {
      this.supText += s;
      return;
    }
    this.raw += s;
    if (this.sawPlainLetter) return;
    if (bold || this.htmlBold > 0) {
      if (!this.sawLetter && LETTER.test(s)) this.sawLetter = true;
    } else if (LETTER.test(s)) this.sawLetter = this.sawPlainLetter = true;
  }

  /** A raw HTML tag (or comment) as written. */
  html(value: string, bold: boolean): void {
    const tag = value.trim().toLowerCase();
    if (BR.test(tag)) this.text("\n", bold);
    else if (tag === "<sup>") {
      this.inSup = true;
      this.supText = "";
    } else if (tag === "</sup>") {
      // supText is deliberately not reset here: a stray "</sup>" re-reads the last one, as it always has.
      this.inSup = false;
      if (DIGITS.test(this.supText)) {
        if (!this.raw.trim()) this.footnoteLabel = this.supText.trim();
      } else this.text(this.supText, bold);
    } else if (tag === "<b>" || tag === "<strong>") this.htmlBold++;
    else if (tag === "</b>" || tag === "</strong>") this.htmlBold = Math.max(0, this.htmlBold - 1);
    else if (/^<sup>\s*\d+\s*<\/sup>$/.test(tag)) {
      if (!this.raw.trim()) this.footnoteLabel = tag.replace(/\D/g, "");
    } else if (!FORMATTING_TAG.test(tag)) this.text(value, bold); // <script> and the like are the document's text, not markup
  }

  result(): Phrased {
    return { text: tidy(this.raw), bold: this.sawLetter && !this.sawPlainLetter, footnoteLabel: this.footnoteLabel };
  }
}
