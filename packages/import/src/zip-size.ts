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
 * refused without inflating; what the files really unpack to is checked by unpacksWithinLimit.
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
 * Unpacks `entry` as a stream, handing each chunk to `onChunk`, up to `limit` bytes: its size, or
 * null once past the limit (then not read any further: JSZip stops unpacking once the stream's
 * buffer is full). Throws if the entry cannot be unpacked. What a file really unpacks to: its
 * size in the zip's directory can understate.
 */
function unpackUpTo(
  entry: JSZip.JSZipObject,
  limit: number,
  onChunk: (chunk: Buffer) => void = () => {},
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        resolve(null);
        return;
      }
      onChunk(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(size));
  });
}

/** Whether `entries` unpack to at most `limit` bytes together (see unpackUpTo); throws likewise. */
export async function unpackWithin(entries: JSZip.JSZipObject[], limit: number): Promise<boolean> {
  let remaining = limit;
  for (const entry of entries) {
    const unpacked = await unpackUpTo(entry, remaining);
    if (unpacked === null) return false;
    remaining -= unpacked;
  }
  return true;
}

/** The bytes `entry` unpacks to, or null when that is more than `limit` (see unpackUpTo). */
export async function unpackedBytes(
  entry: JSZip.JSZipObject,
  limit: number,
): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  const size = await unpackUpTo(entry, limit, (chunk) => chunks.push(chunk));
  return size === null ? null : Buffer.concat(chunks, size);
}

/**
 * Whether the files of `zip` (as JSZip, and so mammoth, reads it) really unpack to at most the
 * limit together: each is unpacked as a stream, counted and dropped, and the count stops once
 * past the limit. The directory cannot be trusted for this: its sizes can understate (JSZip
 * notices only once it has unpacked the whole file into memory), and JSZip reads every entry it
 * finds, also past the count the directory's end record gives.
 */
export async function unpacksWithinLimit(zip: JSZip): Promise<boolean> {
  const files = Object.values(zip.files).filter((entry) => !entry.dir);
  return unpackWithin(files, IMPORT_LIMITS.maxUnpackedBytes).catch(() => false);
}
