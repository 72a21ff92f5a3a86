/**
 * A minimal PDF writer: numbered objects, a classic xref table, and optionally
 * the Standard security handler (revision 3, 128-bit RC4 — what Acrobat and
 * Word write for "require a password to open"), so the encrypted fault file is
 * a genuinely encrypted document that poppler/qpdf open with the password,
 * not a file that merely carries an /Encrypt key.
 *
 * Only streams are encrypted: the objects built here keep every string inside
 * a content stream, and the /ID and /O /U strings are never encrypted.
 */
import { createHash } from "node:crypto";
import { latin1 } from "./bytes.js";

export type PdfObject = string | { dict: string; stream: Uint8Array };

export type PdfEncryption = { userPassword: string; ownerPassword: string; permissions: number };

const PASSWORD_PAD = Buffer.from("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A", "hex");

export function buildPdf(objects: PdfObject[], options: { root: number; info?: number; encrypt?: PdfEncryption; id: string }): Buffer {
  const id = createHash("md5").update(options.id).digest();
  const all = [...objects];
  let crypt: ((num: number, data: Uint8Array) => Buffer) | null = null;
  let encryptRef = 0;
  if (options.encrypt) {
    const { dict, fileKey } = standardSecurity(options.encrypt, id);
    all.push(dict);
    encryptRef = all.length;
    crypt = (num, data) => rc4(objectKey(fileKey, num, 0), data);
  }
  const chunks: Buffer[] = [latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  let length = chunks[0].length;
  const offsets: number[] = [];
  all.forEach((obj, i) => {
    const num = i + 1;
    offsets.push(length);
    let bytes: Buffer;
    if (typeof obj === "string") bytes = latin1(`${num} 0 obj\n${obj}\nendobj\n`);
    else {
      const data = crypt && num !== encryptRef ? crypt(num, obj.stream) : Buffer.from(obj.stream);
      const dict = obj.dict.replace(/>>\s*$/, `/Length ${data.length}>>`);
      bytes = Buffer.concat([latin1(`${num} 0 obj\n${dict}\nstream\n`), data, latin1("\nendstream\nendobj\n")]);
    }
    chunks.push(bytes);
    length += bytes.length;
  });
  const xref = [`xref\n0 ${all.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  const hexId = id.toString("hex").toUpperCase();
  const trailer =
    `trailer\n<</Size ${all.length + 1}/Root ${options.root} 0 R` +
    (options.info ? `/Info ${options.info} 0 R` : "") +
    (encryptRef ? `/Encrypt ${encryptRef} 0 R` : "") +
    `/ID[<${hexId}><${hexId}>]>>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(latin1(xref + trailer));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- Standard security handler, R3

function standardSecurity(enc: PdfEncryption, id: Buffer): { dict: string; fileKey: Buffer } {
  const n = 16;
  const pad = (pw: string) => Buffer.concat([latin1(pw), PASSWORD_PAD]).subarray(0, 32);
  const md5 = (...parts: Uint8Array[]) => {
    const h = createHash("md5");
    for (const p of parts) h.update(p);
    return h.digest();
  };

  // Algorithm 3: the O entry.
  let ownerKey = md5(pad(enc.ownerPassword || enc.userPassword));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey.subarray(0, n));
  let o = rc4(ownerKey.subarray(0, n), pad(enc.userPassword));
  for (let i = 1; i <= 19; i++) o = rc4(xorKey(ownerKey.subarray(0, n), i), o);

  // Algorithm 2: the file key.
  const p = Buffer.alloc(4);
  p.writeInt32LE(enc.permissions, 0);
  let fileKey = md5(pad(enc.userPassword), o, p, id);
  for (let i = 0; i < 50; i++) fileKey = md5(fileKey.subarray(0, n));
  fileKey = fileKey.subarray(0, n);

  // Algorithm 5: the U entry (16 bytes that matter, 16 of padding).
  let u = rc4(fileKey, md5(PASSWORD_PAD, id));
  for (let i = 1; i <= 19; i++) u = rc4(xorKey(fileKey, i), u);
  u = Buffer.concat([u, Buffer.alloc(16)]);

  const dict = `<</Filter/Standard/V 2/R 3/Length 128/P ${enc.permissions}/O<${o.toString("hex")}>/U<${u.toString("hex")}>>>`;
  return { dict, fileKey };
}

function objectKey(fileKey: Buffer, num: number, gen: number): Buffer {
  const salt = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  return createHash("md5").update(fileKey).update(salt).digest().subarray(0, Math.min(fileKey.length + 5, 16));
}

const xorKey = (key: Uint8Array, x: number) => Buffer.from(key).map((b) => b ^ x);

// OpenSSL 3 only offers RC4 through its legacy provider, which Node does not load.
export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}
