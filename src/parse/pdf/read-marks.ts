/**
 * Reads a page's glyphs and ruling segments from pdf.js's operator list.
 *
 * One pass over the operator list gives both: text positions (replaying the text
 * state the way pdf.js's canvas renderer does) and the drawn lines. It also names
 * the font of every glyph, which `getTextContent` does not (bold is read from the
 * font name). The operator list costs less than `getTextContent`, and a second
 * pass for text would nearly double the parse time.
 */
import { AnnotationMode, OPS, Util, normalizeUnicode, type PDFPageProxy } from "./pdfjs.js";
import { cleanText } from "../../normalise/text.js";
import type { Glyph, PageMarks, Rule } from "./marks.js";
import { addPathRules } from "./path-rules.js";

type Matrix = number[];

/** The parts of a pdf.js glyph object the text replay reads. */
type OpGlyph = { unicode: string; width: number; isSpace: boolean };

/** The parts of a pdf.js font object read here. */
type OpFont = { name?: string; bold?: boolean; black?: boolean; fontMatrix?: number[]; vertical?: boolean };

const FILL_STROKE = 2; // text rendering mode Word uses to fake bold
const BOLD_NAME = /bold|black|heavy|semibold|demi|extrabold|[,-]B$/i;
const COMBINING = /^\p{M}+$/u;

type TextState = {
  ctm: Matrix;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  renderMode: number;
  fontSize: number;
  font: OpFont | null;
  fontBold: boolean;
};

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * An e-signed document gets its number and day when the clerk signs it for
 * issue: the signature widgets print "362" after "Số:" and "14" after "ngày",
 * over a draft whose fields were blank. Such an annotation is kept as text;
 * any other (signer details, incoming-register stamps, form fields) is not the
 * document's text.
 */
const ISSUE_STAMP = /^\s*\d{1,6}\s*$/;

/** The draft's blanks under a stamped number are not spaces between its digits. */
function clearBlanksUnder(glyphs: Glyph[], stampStart: number): void {
  const stamp = glyphs.slice(stampStart);
  const under = (g: Glyph) =>
    g.space && stamp.some((d) => g.x0 < d.x1 && g.x1 > d.x0 && Math.abs(g.base - d.base) < d.size);
  let kept = 0;
  for (let i = 0; i < stampStart; i++) if (!under(glyphs[i])) glyphs[kept++] = glyphs[i];
  for (let i = stampStart; i < glyphs.length; i++) glyphs[kept++] = glyphs[i];
  glyphs.length = kept;
}

export async function readPageMarks(page: PDFPageProxy, number: number): Promise<PageMarks> {
  const viewport = page.getViewport({ scale: 1 });
  // Annotations are read too, but only a digits-only one is kept (see ISSUE_STAMP).
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const glyphs: Glyph[] = [];
  const rules: Rule[] = [];
  let skippedRotated = 0;
  let annotationStart = 0;
  const fonts = new Map<string, { font: OpFont | null; bold: boolean }>();

  let s: TextState = {
    ctm: IDENTITY,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    leading: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    renderMode: 0,
    fontSize: 0,
    font: null,
    fontBold: false,
  };
  const stack: TextState[] = [];

  const fontOf = (name: string) => {
    let f = fonts.get(name);
    if (!f) {
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as OpFont) : null;
      const bare = (font?.name ?? "").replace(/^[A-Z]{6}\+/, "");
      f = { font, bold: Boolean(font?.bold || font?.black) || BOLD_NAME.test(bare) };
      fonts.set(name, f);
    }
    return f;
  };

  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };

  const showText = (items: (OpGlyph | number)[]) => {
    const font = s.font;
    if (!font || s.fontSize === 0 || font.vertical) return;
    const m = Util.transform(Util.transform(viewport.transform, s.ctm), s.textMatrix);
    // Upright text only: a rotated or sheared text matrix is a stamp or a margin note.
    if (Math.abs(m[1]) > 1e-3 * Math.abs(m[0]) || Math.abs(m[2]) > 1e-3 * Math.abs(m[3]) || m[0] <= 0) {
      skippedRotated += items.length;
      advance(items);
      return;
    }
    const scaleX = m[0];
    const size = Math.abs(m[3]) * s.fontSize;
    const base = m[3] * (s.y + s.rise) + m[5];
    const advanceScale = s.fontSize * (font.fontMatrix?.[0] ?? 0.001);
    const bold = s.fontBold || s.renderMode === FILL_STROKE;
    let x = 0;
    for (const g of items) {
      if (typeof g === "number") {
        x -= (g * s.fontSize) / 1000;
        continue;
      }
      const width = g.width * advanceScale + (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
      const left = scaleX * (s.x + x * s.hScale) + m[4];
      const right = scaleX * (s.x + (x + g.width * advanceScale) * s.hScale) + m[4];
      x += width;
      const kind = glyphText(g.unicode);
      if (!kind.text) continue;
      const prev = glyphs[glyphs.length - 1];
      // A combining mark drawn as its own glyph belongs to the letter before it.
      if (kind.combining && prev) {
        prev.text = (prev.text + kind.text).normalize("NFC");
        continue;
      }
      glyphs.push({ text: kind.text, x0: Math.min(left, right), x1: Math.max(left, right), base, size, bold, space: kind.space });
    }
    s.x += x * s.hScale;
  };

  const advance = (items: (OpGlyph | number)[]) => {
    const advanceScale = s.fontSize * (s.font?.fontMatrix?.[0] ?? 0.001);
    let x = 0;
    for (const g of items) {
      if (typeof g === "number") x -= (g * s.fontSize) / 1000;
      else x += g.width * advanceScale + (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
    }
    s.x += x * s.hScale;
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...s });
        break;
      case OPS.restore:
        s = stack.pop() ?? s;
        break;
      case OPS.transform:
        s.ctm = Util.transform(s.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...s });
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) s.ctm = Util.transform(s.ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case OPS.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case OPS.beginAnnotation: {
        // args: id, rect, transform, matrix — the appearance stream drawn into the annotation's rectangle.
        stack.push({ ...s });
        s = { ...s, ctm: Util.transform(Util.transform(IDENTITY, args[2] as number[]), args[3] as number[]) };
        annotationStart = glyphs.length;
        break;
      }
      case OPS.endAnnotation:
        if (ISSUE_STAMP.test(glyphs.slice(annotationStart).map((g) => g.text).join(""))) clearBlanksUnder(glyphs, annotationStart);
        else glyphs.length = annotationStart;
        s = stack.pop() ?? s;
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case OPS.setFont: {
        const f = fontOf(String(args[0]));
        let size = Number(args[1]);
        if (size < 0) size = -size;
        s.font = f.font ?? {};
        s.fontBold = f.bold;
        s.fontSize = size;
        break;
      }
      case OPS.setTextMatrix:
        s.textMatrix = Array.from((Array.isArray(args[0]) || ArrayBuffer.isView(args[0]) ? args[0] : args) as ArrayLike<number>);
        s.x = s.y = s.lineX = s.lineY = 0;
        break;
      case OPS.moveText:
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeadingMoveText:
        s.leading = Number(args[1]);
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeading:
        s.leading = -Number(args[0]);
        break;
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.setCharSpacing:
        s.charSpacing = Number(args[0]);
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = Number(args[0]);
        break;
      case OPS.setHScale:
        s.hScale = Number(args[0]) / 100;
        break;
      case OPS.setTextRise:
        s.rise = Number(args[0]);
        break;
      case OPS.setTextRenderingMode:
        s.renderMode = Number(args[0]);
        break;
      case OPS.showText:
        showText(args[0] as (OpGlyph | number)[]);
        break;
      case OPS.constructPath: {
        const [paint, data] = args as [number, (ArrayLike<number> | null)[]];
        addPathRules(paint, data?.[0] ?? null, Util.transform(viewport.transform, s.ctm), rules);
        break;
      }
    }
  }
  return { number, width: viewport.width, height: viewport.height, glyphs, rules, skippedRotated };
}

type GlyphText = { text: string; space: boolean; combining: boolean };
const glyphTexts = new Map<string, GlyphText>();

/** Cleaned text of a glyph's Unicode (memoised: a document draws few distinct glyphs many times). */
function glyphText(unicode: string): GlyphText {
  let t = glyphTexts.get(unicode);
  if (!t) {
    const text = unicode ? cleanText(normalizeUnicode(unicode)) : "";
    const space = text !== "" && /^\s+$/.test(text);
    t = { text: space ? " " : text, space, combining: COMBINING.test(text) };
    if (glyphTexts.size < 50_000) glyphTexts.set(unicode, t);
  }
  return t;
}
