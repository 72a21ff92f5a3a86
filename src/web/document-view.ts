/**
 * Everything the Document page shows, and /api/documents/:id returns: the
 * store's `show` answer, the document's text when the store holds it, and the
 * spans to highlight in that text — references, deadlines, metrics, tasks and
 * the extractor's warnings, each at the provenance span it was read from.
 */
import { AnnotationType, type Annotation, type DocumentView } from "../../schemas/answers.js";
import type { Span } from "../../schemas/document.js";
import { foldForMatch } from "../normalise/fold.js";
import { t } from "../i18n/index.js";
import { documentText, metricSpans, showDocument, type Store } from "../store/index.js";
import { DEADLINE_KIND_LABELS, METRIC_ROLE_LABELS, RELATION_LABELS, documentLabel } from "./labels.js";

export const ANNOTATION_TYPES = AnnotationType.options;
export type { Annotation, DocumentView };

export function documentView(db: Store, id: number): DocumentView {
  const shown = showDocument(db, String(id));
  const spans = metricSpans(db, id);
  const metrics = shown.metrics.map((m) => ({ ...m, span: spans.get(m.id) ?? null }));
  const text = documentText(db, id);
  const annotations = annotationsOf({ ...shown, metrics });
  return { ...shown, metrics, text, annotations: text === null ? annotations : withEveryMention(text, annotations, shown.references) };
}

function annotationsOf(v: Omit<DocumentView, "text" | "annotations">): Annotation[] {
  const out: Annotation[] = [];
  const add = (a: Omit<Annotation, "start" | "end">, span: Span | null) => {
    if (span && span.end > span.start) out.push({ ...a, start: span.start, end: span.end });
  };
  for (const task of v.tasks) add({ type: "task", id: task.id, label: t("annotation.task", { ordinal: task.ordinal ?? "" }).trim() }, task.span);
  v.references.forEach((r, i) => {
    // Edges reported by another document carry spans into that document's text, not this one.
    if (r.reportedBy) return;
    const where = r.target.placeholder ? t("annotation.notHeld") : "";
    add(
      { type: "reference", id: i, label: t("annotation.reference", { relation: RELATION_LABELS[r.relation] ?? r.relation, target: documentLabel(r.target), where }), target: { id: r.target.id, placeholder: r.target.placeholder } },
      r.span,
    );
  });
  for (const d of v.deadlines) {
    const when = d.start && d.end && d.start !== d.end ? `${d.start} → ${d.end}` : (d.end ?? d.start ?? "");
    add({ type: "deadline", id: d.position, label: t("annotation.deadline", { kind: DEADLINE_KIND_LABELS[d.kind] ?? d.kind, when: when ? `: ${when}` : "" }) }, d.span);
  }
  // The extractor's warnings at the statement they question (consistency checks, parser notes with a place).
  v.document.messages.forEach((m, i) => add({ type: "message", id: i, label: t("annotation.message", { message: m.message }) }, m.span));
  for (const m of v.metrics) {
    const role = m.role ? (METRIC_ROLE_LABELS[m.role] ?? m.role) : t("doc.metric");
    add({ type: "metric", id: m.id, label: `${role}: ${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.value}${m.unit === "%" ? "%" : ` ${m.unit}`}` }, m.span);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The extraction keeps one span per citation, where the reference was read; a
 * document often names the same directive again ("… theo Nghị quyết 57-NQ/TW").
 * Every other place the text writes the cited code — compared folded (tone
 * placement, dashes; same length, so offsets hold) and as a whole token — is
 * highlighted too, linking to the same document.
 */
function withEveryMention(text: string, annotations: Annotation[], references: DocumentView["references"]): Annotation[] {
  const folded = foldForMatch(text);
  const taken = annotations.filter((a) => a.type === "reference").map((a) => [a.start, a.end] as const);
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const extra: Annotation[] = [];
  for (const first of annotations) {
    if (first.type !== "reference" || !first.target) continue;
    const code = references[first.id]?.target.code;
    if (!code || code.length < 3) continue;
    const needle = foldForMatch(code);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (TOKEN_CHAR.test(text[at - 1] ?? "") || TOKEN_CHAR.test(text[end] ?? "") || overlaps(at, end)) continue;
      taken.push([at, end]);
      extra.push({ ...first, start: at, end, repeat: true });
    }
  }
  return [...annotations, ...extra].sort((a, b) => a.start - b.start || b.end - a.end);
}

const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
