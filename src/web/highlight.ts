/**
 * A document's text as HTML with its facts highlighted. Spans may nest (a
 * deadline inside a task's table row) or overlap; the text is cut at every span
 * boundary, and each piece is wrapped in the spans covering it, outermost type
 * first, so elements stay properly nested and a span is only split where another
 * crosses it. Every piece of text goes through the `html` tag.
 */
import { Html, html } from "./html.js";
import { ANNOTATION_TYPES, type Annotation } from "./document-view.js";

const NESTING = new Map(ANNOTATION_TYPES.map((t, i) => [t, i]));

export function highlightText(text: string, annotations: readonly Annotation[]): Html {
  const spans = annotations
    .map((a) => ({ ...a, start: Math.max(0, a.start), end: Math.min(text.length, a.end) }))
    .filter((a) => a.end > a.start)
    .sort((a, b) => NESTING.get(a.type)! - NESTING.get(b.type)! || a.start - b.start || b.end - a.end);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((a) => [a.start, a.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  const open: { span: (typeof spans)[number]; close: string }[] = [];
  const started = new Set<(typeof spans)[number]>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((a) => a.start <= from && a.end >= to);
    let same = 0;
    while (same < open.length && same < covering.length && open[same].span === covering[same]) same++;
    while (open.length > same) out.push(open.pop()!.close);
    for (const span of covering.slice(same)) {
      const insideLink = open.some((o) => o.close === "</a>");
      const tag = openingTag(span, !started.has(span), insideLink);
      started.add(span);
      out.push(tag.open.value);
      open.push({ span, close: tag.close });
    }
    out.push(html`${text.slice(from, to)}`.value);
  }
  while (open.length) out.push(open.pop()!.close);
  return new Html(out.join(""));
}

/** The first piece of a span carries its anchor id, so the fact lists can link to it; a repeated mention carries none. */
function openingTag(a: Annotation, first: boolean, insideLink: boolean): { open: Html; close: string } {
  const anchor = first && !a.repeat ? `${a.type}-${a.id}` : undefined;
  const cls = `hl hl-${a.type}${first ? "" : " hl-cont"}`;
  if (a.type === "reference" && a.target && !insideLink) {
    const placeholder = a.target.placeholder ? "1" : undefined;
    return {
      open: html`<a class="${cls}" href="/documents/${a.target.id}" title="${a.label}"${anchor ? html` id="${anchor}"` : ""}${placeholder ? html` data-placeholder="${placeholder}"` : ""}>`,
      close: "</a>",
    };
  }
  const tag = a.type === "task" ? "span" : "mark";
  return { open: html`<${new Html(tag)} class="${cls}" title="${a.label}"${anchor ? html` id="${anchor}"` : ""}>`, close: `</${tag}>` };
}
