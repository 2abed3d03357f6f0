import { describe, expect, it } from 'vitest';
import type { PeriodFigure } from '$lib/api/client';
import { differenceText, fieldMessages, figureCells, figuresOfScope, periodPermissions, shortFingerprint } from './period-view';

const figure = (over: Partial<PeriodFigure> = {}): PeriodFigure => ({
  code: 'W1',
  community: 'ALL',
  valueWithin: 87,
  valueCumulative: 1234,
  target: 1500,
  achievement: 0.82266,
  status: 'at_risk',
  withinFrom: null,
  withinTo: null,
  cumulativeFrom: null,
  cumulativeTo: null,
  ...over,
});

const version = { version: 1 } as unknown as NonNullable<Parameters<typeof periodPermissions>[0]['inForce']>;

describe('periodPermissions', () => {
  it('lets the director edit, delete and close an open period that is over, never the auditor', () => {
    const open = { state: 'open' as const, over: true, versions: [], inForce: null };
    expect(periodPermissions(open, 'director')).toEqual({ edit: true, remove: true, close: true, reopen: false, signOff: false, acceptRestatement: false });
    expect(periodPermissions({ ...open, over: false }, 'director').close).toBe(false);
    expect(Object.values(periodPermissions(open, 'auditor')).some(Boolean)).toBe(false);
    expect(Object.values(periodPermissions(open, 'admin')).some(Boolean)).toBe(false);
  });

  it('keeps a reopened period that was closed before from deletion', () => {
    expect(periodPermissions({ state: 'open', over: true, versions: [version], inForce: null }, 'director').remove).toBe(false);
  });

  it('lets the auditor sign off a closed version, and the director reopen it or accept a pending restatement', () => {
    const closed = { state: 'closed' as const, over: true, versions: [version], inForce: version };
    expect(periodPermissions(closed, 'auditor').signOff).toBe(true);
    expect(periodPermissions(closed, 'director')).toMatchObject({ reopen: true, signOff: false, edit: false, acceptRestatement: false });
    expect(periodPermissions(closed, 'director', true).acceptRestatement).toBe(true);
  });
});

describe('figureCells', () => {
  it('shows values in their unit and achievement truncated', () => {
    expect(figureCells(figure(), 'persons', 'pl', '<3')).toEqual({
      within: '87',
      cumulative: '1234',
      target: '1500',
      achievement: '82%',
      status: 'at_risk',
      hidden: false,
    });
    const share = figureCells(figure({ valueWithin: 69.9, valueCumulative: 69.9, target: 70, achievement: 0.998571 }), 'percent', 'en', '<3');
    expect([share.within, share.target, share.achievement]).toEqual(['69.9%', '70%', '99.8%']);
  });

  it('shows the small-count label where suppression hides a value, and no status with a hidden cumulative value', () => {
    const within = figureCells(figure({ valueWithin: null, suppressed: ['valueWithin'] }), 'persons', 'pl', '<3');
    expect([within.within, within.cumulative, within.status, within.hidden]).toEqual(['<3', '1234', 'at_risk', true]);
    const cumulative = figureCells(
      figure({ valueCumulative: null, achievement: null, status: 'suppressed', suppressed: ['valueCumulative'] }),
      'persons',
      'pl',
      '<3',
    );
    expect([cumulative.cumulative, cumulative.achievement, cumulative.status]).toEqual(['<3', '<3', null]);
  });
});

describe('helpers', () => {
  it('orders a scope’s figures as the indicators are configured', () => {
    const figures = [figure({ code: 'W2' }), figure({ code: 'W1', community: 'K1' }), figure({ code: 'W1' })];
    expect(figuresOfScope(figures, 'ALL', ['W1', 'W2']).map((f) => f.code)).toEqual(['W1', 'W2']);
  });

  it('signs differences and shortens fingerprints', () => {
    expect(differenceText(7, 'persons', 'pl')).toBe('+7');
    expect(differenceText(-1.5, 'percent', 'pl')).toBe('−1,5%');
    expect(differenceText(null, 'persons', 'pl')).toBe('—');
    expect(shortFingerprint('0123456789abcdef'.repeat(4))).toBe('0123456789ab…');
  });

  it('keeps the first message the server gave for each field', () => {
    expect(
      fieldMessages([
        { field: 'from', message: 'a' },
        { field: 'from', message: 'b' },
        { field: 'name', message: 'c' },
      ]),
    ).toEqual({ from: 'a', name: 'c' });
  });
});
