/**
 * pdf.js for the whole process, with the built-ins it patches put back.
 *
 * The legacy build (the one that runs on Node 20) carries core-js polyfills
 * that test the engine and, on Node 20's V8, replace `Array.prototype.push`
 * (for an error on non-writable lengths) and `JSON.parse` (for source-text
 * access) with JavaScript versions, process-wide. Every push in the parsers,
 * extractors and store then ran through the polyfill: a fifth of PDF parse
 * time. pdf.js needs neither edge case, so the native functions go back once
 * both halves (the API and the worker, which Node runs in-process) are loaded.
 *
 * Every module reaches pdf.js through here; `builtins-before` is imported
 * first so it evaluates before pdf.js does.
 */
import { nativeBuiltins } from "./pdfjs/builtins-before.js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
// Loaded now rather than on the first document: it sets globalThis.pdfjsWorker,
// which pdf.js uses in place of a fake worker it would import later.
import "pdfjs-dist/legacy/build/pdf.worker.mjs";

Array.prototype.push = nativeBuiltins.push;
JSON.parse = nativeBuiltins.parse;

export const { AnnotationMode, OPS, Util, VerbosityLevel, getDocument, normalizeUnicode } = pdfjs;
export type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
