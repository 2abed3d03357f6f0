import { describe, expect, it } from 'vitest';
import { activityView, suppressAcrossMonths, wholeMonths } from './activities.service.ts';

const batch = { batchId: 1, file: 'lista.xlsx', importedBy: 'org@x.pl', importedAt: new Date('2022-03-01T10:00:00Z') };
const activity = (named: number, anonymous: number) => ({
  externalId: 'K1',
  date: '2022-02-15',
  community: 'LAZ',
  type: 'WARSZTAT',
  title: 'Warsztaty',
  residentInitiative: false,
  headcountAnonymous: anonymous,
  namedAttendances: named,
  source: { ...batch, row: 4 },
  attendanceLists: named ? [{ ...batch, attendances: named }] : [],
});

describe('activityView', () => {
  it('shows every count in full outside the auditor’s scope', () => {
    expect(activityView(activity(2, 5), 'full')).toMatchObject({ namedAttendances: 2, anonymousAttendances: 5, attendances: 7 });
  });

  it('hides 1–2 persons from the auditor, with the other part where the total would reveal them', () => {
    const view = activityView(activity(2, 5), 'suppressed');
    expect(view).toMatchObject({ namedAttendances: null, anonymousAttendances: null, attendances: 7, suppressed: ['anonymousAttendances', 'namedAttendances'] });
    expect(view.attendanceLists[0].attendances).toBeNull();
    expect(activityView(activity(1, 0), 'suppressed')).toMatchObject({ namedAttendances: null, attendances: null });
    expect(activityView(activity(12, 0), 'suppressed').suppressed).toBeUndefined();
  });
});

describe('suppressAcrossMonths', () => {
  it('hides a second activity of the month where one is hidden, so the monthly total cannot give it away', () => {
    const views = [activity(2, 0), { ...activity(7, 0), externalId: 'K2' }, { ...activity(9, 0), externalId: 'K3' }, { ...activity(5, 0), externalId: 'K4', date: '2022-03-01' }].map((a) => activityView(a, 'suppressed'));
    const shown = suppressAcrossMonths(views);
    expect(shown.map((a) => a.attendances)).toEqual([null, null, 9, 5]);
    expect(shown[1].attendanceLists[0].attendances).toBeNull();
  });

  it('widens a range to whole months', () => {
    expect(wholeMonths('2022-02-10', '2024-02-03')).toEqual({ from: '2022-02-01', to: '2024-02-29' });
    expect(wholeMonths(null, null)).toEqual({ from: null, to: null });
  });
});
