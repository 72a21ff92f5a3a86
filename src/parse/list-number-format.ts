/**
 * Numbers as list labels print them: Word's w:numFmt values (decimal,
 * upperRoman, lowerLetter, …) — also what an HTML <ol type> asks for.
 */
const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** Word's letter sequence: a … z, aa … zz, aaa … */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return n > 0 && n < 4000 ? roman(n) : String(n);
    case "lowerRoman":
      return n > 0 && n < 4000 ? roman(n).toLowerCase() : String(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      return String(n); // decimal and the formats mammoth could not print either
  }
}
