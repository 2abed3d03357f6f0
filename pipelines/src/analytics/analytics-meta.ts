import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { appendRows, queryRows } from './duckdb-sql.ts';

const integerText = z
  .string()
  .regex(/^-?\d+$/, 'an integer')
  .transform((text) => Number(text));

/**
 * The `meta` table of an analytics file (one key/value row per field, all text), as written and
 * read: what a run built the file from and with. Parsing it turns the texts into typed fields.
 */
export const storedAnalyticsMetaSchema = z
  .object({
    /** The layout version of the tables (analyticsLayoutVersion: a hash of analytics-schema.sql). */
    layout: z.string().min(1),
    run_id: integerText,
    built_at: z.iso.datetime(),
    /** The civil date the figures are computed as of (Europe/Warsaw). */
    as_of: z.iso.date(),
    mode: z.enum(['full', 'incremental']),
    /** The newest import batch in the facts: the next incremental run reads the batches after it. */
    watermark: integerText,
    /** The last complete ISO week the decline detection ran up to. */
    decline_week: z.string().regex(/^\d{4}-W\d{2}$/),
    config_hash: z.string().min(1),
    /** DECLINE_METHOD_VERSION of the detector that made the stored scans. */
    decline_method: integerText,
  })
  .transform((stored) => ({
    layout: stored.layout,
    runId: stored.run_id,
    builtAt: stored.built_at,
    asOf: stored.as_of,
    mode: stored.mode,
    watermark: stored.watermark,
    declineWeek: stored.decline_week,
    configHash: stored.config_hash,
    declineMethod: stored.decline_method,
  }));

export type AnalyticsMeta = z.output<typeof storedAnalyticsMetaSchema>;

/** The rows of the `meta` table for `meta`; parsing them gives `meta` back. */
export function storedAnalyticsMeta(meta: AnalyticsMeta): z.input<typeof storedAnalyticsMetaSchema> {
  return {
    layout: meta.layout,
    run_id: String(meta.runId),
    built_at: meta.builtAt,
    as_of: meta.asOf,
    mode: meta.mode,
    watermark: String(meta.watermark),
    decline_week: meta.declineWeek,
    config_hash: meta.configHash,
    decline_method: String(meta.declineMethod),
  };
}

/** Replaces the `meta` rows of the file being built; a field that does not parse is refused before anything is written. */
export async function writeAnalyticsMeta(connection: DuckDBConnection, meta: AnalyticsMeta): Promise<void> {
  const stored = storedAnalyticsMeta(meta);
  storedAnalyticsMetaSchema.parse(stored);
  await connection.run('DELETE FROM meta');
  await appendRows(connection, 'meta', Object.entries(stored), (appender, [key, value]) => {
    appender.appendVarchar(key);
    appender.appendVarchar(value);
  });
}

/** The `meta` rows of a connection's file, as stored (text per key). */
export async function readStoredMeta(connection: DuckDBConnection): Promise<Record<string, string>> {
  const rows = await queryRows<{ key: string; value: string }>(connection, 'SELECT key, value FROM meta');
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** Parses stored `meta` rows; a missing or malformed field is an error naming it. */
export function parseAnalyticsMeta(stored: Record<string, string>): AnalyticsMeta {
  const parsed = storedAnalyticsMetaSchema.safeParse(stored);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'meta'}: ${issue.message}`);
    throw new Error(`the analytics metadata is invalid (${issues.join('; ')})`);
  }
  return parsed.data;
}

/**
 * The `meta` rows of an analytics file, opened read-only, as stored: a file of another layout may
 * hold other fields, so the caller compares `layout` before parsing. Or why the file cannot be
 * read (locked, corrupt, not a file).
 */
export async function readAnalyticsFileMeta(file: string): Promise<{ stored: Record<string, string> } | { unreadable: string }> {
  let instance: DuckDBInstance | null = null;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      return { stored: await readStoredMeta(connection) };
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    return { unreadable: (error as Error).message.split('\n')[0]! };
  } finally {
    instance?.closeSync();
  }
}

/** What readers are switched to when a run publishes: the pointer file `CURRENT.json`. */
export const publishedAnalyticsSchema = z.object({
  file: z.string().regex(/^analytics-\d+\.duckdb$/),
  runId: z.number().int(),
  builtAt: z.iso.datetime(),
});

export type PublishedAnalytics = z.output<typeof publishedAnalyticsSchema>;
