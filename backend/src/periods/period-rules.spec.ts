import { civilDateInZone } from '@osl/pipelines';
import { describe, expect, it } from 'vitest';
import type { PeriodVersionRecord } from '../repositories/period.repository.ts';
import { checkPeriodInput, momentOf, periodState } from './period-rules.ts';

const project = { periodStart: '2021-01-01', periodEnd: '2023-12-31' };

const version = (n: number, ended: boolean, verdicts: ('accepted' | 'remarks')[] = []): PeriodVersionRecord => ({
  id: n,
  periodId: 1,
  version: n,
  closedAt: new Date('2022-07-05T10:00:00Z'),
  closedBy: 'd',
  dataVersion: 3,
  asOf: '2022-07-05',
  reason: 'close',
  fingerprint: 'f'.repeat(64),
  endedAt: ended ? new Date('2022-08-01T10:00:00Z') : null,
  endedBy: ended ? 'd' : null,
  endReason: ended ? 'reopened' : null,
  endNote: null,
  signOffs: verdicts.map((verdict, i) => ({ id: i, verdict, remarks: null, signedBy: 'a', signedAt: new Date(), fingerprint: 'f'.repeat(64) })),
});

describe('periodState', () => {
  it('is open without a version in force, closed with one, and the auditor’s latest verdict once signed', () => {
    expect(periodState([])).toBe('open');
    expect(periodState([version(1, true)])).toBe('open');
    expect(periodState([version(1, true), version(2, false)])).toBe('closed');
    expect(periodState([version(1, false, ['remarks'])])).toBe('remarks');
    expect(periodState([version(1, false, ['remarks', 'accepted'])])).toBe('accepted');
  });
});

describe('checkPeriodInput', () => {
  it('accepts a half-year inside the project', () => {
    expect(checkPeriodInput({ name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' }, project, ['WNP 2'])).toEqual([]);
  });

  it('names each wrong field: a taken name (any case), an impossible date, a date outside the project', () => {
    const problems = checkPeriodInput({ name: 'wnp 2', from: '2022-02-30', to: '2024-01-31' }, project, ['WNP 2']);
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['name', 'period.name_taken'],
      ['from', 'period.date_invalid'],
      ['to', 'period.date_outside_project'],
    ]);
  });

  it('refuses an empty name and a period that ends before it starts', () => {
    expect(checkPeriodInput({ name: '  ', from: '2022-06-30', to: '2022-01-01' }, project, []).map((p) => p.key)).toEqual([
      'period.name_missing',
      'period.ends_before_start',
    ]);
  });
});

describe('momentOf', () => {
  it('takes a date as the end of that day in Warsaw, in winter and in summer time', () => {
    expect(momentOf('2022-01-15', 'Europe/Warsaw', civilDateInZone)!.toISOString()).toBe('2022-01-15T22:59:59.999Z');
    expect(momentOf('2022-07-15', 'Europe/Warsaw', civilDateInZone)!.toISOString()).toBe('2022-07-15T21:59:59.999Z');
  });

  it('takes a date-time with its offset as given, and refuses anything else', () => {
    expect(momentOf('2022-07-15T12:00:00+02:00', 'Europe/Warsaw', civilDateInZone)!.toISOString()).toBe('2022-07-15T10:00:00.000Z');
    expect(momentOf('15.07.2022', 'Europe/Warsaw', civilDateInZone)).toBeNull();
    expect(momentOf('2022-02-30', 'Europe/Warsaw', civilDateInZone)).toBeNull();
    expect(momentOf('2022-07-15T12:00', 'Europe/Warsaw', civilDateInZone)).toBeNull();
  });
});
