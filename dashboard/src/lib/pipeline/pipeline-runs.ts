// The data page's list of pipeline runs.
import type { PipelineRunItem } from '$lib/api/client';

type Step = NonNullable<PipelineRunItem['steps']>[number];

/** The step a running run is in: the one marked running, else the last one it reported; none before its first. */
export function runningStep(run: Pick<PipelineRunItem, 'status' | 'steps'>): Step | null {
  if (run.status !== 'running') return null;
  return run.steps?.find((s) => s.running) ?? run.steps?.at(-1) ?? null;
}
