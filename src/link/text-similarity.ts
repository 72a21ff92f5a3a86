/**
 * How alike two Vietnamese sentences are, 0..1, for pairing a report's status row
 * with the plan task it reports on, and a result with its target.
 *
 * Tokens are \p{L}+ / \p{N}+ runs of the foldLoose text: stock tokenizers split
 * "Đảng" or "hóa" into pieces. The score is the mean of a token-set Dice (word
 * overlap) and a character-bigram Dice over the joined tokens (tolerates
 * inflected or abbreviated words) — the bigram Dice as natural's
 * DiceCoefficient computes it, but with each text's bigrams computed once: the
 * metrics query compares every target with every result of a commune. Pairwise
 * only, no corpus statistics, so a score never changes when other documents arrive.
 */
import { foldLoose } from "../normalise/fold.js";

export type Comparable = { tokens: Set<string>; bigrams: Set<string> };

export function comparable(text: string): Comparable {
  const tokens = foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const joined = tokens.join(" ");
  const padded = joined.length === 1 ? `${joined} ` : joined;
  const bigrams = new Set<string>();
  for (let i = 0; i < padded.length - 1; i++) bigrams.add(padded.slice(i, i + 2));
  return { tokens: new Set(tokens), bigrams };
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function similarity(a: Comparable, b: Comparable): number {
  if (!a.tokens.size || !b.tokens.size) return 0;
  // Rounded so that stored scores compare equal whatever the import order.
  return Math.round(((dice(a.tokens, b.tokens) + dice(a.bigrams, b.bigrams)) / 2) * 10000) / 10000;
}
