/**
 * What a PDF page puts on paper, reduced to the two things layout analysis needs:
 * glyphs (text with its position, size and weight) and ruling segments (the lines
 * that draw table borders and the footnote separator).
 *
 * Coordinates are PDF points on the rotated page as displayed: x grows to the
 * right, y grows downwards from the top edge.
 */

export type Glyph = {
  /** Unicode of the glyph, with any combining marks drawn after it folded in. */
  text: string;
  x0: number;
  x1: number;
  /** Baseline (text rise included, so superscripts sit above their line). */
  base: number;
  /** Em size on the page. */
  size: number;
  bold: boolean;
  /** A space character as drawn: an explicit word boundary. */
  space: boolean;
};

/** A horizontal or vertical segment: `at` is its y (horizontal) or x (vertical). */
export type Rule = { axis: "h" | "v"; at: number; from: number; to: number };

export type PageMarks = {
  number: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  rules: Rule[];
  /** Glyphs left out because they are not upright (rotated stamps, vertical text). */
  skippedRotated: number;
};
