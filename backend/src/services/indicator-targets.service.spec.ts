import { describe, expect, it } from 'vitest';
import type { IndicatorConfig } from '@osl/data';
import { DomainError } from '../lib/domain-error.ts';
import { applyTargets } from './indicator-targets.service.ts';

const indicator = (unit: IndicatorConfig['unit']): IndicatorConfig => ({
  code: 'P2',
  kind: 'output',
  namePl: 'x',
  nameEn: 'x',
  unit,
  cumulative: false,
  computation: { kind: 'activity_count', groups: ['animation'] },
  baseline: { ALL: 0, OST: 0 },
  targets: { ALL: { '2022': 45 }, OST: { '2022': 14 } },
});
const scopes = ['ALL', 'OST', 'LAZ'];
const years = [2021, 2022, 2023];

describe('applyTargets', () => {
  it('changes only the named baselines and targets', () => {
    const out = applyTargets(indicator('activities'), { targets: { OST: { '2022': 16 }, LAZ: { '2023': 9 } }, baseline: { LAZ: 2 } }, scopes, years);
    expect(out.targets).toEqual({ ALL: { '2022': 45 }, OST: { '2022': 16 }, LAZ: { '2023': 9 } });
    expect(out.baseline).toEqual({ ALL: 0, OST: 0, LAZ: 2 });
  });

  it('names the field of every wrong value', () => {
    const wrong =
      (input: object, unit: IndicatorConfig['unit'] = 'activities') =>
      () =>
        applyTargets(indicator(unit), input, scopes, years);
    expect(wrong({ targets: { OST: { '2022': -1 } } })).toThrow(/targets\.OST\.2022 must be a number ≥ 0/);
    expect(wrong({ targets: { OST: { '2022': 1.5 } } })).toThrow(/whole number/);
    expect(wrong({ targets: { XYZ: { '2022': 1 } } })).toThrow(/unknown scope "XYZ"/);
    expect(wrong({ targets: { OST: { '2019': 1 } } })).toThrow(/year must be one of 2021, 2022, 2023/);
    expect(wrong({ targets: { OST: { '2022': 101 } } }, 'percent')).toThrow(/at most 100/);
    expect(wrong({ targets: { OST: { '2022': '16' } } })).toThrow(DomainError);
    expect(wrong({})).toThrow(/send baseline/);
    // Keys are checked as sent: "__proto__" (own, from JSON) is an unknown scope or year, not dropped.
    expect(wrong(JSON.parse('{"baseline": {"__proto__": 1}}'))).toThrow('baseline: unknown scope "__proto__"; use ALL, OST, LAZ');
    expect(wrong(JSON.parse('{"targets": {"OST": {"__proto__": 1}}}'))).toThrow('targets.OST: year must be one of 2021, 2022, 2023');
    expect(wrong({ targets: { OST: [] } })).toThrow('targets.OST must be an object');
  });
});
