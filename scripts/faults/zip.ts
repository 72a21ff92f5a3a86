/**
 * A ZIP writer that lets a fault file say things an honest archiver would not:
 * several central-directory entries may point at one local file (the
 * "overlapping" zip bomb), so the declared total can be hundreds of MB while
 * the file stays a few KB. Times are fixed so the bytes never change.
 */
import { crc32 } from "./bytes.js";
import { deflateFixed } from "./deflate.js";

/** 2026-01-16 00:00, in MS-DOS date/time fields. */
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 16;
const DOS_TIME = 0;

export type LocalFile = {
  name: string;
  offset: number;
  crc: number;
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
};

export class ZipWriter {
  private parts: Buffer[] = [];
  private length = 0;
  private central: Buffer[] = [];
  private entries = 0;

  /** Writes a local header and its data; call `list` to make it visible. */
  addLocal(name: string, data: Uint8Array, method: "store" | "deflate" = "deflate"): LocalFile {
    const body = method === "store" ? Buffer.from(data) : deflateFixed(data);
    return this.addLocalRaw(name, body, { method: method === "store" ? 0 : 8, crc: crc32(data), uncompressedSize: data.length });
  }

  /** A local file whose compressed body is already made (e.g. a hand-built bomb stream). */
  addLocalRaw(name: string, body: Buffer, meta: { method: 0 | 8; crc: number; uncompressedSize: number }): LocalFile {
    const nameBytes = Buffer.from(name, "utf8");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(meta.method, 8);
    h.writeUInt16LE(DOS_TIME, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt32LE(meta.crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(meta.uncompressedSize, 22);
    h.writeUInt16LE(nameBytes.length, 26);
    h.writeUInt16LE(0, 28);
    const local: LocalFile = { name, offset: this.length, crc: meta.crc, method: meta.method, compressedSize: body.length, uncompressedSize: meta.uncompressedSize };
    this.push(h, nameBytes, body);
    return local;
  }

  /** A central-directory entry for `local`, optionally under another name. */
  list(local: LocalFile, name = local.name): void {
    const nameBytes = Buffer.from(name, "utf8");
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4); // version made by
    c.writeUInt16LE(20, 6); // version needed
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(local.method, 10);
    c.writeUInt16LE(DOS_TIME, 12);
    c.writeUInt16LE(DOS_DATE, 14);
    c.writeUInt32LE(local.crc, 16);
    c.writeUInt32LE(local.compressedSize, 20);
    c.writeUInt32LE(local.uncompressedSize, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk start, internal attrs, external attrs: all zero
    c.writeUInt32LE(local.offset, 42);
    this.central.push(c, nameBytes);
    this.entries++;
  }

  add(name: string, data: Uint8Array, method: "store" | "deflate" = "deflate"): void {
    this.list(this.addLocal(name, data, method));
  }

  finish(): Buffer {
    if (this.entries > 0xffff) throw new Error("ZipWriter: ZIP64 not supported");
    const cdOffset = this.length;
    const cd = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries, 8);
    end.writeUInt16LE(this.entries, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    return Buffer.concat([...this.parts, cd, end]);
  }

  private push(...chunks: Buffer[]): void {
    for (const c of chunks) {
      this.parts.push(c);
      this.length += c.length;
    }
  }
}
