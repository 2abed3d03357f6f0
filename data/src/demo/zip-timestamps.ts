/**
 * exceljs zips with JSZip, which stamps every entry with the current time; rewriting the DOS
 * timestamps makes the same workbook byte-identical whenever it is generated.
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** DOS date and time fields of a zip entry (2-second resolution, no time zone). */
export function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip file: no end of central directory');
}

/** Returns a copy of the zip with every entry's modification time set to `at`. */
export function withFixedZipTimestamps(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosDateTime(at);
  const end = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let offset = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error('corrupt zip central directory');
    out.writeUInt16LE(time, offset + 12);
    out.writeUInt16LE(date, offset + 14);
    const local = out.readUInt32LE(offset + 42);
    if (out.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error('corrupt zip local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    offset += 46 + out.readUInt16LE(offset + 28) + out.readUInt16LE(offset + 30) + out.readUInt16LE(offset + 32);
  }
  return out;
}
