/**
 * Document page: the legend's checkboxes show or hide each kind of highlight,
 * and a jump from the fact lists briefly marks the highlight it lands on.
 */
const text = document.getElementById("doc-text");
const legend = document.getElementById("legend");

if (text && legend) {
  legend.addEventListener("change", (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement) text.classList.toggle(`hide-${box.value}`, !box.checked);
  });
}

function flashTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target || !text?.contains(target)) return;
  target.classList.remove("flash");
  // Re-adding the class restarts the animation when the same jump is clicked twice.
  void target.offsetWidth;
  target.classList.add("flash");
}

window.addEventListener("hashchange", flashTarget);
flashTarget();

/**
 * A link from search or the Chỉ tiêu page lands on "#p<page>-<start>-<end>": the
 * characters start…end of the document's text (the text of #doc-text, whatever
 * highlights wrap it) are marked and scrolled into view.
 */
function markPlace() {
  const m = /^#p(\d+)-(\d+)-(\d+)$/.exec(location.hash);
  if (!m || !text) return;
  for (const old of text.querySelectorAll("mark.found")) old.replaceWith(...old.childNodes);
  text.normalize();
  const [start, end] = [Number(m[2]), Number(m[3])];
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let at = 0;
  for (let node = walker.nextNode(); node && at < end; node = walker.nextNode()) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + node.data.length);
    if (from < to) pieces.push({ node, from: from - at, to: to - at });
    at += node.data.length;
  }
  let first = null;
  for (const { node, from, to } of pieces) {
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const mark = document.createElement("mark");
    mark.className = "found";
    middle.replaceWith(mark);
    mark.append(middle);
    first ??= mark;
  }
  if (first) {
    first.id = "found";
    first.scrollIntoView({ block: "center" });
  }
}

window.addEventListener("hashchange", markPlace);
markPlace();
