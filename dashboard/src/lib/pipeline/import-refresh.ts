// After an accepted upload: when the charts show its rows (the run it started, followed by polling its job).
import type { FileImportReport, ImportJob } from '$lib/api/client';
import { formatDateTime, type Lang } from '$lib/i18n/format';
import type { MessageKey, MessageParams } from '$lib/i18n/messages';

export type ImportRefresh = NonNullable<ImportJob['refresh']>;

export interface RefreshNotice {
  key: MessageKey;
  params: MessageParams;
  tone: 'pending' | 'shown' | 'failed';
  /** Where to start a run at once, for those who may (after a failure, or with no run known). */
  hint: { key: MessageKey; params: MessageParams } | null;
}

/**
 * What the page says of the run that shows an upload's rows. `imported`: how many of its files
 * were imported (the sentence names "this file" or "the imported files"); `labels`: the run
 * button's and the runs section's names as the page shows them.
 */
export function importRefreshNotice(
  refresh: ImportRefresh,
  context: { imported: number; canRun: boolean; lang: Lang; subject: (many: boolean) => string; labels: { button: string; section: string } },
): RefreshNotice {
  const subject = context.subject(context.imported > 1);
  const seconds = refresh.typicalSeconds;
  const estimated = seconds !== null;
  const hint = context.canRun ? { key: 'importRun.runHint' as const, params: context.labels } : null;
  switch (refresh.status) {
    case 'shown':
      return {
        key: 'importRun.shown',
        params: { subject, runId: refresh.runId ?? '?', time: refresh.at ? formatDateTime(refresh.at, context.lang) : '' },
        tone: 'shown',
        hint: null,
      };
    case 'running':
      return pending(estimated ? 'importRun.running' : 'importRun.runningNoEstimate', { subject, runId: refresh.runId ?? '?', seconds: seconds ?? '' });
    case 'queued':
      if (refresh.runId === null) return pending(estimated ? 'importRun.starting' : 'importRun.startingNoEstimate', { subject, seconds: seconds ?? '' });
      return pending(estimated ? 'importRun.queued' : 'importRun.queuedNoEstimate', { subject, runId: refresh.runId, seconds: seconds ?? '' });
    case 'failed':
      return { key: 'importRun.failed', params: { subject, runId: refresh.runId ?? '?' }, tone: 'failed', hint };
    case 'waiting':
      return { key: 'importRun.waiting', params: { subject }, tone: 'pending', hint };
  }
}

function pending(key: MessageKey, params: MessageParams): RefreshNotice {
  return { key, params, tone: 'pending', hint: null };
}

/**
 * How soon to ask the job again: soon while its run waits or goes; now and then after a failure
 * or with no run known (the schedule's next run, or one started by hand, shows the rows); never
 * once they are shown.
 */
export function refreshPollMs(refresh: ImportRefresh | null): number | null {
  if (!refresh || refresh.status === 'shown') return null;
  return refresh.status === 'queued' || refresh.status === 'running' ? 1_500 : 15_000;
}

/** How many of an upload's files were imported (the ones a run shows). */
export function importedCount(files: readonly Pick<FileImportReport, 'status'>[] | null): number {
  return files?.filter((f) => f.status === 'imported').length ?? 0;
}
