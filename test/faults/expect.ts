/**
 * What "one clear line" means, checked the same way for every case: the
 * failure is a ParseError for exactly this file, its message is the single
 * line "file: stage: reason", and the reason is the one the case calls for.
 */
import { expect } from "vitest";
import type { DocumentModel } from "../../schemas/document.js";
import { ParseError } from "../../src/parse/index.js";

export type Outcome = { ok: true; model: DocumentModel; ms: number } | { ok: false; error: unknown; ms: number };

export async function settle(run: () => Promise<DocumentModel>): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const model = await run();
    return { ok: true, model, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - t0 };
  }
}

/** Fails with the outcome in the message, so a red test shows the line that was actually produced. */
export function expectRefusal(outcome: Outcome, file: string, stage: string, ...reasons: (string | RegExp)[]): ParseError {
  const shown = outcome.ok ? `parsed into ${outcome.model.blocks.length} blocks` : String((outcome.error as Error)?.message ?? outcome.error);
  expect(outcome.ok, `expected a refusal, got: ${shown}`).toBe(false);
  if (outcome.ok) throw new Error("unreachable");
  const error = outcome.error;
  expect(error, shown).toBeInstanceOf(ParseError);
  const e = error as ParseError;
  expect({ file: e.file, stage: e.stage }, shown).toEqual({ file, stage });
  for (const reason of reasons) {
    if (typeof reason === "string") expect(e.reason, shown).toBe(reason);
    else expect(e.reason, shown).toMatch(reason);
  }
  expectOneLine(e);
  return e;
}

export function expectOneLine(e: ParseError): void {
  expect(e.message).toBe(`${e.file}: ${e.stage}: ${e.reason}`);
  expect(e.message).not.toMatch(/[\r\n]/);
  expect(e.reason.trim()).not.toBe("");
}

/** Deep nesting may be parsed (with levels capped) or refused, but never by running out of stack. */
export function expectParsedOrClearlyRefused(outcome: Outcome, file: string, stage: string, innermost: string): void {
  if (outcome.ok) {
    expect(outcome.model.text).toContain(innermost);
    return;
  }
  const e = expectRefusal(outcome, file, stage);
  expect(e.reason).not.toMatch(/call stack|too much recursion|stack overflow|not implemented/i);
}
