import { describe, expect, it } from 'vitest';
import { activityCell, attendanceListCell } from '../auth/auditor-disclosure.ts';
import { activityView, maskedActivityViews } from './activities.service.ts';

const batch = { batchId: 1, file: 'lista.xlsx', importedBy: 'org@x.pl', importedAt: new Date('2022-03-01T10:00:00Z'), viaForm: false };
const activity = (externalId: string, named: number, anonymous: number) => ({
  externalId,
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
  it('shows named, unlisted and their sum', () => {
    expect(activityView(activity('K1', 2, 5))).toMatchObject({ namedAttendances: 2, anonymousAttendances: 5, attendances: 7 });
  });
});

describe('maskedActivityViews', () => {
  const counts = (externalId: string) => ({
    externalId,
    date: '2022-02-15',
    community: 'LAZ',
    type: 'WARSZTAT',
    namedAttendances: 0,
    anonymousAttendances: 0,
    lists: [],
  });
  const mask = {
    hidden: new Set([activityCell('K1', 'namedAttendances'), activityCell('K1', 'attendances'), attendanceListCell('K1', 1)]),
    activities: new Map([
      ['K1', counts('K1')],
      ['K2', counts('K2')],
    ]),
  };

  it('hides what the shared mask hides, the lists’ counts with it', () => {
    const [k1, k2] = maskedActivityViews([activityView(activity('K1', 2, 5)), activityView(activity('K2', 7, 0))], mask);
    expect(k1).toMatchObject({ namedAttendances: null, attendances: null, anonymousAttendances: 5, suppressed: ['attendances', 'namedAttendances'] });
    expect(k1!.attendanceLists[0]!.attendances).toBeNull();
    expect(k2).toMatchObject({ namedAttendances: 7, attendances: 7 });
    expect(k2!.suppressed).toBeUndefined();
  });

  it('shows no count of an activity the mask does not know yet', () => {
    const [k3] = maskedActivityViews([activityView(activity('K3', 9, 4))], mask);
    expect(k3).toMatchObject({ namedAttendances: null, anonymousAttendances: null, attendances: null });
    expect(k3!.attendanceLists[0]!.attendances).toBeNull();
  });
});
