/**
 * Where HTML says a new page starts. HTML has no pages, but documents saved
 * from Word (and the DOCX route) mark forced breaks:
 *   - <br class="vanban-page-break"> (the DOCX route's mapping of Word page breaks),
 *   - CSS page-break-before/after: always | page (Word "Save as HTML"),
 *     and the modern break-before/after: page.
 */
import type { Element } from "hast";

export const PAGE_BREAK_CLASS = "vanban-page-break";

const BEFORE = /(?:^|;)\s*(?:page-)?break-before\s*:\s*(?:always|page|left|right)/i;
const AFTER = /(?:^|;)\s*(?:page-)?break-after\s*:\s*(?:always|page|left|right)/i;

const style = (el: Element) => (typeof el.properties.style === "string" ? el.properties.style : "");
const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);

export const breaksPageBefore = (el: Element) => classes(el).includes(PAGE_BREAK_CLASS) || BEFORE.test(style(el));
export const breaksPageAfter = (el: Element) => AFTER.test(style(el));
