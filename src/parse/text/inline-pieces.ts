/** What the inline scan (inline-markup.ts) cuts a paragraph into, and how the pieces become text. */
import type { Delimiter } from "./emphasis.js";
import type { PhrasedText } from "./phrased-text.js";

export type Bracket = {
  kind: "bracket";
  image: boolean;
  /** Link openers before a link are dead: links do not nest. */
  active: boolean;
  /** Last delimiter before the bracket: emphasis inside the link text stops here. */
  delimitersBelow: Delimiter | null;
  resolved: "literal" | "link";
};

export type Piece =
  | { kind: "text"; value: string }
  | { kind: "code"; value: string }
  | { kind: "html"; value: string }
  | { kind: "link-end"; image: boolean }
  | Delimiter
  | Bracket;

/** The scanned pieces as text: emphasis runs left unpaired and brackets that made no link stay as written; an image's alt text is not the document's. */
export function emitPieces(pieces: readonly Piece[], out: PhrasedText): void {
  let strong = 0;
  let hidden = 0; // inside an image: alt text is not part of the document's text
  for (const p of pieces) {
    switch (p.kind) {
      case "text":
      case "code":
        if (!hidden) out.text(p.value, strong > 0);
        break;
      case "html":
        if (!hidden) out.html(p.value, strong > 0);
        break;
      case "delimiter":
        strong -= p.strongCloses;
        if (p.count && !hidden) out.text(String.fromCharCode(p.char).repeat(p.count), strong > 0);
        strong += p.strongOpens;
        break;
      case "bracket":
        if (p.resolved === "link") {
          if (p.image) hidden++;
        } else if (!hidden) out.text(p.image ? "![" : "[", strong > 0);
        break;
      case "link-end":
        if (p.image) hidden--;
        break;
    }
  }
}
