// Input files for the importer's integration tests, made in memory the way people make them
// (Excel's CSV in UTF-8 or Windows-1250, XLSX workbooks, and the things that are not spreadsheets),
// plus a snapshot of the recorded data to show that a rejected file changed nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DatabaseRepository, ImportService, readEnvironment, type FileImportReport, type OslEnvironment } from '@osl/backend';
import { defaultConfigDir } from '@osl/data';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { zipBytes, type ZipSpecEntry } from '../../backend/src/import/fixtures/import-fixtures.ts';
import { redactPersonalData } from '../../backend/src/import/redact-personal-data.ts';
import { temporaryDataDir } from './installation.ts';

// ------------------------------------------------------------------------------------------ installations

/**
 * A fresh installation whose `config/` is a copy of the shipped configuration with `project.json`
 * changed by `editProject` (e.g. smaller import limits).
 */
export function temporaryEnvironmentWithProject(now: string, editProject: (project: Record<string, any>) => void): OslEnvironment {
  const dataDir = temporaryDataDir();
  const configDir = path.join(dataDir, 'config');
  fs.cpSync(defaultConfigDir, configDir, { recursive: true });
  const projectFile = path.join(configDir, 'project.json');
  const project = JSON.parse(fs.readFileSync(projectFile, 'utf8'));
  editProject(project);
  fs.writeFileSync(projectFile, JSON.stringify(project, null, 2));
  return readEnvironment({ ...process.env, OSL_DATA_DIR: dataDir, OSL_NOW: now, DATABASE_URL: '', PORT: '0' });
}

export interface ImportCall {
  kind?: 'activities' | 'attendance' | 'participants' | 'survey';
  lang?: 'pl' | 'en';
}

/** Imports one file from memory and returns its report. */
export async function importOne(context: INestApplicationContext, fileName: string, content: Buffer, call: ImportCall = {}): Promise<FileImportReport> {
  const [report] = await context.get(ImportService).importFiles([{ fileName, content }], { source: 'cli', importedBy: 'test', ...call });
  return report;
}

// ------------------------------------------------------------------------------------------ data snapshot

export interface DataSnapshot {
  counts: { activities: number; participants: number; attendance: number; surveyResponses: number; surveyAnswers: number };
  /** SHA-256 of every recorded row (all columns), in id order. */
  hash: string;
}

/** The recorded data (activities, register, attendance, survey responses and answers): counts and a content hash. */
export async function snapshotData(context: INestApplicationContext): Promise<DataSnapshot> {
  const db = context.get(DatabaseRepository).client;
  const [activities, participants, attendance, surveyResponses, surveyAnswers] = await Promise.all([
    db.activity.findMany({ orderBy: { id: 'asc' } }),
    db.participant.findMany({ orderBy: { id: 'asc' } }),
    db.attendance.findMany({ orderBy: { id: 'asc' } }),
    db.surveyResponse.findMany({ orderBy: { id: 'asc' } }),
    db.surveyAnswer.findMany({ orderBy: { id: 'asc' } }),
  ]);
  const hash = createHash('sha256').update(JSON.stringify({ activities, participants, attendance, surveyResponses, surveyAnswers })).digest('hex');
  return {
    counts: {
      activities: activities.length,
      participants: participants.length,
      attendance: attendance.length,
      surveyResponses: surveyResponses.length,
      surveyAnswers: surveyAnswers.length,
    },
    hash,
  };
}

/**
 * Imports a file that must be refused: asserts the report says `rejected`, that the recorded data is
 * exactly as before, and that the refusal is in the import history with the same errors.
 */
export async function importRejected(context: INestApplicationContext, fileName: string, content: Buffer, call: ImportCall = {}): Promise<FileImportReport> {
  const before = await snapshotData(context);
  const report = await importOne(context, fileName, content, call);
  expect(report.status, JSON.stringify(report.errors)).toBe('rejected');
  expect(report.errors.length).toBeGreaterThan(0);
  expect(report.created + report.updated + report.unchanged).toBe(0);
  expect(await snapshotData(context)).toEqual(before);
  const db = context.get(DatabaseRepository).client;
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: report.batchId! } });
  expect(batch).toMatchObject({ fileName, status: 'rejected', rowsWritten: 0, errorCount: report.errors.length });
  // The history keeps the errors without names (the uploader got them in full).
  expect((batch.report as { errors: unknown[] }).errors).toEqual(redactPersonalData(report.errors, 'pl'));
  return report;
}

/** Issues without their messages, for compact asserts. */
export function brief(issues: FileImportReport['errors']): { row: number | null; column: string | null; value: string | null; code: string }[] {
  return issues.map(({ row, column, value, code }) => ({ row, column, value, code }));
}

// ------------------------------------------------------------------------------------------ CSV

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1250';

/** One CSV field as Excel writes it: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string | number | null | undefined, delimiter = ';'): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV bytes as Excel saves them: `\r\n` line ends, `;` unless told otherwise. */
export function csv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: { encoding?: CsvEncoding; delimiter?: string; eol?: string } = {},
): Buffer {
  const { encoding = 'utf-8', delimiter = ';', eol = '\r\n' } = options;
  const text = rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join(eol) + eol;
  if (encoding === 'windows-1250') return iconv.encode(text, 'windows-1250');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// ------------------------------------------------------------------------------------------ XLSX

export interface SheetSpec {
  name: string;
  /** Rows from row 1; `undefined` leaves a cell empty, `[]` leaves a row empty. */
  rows: readonly (readonly ExcelJS.CellValue[])[];
}

export async function xlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((values, i) => {
      const row = sheet.getRow(i + 1);
      values.forEach((value, column) => {
        if (value !== undefined) row.getCell(column + 1).value = value;
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A civil date as an Excel date cell (exceljs writes Dates as Excel serial numbers with a date format). */
export function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

// ------------------------------------------------------------------------------------------ not spreadsheets

/** A small but well-formed PDF document. */
export function pdfBytes(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Lista obecnosci) Tj ET\nendstream',
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Bytes that are no text and no known format (a deterministic pseudo-random stream with NULs). */
export function binaryBytes(length = 4096): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x12345678;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A zip archive (deflate) from entries; enough to build hostile XLSX containers. One zip writer serves both test suites. */
export const zip = zipBytes;
export type ZipEntrySpec = ZipSpecEntry;

const minimalWorkbookParts: readonly ZipEntrySpec[] = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lista" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  },
];

/**
 * An XLSX whose one worksheet is `sheetBytes` of XML whitespace after a valid start: a real zip
 * bomb (it does inflate to that size). With `declaredSize` the archive also lies about the size.
 */
export function zipBombXlsx(sheetBytes: number, declaredSize?: number): Buffer {
  const start =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const end = '</sheetData></worksheet>';
  const sheet = Buffer.alloc(sheetBytes, 0x20);
  sheet.write(start, 0);
  sheet.write(end, sheetBytes - end.length);
  return zip([...minimalWorkbookParts, { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize }]);
}

// ------------------------------------------------------------------------------------------ password-protected XLSX

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function directoryEntry(name: string, type: number, child: number, right: number, start: number, size: number): Buffer {
  const entry = Buffer.alloc(128);
  if (name) {
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
  }
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black
  entry.writeUInt32LE(NOSTREAM, 68);
  entry.writeUInt32LE(right, 72);
  entry.writeUInt32LE(child, 76);
  entry.writeUInt32LE(start, 116);
  entry.writeUInt32LE(size, 120);
  return entry;
}

/**
 * What Excel writes for "Encrypt with Password": not a zip but an OLE compound file holding the
 * streams `EncryptionInfo` (agile encryption, an XML descriptor) and `EncryptedPackage` (the
 * encrypted zip). Built here as a valid compound file (version 3, 512-byte sectors).
 */
export function passwordProtectedXlsx(): Buffer {
  const info = Buffer.alloc(4096);
  Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]).copy(info);
  info.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
      '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>',
    8,
  );
  const packageBytes = Buffer.concat([Buffer.alloc(8), binaryBytes(8192 - 8)]);
  packageBytes.writeUInt32LE(7000, 0); // size of the zip before encryption
  const infoStart = 2;
  const infoSectors = info.length / SECTOR;
  const packageStart = infoStart + infoSectors;
  const packageSectors = packageBytes.length / SECTOR;
  const sectorCount = packageStart + packageSectors;

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4); // the directory: one sector
  for (let s = infoStart; s < packageStart; s++) fat.writeUInt32LE(s === packageStart - 1 ? ENDOFCHAIN : s + 1, s * 4);
  for (let s = packageStart; s < sectorCount; s++) fat.writeUInt32LE(s === sectorCount - 1 ? ENDOFCHAIN : s + 1, s * 4);

  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, 1, NOSTREAM, ENDOFCHAIN, 0),
    directoryEntry('EncryptionInfo', 2, NOSTREAM, 2, infoStart, info.length),
    directoryEntry('EncryptedPackage', 2, NOSTREAM, NOSTREAM, packageStart, packageBytes.length),
    directoryEntry('', 0, NOSTREAM, NOSTREAM, 0, 0),
  ]);

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.fill(0xff, 76, SECTOR);
  header.writeUInt32LE(0, 76); // the FAT is sector 0
  return Buffer.concat([header, fat, directory, info, packageBytes]);
}
