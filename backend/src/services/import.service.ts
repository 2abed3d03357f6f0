import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigSnapshot, OslConfig } from '@osl/data';
import { civilDateInZone } from '@osl/pipelines';
import { FileRejectedError, fileTooLargeError, readTable } from '../import/parsing/table-reader.ts';
import { formatImportMessage } from '../import/import.messages.ts';
import { importKindDefinition } from '../import/kinds/index.ts';
import { readWarningsIn } from '../import/parsing/read-warnings.ts';
import { redactPersonalData } from '../import/redact-personal-data.ts';
import { lookupsForCommunities, rowsOutsideCommunities } from '../import/validation/community-scope.ts';
import { chooseSheet } from '../import/validation/choose-sheet.ts';
import { validateTable, type ImportIssue, type ImportKind, type ValidationResult } from '../import/validation/validate-file.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { ImportRepository, type BatchMeta } from '../repositories/import.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

export type ImportLanguage = 'pl' | 'en';
export type ImportSource = BatchMeta['source'];

/** A file to import: its bytes, or where to read them when its turn comes. */
export type ImportFileInput = { fileName: string; content: Buffer; path?: undefined } | { fileName: string; path: string; content?: undefined };

export interface ImportOptions {
  kind?: ImportKind;
  lang?: ImportLanguage;
  source: ImportSource;
  importedBy: string;
  /** Only rows of these communities may be imported (an organizer's); absent: every community. */
  allowedCommunities?: readonly string[];
  onProgress?: (progress: ImportProgress) => void;
  /** Called as each file's report is ready (`index`: its place in the files given). */
  onFileReport?: (index: number, report: FileImportReport) => void;
}

/** Where a running import is: which file, which phase, how many rows of it are done. */
export interface ImportProgress {
  file: string;
  fileIndex: number;
  fileCount: number;
  phase: 'reading' | 'validating' | 'writing' | 'done';
  rowsDone: number;
  rowsTotal: number;
}

/** The report of one file: the CLI's `--json` output and the API's response share it. */
export interface FileImportReport {
  file: string;
  kind: ImportKind | null;
  status: 'imported' | 'rejected' | 'unchanged';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  batchId: number | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** One code path for every way in (CLI, API upload, inbox, demo): read, validate, write. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('ImportService');

  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  async importPaths(paths: string[], options: ImportOptions): Promise<FileImportReport[]> {
    return this.importFiles(
      paths.map((p) => ({ fileName: path.basename(p), path: p })),
      options,
    );
  }

  /**
   * Imports files one at a time, in dependency order: only one file's rows are in memory at once,
   * whatever the number of files (files given by path are read when their turn comes).
   */
  async importFiles(inputs: ImportFileInput[], options: ImportOptions): Promise<FileImportReport[]> {
    const order = await this.dependencyOrder(inputs, options);
    const reports: FileImportReport[] = new Array(inputs.length);
    for (const [position, index] of order.entries()) {
      const input = inputs[index]!;
      const progress = (phase: ImportProgress['phase'], rowsDone: number, rowsTotal: number) =>
        options.onProgress?.({ file: input.fileName, fileIndex: position, fileCount: inputs.length, phase, rowsDone, rowsTotal });
      progress('reading', 0, 0);
      const file = await this.load(input);
      reports[index] = await this.importOne(input.fileName, file, await this.read(input.fileName, file, options), options, progress);
      progress('done', reports[index].rows, reports[index].rows);
      options.onFileReport?.(index, reports[index]);
    }
    return reports;
  }

  /**
   * Files that others depend on go first: the register before attendance lists, activities
   * before their attendance lists. The kind is guessed from the beginning of a CSV file (its
   * header), so ordering does not hold every file in memory; a workbook is read whole.
   */
  private async dependencyOrder(inputs: ImportFileInput[], options: ImportOptions): Promise<number[]> {
    const indexes = inputs.map((_, index) => index);
    if (inputs.length < 2 || options.kind) return indexes;
    const ranks: number[] = [];
    for (const input of inputs) {
      const head = await this.head(input);
      const outcome = await this.read(input.fileName, { ...head, oversized: null }, options);
      ranks.push(rank(outcome));
    }
    return indexes.sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  }

  /** Enough of a file to tell its kind: a CSV file's first 64 KiB up to a line end, any other file whole. */
  private async head(input: ImportFileInput): Promise<{ content: Buffer }> {
    const limit = this.config.project.importLimits.maxFileBytes;
    let content: Buffer;
    if (input.content) content = input.content;
    else {
      const bytes = (await fs.stat(input.path)).size;
      if (bytes > limit) return { content: Buffer.alloc(0) };
      const handle = await fs.open(input.path);
      try {
        const start = Buffer.alloc(Math.min(bytes, headBytes));
        await handle.read(start, 0, start.length, 0);
        if (bytes <= headBytes || start.subarray(0, 4).equals(zipMagic)) content = bytes <= headBytes ? start : await fs.readFile(input.path);
        else content = start;
      } finally {
        await handle.close();
      }
    }
    if (content.length > headBytes && !content.subarray(0, 4).equals(zipMagic)) {
      const lineEnd = content.lastIndexOf(0x0a, headBytes);
      content = content.subarray(0, lineEnd > 0 ? lineEnd + 1 : headBytes);
    }
    return { content };
  }

  /** The file's bytes, or (over the size limit) only its size and SHA-256, without loading it. */
  private async load(input: ImportFileInput): Promise<LoadedFile> {
    if (input.content) return { content: input.content, oversized: null };
    const limit = this.config.project.importLimits.maxFileBytes;
    const bytes = (await fs.stat(input.path)).size;
    if (bytes > limit) return { content: Buffer.alloc(0), oversized: { bytes, sha256: await hashFile(input.path) } };
    return { content: await fs.readFile(input.path), oversized: null };
  }

  private async read(fileName: string, file: LoadedFile, options: ImportOptions): Promise<ReadOutcome> {
    const { maxFileBytes } = this.config.project.importLimits;
    if (file.oversized) return { ok: false, error: fileTooLargeError(fileName, file.oversized.bytes, maxFileBytes) };
    try {
      const table = await readTable(file.content, fileName, this.config.project.importLimits, options.kind);
      return { ok: true, table, kindGuess: options.kind ?? guessKind(table, this.config) };
    } catch (error) {
      if (error instanceof FileRejectedError) return { ok: false, error };
      // A reader failure of any other kind still refuses the file with a reason and leaves a history row.
      // Only the error's kind: a reader's message may quote the file's cells, which may be names.
      this.logger.error(`${fileName}: the reader failed (${(error as Error).name ?? 'error'})`);
      return { ok: false, error: new FileRejectedError('file_unreadable', fileName) };
    }
  }

  private async importOne(
    fileName: string,
    file: LoadedFile,
    outcome: ReadOutcome,
    options: ImportOptions,
    progress: (phase: ImportProgress['phase'], rowsDone: number, rowsTotal: number) => void,
  ): Promise<FileImportReport> {
    const lang = options.lang ?? 'pl';
    const sha256 = file.oversized?.sha256 ?? createHash('sha256').update(file.content).digest('hex');
    const meta: BatchMeta = { fileName, kind: 'unknown', sha256, source: options.source, importedBy: options.importedBy };
    const report: FileImportReport = {
      file: fileName,
      kind: null,
      status: 'rejected',
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      batchId: null,
      errors: [],
      warnings: [],
    };

    // Lists and survey answers only add rows, so the same file again has nothing to add. An
    // activity log or register (a kind that corrects rows by id) may be an earlier version brought
    // back after a correction: those are compared row by row instead (below), and say "unchanged"
    // only when nothing differs.
    const appendOnly = outcome.ok && outcome.kindGuess !== null && !importKindDefinition(outcome.kindGuess).writer.correctsById;
    const previous = appendOnly ? await this.imports.findImportedBatch(sha256) : null;
    if (previous) {
      this.logger.log(`${fileName}: unchanged (same content as import #${previous.id})`);
      return { ...report, kind: outcome.ok ? outcome.kindGuess : null, status: 'unchanged', batchId: previous.id };
    }
    const rejectWhole = async (error: FileRejectedError, readWarnings: ImportIssue[] = []) => {
      report.errors = [{ row: null, column: null, value: null, code: error.code, message: error.messageIn(lang) }];
      // What the reader noticed (a file read as one column, say) often explains the refusal.
      report.warnings = readWarnings;
      report.batchId = await this.imports.recordRejected(meta, 0, report.errors, redactPersonalData(readWarnings, lang));
      this.logger.warn(`${fileName}: rejected (${error.code})`);
      return report;
    };
    if (!outcome.ok) return rejectWhole(outcome.error);

    const allowed = options.allowedCommunities ?? null;
    const lookups = lookupsForCommunities(await this.imports.loadLookups(), allowed);
    const today = civilDateInZone(this.environment.now(), this.config.project.timeZone);
    let result: ValidationResult;
    progress('validating', 0, outcome.table.rows.length);
    try {
      result = validateTable(outcome.table, { kind: options.kind, config: this.config, today, lang, lookups });
    } catch (error) {
      // A file without a recognisable header row is refused as a whole.
      if (error instanceof FileRejectedError) return rejectWhole(error, readWarningsIn(outcome.table, lang));
      throw error;
    }
    const outside = rowsOutsideCommunities(
      result,
      allowed,
      lookups,
      lang,
      this.config.communities.map((c) => c.code),
    );
    if (outside.length > 0) result = { ...result, errors: [...result.errors, ...outside] };
    report.kind = result.kind;
    report.rows = result.rowsRead;
    report.warnings = result.warnings;
    meta.kind = result.kind;
    if (result.errors.length > 0) {
      report.errors = result.errors;
      report.batchId = await this.imports.recordRejected(
        meta,
        result.rowsRead,
        redactPersonalData(result.errors, lang),
        redactPersonalData(result.warnings, lang),
      );
      this.logger.warn(`${fileName}: rejected with ${result.errors.length} error(s)`);
      return report;
    }
    progress('writing', 0, result.records.length);
    // What is kept in the history carries no names; the caller gets the full report below.
    const kept = { ...result, warnings: redactPersonalData(result.warnings, lang) } as ValidationResult;
    const written = await this.imports.writeImport({ ...meta, kind: result.kind }, kept, (done) => progress('writing', done, result.records.length));
    if (written.batchId === null) {
      this.logger.log(`${fileName}: unchanged (every row is as stored)`);
      const same = await this.imports.findImportedBatch(sha256);
      return { ...report, status: 'unchanged', unchanged: written.unchanged, batchId: same?.id ?? null };
    }
    const code = importKindDefinition(result.kind).writer.alreadyStoredWarning;
    if (code && written.unchanged > 0) {
      report.warnings = [
        ...report.warnings,
        { row: null, column: null, value: null, code, message: formatImportMessage(code, lang, { count: written.unchanged }) },
      ];
    }
    this.logger.log(`${fileName}: imported as ${result.kind} (${written.created} new, ${written.updated} updated, ${written.unchanged} unchanged)`);
    return { ...report, status: 'imported', batchId: written.batchId, created: written.created, updated: written.updated, unchanged: written.unchanged };
  }
}

/** The SHA-256 of a file, read as a stream (a file over the size limit is never loaded whole). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const headBytes = 64 * 1024;
const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

interface LoadedFile {
  content: Buffer;
  /** For a file left unread because it is over the size limit: its size and SHA-256. */
  oversized: { bytes: number; sha256: string } | null;
}

type ReadOutcome = { ok: true; table: Awaited<ReturnType<typeof readTable>>; kindGuess: ImportKind | null } | { ok: false; error: FileRejectedError };

function rank(outcome: ReadOutcome): number {
  // Within one import, files that others depend on go first: the register before attendance
  // lists, activities before their attendance lists.
  return outcome.ok && outcome.kindGuess ? importKindDefinition(outcome.kindGuess).importOrder : 99;
}

function guessKind(table: Awaited<ReturnType<typeof readTable>>, config: OslConfig): ImportKind | null {
  try {
    return chooseSheet(table, undefined, config).header.kind ?? null;
  } catch {
    return null;
  }
}
