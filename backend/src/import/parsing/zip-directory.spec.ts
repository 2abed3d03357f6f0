import { describe, expect, it } from 'vitest';
import { xlsxBytes, zipBytes } from '../fixtures/import-fixtures.ts';
import zlib from 'node:zlib';
import { entryData, readZipDirectory, ZipFormatError } from './zip-directory.ts';

describe('readZipDirectory', () => {
  it('lists the entries of a workbook with their sizes, without inflating', async () => {
    const entries = readZipDirectory(await xlsxBytes([{ name: 'S', rows: [['a', 'b']] }]));
    const names = entries.map((e) => e.name);
    expect(names).toContain('[Content_Types].xml');
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize).toBeGreaterThan(sheet.compressedSize);
    expect(sheet.encrypted).toBe(false);
  });

  it('reads declared sizes, flags and zip64 sizes', () => {
    const entries = readZipDirectory(
      zipBytes([
        { name: 'a.txt', data: Buffer.from('hello'), encrypted: true },
        { name: 'b.txt', data: Buffer.from('x'), zip64Size: 2 ** 40 },
      ]),
    );
    expect(entries).toEqual([
      { name: 'a.txt', compressedSize: expect.any(Number), uncompressedSize: 5, encrypted: true, method: 8, localHeaderOffset: 0 },
      { name: 'b.txt', compressedSize: expect.any(Number), uncompressedSize: 2 ** 40, encrypted: false, method: 8, localHeaderOffset: expect.any(Number) },
    ]);
  });

  it('finds the compressed data of each entry through its local header', () => {
    const zip = zipBytes([
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'b.txt', data: Buffer.from('world, again') },
    ]);
    const texts = readZipDirectory(zip).map((entry) => zlib.inflateRawSync(entryData(zip, entry)).toString('utf8'));
    expect(texts).toEqual(['hello', 'world, again']);
    const [first] = readZipDirectory(zip);
    expect(() => entryData(zip, { ...first, localHeaderOffset: 3 })).toThrow(ZipFormatError);
  });

  it('throws ZipFormatError for damaged archives', () => {
    const zip = zipBytes([{ name: 'a.txt', data: Buffer.from('hello') }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 5))).toThrow(ZipFormatError);
    expect(() => readZipDirectory(Buffer.from('PK'))).toThrow(ZipFormatError);
    const wrongOffset = Buffer.from(zip);
    wrongOffset.writeUInt32LE(zip.length, zip.length - 6); // central directory offset past the end
    expect(() => readZipDirectory(wrongOffset)).toThrow(ZipFormatError);
  });

  // The directory must be the one JSZip (inside exceljs) reads, or the checks look at other entries than it unpacks.
  describe('reads the entries JSZip reads', () => {
    const two = () =>
      zipBytes([
        { name: 'xl/harmless/aaaaaaaa.xml', data: Buffer.from('a') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
      ]);

    it('refuses an entry whose local header (the name JSZip uses) names another part than the directory', () => {
      const zip = two();
      zip.write('xl/worksheets/sheet9.xml', 30, 'utf8'); // the first local header's name, same length
      expect(() => readZipDirectory(zip)).toThrow(ZipFormatError);
    });

    it('refuses a directory holding more entries than its end record counts (JSZip reads them all)', () => {
      const zip = two();
      zip.writeUInt16LE(1, zip.length - 14);
      zip.writeUInt16LE(1, zip.length - 12);
      expect(() => readZipDirectory(zip)).toThrow(ZipFormatError);
    });

    it('refuses bytes between the directory and its end record (JSZip would shift every offset by them)', () => {
      const zip = two();
      const shifted = Buffer.concat([zip.subarray(0, zip.length - 22), Buffer.alloc(10), zip.subarray(zip.length - 22)]);
      expect(() => readZipDirectory(shifted)).toThrow(ZipFormatError);
    });

    it('takes the name from a Unicode Path extra field, as JSZip does', () => {
      const zip = zipBytes([{ name: 'xl/aaaaaaaa.bin', data: Buffer.from('x') }]);
      const directoryAt = zip.readUInt32LE(zip.length - 6);
      const realName = Buffer.from('xl/worksheets/sheet1.xml');
      const extra = Buffer.alloc(4 + 5 + realName.length);
      extra.writeUInt16LE(0x7075, 0);
      extra.writeUInt16LE(5 + realName.length, 2);
      extra.writeUInt8(1, 4);
      extra.writeUInt32LE(zlib.crc32(Buffer.from('xl/aaaaaaaa.bin')), 5);
      realName.copy(extra, 9);
      const record = Buffer.from(zip.subarray(directoryAt, zip.length - 22));
      record.writeUInt16LE(extra.length, 30);
      const end = Buffer.from(zip.subarray(zip.length - 22));
      end.writeUInt32LE(record.length + extra.length, 12);
      const withExtra = Buffer.concat([zip.subarray(0, directoryAt), record, extra, end]);
      expect(readZipDirectory(withExtra).map((e) => e.name)).toEqual(['xl/worksheets/sheet1.xml']);
    });

    it('uses the last zip64 extra field of an entry, as JSZip does', () => {
      const zip = zipBytes([{ name: 'a.txt', data: Buffer.from('x'), zip64Size: 5 }]);
      const directoryAt = zip.readUInt32LE(zip.length - 6);
      const second = Buffer.alloc(12);
      second.writeUInt16LE(0x0001, 0);
      second.writeUInt16LE(8, 2);
      second.writeUInt32LE(2 ** 31, 4);
      const record = Buffer.from(zip.subarray(directoryAt, zip.length - 22));
      record.writeUInt16LE(24, 30);
      const end = Buffer.from(zip.subarray(zip.length - 22));
      end.writeUInt32LE(record.length + 12, 12);
      const doubled = Buffer.concat([zip.subarray(0, directoryAt), record, second, end]);
      expect(readZipDirectory(doubled)[0].uncompressedSize).toBe(2 ** 31);
    });
  });
});
