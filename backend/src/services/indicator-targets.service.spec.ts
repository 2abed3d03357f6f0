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
    expect(wrong({ targets: { OST: { '2022': -1 } } })).toThrow('The 2022 target (OST) must be a number ≥ 0');
    expect(wrong({ targets: { OST: { '2022': 1.5 } } })).toThrow(/whole number/);
    expect(wrong({ targets: { XYZ: { '2022': 1 } } })).toThrow(/unknown scope "XYZ"/);
    expect(wrong({ targets: { OST: { '2019': 1 } } })).toThrow(/year must be one of 2021, 2022, 2023/);
    expect(wrong({ targets: { OST: { '2022': 101 } } }, 'percent')).toThrow(/at most 100/);
    expect(wrong({ targets: { OST: { '2022': '16' } } })).toThrow(DomainError);
    expect(wrong({})).toThrow(/send baseline/);
    // Keys are checked as sent: "__proto__" (own, from JSON) is an unknown scope or year, not dropped.
    expect(wrong(JSON.parse('{"baseline": {"__proto__": 1}}'))).toThrow('The baselines: unknown scope "__proto__"; use ALL, OST, LAZ');
    expect(wrong(JSON.parse('{"targets": {"OST": {"__proto__": 1}}}'))).toThrow('The targets (OST): year must be one of 2021, 2022, 2023');
    expect(wrong({ targets: { OST: [] } })).toThrow('The targets (OST) must be an object');
  });

  it('names the field in the reader’s words: the year, the community by its name, the unit', () => {
    const names = new Map([['LAZ', 'Seniorzy na Os. Łazy']]);
    const refusal = (input: object): DomainError => {
      try {
        applyTargets(indicator('activities'), input, scopes, years, names);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('accepted');
    };
    expect(refusal({ targets: { LAZ: { '2023': 11.5 } } }).messageIn('pl')).toBe(
      'Cel na rok 2023 (Seniorzy na Os. Łazy) musi być liczbą całkowitą (to liczba działań).',
    );
    expect(refusal({ targets: { LAZ: { '2023': 11.5 } } }).messageIn('en')).toBe('The 2023 target (Seniorzy na Os. Łazy) counts activities: a whole number');
    expect(refusal({ baseline: { ALL: -1 } }).messageIn('pl')).toBe('Wartość bazowa (cały projekt) musi być liczbą nie mniejszą niż 0.');
    expect(refusal({ targets: { LAZ: { '2030': 1 } } }).messageIn('pl')).toBe('Cele (Seniorzy na Os. Łazy): rok musi być jednym z: 2021, 2022, 2023.');
  });
});
