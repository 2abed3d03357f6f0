// One indicator value as the API answers it, for tests: P1 (persons) for the whole project in 2022.
import type { IndicatorValue } from '$lib/api/client';

export function indicatorRow(overrides: Partial<IndicatorValue> = {}): IndicatorValue {
  return {
    code: 'P1',
    community: 'ALL',
    year: 2022,
    value: 100,
    target: 180,
    baseline: 0,
    expected: 180,
    achievement: 0.556,
    status: 'behind',
    unit: 'persons',
    ...overrides,
  };
}
