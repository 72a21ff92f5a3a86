/**
 * Decoding of Vietnamese plain-text files whose encoding nobody recorded.
 *
 * `decodeVietnameseText(bytes)` accepts:
 * - UTF-8, with or without BOM; any valid UTF-8 is taken as UTF-8;
 * - UTF-16 LE or BE with a BOM;
 * - otherwise one of the single-byte encodings of pre-Unicode archives:
 *   - windows-1258 (cp1258): base letter or one of â ê ô ơ ư ă đ, then a
 *     combining tone-mark byte where cp1258 has no precomposed letter;
 *   - TCVN3 / ABC (.VnTime, .VnTimeH): one byte per letter; read with the
 *     full TCVN 5712 VN1 table (capitals with tones at 0x80–0x9F and
 *     0x01–0x17) and Windows “ ” – … at the codes Word put them; all-caps
 *     words typed in .VnTimeH with lowercase codes come back all caps;
 *   - VNI-Windows: base letter followed by mark bytes ("a" + "ù" = á).
 *   The candidate whose decoding reads most like Vietnamese (valid
 *   syllables, tone mark in the right place) wins.
 * The text returned is NFC; line endings are left as they are.
 *
 * `encodeTcvn3` and `encodeVni` are the inverse encoders (used to build the
 * legacy fixtures and round-trip tests).
 */
import iconv from "iconv-lite";
import { hasRegularTonePlacement, parseSyllable } from "./syllable.js";
import { CP1252_HIGH, TCVN3_PUNCTUATION, TCVN3_TO_UNICODE, VNI_TO_UNICODE } from "./legacy-encoding-tables.js";

export type DecodedText = {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";
  confidence: number;
};

type SingleByte = "windows-1258" | "tcvn3" | "vni";

export function decodeVietnameseText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)).normalize("NFC"), encoding: "utf-16le", confidence: 1 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)).normalize("NFC"), encoding: "utf-16be", confidence: 1 };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8.normalize("NFC"), encoding: "utf-8", confidence: 1 };

  // the encoding is decided once, on a sample; only the winner decodes the whole file
  const sample = legacyTokenSample(bytes);
  const candidates = SINGLE_BYTE.map((encoding) => ({ encoding, ...plausibility(decodeSingleByte(sample, encoding).normalize("NFC")) }));
  // a stable sort keeps windows-1258 first among equals: the most common
  // single-byte encoding of Windows-era text files
  candidates.sort((a, b) => b.score - a.score || b.common - a.common);
  const [best, second] = candidates;
  const text = decodeSingleByte(bytes, best.encoding).normalize("NFC");
  if (best.words === 0) return { text, encoding: best.encoding, confidence: 0.5 };
  // a close runner-up means the letters seen fit several encodings
  const confidence = best.score * Math.min(1, (best.score - second.score) / 0.3);
  return { text, encoding: best.encoding, confidence: Math.round(confidence * 100) / 100 };
}

const SINGLE_BYTE = ["windows-1258", "tcvn3", "vni"] as const;

/** Bytes of legacy-encoded words a sample holds: a few hundred words decide the encoding. */
const SAMPLE_BYTES = 4096;

/**
 * The first SAMPLE_BYTES bytes of the words holding a byte outside printable
 * ASCII, space-separated. Words are cut at ASCII spaces, punctuation and
 * digits only, bytes every candidate reads alike, so each decodes here as it
 * does in the whole file and ASCII-only stretches (headers, tables of
 * numbers, English) cost nothing however long they are.
 */
function legacyTokenSample(bytes: Uint8Array): Uint8Array {
  const sample = new Uint8Array(Math.min(bytes.length + 1, SAMPLE_BYTES + 64));
  let length = 0;
  let start = 0;
  let legacy = false;
  for (let i = 0; i <= bytes.length && length < SAMPLE_BYTES; i++) {
    const b = i < bytes.length ? bytes[i] : 0x20;
    if (isWordBreak(b)) {
      if (legacy && length + (i - start) + 1 <= sample.length) {
        sample.set(bytes.subarray(start, i), length);
        length += i - start;
        sample[length++] = 0x20;
      }
      start = i + 1;
      legacy = false;
    } else if (b >= 0x80 || b < 0x20) legacy = true;
  }
  return sample.subarray(0, length);
}

/** ASCII whitespace, punctuation and digits: the separators `plausibility` splits on. */
const isWordBreak = (b: number) =>
  (b >= 0x09 && b <= 0x0d) || (b >= 0x20 && b <= 0x40) || (b >= 0x5b && b <= 0x60) || (b >= 0x7b && b <= 0x7e);

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: false (the default) drops a leading BOM
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeSingleByte(bytes: Uint8Array, encoding: SingleByte): string {
  if (encoding === "tcvn3") return decodeTcvn3(bytes);
  if (encoding === "vni") return decodeVni(bytes);
  return iconv.decode(bytes, "windows1258");
}

// ---------------------------------------------------------------- TCVN3

const LETTER = /[\p{L}\p{M}]/u;

/** One UTF-16 code unit per byte (every table value is one), so string index = byte index. */
function byteTable(table: Readonly<Record<number, string>>): Uint16Array {
  return Uint16Array.from({ length: 256 }, (_, b) => (table[b] ?? String.fromCharCode(b)).charCodeAt(0));
}

function decodeWithTable(bytes: Uint8Array, table: Uint16Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = table[bytes[i]];
  let out = "";
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

const TCVN3_UNITS = byteTable(TCVN3_TO_UNICODE);

function decodeTcvn3(bytes: Uint8Array): string {
  const letters = decodeWithTable(bytes, TCVN3_UNITS);
  let out = "";
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    const punct = TCVN3_PUNCTUATION[bytes[i]];
    if (punct === undefined || readsAsLetter(letters, i, from)) continue;
    out += letters.slice(from, i) + punct;
    from = i + 1;
  }
  return restoreCapitals(out + letters.slice(from));
}

/** Whether the VN1 capital at i fits its neighbours better than punctuation. */
function readsAsLetter(chars: string, i: number, from: number): boolean {
  let start = i;
  let end = i + 1;
  // `from`: just after the last code already read as punctuation, which is no letter
  while (start > from && LETTER.test(chars[start - 1])) start--;
  while (end < chars.length && LETTER.test(chars[end])) end++;
  // a lone capital vowel ("“ " or " – ") is far likelier punctuation
  if (end - start === 1) return false;
  return readsAsSyllable(chars.slice(start, end).normalize("NFC"));
}

/**
 * .VnTimeH headings store capitals with tones as lowercase codes, so
 * "KẾT LUẬN" arrives as "KếT LUậN": a word whose ASCII letters are all
 * capitals (two at least, so "Kế" is left alone) is uppercased whole.
 */
function restoreCapitals(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const ascii = word.replace(/[^A-Za-z]/g, "");
    if (ascii.length < 2 || /[a-z]/.test(ascii)) return word;
    return word.toUpperCase();
  });
}

const UNICODE_TO_TCVN3 = invert(TCVN3_TO_UNICODE, TCVN3_PUNCTUATION);

export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const code = UNICODE_TO_TCVN3.get(ch);
    if (code !== undefined) out.push(code);
    else out.push(ch.charCodeAt(0) < 0x80 || ch === "\u00a0" ? ch.charCodeAt(0) : 0x3f);
  }
  return Uint8Array.from(out);
}

function invert(...tables: Readonly<Record<number, string>>[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const table of tables) {
    for (const [code, ch] of Object.entries(table)) {
      // combining tone marks are only read, never written: precomposed wins
      if (!/\p{M}/u.test(ch)) map.set(ch, Number(code));
    }
  }
  return map;
}

// ---------------------------------------------------------------- VNI

const VNI = new Map(Object.entries(VNI_TO_UNICODE));
const UNICODE_TO_VNI = new Map(Object.entries(VNI_TO_UNICODE).map(([seq, ch]) => [ch, seq] as const));
const CP1252_TO_BYTE = new Map(Object.entries(CP1252_HIGH).map(([code, ch]) => [ch, Number(code)] as const));

const CP1252_UNITS = byteTable(CP1252_HIGH);
// the longest sequence wins ("oâ" is ô, not o + â): two-character keys first
const VNI_SEQUENCE = new RegExp(
  [...VNI.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "gu",
);

function decodeVni(bytes: Uint8Array): string {
  return decodeWithTable(bytes, CP1252_UNITS).replace(VNI_SEQUENCE, (seq) => VNI.get(seq)!);
}

export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const seq = UNICODE_TO_VNI.get(ch);
    if (seq !== undefined) {
      for (const c of seq) out.push(c.charCodeAt(0));
      continue;
    }
    const code = ch.charCodeAt(0);
    out.push(CP1252_TO_BYTE.get(ch) ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f));
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- scoring

/** A syllable as a correct code page yields it: case runs on, tone on the right vowel. */
function readsAsSyllable(word: string): boolean {
  // mixed case ("lỔ") is how a wrong code page shows through
  const lower = word.toLowerCase();
  if (word !== lower && word !== word.toUpperCase() && word.slice(1) !== lower.slice(1)) return false;
  const syllable = parseSyllable(word);
  return syllable !== null && hasRegularTonePlacement(syllable);
}

const COMMON = new Set([
  "của", "và", "các", "được", "những", "trên", "với", "để", "này", "người", "đã", "có", "công",
  "ngày", "tháng", "năm", "thực", "hiện", "số", "hoạch", "việc", "đồng", "chính", "hành", "nhiệm",
  "vụ", "tổ", "chức", "xã", "về", "đảng", "ủy", "nhân", "dân", "triển", "đổi", "phát",
]);

/**
 * Share of the words with non-ASCII letters that are valid Vietnamese
 * syllables (ASCII-only words read the same in every candidate, so they
 * carry no signal), plus how many are very common words for tie-breaks.
 */
function plausibility(text: string): { score: number; common: number; words: number } {
  let words = 0;
  let valid = 0;
  let common = 0;
  // split on ASCII punctuation/digits and typographic quotes and dashes
  // only: the stray symbols a wrong code page yields (¶ · ¸) stay inside
  // words and spoil them
  for (const token of text.split(/[\s!-@[-`{-~“”‘’–—…•]+/u)) {
    if (!/[^\x00-\x7f]/.test(token)) continue;
    words++;
    if (readsAsSyllable(token)) valid++;
    if (COMMON.has(token.toLowerCase())) common++;
  }
  return { score: words === 0 ? 0 : valid / words, common, words };
}
