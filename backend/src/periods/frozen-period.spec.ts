import { describe, expect, it } from 'vitest';
import { comparePeriodFigures, compareDrillDowns, fingerprintOf, freezePeriod, type FrozenFigure, type FrozenPeriod } from './frozen-period.ts';

const figure = (code: string, community: string, valueWithin: number | null, valueCumulative: number | null, status = 'achieved'): FrozenFigure => ({
  code,
  community,
  valueWithin,
  valueCumulative,
  target: 10,
  achievement: valueCumulative === null ? null : valueCumulative / 10,
  status,
  withinFrom: '2022-01-01',
  withinTo: '2022-06-30',
  cumulativeFrom: '2021-01-01',
  cumulativeTo: '2022-06-30',
});

const activity = (activityId: string, date: string, named: number) => ({
  activityId,
  date,
  community: 'WZG',
  type: 'WARSZTAT',
  group: 'education',
  named,
  anonymous: 0,
  residentInitiative: false,
});

function content(): FrozenPeriod {
  return {
    format: 1,
    project: { name: 'OSL', centre: 'CUS', from: '2021-01-01', to: '2023-12-31' },
    period: { id: 1, name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' },
    version: 1,
    reason: 'close',
    dataVersion: 7,
    asOf: '2022-07-05',
    closedAt: '2022-07-05T10:00:00.000Z',
    closedBy: 'dyrektor@demo.osl',
    indicators: [{ code: 'P1', namePl: 'Osoby', nameEn: 'Persons', kind: 'output', unit: 'persons', cumulative: true }],
    figures: [figure('P1', 'WZG', 5, 12), figure('P1', 'ALL', 8, 20)],
    drillDown: {
      activities: [activity('A-2', '2022-02-01', 3), activity('A-1', '2022-01-10', 4)],
      persons: [
        { code: 'W002', community: 'WZG', attendances: 2 },
        { code: 'W001', community: 'WZG', attendances: 3 },
      ],
      regulars: [],
      leaders: [],
      surveyAnswers: [],
    },
  };
}

describe('freezePeriod', () => {
  it('gives the same text and SHA-256 whatever order the rows and keys come in', () => {
    const a = freezePeriod(content());
    const reordered = content();
    reordered.figures.reverse();
    reordered.drillDown.activities.reverse();
    reordered.drillDown.persons.reverse();
    const b = freezePeriod(Object.fromEntries(Object.entries(reordered).reverse()) as unknown as FrozenPeriod);
    expect(b.frozen).toBe(a.frozen);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(a.frozen)).toBe(a.fingerprint);
  });

  it('gives another fingerprint when one value or one attendance count differs', () => {
    const base = freezePeriod(content()).fingerprint;
    const value = content();
    value.figures[0]!.valueWithin = 6;
    const count = content();
    count.drillDown.activities[0]!.named = 2;
    expect(freezePeriod(value).fingerprint).not.toBe(base);
    expect(freezePeriod(count).fingerprint).not.toBe(base);
  });
});

describe('comparePeriodFigures', () => {
  it('lists only the figures that differ, with the difference current − reported', () => {
    const reported = [figure('P1', 'WZG', 5, 12), figure('P1', 'ALL', 8, 20), figure('R2', 'ALL', null, null, 'no_data')];
    const current = [figure('P1', 'WZG', 6, 13), figure('P1', 'ALL', 8, 20), figure('R2', 'ALL', 62.5, 62.5)];
    const differences = comparePeriodFigures(reported, current);
    expect(differences.map((d) => `${d.code}|${d.community}`)).toEqual(['P1|WZG', 'R2|ALL']);
    expect(differences[0]).toMatchObject({ reportedWithin: 5, currentWithin: 6, differenceWithin: 1, differenceCumulative: 1 });
    expect(differences[1]).toMatchObject({ reportedWithin: null, currentWithin: 62.5, differenceWithin: null, reportedStatus: 'no_data' });
  });

  it('is empty for the same figures', () => {
    expect(comparePeriodFigures(content().figures, content().figures)).toEqual([]);
  });
});

describe('compareDrillDowns', () => {
  it('names activities added, removed and corrected, and persons whose attendance changed', () => {
    const before = content().drillDown;
    const after = content().drillDown;
    after.activities = [activity('A-1', '2022-01-10', 3), activity('A-3', '2022-03-01', 1)];
    after.persons = [
      { code: 'W001', community: 'WZG', attendances: 2 },
      { code: 'W003', community: 'WZG', attendances: 1 },
    ];
    after.leaders = [{ code: 'W001', community: 'WZG', leaderSince: '2022-02-01' }];
    const diff = compareDrillDowns(before, after);
    expect(diff.activities.map((a) => [a.activityId, a.change])).toEqual([
      ['A-1', 'corrected'],
      ['A-2', 'removed'],
      ['A-3', 'added'],
    ]);
    expect(diff.persons.map((p) => [p.code, p.change, p.before, p.after])).toEqual([
      ['W001', 'corrected', 3, 2],
      ['W002', 'removed', 2, null],
      ['W003', 'added', null, 1],
    ]);
    expect(diff.leaders).toEqual([{ code: 'W001', community: 'WZG', change: 'added' }]);
  });
});
