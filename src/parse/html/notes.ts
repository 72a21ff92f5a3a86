/**
 * Footnotes and endnotes in HTML: which links are note markers, which
 * elements hold the notes, and which links inside a note point back.
 *
 * Recognised shapes (all "a link to an element further down"):
 *   - mammoth:   <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> … <li id="footnote-1">… <a href="#footnote-ref-1">↑</a>
 *   - pandoc:    <a href="#fn1" id="fnref1" class="footnote-ref"><sup>1</sup></a> … <li id="fn1">… <a href="#fnref1">↩</a>
 *   - Word HTML: <a href="#_ftn1" name="_ftnref1">[1]</a> … <div id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> …
 * A marker's text must look like a note label ("1", "[1]", "(2)", "*"), and it
 * must sit in a <sup> or carry a "ref" id/name/class, so that ordinary
 * in-document links (tables of contents, cross references) stay text.
 *
 * Typed notes (documents converted from PDF): a <sup>N</sup> glued to a word,
 * paired with a later paragraph that opens with <sup>N</sup>. The marker is
 * dropped and that paragraph is a note where it stands, as the text parser
 * reads "<sup>1</sup> …"; a lone superscript ("m<sup>2</sup>") stays text.
 */
import type { Element, Root, RootContent } from "hast";

export type Note = { key: number; label: string; container: Element };

const LABEL = /^\s*[[(]?\s*(\d{1,3}|[*†‡§]{1,3}|[a-z])\s*[\])]?\s*$/i;
const NOTE_CONTAINER = new Set(["li", "div", "aside", "section", "p", "dd", "td"]);
const NOTE_ID = /(foot|end)note|^_?ftn|^_?edn|^fn/i;
const BACK_ARROWS = /^\s*[↑↩︎⤴^]+\s*$/u;

export class NoteIndex {
  private readonly refs = new Map<Element, Note>();
  private readonly containers = new Map<Element, Note>();
  private readonly hidden = new Set<Element>();
  private readonly typedNotes = new Map<Element, string>();

  /** Note marker → its note; markers are dropped from the running text. */
  noteAt(el: Element): Note | undefined {
    return this.refs.get(el);
  }

  isNoteContainer(el: Element): boolean {
    return this.containers.has(el);
  }

  /** Back links inside notes and typed markers: not text. */
  isHidden(el: Element): boolean {
    return this.hidden.has(el);
  }

  /** The label when this paragraph is a typed note ("<sup>1</sup> Thông báo …"). */
  typedNoteLabel(el: Element): string | undefined {
    return this.typedNotes.get(el);
  }

  static build(root: Root): NoteIndex {
    const index = new NoteIndex();
    const { byId, parent, order, anchors, sups } = survey(root);
    const refIds = new Set<string>();
    for (const a of anchors) {
      const href = String(a.properties.href ?? "");
      const target = byId.get(decodeURIComponentSafe(href.slice(1)));
      if (!target) continue;
      const label = plainText(a).trim();
      if (!LABEL.test(label) || !looksLikeMarker(a, parent)) continue;
      if ((order.get(target) ?? 0) <= (order.get(a) ?? 0)) continue;
      const container = noteContainer(target, parent);
      if (!container || contains(container, a, parent)) continue;
      let note = index.containers.get(container);
      if (!note) {
        note = { key: index.containers.size + 1, label: label.replace(/[[\]()\s]/g, ""), container };
        index.containers.set(container, note);
      }
      index.refs.set(a, note);
      for (const id of [a.properties.id, a.properties.name]) if (id) refIds.add(String(id));
    }
    for (const a of anchors) {
      if (index.refs.has(a)) continue;
      const href = String(a.properties.href ?? "");
      if (!refIds.has(decodeURIComponentSafe(href.slice(1))) && !BACK_ARROWS.test(plainText(a))) continue;
      for (let up = parent.get(a); up; up = parent.get(up))
        if (index.containers.has(up)) {
          index.hidden.add(a);
          break;
        }
    }
    index.pairTypedNotes(sups, parent, order);
    return index;
  }

  private pairTypedNotes(sups: Element[], parent: Map<Element, Element>, order: Map<Element, number>): void {
    const notesByLabel = new Map<string, { sup: Element; block: Element }[]>();
    const glued: { sup: Element; label: string }[] = [];
    for (const { sup, block, leading, glued: isGlued } of placeSups(sups, parent)) {
      const label = plainText(sup).trim();
      if (!/^\d{1,3}$/.test(label) || inside(sup, parent, (el) => this.containers.has(el) || this.refs.has(el))) continue;
      if (leading && block.tagName !== "td" && block.tagName !== "th") {
        const list = notesByLabel.get(label) ?? [];
        list.push({ sup, block });
        notesByLabel.set(label, list);
      } else if (isGlued) glued.push({ sup, label });
    }
    // In document order, one cursor per label finds each marker's next note.
    const byOrder = (a: { sup: Element }, b: { sup: Element }) => (order.get(a.sup) ?? 0) - (order.get(b.sup) ?? 0);
    glued.sort(byOrder);
    for (const notes of notesByLabel.values()) notes.sort(byOrder);
    const cursor = new Map<string, number>();
    for (const ref of glued) {
      const notes = notesByLabel.get(ref.label);
      if (!notes) continue;
      let k = cursor.get(ref.label) ?? 0;
      while (k < notes.length && (order.get(notes[k].sup) ?? 0) < (order.get(ref.sup) ?? 0)) k++;
      cursor.set(ref.label, k);
      const note = notes[k];
      if (!note) continue;
      this.hidden.add(ref.sup);
      this.hidden.add(note.sup);
      this.typedNotes.set(note.block, ref.label);
    }
  }
}

const TYPED_NOTE_BLOCKS = new Set(["p", "li", "div", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"]);

function looksLikeMarker(a: Element, parent: Map<Element, Element>): boolean {
  const refName = [a.properties.id, a.properties.name, ...(Array.isArray(a.properties.className) ? a.properties.className : [])].map(String).join(" ");
  if (/ref/i.test(refName)) return true;
  const up = parent.get(a);
  const above = up && parent.get(up);
  if (up?.tagName === "sup" || above?.tagName === "sup") return true;
  return a.children.some((c) => c.type === "element" && c.tagName === "sup");
}

function noteContainer(target: Element, parent: Map<Element, Element>): Element | null {
  let el: Element | undefined = target;
  while (el && !NOTE_CONTAINER.has(el.tagName)) el = parent.get(el);
  if (!el || el.tagName === "td") return null;
  const up = parent.get(el);
  if (el.tagName === "p" && up?.tagName === "div" && NOTE_ID.test(String(up.properties.id ?? ""))) return up;
  return el;
}

function contains(container: Element, el: Element, parent: Map<Element, Element>): boolean {
  for (let up: Element | undefined = el; up; up = parent.get(up)) if (up === container) return true;
  return false;
}

function inside(el: Element, parent: Map<Element, Element>, test: (el: Element) => boolean): boolean {
  for (let up = parent.get(el); up; up = parent.get(up)) if (test(up)) return true;
  return false;
}

/**
 * For each <sup>: the block it belongs to, whether nothing visible precedes it
 * there (a note's own label) and whether it is glued to a word (a marker).
 * One walk per block, so many superscripts in one paragraph stay linear.
 */
function placeSups(sups: Element[], parent: Map<Element, Element>) {
  const byBlock = new Map<Element, Set<Element>>();
  for (const sup of sups) {
    let block = parent.get(sup);
    while (block && !TYPED_NOTE_BLOCKS.has(block.tagName)) block = parent.get(block);
    if (!block) continue;
    const set = byBlock.get(block) ?? new Set<Element>();
    set.add(sup);
    byBlock.set(block, set);
  }
  const placed: { sup: Element; block: Element; leading: boolean; glued: boolean }[] = [];
  for (const [block, wanted] of byBlock) {
    let seenText = false;
    let lastChar = "";
    const read = (text: string) => {
      if (/\S/u.test(text)) seenText = true;
      if (text) lastChar = text[text.length - 1];
    };
    const stack: RootContent[] = [...block.children].reverse() as RootContent[];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === "element" && wanted.has(node)) {
        placed.push({ sup: node, block, leading: !seenText, glued: /\S/u.test(lastChar) });
        read(plainText(node));
      } else if (node.type === "text") read(node.value);
      else if (node.type === "element") for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
    }
  }
  return placed;
}

/** One iterative pass: ids and names, parents, document order, and in-page links. */
function survey(root: Root) {
  const byId = new Map<string, Element>();
  const parent = new Map<Element, Element>();
  const order = new Map<Element, number>();
  const anchors: Element[] = [];
  const sups: Element[] = [];
  const stack: { node: RootContent; up: Element | null }[] = root.children.map((node) => ({ node, up: null })).reverse();
  let n = 0;
  while (stack.length) {
    const { node, up } = stack.pop()!;
    if (node.type !== "element") continue;
    order.set(node, n++);
    if (up) parent.set(node, up);
    for (const key of [node.properties.id, node.properties.name]) if (key !== undefined && key !== null && !byId.has(String(key))) byId.set(String(key), node);
    if (node.tagName === "a" && String(node.properties.href ?? "").startsWith("#")) anchors.push(node);
    if (node.tagName === "sup") sups.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as RootContent, up: node });
  }
  return { byId, parent, order, anchors, sups };
}

function plainText(el: Element): string {
  let out = "";
  const stack: RootContent[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "text") out += node.value;
    else if (node.type === "element") for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
