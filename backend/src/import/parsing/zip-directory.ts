/**
 * Reads a zip file's central directory (names and declared sizes) without inflating anything, so
 * an XLSX can be checked for encryption and absurd uncompressed sizes before exceljs unpacks it.
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  /** Compression method: 0 stored, 8 deflate. */
  method: number;
  /** Where the entry's local header starts; its data follows that header. */
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  constructor(reason: string) {
    super(`Broken zip: ${reason}`);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;

function readU64(buffer: Buffer, offset: number): number {
  // Beyond 2^53 the value is only used to reject the file, so precision loss does not matter.
  return buffer.readUInt32LE(offset) + buffer.readUInt32LE(offset + 4) * 2 ** 32;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const last = buffer.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('no end-of-central-directory record');
}

export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < EOCD_SIZE) throw new ZipFormatError('too short');
  const eocd = findEndOfCentralDirectory(buffer);
  let entryCount = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);

  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new ZipFormatError('zip64 locator missing');
    }
    const zip64Eocd = readU64(buffer, locator + 8);
    if (zip64Eocd + 56 > buffer.length || buffer.readUInt32LE(zip64Eocd) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('zip64 end record missing');
    }
    entryCount = readU64(buffer, zip64Eocd + 32);
    directorySize = readU64(buffer, zip64Eocd + 40);
    directoryOffset = readU64(buffer, zip64Eocd + 48);
  }
  if (directoryOffset + directorySize > buffer.length) throw new ZipFormatError('central directory out of range');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) {
      throw new ZipFormatError(`central directory entry ${i} is damaged`);
    }
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    let compressedSize = buffer.readUInt32LE(at + 20);
    let uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let localHeaderOffset = buffer.readUInt32LE(at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > buffer.length) throw new ZipFormatError(`central directory entry ${i} is truncated`);
    const name = buffer.toString('utf8', nameStart, extraStart);

    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // The zip64 extra field lists, in this order, only the values whose 32-bit fields are 0xFFFFFFFF.
      let extra = extraStart;
      while (extra + 4 <= extraStart + extraLength) {
        const id = buffer.readUInt16LE(extra);
        const size = buffer.readUInt16LE(extra + 2);
        if (id === ZIP64_EXTRA_ID) {
          let field = extra + 4;
          if (uncompressedSize === U32_MAX && field + 8 <= extra + 4 + size) {
            uncompressedSize = readU64(buffer, field);
            field += 8;
          }
          if (compressedSize === U32_MAX && field + 8 <= extra + 4 + size) {
            compressedSize = readU64(buffer, field);
            field += 8;
          }
          if (localHeaderOffset === U32_MAX && field + 8 <= extra + 4 + size) localHeaderOffset = readU64(buffer, field);
          break;
        }
        extra += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1, method, localHeaderOffset });
    at = next;
  }
  return entries;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

/** The compressed bytes of an entry, found through its local header. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) {
    throw new ZipFormatError(`local header of ${entry.name} is damaged`);
  }
  const start = at + LOCAL_HEADER_SIZE + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw new ZipFormatError(`data of ${entry.name} is truncated`);
  return buffer.subarray(start, end);
}
