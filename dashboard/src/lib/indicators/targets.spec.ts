import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '$lib/api/client';
import { indicatorRow } from './indicator-row.fixture';
import { indicatorValueLookup } from './indicator-value';
import { changedTargets, targetDraft, waitForPipelineRun } from './targets';

// P4 counts activities.
const row = (overrides: Partial<IndicatorValue>) =>
  indicatorRow({ code: 'P4', year: 2021, value: 1, target: 2, expected: 2, achievement: 0.5, unit: 'activities', ...overrides });

const values = indicatorValueLookup([
  row({ community: 'ALL', year: 2021, baseline: 3, target: 4 }),
  row({ community: 'ALL', year: 2022, baseline: 3, target: 8 }),
  row({ community: 'LAZ', year: 2021, baseline: 1, target: null }),
  row({ code: 'P5', community: 'LAZ', year: 2022, baseline: 9, target: 9 }),
]);

describe('targetDraft', () => {
  it('starts from the first year’s baseline and each year’s target, 0 where none is set', () => {
    expect(targetDraft('P4', ['ALL', 'LAZ'], [2021, 2022], values)).toEqual({
      baseline: { ALL: 3, LAZ: 1 },
      targets: { ALL: { '2021': 4, '2022': 8 }, LAZ: { '2021': 0, '2022': 0 } },
    });
  });
});

describe('changedTargets', () => {
  it('keeps only the figures that differ from the starting ones', () => {
    const original = targetDraft('P4', ['ALL', 'LAZ'], [2021, 2022], values);
    const edited = structuredClone(original);
    expect(changedTargets(original, edited)).toEqual({ baseline: {}, targets: {} });
    edited.baseline.LAZ = 2;
    edited.targets.LAZ['2022'] = 7;
    edited.targets.ALL['2021'] = 4;
    expect(changedTargets(original, edited)).toEqual({ baseline: { LAZ: 2 }, targets: { LAZ: { '2022': 7 } } });
  });
});

describe('waitForPipelineRun', () => {
  const noSleep = { sleep: async () => undefined };

  it('does not ask when no run was started', async () => {
    let asked = 0;
    await waitForPipelineRun(null, async () => (asked++, []), noSleep);
    expect(asked).toBe(0);
  });

  it('asks until the run is no longer running', async () => {
    const answers = [[{ id: 7, status: 'running' as const }], [], [{ id: 7, status: 'running' as const }], [{ id: 7, status: 'succeeded' as const }]];
    let asked = 0;
    await waitForPipelineRun(7, async () => answers[asked++] ?? [], noSleep);
    expect(asked).toBe(4);
  });

  it('gives up waiting after the last attempt', async () => {
    let asked = 0;
    await waitForPipelineRun(7, async () => (asked++, [{ id: 7, status: 'running' as const }]), { ...noSleep, attempts: 3 });
    expect(asked).toBe(3);
  });

  it('rejects when the runs cannot be read', async () => {
    await expect(waitForPipelineRun(7, () => Promise.reject(new Error('down')), noSleep)).rejects.toThrow('down');
  });
});
