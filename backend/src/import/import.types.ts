import type { OslConfig } from '@osl/data';
import type { KindRecords } from './kinds/index.ts';

/** The four kinds of input file (docs/spec/input-formats.md, "Four kinds of file"). */
export type ImportKind = 'activities' | 'attendance' | 'participants' | 'survey';
export const importKinds: readonly ImportKind[] = ['activities', 'attendance', 'participants', 'survey'];

export type Lang = 'pl' | 'en';

/** One cell as read from a file. Excel dates become civil dates; CSV cells are always text. */
export type CellValue = string | number | boolean | { date: string /* YYYY-MM-DD */ } | null;

export interface RawRow {
  /** The row number a person sees in Excel (for CSV: the line on which the record starts, 1-based). */
  rowNumber: number;
  cells: CellValue[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
}

export interface RawTable {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'windows-1250' | 'iso-8859-2' | 'cp852';
  delimiter?: string;
  /** XLSX: the sheet read into `rows` (named after the kind if one is, else the first visible sheet). */
  sheetName?: string;
  rows: RawRow[];
  /**
   * XLSX: the workbook's other visible sheets, in the workbook's order, read as well (the first few;
   * see the reader), so that the sheet with the data can be chosen and messages can name them.
   */
  otherSheets?: RawSheet[];
  /** Problems of the file as a whole that do not stop the import (a CSV's doubtful quotes or encoding). */
  readWarnings?: ImportIssue[];
}

export interface ReadLimits {
  maxFileBytes: number;
  maxRows: number;
  /** Longest CSV record, in characters (default 1 MiB). */
  maxLineChars?: number;
  /** Most columns in a row (default 1,000). */
  maxColumns?: number;
  /** Most bytes an XLSX may inflate to (default: see `defaultMaxUncompressedBytes`). */
  maxUncompressedBytes?: number;
  /** Most bytes of worksheet XML read, all sheets together (default: see `defaultMaxSheetXmlBytes`). */
  maxSheetXmlBytes?: number;
  /** Reading one file may take this long (default 120 s). */
  readTimeoutSeconds?: number;
  /** The heap of the thread reading a file (default 2,048 MB). */
  readerMemoryMb?: number;
}

export interface ImportIssue {
  /** Excel row number; null for a problem of the whole file or its header. */
  row: number | null;
  /**
   * The column as the file names it: its header as written ("Kod uczestnika"); for a required
   * column the file lacks, its name in the template. Null for a problem of the whole file or row.
   */
  column: string | null;
  /** The column's canonical name (`participant_code`; a question code for survey answers), when it is a known one. */
  field?: string;
  value: string | null;
  message: string;
  code: string;
}

export interface ValidationContext {
  kind?: ImportKind;
  config: OslConfig;
  /** YYYY-MM-DD in the project's time zone; later dates are errors, and so are dates before the earliest accepted date (project.json). */
  today: string;
  lang: Lang;
  lookups: {
    activities: ReadonlyMap<string, { date: string; communityCode: string }>;
    participants: ReadonlyMap<string, { communityCode: string }>;
    participantCodesByNameKey: ReadonlyMap<string, readonly string[]>;
    /**
     * Names as registered (`Maria Dąbrowska`) by code, for a "did you mean" shown only to an
     * uploader limited to communities they may see the names of (an organizer's own register).
     */
    participantNames?: ReadonlyMap<string, string>;
    /**
     * The uploader's communities when they are limited to some (an organizer's): a participant
     * code registered in none of them is refused with the same message as a code registered
     * nowhere, so a file cannot probe another community's register. Absent: every community.
     */
    uploaderCommunities?: readonly string[];
  };
}

export type { ActivityRecord, AttendanceRecord, ParticipantRecord, SurveyAnswerRecord, SurveyResponseRecord } from './kinds/index.ts';

/** A validated file: its records (those of the rows without errors) and every issue found. */
export type ValidationResult = {
  [K in ImportKind]: {
    kind: K;
    rowsRead: number;
    errors: ImportIssue[];
    warnings: ImportIssue[];
    records: KindRecords[K][];
    /** Canonical column name → its header as written in the file (for issues found later, such as community scope). */
    columnHeaders?: ReadonlyMap<string, string>;
  };
}[ImportKind];
