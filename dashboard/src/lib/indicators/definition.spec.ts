import { describe, expect, it } from 'vitest';
import { describeIndicatorDefinition, type DefinitionContext } from './definition';

const context = (lang: 'pl' | 'en'): DefinitionContext => ({
  lang,
  periodStart: '2021-01-01',
  activityTypes: [{ code: 'AKCJA', namePl: 'akcja społecznościowa', nameEn: 'community action' }],
});

describe('describeIndicatorDefinition', () => {
  it('words a cumulative count of persons from its least number of attendances', () => {
    const text = describeIndicatorDefinition(
      { computation: { kind: 'distinct_participants', minAttendances: 1 }, cumulative: true, unit: 'persons' },
      context('pl'),
    ).join(' ');
    expect(text).toContain('co najmniej 1 obecnością');
    expect(text).toContain('Narastająco');
    expect(text).toContain('01.01.2021');
    expect(text).toContain('Jednostka: osoby.');
  });

  it('words an annual count of regulars in Polish and English, with the scope rule', () => {
    const indicator = { computation: { kind: 'distinct_participants', minAttendances: 3 }, cumulative: false, unit: 'persons' } as const;
    const pl = describeIndicatorDefinition(indicator, context('pl')).join(' ');
    expect(pl).toContain('co najmniej 3 obecnościami');
    expect(pl).toContain('Rocznie');
    expect(pl).toContain('obecności na wszystkich działaniach razem');
    const en = describeIndicatorDefinition(indicator, context('en')).join(' ');
    expect(en).toContain('at least 3 attendances');
    expect(en).toContain('Annual');
    expect(en).not.toMatch(/[ąęłśż]/);
  });

  it('names groups, types and the resident-initiative rule of an activity count, never their codes', () => {
    const groups = describeIndicatorDefinition(
      { computation: { kind: 'activity_count', groups: ['animation'] }, cumulative: false, unit: 'activities' },
      context('pl'),
    );
    expect(groups[0]).toBe('Liczba działań z grup: działania animacyjne.');
    const types = describeIndicatorDefinition(
      { computation: { kind: 'activity_count', types: ['AKCJA'] }, cumulative: true, unit: 'activities' },
      context('en'),
    );
    expect(types[0]).toBe('Number of activities of the types: community action.');
    const initiative = describeIndicatorDefinition(
      { computation: { kind: 'activity_count', residentInitiative: true }, cumulative: true, unit: 'activities' },
      context('pl'),
    );
    expect(initiative[0]).toContain('współorganizowanych przez mieszkańców');
  });

  it('gives the leaders rule by home community', () => {
    const text = describeIndicatorDefinition({ computation: { kind: 'leaders' }, cumulative: true, unit: 'persons' }, context('en')).join(' ');
    expect(text).toContain('"leader since"');
    expect(text).toContain('home community');
  });

  it('words a survey share from its question, scale, threshold and decimals', () => {
    const computation = {
      kind: 'survey_share',
      survey: 'ANK-ROCZNA',
      question: 'JAKOSC_ZYCIA',
      minValue: 4,
      decimals: 1,
      surveyName: { pl: 'Ankieta roczna mieszkańców', en: 'Annual residents survey' },
      questionText: { pl: 'Udział poprawił jakość mojego życia', en: 'Taking part improved my life' },
      scale: { min: 1, max: 5 },
    } as const;
    const pl = describeIndicatorDefinition({ computation, cumulative: false, unit: 'percent' }, context('pl'));
    expect(pl[0]).toBe(
      'Odsetek odpowiedzi w ankiecie: wśród odpowiedzi 1–5 na pytanie „Udział poprawił jakość mojego życia” ankiety „Ankieta roczna mieszkańców” odsetek odpowiedzi ≥ 4, z dokładnością do 1 miejsca po przecinku.',
    );
    const en = describeIndicatorDefinition({ computation: { ...computation, decimals: 2 }, cumulative: false, unit: 'percent' }, context('en'));
    expect(en[0]).toContain('the question "Taking part improved my life" of the survey "Annual residents survey"');
    expect(en[0]).not.toContain('JAKOSC_ZYCIA');
    expect(en[0]).toContain('to 2 decimal places');
    expect(en.join(' ')).toContain('No answers: no value (not 0).');
  });
});
