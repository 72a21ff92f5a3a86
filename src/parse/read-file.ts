/**
 * Reading a file named by a user, for `vanban parse` and the import walk: only a regular
 * file, and never more than the size cap. A FIFO blocks its reader until someone
 * writes and /dev/zero never ends; /proc files say 0 bytes in stat, and a file may grow
 * while it is read — so the cap is applied to the bytes read, not to stat's size.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** Why a path that is not a regular file is refused, or null for a regular file. */
export function notARegularFile(info: Stats): string | null {
  if (info.isFile()) return null;
  const kind = info.isFIFO() ? "a FIFO (named pipe)" : info.isCharacterDevice() ? "a character device" : info.isBlockDevice() ? "a block device" : info.isSocket() ? "a socket" : info.isDirectory() ? "a folder" : "not a file";
  return `${kind}, not a regular file — refused without reading`;
}

/**
 * The file's bytes, or null past `maxBytes`. O_NONBLOCK: a path swapped for a FIFO
 * after the caller's stat must not block.
 */
export function readCapped(path: string, maxBytes: number): Buffer | null {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const refused = notARegularFile(info);
    if (refused) throw new Error(refused);
    // One read for the usual file (its size + 1 to see the end), 64 KB steps for a stream.
    const step = Math.min(Math.max(info.size + 1, 65_536), maxBytes + 1);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(step);
      const n = readSync(fd, buffer, 0, step, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return null;
      chunks.push(buffer.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Why a file is refused for its size: stat's size over the cap, or (read past it) more bytes than stat said. */
export function oversizeReason(statSize: number, maxBytes: number, readPastLimit = false): string {
  const limit = maxBytes >= 1048576 ? `${(maxBytes / 1048576).toFixed(0)} MB` : `${maxBytes} bytes`;
  return readPastLimit
    ? `more than ${limit} read although the file said ${statSize} bytes (it grew, or it is a stream), over the ${limit} limit`
    : `file is ${(statSize / 1048576).toFixed(1)} MB, over the ${limit} limit`;
}
