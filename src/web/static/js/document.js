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
