/**
 * The built-ins pdf.js's legacy build replaces, taken before it loads (see
 * ../pdfjs.ts, which imports this module first so that it runs first).
 */
export const nativeBuiltins = { push: Array.prototype.push, parse: JSON.parse };
