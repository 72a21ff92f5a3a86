/**
 * A grey page image from what pdftoppm writes (binary PPM "P6" or PGM "P5", 8
 * bits), and the turns the OCR stage applies to it: quarter turns for a sheet
 * fed sideways or upside down, and a small rotation to straighten a sheet laid
 * askew.
 *
 * Red ink is left out of the grey image: an official document's text is black
 * and its seal red (NĐ 30/2020/NĐ-CP), and so is the incoming-register stamp
 * ("ĐẾN", its number and date) a clerk puts over the letterhead. Read as text,
 * they glue their words to the title and the issuer beside them.
 *
 * PNM is read here rather than through an image library: it is a short text
 * header and the raw pixel bytes, and pdftoppm writes nothing else.
 */

export type GrayImage = { width: number; height: number; data: Uint8Array };

export const WHITE = 255;

/** Red this much above both green and blue is a seal or a stamp (printed black and blue pen are far below). */
const RED_MARGIN = 60;

export function readPnm(buf: Uint8Array): GrayImage {
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
  if ((magic !== "P5" && magic !== "P6") || Number(max) !== 255) throw new Error(`not an 8-bit binary PGM or PPM (${magic} ${max})`);
  const width = Number(w);
  const height = Number(h);
  const start = i + 1; // one whitespace byte after maxval
  const channels = magic === "P6" ? 3 : 1;
  if (buf.length < start + width * height * channels) throw new Error(`truncated ${magic === "P6" ? "PPM" : "PGM"}`);
  if (channels === 1) return { width, height, data: buf.subarray(start, start + width * height) };
  const data = new Uint8Array(width * height);
  for (let p = 0, q = start; p < data.length; p++, q += 3) {
    const r = buf[q];
    const g = buf[q + 1];
    const b = buf[q + 2];
    // Luma in integers (77 + 150 + 29 = 256): the page's 8.7 million pixels are converted in a few milliseconds.
    data[p] = r - (g > b ? g : b) > RED_MARGIN ? WHITE : (r * 77 + g * 150 + b * 29) >> 8;
  }
  return { width, height, data };
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
  // Source coordinates in 16.16 fixed point, stepped along each output row.
  const ONE = 65536;
  const stepX = Math.round(cos * ONE);
  const stepY = Math.round(sin * ONE);
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    let sx = Math.round((cx - cx * cos - dy * sin + 0.5) * ONE);
    let sy = Math.round((cy - cx * sin + dy * cos + 0.5) * ONE);
    const row = y * w;
    for (let x = 0; x < w; x++, sx += stepX, sy += stepY) {
      const ix = sx >> 16;
      const iy = sy >> 16;
      if (sx >= 0 && sy >= 0 && ix < w && iy < h) out[row + x] = data[iy * w + ix];
    }
  }
  return { width: w, height: h, data: out };
}
