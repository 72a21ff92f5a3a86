/**
 * A grey page image as pdftoppm writes it (binary PGM, "P5", 8 bits), and the
 * turns the OCR stage applies to it: quarter turns for a sheet fed sideways or
 * upside down, and a small rotation to straighten a sheet laid askew.
 *
 * PGM is read here rather than through an image library: it is a short text
 * header and the raw pixel bytes, and pdftoppm writes nothing else.
 */

export type GrayImage = { width: number; height: number; data: Uint8Array };

export const WHITE = 255;

export function readPgm(buf: Uint8Array): GrayImage {
  // Header: "P5" width height maxval, separated by whitespace (comments after "#").
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < buf.length) {
    while (i < buf.length && /\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
      continue;
    }
    let s = "";
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i]))) s += String.fromCharCode(buf[i++]);
    fields.push(s);
  }
  const [magic, w, h, max] = fields;
  if (magic !== "P5" || Number(max) !== 255) throw new Error(`not an 8-bit binary PGM (${magic} ${max})`);
  const width = Number(w);
  const height = Number(h);
  const start = i + 1; // one whitespace byte after maxval
  if (buf.length < start + width * height) throw new Error("truncated PGM");
  return { width, height, data: buf.subarray(start, start + width * height) };
}

export function encodePgm(img: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, "ascii");
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length)]);
}

/** Turns the image clockwise by `turns` quarter turns. */
export function rotateQuarter(img: GrayImage, turns: number): GrayImage {
  const t = ((turns % 4) + 4) % 4;
  if (t === 0) return img;
  const { width: w, height: h, data } = img;
  const W = t === 2 ? w : h;
  const H = t === 2 ? h : w;
  const out = new Uint8Array(W * H);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const v = data[row + x];
      // Clockwise by 90°: (x, y) → (h-1-y, x); by 180°: (w-1-x, h-1-y); by 270°: (y, w-1-x).
      if (t === 1) out[x * W + (h - 1 - y)] = v;
      else if (t === 2) out[(h - 1 - y) * W + (w - 1 - x)] = v;
      else out[(w - 1 - x) * W + y] = v;
    }
  }
  return { width: W, height: H, data: out };
}

/**
 * Straightens text lines that run at `degrees` from the horizontal (positive:
 * descending to the right, y growing downwards): each output row is sampled
 * along such a line of the input, about the centre. Same size, nearest
 * neighbour, white where the sheet ran out.
 */
export function straighten(img: GrayImage, degrees: number): GrayImage {
  const { width: w, height: h, data } = img;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  const out = new Uint8Array(w * h).fill(WHITE);
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      const ix = Math.round(sx);
      const iy = Math.round(sy);
      if (ix >= 0 && iy >= 0 && ix < w && iy < h) out[y * w + x] = data[iy * w + ix];
    }
  }
  return { width: w, height: h, data: out };
}
