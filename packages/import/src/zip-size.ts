import type JSZip from 'jszip';
import { IMPORT_LIMITS } from './import-limits';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

/**
 * What the zip's directory says its files unpack to, or null when there is no readable
 * directory (a damaged file). Read before unpacking, so a zip bomb that says what it is is
 * refused without inflating; what the files really unpack to is counted by unpackedSizes.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_SEARCH);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const entries = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    let total = 0;
    for (let index = 0; index < entries; index++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY)
        return null;
      total += view.getUint32(offset + 24, true);
      offset +=
        46 +
        view.getUint16(offset + 28, true) +
        view.getUint16(offset + 30, true) +
        view.getUint16(offset + 32, true);
    }
    return total;
  }
  return null;
}

export function declaredWithinLimit(bytes: Uint8Array): boolean {
  const size = declaredUnpackedSize(bytes);
  return size !== null && size <= IMPORT_LIMITS.maxUnpackedBytes;
}

/**
 * Unpacks `entry` as a stream, counting and dropping each chunk, up to `limit` bytes: its size,
 * or null once past the limit. Then it is read no further: the stream is paused, its buffer
 * fills and JSZip stops unpacking (after the block it is on, 16 KB of the zip, and at most one
 * more, as a resume it had already scheduled runs).
 * Throws if the entry cannot be unpacked.
 */
function unpackUpTo(entry: JSZip.JSZipObject, limit: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return;
      stream.pause();
      stream.removeAllListeners('data');
      resolve(null);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(size));
  });
}

/** What each file of a zip really unpacks to, by its name in the zip. */
export type UnpackedSizes = ReadonlyMap<string, number>;

/**
 * What each file of `zip` (as JSZip, and so mammoth, reads it) really unpacks to, or null when
 * they are more than `limit` together: one pass, each file unpacked as a stream, counted and
 * dropped, stopping once past the limit, so a zip bomb is never unpacked in full. Every later
 * check and read goes by these sizes. The directory cannot be trusted for this: its sizes can
 * understate (JSZip notices only once it has unpacked the whole file into memory), and JSZip
 * reads every entry it finds, also past the count the directory's end record gives. Throws if a
 * file cannot be unpacked.
 */
export async function unpackedSizes(
  zip: JSZip,
  limit: number = IMPORT_LIMITS.maxUnpackedBytes,
): Promise<UnpackedSizes | null> {
  const sizes = new Map<string, number>();
  let remaining = limit;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const size = await unpackUpTo(entry, remaining);
    if (size === null) return null;
    sizes.set(entry.name, size);
    remaining -= size;
  }
  return sizes;
}
