import type { PipelineMode } from '../repositories/pipeline-run.repository.ts';

/** When a scheduled run that could not start is tried again: after 1, 2 and 4 minutes, then no more. */
export interface RetryPolicy {
  firstDelayMs: number;
  factor: number;
  maxRetries: number;
}

export const defaultRetryPolicy: RetryPolicy = { firstDelayMs: 60_000, factor: 2, maxRetries: 3 };

/** The wait before retry `retry` (1 = the first), or null when the policy has no more. */
export function retryDelayMs(retry: number, policy: RetryPolicy = defaultRetryPolicy): number | null {
  if (retry < 1 || retry > policy.maxRetries) return null;
  return policy.firstDelayMs * policy.factor ** (retry - 1);
}

/** Whether a run of `running` mode does what a run of `wanted` mode would (an incremental run is no full rebuild). */
export function runCovers(running: PipelineMode | null, wanted: PipelineMode): boolean {
  return wanted === 'incremental' || running === 'full';
}

/** The one pending retry a second failure joins: the stronger mode, the earlier time. */
export function joinRetries(pending: PipelineMode, wanted: PipelineMode): PipelineMode {
  return pending === 'full' || wanted === 'full' ? 'full' : 'incremental';
}
