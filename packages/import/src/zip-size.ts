import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { IMPORT_LIMITS } from './import-limits';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;
/** The compression methods JSZip (and so mammoth) reads: stored and deflated. */
const STORED = 0;
const DEFLATED = 8;

const inflateRawAsync = promisify(inflateRaw);

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

/** One file as the zip's directory describes it. */
interface ZipEntry {
  method: number;
  compressedSize: number;
  /** What the directory says the file unpacks to (the file may lie: see unpacksWithinLimit). */
  declaredSize: number;
  localHeaderOffset: number;
}

/** The zip's directory, or null when there is no readable one (a damaged file). */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_SEARCH);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    const entries: ZipEntry[] = [];
    for (let index = 0; index < count; index++) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY)
        return null;
      entries.push({
        method: view.getUint16(offset + 10, true),
        compressedSize: view.getUint32(offset + 20, true),
        declaredSize: view.getUint32(offset + 24, true),
        localHeaderOffset: view.getUint32(offset + 42, true),
      });
      offset +=
        46 +
        view.getUint16(offset + 28, true) +
        view.getUint16(offset + 30, true) +
        view.getUint16(offset + 32, true);
    }
    return entries;
  }
  return null;
}

/** The file's stored (compressed) bytes, or null when they lie outside the zip. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_FILE_HEADER) return null;
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Whether the file unpacks to exactly its declared size; never unpacks more than that. */
async function unpacksAsDeclared(bytes: Uint8Array, entry: ZipEntry): Promise<boolean> {
  const stored = storedBytes(bytes, entry);
  if (stored === null) return false;
  if (entry.method === STORED) return stored.length === entry.declaredSize;
  if (entry.method !== DEFLATED) return false;
  try {
    // Stops (and fails) as soon as the output would pass the declared size.
    const inflated = await inflateRawAsync(stored, {
      maxOutputLength: Math.max(1, entry.declaredSize),
    });
    return inflated.length === entry.declaredSize;
  } catch {
    return false;
  }
}

/**
 * Whether the zip unpacks to at most the limit, checked before JSZip or mammoth unpack it: the
 * directory's sizes first (a zip bomb that says what it is costs nothing), then each file's real
 * size, unpacked no further than its declared one. JSZip trusts the directory only once it has
 * unpacked a whole file into memory, so a directory that understates (a 300 KB file claiming
 * 1,000 bytes and unpacking to 300 MB) would otherwise be unpacked in full.
 */
export async function unpacksWithinLimit(bytes: Uint8Array): Promise<boolean> {
  const entries = zipEntries(bytes);
  if (entries === null) return false;
  const declared = entries.reduce((total, entry) => total + entry.declaredSize, 0);
  if (declared > IMPORT_LIMITS.maxUnpackedBytes) return false;
  for (const entry of entries) if (!(await unpacksAsDeclared(bytes, entry))) return false;
  return true;
}
