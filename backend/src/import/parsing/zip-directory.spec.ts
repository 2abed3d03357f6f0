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
});
