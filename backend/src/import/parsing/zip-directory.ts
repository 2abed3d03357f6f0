import zlib from 'node:zlib';

/**
 * Reads a zip file's central directory (names and declared sizes) without inflating anything, so
 * an XLSX can be checked for encryption and absurd uncompressed sizes before any part is inflated.
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
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;

function readU64(buffer: Buffer, offset: number): number {
  // Beyond 2^53 the value is only used to reject the file, so precision loss does not matter.
  return buffer.readUInt32LE(offset) + buffer.readUInt32LE(offset + 4) * 2 ** 32;
}

const UTF8_NAME_FLAG = 0x0800;
const UNICODE_PATH_EXTRA_ID = 0x7075;

/**
 * JSZip (which exceljs and many other tools unpack with) takes the last end-of-directory signature; one
 * too close to the end to be a whole record makes JSZip fail, so it is damage here too.
 */
function findEndOfCentralDirectory(buffer: Buffer): number {
  const first = Math.max(0, buffer.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = buffer.length - 4; at >= first; at--) {
    if (buffer.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at > buffer.length - EOCD_SIZE) throw new ZipFormatError('truncated end-of-central-directory record');
    return at;
  }
  throw new ZipFormatError('no end-of-central-directory record');
}

/** Extra fields as JSZip reads them: while more than a field header is left, the last of an id wins. */
function readExtraFields(buffer: Buffer, start: number, end: number): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  let at = start;
  while (at + 4 < end) {
    const id = buffer.readUInt16LE(at);
    const size = buffer.readUInt16LE(at + 2);
    fields.set(id, buffer.subarray(at + 4, Math.min(at + 4 + size, buffer.length)));
    at += 4 + size;
  }
  return fields;
}

/**
 * Reads the directory exactly as JSZip will, and refuses what JSZip would read differently from a
 * plain reading (data before the directory shifting every offset, entries past the count, a local
 * header naming another part): a workbook that two programs would read differently is refused.
 */
export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  if (buffer.length < EOCD_SIZE) throw new ZipFormatError('too short');
  const eocd = findEndOfCentralDirectory(buffer);
  let entryCount = buffer.readUInt16LE(eocd + 10);
  let directorySize = buffer.readUInt32LE(eocd + 12);
  let directoryOffset = buffer.readUInt32LE(eocd + 16);
  let directoryEnd = eocd;

  const diskFields = [buffer.readUInt16LE(eocd + 4), buffer.readUInt16LE(eocd + 6), buffer.readUInt16LE(eocd + 8)];
  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX || diskFields.includes(U16_MAX)) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new ZipFormatError('zip64 locator missing');
    }
    // JSZip takes the last locator signature in the file.
    for (let at = buffer.length - 4; at > locator; at--) {
      if (buffer.readUInt32LE(at) === ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError('a second zip64 locator');
    }
    const zip64Eocd = readU64(buffer, locator + 8);
    if (zip64Eocd + 56 > buffer.length || buffer.readUInt32LE(zip64Eocd) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('zip64 end record missing');
    }
    entryCount = readU64(buffer, zip64Eocd + 32);
    directorySize = readU64(buffer, zip64Eocd + 40);
    directoryOffset = readU64(buffer, zip64Eocd + 48);
    directoryEnd = locator - (12 + readU64(buffer, zip64Eocd + 4));
  }
  if (directoryOffset + directorySize > buffer.length) throw new ZipFormatError('central directory out of range');
  if (directoryOffset + directorySize !== directoryEnd) throw new ZipFormatError('bytes between the central directory and its end record');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  // JSZip reads entries while their signature follows, whatever the count says.
  while (at + 4 <= buffer.length && buffer.readUInt32LE(at) === CENTRAL_ENTRY_SIGNATURE) {
    const i = entries.length;
    if (at + 46 > buffer.length) throw new ZipFormatError(`central directory entry ${i} is damaged`);
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
    const nameBytes = buffer.subarray(nameStart, extraStart);
    const extras = readExtraFields(buffer, extraStart, extraStart + extraLength);

    const zip64 = extras.get(ZIP64_EXTRA_ID);
    if (zip64) {
      // Only the values whose 32-bit fields are 0xFFFFFFFF are listed, in this order.
      let field = 0;
      const take = () => {
        if (field + 8 > zip64.length) throw new ZipFormatError(`zip64 field of entry ${i} is short`);
        const value = readU64(zip64, field);
        field += 8;
        return value;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = take();
      if (compressedSize === U32_MAX) compressedSize = take();
      if (localHeaderOffset === U32_MAX) localHeaderOffset = take();
    }

    // JSZip names the entry by its local header's bytes; it must be the name listed here.
    if (localHeaderOffset + LOCAL_HEADER_SIZE > buffer.length || buffer.readUInt32LE(localHeaderOffset) !== LOCAL_HEADER_SIGNATURE) {
      throw new ZipFormatError(`local header of entry ${i} is damaged`);
    }
    const localNameStart = localHeaderOffset + LOCAL_HEADER_SIZE;
    const localName = buffer.subarray(localNameStart, localNameStart + buffer.readUInt16LE(localHeaderOffset + 26));
    if (!localName.equals(nameBytes)) throw new ZipFormatError(`entry ${i} has another name in its local header`);

    let name = nameBytes.toString('utf8');
    const unicodePath = (flags & UTF8_NAME_FLAG) === 0 ? extras.get(UNICODE_PATH_EXTRA_ID) : undefined;
    if (unicodePath && unicodePath.length >= 5 && unicodePath[0] === 1 && unicodePath.readUInt32LE(1) === zlib.crc32(nameBytes)) {
      name = unicodePath.subarray(5).toString('utf8');
    }
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1, method, localHeaderOffset });
    at = next;
  }
  if (entries.length !== entryCount) throw new ZipFormatError(`the directory holds ${entries.length} entries, its end record says ${entryCount}`);
  return entries;
}

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
