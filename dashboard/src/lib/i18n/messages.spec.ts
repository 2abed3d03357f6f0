import { describe, expect, it } from 'vitest';
import { MESSAGES, translate, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  it('has the same keys in Polish and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.pl).sort());
  });

  it('has no empty translations', () => {
    for (const lang of ['pl', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) {
        expect(text.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES.pl) as MessageKey[]) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.pl[key]));
    }
  });

  it('labels every indicator status in both languages', () => {
    const statuses = ['on_track', 'at_risk', 'behind', 'achieved', 'not_achieved', 'no_data', 'no_target', 'not_started'];
    for (const status of statuses) {
      expect(MESSAGES.pl[`status.${status}` as MessageKey]).toBeTruthy();
      expect(MESSAGES.en[`status.${status}` as MessageKey]).toBeTruthy();
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('pl', 'header.dataAsOf', { date: '27.11.2026, 17:00' })).toBe('dane z 27.11.2026, 17:00');
    expect(translate('en', 'indicators.heading', { year: 2022 })).toBe('Project indicators – 2022');
  });

  it('leaves a placeholder without a value visible rather than dropping it', () => {
    expect(translate('en', 'header.dataAsOf', {})).toBe('data as of {date}');
  });

  it('says "no data", never zero, for a missing value', () => {
    expect(translate('pl', 'value.noData')).toBe('brak danych');
    expect(translate('en', 'value.noData')).toBe('no data');
  });
});
