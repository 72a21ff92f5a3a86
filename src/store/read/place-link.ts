/**
 * Where the web document view shows a place of a document's text:
 * `/documents/<id>#p<page>-<start>-<end>` (page 0 when not known). The page's script
 * (src/web/static/js/document.js) scrolls to the span and marks it.
 */
export function placeLink(documentId: number, page: number | null, span: { start: number; end: number } | null): string {
  return span ? `/documents/${documentId}#p${page ?? 0}-${span.start}-${span.end}` : `/documents/${documentId}`;
}
