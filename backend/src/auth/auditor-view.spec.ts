import { describe, expect, it } from 'vitest';
import { indicatorCell, metricCell } from './auditor-disclosure.ts';
import { allowsPersonFigures, applyHiddenCells, applyIndicatorMask, personFiguresView } from './auditor-view.ts';

describe('applyHiddenCells', () => {
  const row = { period: '2022-01', community: 'LAZ', activities: 2, attendances: 9, namedAttendances: 7, anonymousAttendances: 2, turnout: 4.5 };

  it('sets the hidden cells to null and names them, with turnout going with attendances whatever was asked', () => {
    const shown = applyHiddenCells(row, new Set([metricCell('2022-01', 'LAZ', 'attendances'), metricCell('2022-01', 'LAZ', 'anonymousAttendances')]), 3);
    expect(shown).toMatchObject({
      activities: 2,
      attendances: null,
      anonymousAttendances: null,
      namedAttendances: 7,
      turnout: null,
      suppressed: ['anonymousAttendances', 'attendances', 'turnout'],
    });
    // Turnout asked for alone still goes: attendances = turnout × activities.
    const alone = applyHiddenCells(
      { period: '2022-01', community: 'LAZ', activities: 2, turnout: 4.5 },
      new Set([metricCell('2022-01', 'LAZ', 'attendances')]),
      3,
    );
    expect(alone).toMatchObject({ turnout: null, suppressed: ['turnout'] });
    expect(applyHiddenCells(row, new Set([metricCell('2022-02', 'LAZ', 'attendances')]), 3).suppressed).toEqual(['anonymousAttendances']);
  });
});

describe('applyIndicatorMask', () => {
  const value = { code: 'P1', community: 'LAZ', year: 2022, unit: 'persons', value: 4, achievement: 0.2, status: 'behind', target: 20, expected: 20 };

  it('hides a value with its achievement and status, which would give it away', () => {
    expect(applyIndicatorMask(value, new Set([indicatorCell('P1', 'LAZ', 2022)]), 3)).toEqual({
      ...value,
      value: null,
      achievement: null,
      status: null,
      suppressed: ['achievement', 'status', 'value'],
    });
    expect(applyIndicatorMask(value, new Set(), 3)).toEqual(value);
    // Counts of activities are no persons.
    expect(applyIndicatorMask({ ...value, unit: 'activities', value: 1 }, new Set(), 3).value).toBe(1);
  });
});

describe('personFiguresView', () => {
  it('gives the auditor persons by month and year, per community or ALL, and nothing finer', () => {
    const auditor = personFiguresView('suppressed');
    expect(auditor).toEqual({ suppressed: true, grains: ['month', 'year'], byGroupOrType: false });
    expect(allowsPersonFigures(auditor, { grain: 'month', dimensions: ['community'] })).toBe(true);
    expect(allowsPersonFigures(auditor, { grain: 'year', dimensions: [] })).toBe(true);
    expect(allowsPersonFigures(auditor, { grain: 'week', dimensions: [] })).toBe(false);
    expect(allowsPersonFigures(auditor, { grain: 'quarter', dimensions: [] })).toBe(false);
    expect(allowsPersonFigures(auditor, { grain: 'year', dimensions: ['type'] })).toBe(false);
    expect(allowsPersonFigures(auditor, { grain: 'month', dimensions: ['community', 'group'] })).toBe(false);
  });

  it('gives every other scope every grain and breakdown', () => {
    for (const scope of ['full', 'assigned', 'aggregates'] as const) {
      const view = personFiguresView(scope);
      expect(view.suppressed).toBe(false);
      expect(allowsPersonFigures(view, { grain: 'week', dimensions: ['type'] })).toBe(true);
    }
  });
});
