/**
 * Word's automatic list numbering, recomputed: mammoth turns numbered paragraphs
 * into <ol>/<ul> items and drops the printed "1." / "a)" / "II.", which carry
 * the document's structure. This reads word/numbering.xml and the paragraph
 * styles of word/styles.xml and replays the counters in document order.
 *
 * Counting follows Word: every w:num that points at the same w:abstractNum
 * continues one sequence, unless the w:num restarts a level with
 * w:startOverride (that is how Word writes "Restart at 1"); a paragraph resets
 * the counters of the levels below it.
 */
import { formatNumber } from "../list-number-format.js";
import { attribute, isOn, xmlTags } from "./xml-tags.js";

type ListLevel = {
  start: number;
  format: string;
  /** Template as in w:lvlText: "%1.", "%1.%2.", "(%3)", or a bullet glyph. */
  template: string;
  /** w:lvlRestart="0": this level never restarts. */
  neverRestarts: boolean;
  /** w:isLgl: all placeholders printed as decimals ("1.1." under "I."). */
  legal: boolean;
  bold: boolean;
};

type AbstractList = { levels: Map<number, ListLevel>; numStyleLink: string | null };
type ListInstance = { abstractId: string; startOverrides: Map<number, number>; levelOverrides: Map<number, ListLevel> };
type NumberingRef = { numId: string; ilvl: number | null };
type StyleDefinition = { basedOn: string | null; numbering: NumberingRef | null };

export type ListDefinitions = {
  abstracts: Map<string, AbstractList>;
  instances: Map<string, ListInstance>;
  styles: Map<string, StyleDefinition>;
  /** Paragraph styles tied to a level from the numbering side (w:lvl/w:pStyle). */
  levelStyles: Map<string, { abstractId: string; ilvl: number }>;
};

export type ListLabel = { label: string; ordered: boolean; bold: boolean };

export function readListDefinitions(numberingXml: string | null, stylesXml: string | null): ListDefinitions {
  const defs: ListDefinitions = { abstracts: new Map(), instances: new Map(), styles: new Map(), levelStyles: new Map() };
  if (numberingXml) readNumberingPart(numberingXml, defs);
  if (stylesXml) readStylesPart(stylesXml, defs);
  return defs;
}

function readNumberingPart(xml: string, defs: ListDefinitions): void {
  let abstract: { id: string; list: AbstractList } | null = null;
  let instance: ListInstance | null = null;
  let overrideLevel: number | null = null;
  let level: (ListLevel & { ilvl: number }) | null = null;
  let inLevelRunProps = false;
  for (const tag of xmlTags(xml)) {
    const opening = tag.kind !== "close";
    switch (tag.name) {
      case "w:abstractNum":
        if (tag.kind === "open") {
          abstract = { id: attribute(tag, "w:abstractNumId") ?? "", list: { levels: new Map(), numStyleLink: null } };
          defs.abstracts.set(abstract.id, abstract.list);
        } else if (tag.kind === "close") abstract = null;
        break;
      case "w:num":
        if (tag.kind === "open") {
          instance = { abstractId: "", startOverrides: new Map(), levelOverrides: new Map() };
          defs.instances.set(attribute(tag, "w:numId") ?? "", instance);
        } else if (tag.kind === "close") instance = null;
        break;
      case "w:abstractNumId":
        if (instance && opening) instance.abstractId = attribute(tag, "w:val") ?? "";
        break;
      case "w:lvlOverride":
        overrideLevel = tag.kind === "open" ? Number(attribute(tag, "w:ilvl") ?? 0) : null;
        break;
      case "w:startOverride":
        if (instance && overrideLevel !== null && opening) instance.startOverrides.set(overrideLevel, Number(attribute(tag, "w:val") ?? 0));
        break;
      case "w:numStyleLink":
        if (abstract && opening) abstract.list.numStyleLink = attribute(tag, "w:val") ?? null;
        break;
      case "w:lvl":
        if (tag.kind === "open") {
          const ilvl = Number(attribute(tag, "w:ilvl") ?? overrideLevel ?? 0);
          // Spec default for a missing w:start is 0; Word prints 0 then too.
          level = { ilvl, start: 0, format: "decimal", template: "", neverRestarts: false, legal: false, bold: false };
        } else if (tag.kind === "close" && level) {
          if (instance) instance.levelOverrides.set(level.ilvl, level);
          else if (abstract) abstract.list.levels.set(level.ilvl, level);
          level = null;
        }
        break;
      case "w:rPr":
        if (level) inLevelRunProps = tag.kind === "open";
        break;
      default:
        if (!level || !opening) break;
        if (tag.name === "w:start") level.start = Number(attribute(tag, "w:val") ?? 0);
        else if (tag.name === "w:numFmt") level.format = attribute(tag, "w:val") ?? "decimal";
        else if (tag.name === "w:lvlText") level.template = attribute(tag, "w:val") ?? "";
        else if (tag.name === "w:lvlRestart") level.neverRestarts = attribute(tag, "w:val") === "0";
        else if (tag.name === "w:isLgl") level.legal = isOn(tag);
        else if (tag.name === "w:b" && inLevelRunProps) level.bold = isOn(tag);
        else if (tag.name === "w:pStyle" && abstract) {
          const styleId = attribute(tag, "w:val");
          if (styleId) defs.levelStyles.set(styleId, { abstractId: abstract.id, ilvl: level.ilvl });
        }
    }
  }
}

function readStylesPart(xml: string, defs: ListDefinitions): void {
  let style: StyleDefinition | null = null;
  let numbering: { numId: string | null; ilvl: number | null } | null = null;
  for (const tag of xmlTags(xml)) {
    if (tag.name === "w:style") {
      if (tag.kind === "open") {
        style = { basedOn: null, numbering: null };
        defs.styles.set(attribute(tag, "w:styleId") ?? "", style);
      } else style = null;
    } else if (!style) continue;
    else if (tag.name === "w:basedOn" && tag.kind !== "close") style.basedOn = attribute(tag, "w:val") ?? null;
    else if (tag.name === "w:numPr") {
      if (tag.kind === "open") numbering = { numId: null, ilvl: null };
      else if (tag.kind === "close" && numbering) {
        if (numbering.numId !== null) style.numbering = { numId: numbering.numId, ilvl: numbering.ilvl };
        numbering = null;
      }
    } else if (numbering && tag.name === "w:numId" && tag.kind !== "close") numbering.numId = attribute(tag, "w:val") ?? null;
    else if (numbering && tag.name === "w:ilvl" && tag.kind !== "close") numbering.ilvl = Number(attribute(tag, "w:val") ?? 0);
  }
}

/**
 * The numbering a paragraph gets: its own w:numPr, else its style's (through
 * w:basedOn), else the level that names its style. numId 0 switches it off.
 */
export function paragraphNumbering(
  defs: ListDefinitions,
  own: { numId: string | null; ilvl: number | null },
  styleId: string | null,
): { numId: string; ilvl: number } | { abstractId: string; ilvl: number } | null {
  const fromStyle = styleNumbering(defs, styleId);
  if (own.numId !== null) {
    if (own.numId === "0") return null;
    return { numId: own.numId, ilvl: own.ilvl ?? fromStyle?.ilvl ?? 0 };
  }
  if (fromStyle) return fromStyle.numId === "0" ? null : { numId: fromStyle.numId, ilvl: own.ilvl ?? fromStyle.ilvl ?? 0 };
  const linked = styleId ? defs.levelStyles.get(styleId) : undefined;
  return linked ? { abstractId: linked.abstractId, ilvl: own.ilvl ?? linked.ilvl } : null;
}

function styleNumbering(defs: ListDefinitions, styleId: string | null): NumberingRef | null {
  for (let id = styleId, hops = 0; id && hops < 16; hops++) {
    const style = defs.styles.get(id);
    if (!style) return null;
    if (style.numbering) return style.numbering;
    id = style.basedOn;
  }
  return null;
}

/** Replays Word's list counters; call `next` for each numbered paragraph in document order. */
export class ListCounters {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly instancesSeen = new Set<string>();

  constructor(private readonly defs: ListDefinitions) {}

  next(ref: { numId: string; ilvl: number } | { abstractId: string; ilvl: number }): ListLabel | null {
    const instance = "numId" in ref ? this.defs.instances.get(ref.numId) : undefined;
    if ("numId" in ref && !instance) return null;
    const abstractId = this.resolveAbstract(instance ? instance.abstractId : (ref as { abstractId: string }).abstractId);
    const abstract = abstractId === null ? undefined : this.defs.abstracts.get(abstractId);
    if (!abstract || abstractId === null) return null;
    const levelAt = (l: number) => instance?.levelOverrides.get(l) ?? abstract.levels.get(l);
    const level = levelAt(ref.ilvl);
    if (!level) return null;

    let counters = this.counters.get(abstractId);
    if (!counters) this.counters.set(abstractId, (counters = []));
    if (instance && "numId" in ref && !this.instancesSeen.has(ref.numId)) {
      this.instancesSeen.add(ref.numId);
      for (const l of instance.startOverrides.keys()) for (let k = l; k < 9; k++) counters[k] = undefined;
    }
    const startAt = (l: number) => instance?.startOverrides.get(l) ?? levelAt(l)?.start ?? 1;
    const current = counters[ref.ilvl];
    counters[ref.ilvl] = current === undefined ? startAt(ref.ilvl) : current + 1;
    for (let k = ref.ilvl + 1; k < 9; k++) if (!levelAt(k)?.neverRestarts) counters[k] = undefined;

    if (level.format === "bullet") return { label: bulletMarker(level.template), ordered: false, bold: level.bold };
    const label = level.template.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const shown = levelAt(l);
      const value = counters[l] ?? startAt(l);
      return formatNumber(value, level.legal && l !== ref.ilvl ? "decimal" : (shown?.format ?? "decimal"));
    });
    return { label: label.trim(), ordered: true, bold: level.bold };
  }

  private resolveAbstract(abstractId: string): string | null {
    let id = abstractId;
    for (let hops = 0; hops < 5; hops++) {
      const link = this.defs.abstracts.get(id)?.numStyleLink;
      if (!link) return id;
      const viaStyle = styleNumbering(this.defs, link);
      const target = viaStyle ? this.defs.instances.get(viaStyle.numId)?.abstractId : undefined;
      if (!target) return id;
      id = target;
    }
    return id;
  }
}

/**
 * Bullet glyphs come from Symbol/Wingdings as private-use code points; the
 * model only knows "-", "+", "*" and "•".
 */
function bulletMarker(template: string): string {
  const ch = [...template.trim()][0] ?? "";
  const code = ch.codePointAt(0) ?? 0;
  const plain = code >= 0xf020 && code <= 0xf07f ? String.fromCharCode(code - 0xf000) : ch;
  if (/^[-\u2010-\u2015\u2212]$/.test(plain)) return "-";
  if (plain === "+" || plain === "*") return plain;
  return "•";
}
