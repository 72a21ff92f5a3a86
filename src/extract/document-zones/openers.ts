/** "The block opens with …" tests on folded text, shared by the zone readers. */
import { RECIPIENTS_LABELS } from "../registries/document-layout.js";
import { anyOf, WE } from "../registries/phrase-pattern.js";

export const MARKERS = String.raw`^[\s*_#>•\-+–]*`;
/** Folded text without leading list markers and emphasis, lower case (for "starts with" tests). */
export function leadText(folded: string): string {
  return folded.replace(/^[\s*_#>•\-+–]+/u, "").toLowerCase();
}
/** A test for "the block opens with one of these phrases", on folded text. */
export const opensWith = (list: readonly string[]) => new RegExp(`${MARKERS}(?:${anyOf(list)})${WE}`, "iu");
/** "Nơi nhận:" with its colon: a sentence about recipients ("Nơi nhận văn bản xác định …") is body text. */
export const RECIPIENTS_RE = new RegExp(`${MARKERS}(?:${anyOf(RECIPIENTS_LABELS)})\\s*:`, "iu");
