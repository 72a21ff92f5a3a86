/**
 * Names that came from outside (file names, option values) as one safe line: a file
 * may be called "a\nfailed files:\n  x.pdf" or carry ESC sequences that rewrite the
 * terminal. Control characters (C0, DEL, C1), line and paragraph separators and bidi
 * overrides are shown as escapes (\n, \t, \x1b, \u202e); everything else, Vietnamese
 * letters included, is left as it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, "0");
