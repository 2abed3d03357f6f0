import { z } from 'zod';
import { importKinds } from '../import/import.types.ts';
import type { ImportKind } from '../import/validation/validate-file.ts';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';
import type { ImportProgress } from '../services/import.service.ts';

const kinds = importKinds as readonly [ImportKind, ...ImportKind[]];
const importPhases = ['reading', 'validating', 'writing', 'done'] as const satisfies readonly ImportProgress['phase'][];

const importIssue = z
  .object({
    row: z.int().nullable(),
    column: z.string().nullable().meta({ description: 'the column as the file names it (its header as written; a missing one as the template heads it)' }),
    field: z.string().optional().meta({ description: 'the column’s canonical name (docs/spec/input-formats.md), when it is a known one' }),
    value: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });

const fileImportReport = z
  .object({
    file: z.string(),
    kind: z.enum(kinds).nullable(),
    status: z.enum(['imported', 'rejected', 'unchanged']),
    rows: z.int(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    batchId: z.int().nullable(),
    errors: z.array(importIssue),
    warnings: z.array(importIssue),
  })
  .meta({ id: 'FileImportReport' });

export const importRefresh = z
  .object({
    // queued: behind the run in progress (runId; null: it starts in a moment); running: run runId reads the rows;
    // shown: the figures hold them (run runId published them at `at`); failed: run runId failed at `at`;
    // waiting: no run for them is known here, the next one shows them
    status: z.enum(['queued', 'running', 'shown', 'failed', 'waiting']),
    runId: z.int().nullable(),
    at: z.string().nullable(),
    typicalSeconds: z.int().nullable().meta({ description: 'how long a run usually takes here, in seconds' }),
  })
  .meta({ id: 'ImportRefresh', description: 'when the charts show the rows of the files imported (null: none was)' });

const importJob = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'finished', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: z
      .object({ file: z.string(), fileIndex: z.int(), fileCount: z.int(), phase: z.enum(importPhases), rowsDone: z.int(), rowsTotal: z.int() })
      .nullable(),
    files: z.array(fileImportReport).nullable(),
    error: z.string().nullable(),
    refresh: importRefresh.nullable(),
  })
  .meta({ id: 'ImportJob' });

const importBatchItem = z
  .object({
    id: z.int(),
    file: z.string(),
    // 'unknown': a rejected file whose kind could not be told.
    kind: z.enum([...kinds, 'unknown']),
    sha256: z.string(),
    status: z.enum(['imported', 'rejected']),
    source: z.string(),
    importedBy: z.string(),
    at: z.string(),
    rowsRead: z.int(),
    rowsWritten: z.int(),
    errorCount: z.int(),
    warningCount: z.int(),
    report: z.unknown(),
  })
  .meta({ id: 'ImportBatchItem' });

/** `?limit=`/`?before=`: a whole number in a range, or absent. */
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return undefined;
      const parsed = Number(value);
      if (/^\d+$/.test(value) && Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
      context.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    });
}

/** The import history is paged, newest first: `?limit=` rows (at most 200) `&before=<id>` (the last id of the previous page). */
export const maxHistoryPage = 200;

export const importsContracts = {
  upload: contract({
    query: z.object({
      async: queryText(10)
        .transform((value) => value === 'true')
        .meta({ description: '"true": answer at once with a job to poll' }),
    }),
    body: z.object({
      lang: queryChoice(['pl', 'en'], 'pl').meta({ description: 'the language of the report' }),
      kind: queryChoice(kinds).meta({
        description: 'what the files hold, when their names and headers do not say',
      }),
    }),
    // Without a form, the handler says how to send the files.
    bodyOptional: true,
    upload: { field: 'files', description: 'the files to import' },
    response: z.union([z.object({ files: z.array(fileImportReport), refresh: importRefresh.nullable() }), importJob]),
  }),
  job: contract({ params: z.object({ id: z.string().meta({ description: 'the job id' }) }), response: importJob }),
  list: contract({
    query: z.object({
      limit: wholeNumber(1, maxHistoryPage).meta({ description: `rows, at most ${maxHistoryPage} (default 50)` }),
      before: wholeNumber(1, Number.MAX_SAFE_INTEGER).meta({ description: 'the last id of the previous page' }),
    }),
    response: z.array(importBatchItem),
  }),
  template: contract({
    params: z.object({ kind: z.string().meta({ description: `one of ${importKinds.join(', ')}` }) }),
    query: z.object({ survey: queryText().meta({ description: 'a survey code (kind survey)' }) }),
    files: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'the template workbook' },
  }),
};
