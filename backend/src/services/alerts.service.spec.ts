import { describe, expect, it } from 'vitest';
import { withoutSmallCounts } from './alerts.service.ts';

const alert = (observed: number) => ({
  id: 1,
  community: 'LAZ',
  groupCode: '',
  group: null,
  measure: 'attendances',
  since: '2022-W42',
  status: 'active',
  firstRunId: 1,
  lastRunId: 1,
  openedAt: new Date(),
  closedAt: null,
  drop: 0.8,
  observed,
  expected: 15,
  pValue: 0.001,
  baselineKind: 'seasonal',
  lastWeek: '2022-W46',
  sentencePl: 'Frekwencja w społeczności LAZ spadła o 80% od tygodnia 2022-W42 (ostatnie 3 tygodnie: 2 obecności wobec oczekiwanych 15).',
  sentenceEn: 'Attendance in LAZ fell by 80% since week 2022-W42 (last 3 weeks: 2 attendances against 15 expected).',
  history: [{ runId: 1, lastWeek: '2022-W46', observed, expected: 15, drop: 0.8, pValue: 0.001, at: new Date() }],
});

describe('withoutSmallCounts', () => {
  it('keeps the drop and the period of a small alert, not its counts', () => {
    const shown = withoutSmallCounts(alert(2) as never);
    expect(shown).toMatchObject({ observed: null, expected: null, drop: 0.8, suppressed: ['expected', 'observed'] });
    expect(shown.sentencePl).toBe('Frekwencja w społeczności LAZ spadła o 80% od tygodnia 2022-W42.');
    expect(shown.history[0].observed).toBeNull();
    expect(withoutSmallCounts(alert(12) as never).observed).toBe(12);
  });
});
