/**
 * The DOCX container, opened defensively.
 *
 * Everything that can make unzipping expensive is decided from the central
 * directory before a single byte is inflated: too many entries, too much
 * declared output, or an entry whose declared expansion only a zip bomb has.
 * Entries are then inflated one at a time, on demand, each to exactly the size
 * it declared — zlib stops at that size — so a directory that lies about sizes
 * fails instead of running past the budget.
 */
import { inflateRawSync } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";

export const ARCHIVE_LIMITS = {
  maxEntries: 2000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** Deflate tops out near 1032:1; honest XML stays well under 100:1. */
  maxRatio: 200,
  /** Below this size an extreme ratio is harmless (a small file of spaces). */
  ratioCheckedAbove: 1024 * 1024,
};

export type DocxArchive = {
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
  close(): void;
};

const MAIN_DOCUMENT = "word/document.xml";

export async function openDocxArchive(bytes: Uint8Array): Promise<DocxArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw new Error(`not a readable ZIP archive (${(e as Error).message})`);
  }
  try {
    if (zip.entryCount > ARCHIVE_LIMITS.maxEntries)
      throw new Error(`archive has ${zip.entryCount} entries (limit ${ARCHIVE_LIMITS.maxEntries}); refusing to unpack it`);
    const entries = await readDirectory(zip);
    if (!entries.has(MAIN_DOCUMENT)) throw new Error(`not a Word document (no ${MAIN_DOCUMENT} in the archive)`);
    return archiveOver(zip, entries, buffer);
  } catch (e) {
    zip.close();
    throw e;
  }
}

async function readDirectory(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith("/")) continue;
    total += entry.uncompressedSize;
    if (total > ARCHIVE_LIMITS.maxTotalUncompressed)
      throw new Error(
        `archive would expand to more than ${mb(ARCHIVE_LIMITS.maxTotalUncompressed)} (declared sizes reach ${mb(total)} by ${entry.fileName}); refusing to unpack it`,
      );
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ARCHIVE_LIMITS.ratioCheckedAbove && ratio > ARCHIVE_LIMITS.maxRatio)
      throw new Error(
        `entry ${entry.fileName} expands ${Math.round(ratio)}:1 (${mb(entry.compressedSize)} → ${mb(entry.uncompressedSize)}), which only a zip bomb does; refusing to unpack it`,
      );
    entries.set(entry.fileName, entry);
  }
  return entries;
}

function archiveOver(zip: ZipFile, entries: Map<string, Entry>, buffer: Buffer): DocxArchive {
  const inflated = new Map<string, Promise<Buffer>>();
  return {
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new Error(`no ${name} in the archive`));
      let pending = inflated.get(name);
      if (!pending) {
        pending = inflate(zip, entry, buffer);
        inflated.set(name, pending);
      }
      return pending;
    },
    close: () => zip.close(),
  };
}

/**
 * One entry's bytes. The archive is in memory, so its compressed bytes are inflated in
 * one synchronous call: yauzl's read stream (a slicer, zlib's transform, a size check,
 * a tick per chunk) cost more than the inflating on documents of this size.
 */
async function inflate(zip: ZipFile, entry: Entry, buffer: Buffer): Promise<Buffer> {
  if (entry.isEncrypted()) throw new Error(`${entry.fileName} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new Error(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const data = buffer.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  let bytes: Buffer;
  try {
    bytes = entry.compressionMethod === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (e) {
    const past = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new Error(`${entry.fileName}: ${past ? `inflates past its declared ${entry.uncompressedSize} bytes` : `damaged compressed data (${(e as Error).message})`}`);
  }
  if (bytes.length !== entry.uncompressedSize)
    throw new Error(`${entry.fileName}: inflates to ${bytes.length} bytes, its directory says ${entry.uncompressedSize}`);
  return bytes;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
