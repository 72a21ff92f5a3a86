/** Reading the JSON API, and telling the reader when it fails. */
import { say } from "./labels.js";

export async function getJson(path, params = new URLSearchParams()) {
  const query = params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

/** Shows a failure in the page's #error box, and clears the "loading" line. */
export function reportError(error) {
  const box = document.getElementById("error");
  if (box) {
    box.textContent = say("error", { message: error.message });
    box.hidden = false;
  }
  const summary = document.getElementById("summary");
  if (summary) summary.textContent = "";
}

/** The page's own query string, without paging: filters to pass on to the API. */
export function pageFilters() {
  const params = new URLSearchParams(location.search);
  params.delete("limit");
  params.delete("offset");
  return params;
}
