/** How lists name a document: a link to its page, marked when the archive does not hold it. */
import { el } from "./dom.js";
import { KIND_LABELS, say } from "./labels.js";

export function documentLabel(d) {
  return d.code ?? say("noNumber", { kind: KIND_LABELS[d.kind] ?? say("documentFallback"), id: d.id });
}

export function documentLink(d) {
  return [
    el("a", { href: `/documents/${d.id}`, class: "doc-code" }, documentLabel(d)),
    d.placeholder ? [" ", el("span", { class: "badge placeholder" }, say("notHeldBadge"))] : null,
  ];
}
