/**
 * Tags of an Office XML part, read without building a tree.
 *
 * The DOCX preparation only needs to know where paragraphs, their properties
 * and their text runs start and end, and to splice a few runs in; a flat scan
 * keeps the original bytes untouched elsewhere and never recurses, so hostile
 * nesting costs nothing here (the caller caps depth before mammoth recurses).
 * Office parts use fixed prefixes ("w:", "mc:") in practice, so names are
 * matched with their prefix.
 */
import { scanTags, type MarkupTag } from "../markup-tags.js";

export type XmlTag = MarkupTag;

export const xmlTags = (xml: string) => scanTags(xml);

const attributePatterns = new Map<string, RegExp>();

export function attribute(tag: XmlTag, name: string): string | undefined {
  let re = attributePatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, re);
  }
  const m = tag.rawAttributes.match(re);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2]);
}

/** OOXML on/off properties: present and not switched off by w:val. */
export function isOn(tag: XmlTag): boolean {
  const v = attribute(tag, "w:val");
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[ref] ?? whole;
  });
}

export const escapeXmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
