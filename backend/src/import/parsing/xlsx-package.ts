/**
 * The zip package of a workbook: its directory checked before anything is inflated (damage,
 * encryption, two entries of one name, zip bombs), what kind of document it is (XLSX, or an XLSB,
 * ODS, Numbers or Word file that needs another refusal), and its parts inflated with a hard cap.
 */
import path from 'node:path/posix';
import zlib from 'node:zlib';
import { FileRejectedError } from '../import.errors.ts';
import { XmlScanner, type XmlAttributes } from './xml-scanner.ts';
import { entryData, readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.ts';
import { megabytes } from './megabytes.ts';

const MIB = 1024 * 1024;
/** An entry inflating more than this many times its compressed size (and to more than 16 MiB) is a zip bomb. */
const MAX_ENTRY_RATIO = 250;
const RATIO_CHECK_MIN_BYTES = 16 * MIB;

const RELATIONSHIP_TYPE_PREFIXES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/',
];

export interface PackageLimits {
  /** Most bytes the whole package may declare once inflated. */
  maxUncompressedBytes: number;
}

export interface Relationship {
  id: string;
  /** The last segment of the type URI: `worksheet`, `sharedStrings`, `styles`, `officeDocument`… */
  type: string;
  /** The target part's name (no leading `/`), or null for an external target. */
  target: string | null;
}

/** A part's name as the package knows it: `/`-separated, no leading `/`, `.` and `..` resolved. */
export function normalisePartName(name: string): string {
  const segments: string[] = [];
  for (const segment of name.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

export class WorkbookPackage {
  /** Entries by part name folded to lower case (part names are case-insensitive, ECMA-376 part 2). */
  private readonly parts = new Map<string, ZipEntry>();

  private constructor(
    private readonly buffer: Buffer,
    private readonly fileName: string,
    entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue; // a folder
      const key = normalisePartName(entry.name).toLowerCase();
      // Two entries of one name: which of them a program reads differs from program to program.
      if (this.parts.has(key)) throw new FileRejectedError('zip_duplicate_entry', fileName, { part: normalisePartName(entry.name) });
      this.parts.set(key, entry);
    }
  }

  /** Reads and checks the directory; refuses what is not an XLSX workbook, saying what it is. */
  static open(buffer: Buffer, fileName: string, limits: PackageLimits): WorkbookPackage {
    let entries: ZipEntry[];
    try {
      entries = readZipDirectory(buffer);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new FileRejectedError('zip_broken', fileName);
      throw error;
    }
    if (entries.some((entry) => entry.encrypted)) throw new FileRejectedError('xlsx_encrypted', fileName);
    const workbook = new WorkbookPackage(buffer, fileName, entries);
    checkDeclaredSizes(entries, fileName, limits.maxUncompressedBytes);
    workbook.refuseOtherDocuments();
    return workbook;
  }

  has(partName: string): boolean {
    return this.parts.has(normalisePartName(partName).toLowerCase());
  }

  /** The part's declared inflated size, or null when there is no such part. */
  sizeOf(partName: string): number | null {
    return this.parts.get(normalisePartName(partName).toLowerCase())?.uncompressedSize ?? null;
  }

  /** The part's bytes, inflated with its declared size as a hard cap; null when there is no such part. */
  read(partName: string): Buffer | null {
    const entry = this.parts.get(normalisePartName(partName).toLowerCase());
    if (!entry) return null;
    let data: Buffer;
    try {
      data = entryData(this.buffer, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new FileRejectedError('zip_broken', this.fileName);
      throw error;
    }
    if (entry.method === 0) {
      if (data.length !== entry.uncompressedSize) throw new FileRejectedError('zip_size_mismatch', this.fileName);
      return data;
    }
    if (entry.method !== 8) throw new FileRejectedError('xlsx_unreadable', this.fileName);
    try {
      // An entry that claims 1 KB and inflates to gigabytes stops after 1 KB of output.
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new FileRejectedError('zip_size_mismatch', this.fileName);
      throw new FileRejectedError('zip_broken', this.fileName);
    }
  }

  /** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), targets resolved to part names. */
  relationships(sourcePart: string, maxBytes: number): Relationship[] {
    const source = normalisePartName(sourcePart);
    const relsPart = source === '' ? '_rels/.rels' : `${path.dirname(source) === '.' ? '' : `${path.dirname(source)}/`}_rels/${path.basename(source)}.rels`;
    const size = this.sizeOf(relsPart);
    if (size === null) return [];
    if (size > maxBytes) throw new FileRejectedError('xlsx_parts_too_large', this.fileName, { sizeMb: megabytes(size), limitMb: megabytes(maxBytes) });
    const base = source === '' ? '' : path.dirname(source);
    const relationships: Relationship[] = [];
    scanXml(this.read(relsPart)!, this.fileName, {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        relationships.push(relationshipOf(attributes, base));
      },
    });
    return relationships;
  }

  /** The main document part named by the package's relationships (`xl/workbook.xml` as a rule). */
  officeDocument(maxBytes: number): string | null {
    const main = this.relationships('', maxBytes).find((r) => r.type === 'officeDocument' && r.target !== null);
    if (main?.target && this.has(main.target)) return main.target;
    return this.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  }

  /** Other documents in a zip, each refused with what to do instead. */
  private refuseOtherDocuments(): void {
    const names = [...this.parts.keys()];
    if (this.has('mimetype') || this.has('content.xml')) {
      const mimetype = (this.sizeOf('mimetype') ?? Infinity) <= 1024 ? this.read('mimetype')!.toString('latin1').trim() : '';
      if (mimetype.includes('spreadsheet') || (mimetype === '' && this.has('content.xml'))) throw new FileRejectedError('ods_format', this.fileName);
      if (mimetype !== '') throw new FileRejectedError('not_spreadsheet', this.fileName, { detected: `OpenDocument (${mimetype})` });
    }
    if (names.some((name) => name.endsWith('.iwa') || name === 'index.zip')) throw new FileRejectedError('numbers_format', this.fileName);
    if (this.has('xl/workbook.bin') || names.some((name) => name.startsWith('xl/worksheets/') && name.endsWith('.bin'))) {
      throw new FileRejectedError('xlsb_format', this.fileName);
    }
    if (this.has('word/document.xml')) throw new FileRejectedError('not_spreadsheet', this.fileName, { detected: 'DOCX (Word)' });
    if (this.has('ppt/presentation.xml')) throw new FileRejectedError('not_spreadsheet', this.fileName, { detected: 'PPTX (PowerPoint)' });
  }
}

function relationshipOf(attributes: XmlAttributes, base: string): Relationship {
  const typeUri = attributes.Type ?? '';
  const prefix = RELATIONSHIP_TYPE_PREFIXES.find((p) => typeUri.startsWith(p));
  const type = prefix ? typeUri.slice(prefix.length) : typeUri.slice(typeUri.lastIndexOf('/') + 1);
  const rawTarget = attributes.Target;
  if (rawTarget === undefined || attributes.TargetMode === 'External') return { id: attributes.Id ?? '', type, target: null };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawTarget.split(/[?#]/)[0]!);
  } catch {
    decoded = rawTarget;
  }
  const target = normalisePartName(decoded.startsWith('/') ? decoded : `${base}/${decoded}`);
  return { id: attributes.Id ?? '', type, target };
}

/** Scans a whole small part (relationships, workbook, styles) with one handler. */
export function scanXml(
  bytes: Buffer,
  fileName: string,
  handler: { open?: (name: string, attributes: XmlAttributes) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const scanner = new XmlScanner({
    open: (name, attributes) => handler.open?.(name, attributes),
    close: (name) => handler.close?.(name),
    text: (text) => handler.text?.(text),
  });
  try {
    scanXmlBytes(bytes, scanner);
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    throw new FileRejectedError('xlsx_unreadable', fileName);
  }
}

const CHUNK_BYTES = 1 << 20;

/** Feeds UTF-8 (or, by its byte order mark, UTF-16) bytes to a scanner in slices, so no string of the whole part is made. */
export function scanXmlBytes(bytes: Buffer, scanner: XmlScanner): void {
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  const decoder = new TextDecoder(encoding);
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    scanner.write(decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES)), { stream: true }));
  }
  scanner.write(decoder.decode());
  scanner.end();
}

/** The sizes the directory declares: the whole package against its limit, and each entry's ratio. */
function checkDeclaredSizes(entries: readonly ZipEntry[], fileName: string, maxUncompressedBytes: number): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (total > maxUncompressedBytes || (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > MAX_ENTRY_RATIO)) {
      const sizeMb = megabytes(entries.reduce((sum, e) => sum + e.uncompressedSize, 0));
      throw new FileRejectedError('zip_bomb', fileName, { sizeMb, limitMb: megabytes(maxUncompressedBytes) });
    }
  }
}
