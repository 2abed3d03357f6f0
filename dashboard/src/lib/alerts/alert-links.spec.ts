import { describe, expect, it } from 'vitest';
import { activeAlertCounts, alertActivitiesHref, alertPeopleHref, groupLabel, mayListParticipants, readCommunityTarget, shortSentence } from './alert-links';

const alert = { community: 'OST', group: 'animation', window: { from: '2023-09-04', to: '2023-12-17', weeks: 6 }, stoppedComingFrom: '2022-08-22' };

describe('alert links', () => {
  it('lead to the community page’s activities of the alert’s weeks and group, read back as they were written', () => {
    const href = alertActivitiesHref(alert);
    expect(href).toBe('/spolecznosc/OST?od=2023-09-04&do=2023-12-17&grupa=animation');
    expect(readCommunityTarget(new URL(href, 'http://x').searchParams)).toEqual({
      activities: { from: '2023-09-04', to: '2023-12-17', group: 'animation' },
      lastFrom: null,
    });
    expect(alertActivitiesHref({ ...alert, group: null })).toBe('/spolecznosc/OST?od=2023-09-04&do=2023-12-17');
  });

  it('lead to who stopped coming since the fall began', () => {
    const href = alertPeopleHref(alert);
    expect(href).toBe('/spolecznosc/OST?ostatnio_od=2022-08-22');
    expect(readCommunityTarget(new URL(href, 'http://x').searchParams)).toEqual({ activities: null, lastFrom: '2022-08-22' });
  });

  it('ignore malformed parameters', () => {
    expect(readCommunityTarget(new URLSearchParams('od=2023-12-17&do=2023-09-04&ostatnio_od=wczoraj'))).toEqual({ activities: null, lastFrom: null });
    expect(readCommunityTarget(new URLSearchParams('od=2023-09-04&do=2023-12-17&grupa=<b>')).activities?.group).toBeNull();
  });
});

describe('mayListParticipants', () => {
  it('admits the director and the community’s own organizer only', () => {
    expect(mayListParticipants({ role: 'director', communities: [] }, 'OST')).toBe(true);
    expect(mayListParticipants({ role: 'organizer', communities: ['OST'] }, 'OST')).toBe(true);
    expect(mayListParticipants({ role: 'organizer', communities: ['LAZ'] }, 'OST')).toBe(false);
    expect(mayListParticipants({ role: 'auditor', communities: ['OST'] }, 'OST')).toBe(false);
    expect(mayListParticipants({ role: 'admin', communities: [] }, 'OST')).toBe(false);
    expect(mayListParticipants(null, 'OST')).toBe(false);
  });
});

describe('activeAlertCounts', () => {
  it('counts the active alerts of each community', () => {
    const counts = activeAlertCounts([
      { community: 'OST', status: 'active' },
      { community: 'OST', status: 'active' },
      { community: 'LAZ', status: 'ended' },
    ]);
    expect([...counts]).toEqual([['OST', 2]]);
  });
});

describe('groupLabel', () => {
  it('names every default activity group in both languages, and an unknown one by its code', () => {
    for (const group of ['animation', 'education', 'action']) {
      expect(groupLabel(group, 'pl')).not.toBe(group);
      expect(groupLabel(group, 'en')).not.toBe(group);
    }
    expect(groupLabel('animation', 'pl')).toBe('działania animacyjne');
    expect(groupLabel('sport', 'pl')).toBe('sport');
  });
});

describe('shortSentence', () => {
  it('keeps what fell, by how much and since when, without the figures', () => {
    expect(shortSentence('Frekwencja w społeczności X spadła o 48% od 17 października 2022 (ostatnie 6 tygodni: 110 obecności).')).toBe(
      'Frekwencja w społeczności X spadła o 48% od 17 października 2022.',
    );
    expect(shortSentence('Attendance in X has fallen by 20% since 3 May 2022.')).toBe('Attendance in X has fallen by 20% since 3 May 2022.');
  });
});
