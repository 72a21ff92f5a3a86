/** Previous/next controls for a paged list; the offset lives in the address so a page can be linked. */
import { el, replaceChildren } from "./dom.js";
import { say } from "./labels.js";

export function currentOffset() {
  const n = Number(new URLSearchParams(location.search).get("offset"));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export function drawPager(container, { total, limit, offset }, onChange) {
  if (!container) return;
  if (total <= limit) return replaceChildren(container);
  const go = (next) => {
    const params = new URLSearchParams(location.search);
    if (next > 0) params.set("offset", String(next));
    else params.delete("offset");
    history.pushState(null, "", `${location.pathname}?${params}`);
    onChange();
  };
  const prev = el("button", { type: "button", disabled: offset === 0 }, say("previous"));
  const next = el("button", { type: "button", disabled: offset + limit >= total }, say("next"));
  prev.addEventListener("click", () => go(Math.max(0, offset - limit)));
  next.addEventListener("click", () => go(offset + limit));
  replaceChildren(container, prev, ` ${offset + 1}–${Math.min(total, offset + limit)} / ${total} `, next);
}

/** Back/forward through pages re-reads the list. */
export function onHistory(onChange) {
  window.addEventListener("popstate", onChange);
}
