/**
 * A raw DEFLATE encoder written out by hand, for two reasons:
 *
 * - Node's bundled zlib (Chromium's fork) picks matches differently depending
 *   on the CPU's SIMD support, so `deflateRawSync` output is not byte-stable
 *   across machines; the committed fault files must be rebuildable bit for bit.
 * - A zip bomb needs a stream whose ratio we control exactly: the fixed-Huffman
 *   encoder tops out near 159:1 (a 258-byte match costs 13 bits), the
 *   hand-built dynamic block below reaches the format's ~1032:1 (2 bits).
 */
import { inflateRawSync } from "node:zlib";

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;

  /** Header fields and extra bits: least significant bit first. */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) this.flush();
    }
  }

  /** Huffman codes: most significant bit first (RFC 1951 §3.1.1). */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
  }

  private flush(): void {
    this.bytes.push(this.acc);
    this.acc = 0;
    this.n = 0;
  }

  done(): Buffer {
    if (this.n) this.flush();
    return Buffer.from(this.bytes);
  }
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function fixedLiteral(w: BitWriter, sym: number): void {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

function lastIndexLE(table: number[], value: number): number {
  let i = table.length - 1;
  while (table[i] > value) i--;
  return i;
}

function fixedMatch(w: BitWriter, length: number, distance: number): void {
  const l = lastIndexLE(LENGTH_BASE, length);
  fixedLiteral(w, 257 + l);
  w.bits(length - LENGTH_BASE[l], LENGTH_EXTRA[l]);
  const d = lastIndexLE(DIST_BASE, distance);
  w.code(d, 5);
  w.bits(distance - DIST_BASE[d], DIST_EXTRA[d]);
}

/**
 * One fixed-Huffman block, greedy LZ77 over a 32 KiB window. Plenty for the
 * repetitive XML of the fault files; nowhere near zlib on real prose.
 */
export function deflateFixed(data: Uint8Array): Buffer {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = 01, fixed Huffman
  const HASH = 1 << 15;
  const head = new Int32Array(HASH).fill(-1);
  const prev = new Int32Array(data.length).fill(-1);
  const hash = (i: number) => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & (HASH - 1);
  const insert = (i: number) => {
    if (i + 2 >= data.length) return;
    const h = hash(i);
    prev[i] = head[h];
    head[h] = i;
  };
  let i = 0;
  while (i < data.length) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + 2 < data.length) {
      let candidate = head[hash(i)];
      for (let tries = 0; candidate >= 0 && i - candidate <= 32768 && tries < 16; tries++) {
        const max = Math.min(258, data.length - i);
        let len = 0;
        while (len < max && data[candidate + len] === data[i + len]) len++;
        if (len > bestLen) {
          bestLen = len;
          bestDist = i - candidate;
          if (len === max) break;
        }
        candidate = prev[candidate];
      }
    }
    if (bestLen >= 3) {
      fixedMatch(w, bestLen, bestDist);
      for (let k = 0; k < bestLen; k++) insert(i + k);
      i += bestLen;
    } else {
      fixedLiteral(w, data[i]);
      insert(i);
      i++;
    }
  }
  fixedLiteral(w, 256);
  return checked(w.done(), data);
}

/**
 * `byte` repeated 1 + 258·k times, as one dynamic-Huffman block using only
 * three literal/length symbols (the byte, end-of-block, length 258) and one
 * distance (1): each 258-byte match costs 2 bits — the densest DEFLATE allows.
 */
export function deflateRunMaximal(byte: number, matches: number): Buffer {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(2, 2); // BTYPE = 10, dynamic Huffman
  w.bits(286 - 257, 5); // HLIT: literal/length codes 0..285
  w.bits(0, 5); // HDIST: one distance code
  // Code-length alphabet: 18 (run of zeros) gets 1 bit, lengths 1 and 2 get 2 bits.
  const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const clLengths: Record<number, number> = { 18: 1, 1: 2, 2: 2 };
  const used = ORDER.indexOf(1) + 1;
  w.bits(used - 4, 4); // HCLEN
  for (const sym of ORDER.slice(0, used)) w.bits(clLengths[sym] ?? 0, 3);
  // Canonical codes for that alphabet: 18 → 0, 1 → 10, 2 → 11.
  const zeros = (n: number) => {
    while (n > 0) {
      const run = Math.min(n, 138);
      if (run < 11) throw new Error("run of zeros too short for code 18");
      w.code(0b0, 1);
      w.bits(run - 11, 7);
      n -= run;
    }
  };
  const length1 = () => w.code(0b10, 2);
  const length2 = () => w.code(0b11, 2);
  // Literal/length code lengths: byte → 2, 256 → 2, 285 → 1; everything else 0.
  if (byte < 11 || 256 - byte - 1 < 11) throw new Error("pick a byte with 11+ unused symbols on each side");
  zeros(byte);
  length2();
  zeros(256 - byte - 1);
  length2(); // 256, end of block
  zeros(285 - 257);
  length1(); // 285, length 258
  length1(); // distance code 0, distance 1
  // Canonical literal/length codes: 285 → 0, byte → 10, 256 → 11.
  w.code(0b10, 2);
  for (let i = 0; i < matches; i++) {
    w.code(0b0, 1); // length 258
    w.code(0b0, 1); // distance 1
  }
  w.code(0b11, 2);
  const out = w.done();
  const inflated = inflateRawSync(out);
  if (inflated.length !== 1 + 258 * matches || inflated.some((b) => b !== byte)) throw new Error("deflateRunMaximal: bad stream");
  return out;
}

// A hand-written encoder must prove itself: every stream is inflated back once.
function checked(out: Buffer, data: Uint8Array): Buffer {
  if (!Buffer.from(data).equals(inflateRawSync(out))) throw new Error("deflateFixed: round trip failed");
  return out;
}

/** The zlib container (RFC 1950) that PDF's /FlateDecode expects around a raw stream. */
export function zlibFixed(data: Uint8Array): Buffer {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(((b << 16) | a) >>> 0, 0);
  // 0x78 0x01: deflate, 32 KiB window, "fastest" level, header check bits valid
  return Buffer.concat([Buffer.from([0x78, 0x01]), deflateFixed(data), trailer]);
}
