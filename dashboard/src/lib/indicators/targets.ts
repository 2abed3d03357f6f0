// The director's target editor: the form's starting figures, what was changed in it, and waiting
// for the recomputation a change starts.
import type { PipelineRunItem, Scope } from '$lib/api/client';
import type { IndicatorValueLookup } from './indicator-value';

/** An indicator's baselines per scope, and its targets per scope and year ("2022"). */
export interface TargetDraft {
  baseline: Record<Scope, number>;
  targets: Record<Scope, Record<string, number>>;
}

/** The form's starting figures: what the table shows (the first year's baseline), 0 where nothing is set. */
export function targetDraft(code: string, scopes: readonly Scope[], years: readonly number[], valueOf: IndicatorValueLookup): TargetDraft {
  return {
    baseline: Object.fromEntries(scopes.map((scope) => [scope, valueOf(code, scope, years[0])?.baseline ?? 0])),
    targets: Object.fromEntries(
      scopes.map((scope) => [scope, Object.fromEntries(years.map((year) => [String(year), valueOf(code, scope, year)?.target ?? 0]))]),
    ),
  };
}

/** Only the figures the director changed are sent. */
export function changedTargets(original: TargetDraft, edited: TargetDraft): TargetDraft {
  const baseline = Object.fromEntries(Object.entries(edited.baseline).filter(([scope, value]) => value !== original.baseline[scope]));
  const targets: Record<Scope, Record<string, number>> = {};
  for (const [scope, years] of Object.entries(edited.targets)) {
    for (const [year, value] of Object.entries(years)) if (value !== original.targets[scope]?.[year]) (targets[scope] ??= {})[year] = value;
  }
  return { baseline, targets };
}

export interface WaitOptions {
  /** How many times the runs are asked for (every `intervalMs`) before giving up waiting. */
  attempts?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Resolves once the pipeline run (started by a change) is no longer running, or after `attempts`
 * looks; at once without a run. A failed look rejects.
 */
export async function waitForPipelineRun(
  runId: number | null,
  fetchRuns: () => Promise<readonly Pick<PipelineRunItem, 'id' | 'status'>[]>,
  { attempts = 120, intervalMs = 500, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }: WaitOptions = {},
): Promise<void> {
  for (let i = 0; runId !== null && i < attempts; i++) {
    const run = (await fetchRuns()).find((r) => r.id === runId);
    if (run && run.status !== 'running') return;
    await sleep(intervalMs);
  }
}
