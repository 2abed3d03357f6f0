import { describe, expect, it } from 'vitest';
import { activityView } from './activities.service.ts';

const batch = { batchId: 1, file: 'lista.xlsx', importedBy: 'org@x.pl', importedAt: new Date('2022-03-01T10:00:00Z') };
const activity = (named: number, anonymous: number) => ({
  externalId: 'K1',
  date: '2022-02-15',
  community: 'LAZ',
  type: 'WARSZTAT',
  title: 'Warsztaty',
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
