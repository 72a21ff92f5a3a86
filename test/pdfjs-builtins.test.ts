/**
 * pdf.js's legacy build patches built-ins process-wide on Node 20 (core-js:
 * Array.prototype.push, JSON.parse); src/parse/pdf/pdfjs.ts puts the engine's
 * own back. A JavaScript polyfill is an ordinary function with a `prototype`
 * property; V8's built-in methods have none. (`toString` cannot tell: core-js
 * makes its polyfills print "[native code]".)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/parse/index.js";

const isEngineBuiltin = (f: unknown) => typeof f === "function" && !Object.hasOwn(f, "prototype");

describe("pdf.js leaves the engine's built-ins in place", () => {
  it("push and JSON.parse are V8's own after a PDF is parsed", async () => {
    const doc = await parseBytes(readFileSync(new URL("../fixtures/000_9cf0e1b2418f68ec.pdf", import.meta.url)), "000_9cf0e1b2418f68ec.pdf");
    expect(doc.pages.length).toBeGreaterThan(0);
    expect(isEngineBuiltin(Array.prototype.push)).toBe(true);
    expect(isEngineBuiltin(JSON.parse)).toBe(true);
    // what pdf.js's polyfills were there for still works
    expect(JSON.parse('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });

  it("the check tells a polyfill from a built-in", () => {
    expect(isEngineBuiltin(Array.prototype.pop)).toBe(true);
    expect(isEngineBuiltin(function push() {})).toBe(false);
  });
});
