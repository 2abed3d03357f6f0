import { describe, expect, it } from 'vitest';
import { importMessages } from '../import/import.messages.ts';
import { indicatorForecastMessages } from '../services/indicator-forecast.messages.ts';
import { indicatorTraceMessages } from '../services/indicator-trace.messages.ts';
import { periodMessages } from '../periods/periods.messages.ts';
import { recordingMessages } from '../recording/recording.messages.ts';
import { templatePlaceholders } from './message-template.ts';
import { formatMessage, messageCatalogue, renderStoredText, serverMessages, storeMessage, type MessageKey } from './messages.ts';

describe('the message catalogue', () => {
  const keys = Object.keys(messageCatalogue) as MessageKey[];

  it.each(keys)('%s is worded in Polish and English with the same placeholders', (key) => {
    const { pl, en } = messageCatalogue[key];
    expect(pl.trim().length).toBeGreaterThan(0);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(templatePlaceholders(pl)).toEqual(templatePlaceholders(en));
  });

  it('holds the importer’s messages, the server’s, the recording form’s, the indicator trace’s, the forecasts’ and the periods’, no key twice', () => {
    expect(keys).toHaveLength(
      Object.keys(importMessages).length +
        Object.keys(serverMessages).length +
        Object.keys(recordingMessages).length +
        Object.keys(indicatorTraceMessages).length +
        Object.keys(indicatorForecastMessages).length +
        Object.keys(periodMessages).length,
    );
    for (const key of [
      ...Object.keys(serverMessages),
      ...Object.keys(recordingMessages),
      ...Object.keys(indicatorTraceMessages),
      ...Object.keys(indicatorForecastMessages),
      ...Object.keys(periodMessages),
    ]) {
      expect(key, key).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
    }
  });

  it('gives each message in the language asked, its placeholders filled', () => {
    expect(formatMessage('filter.year', 'pl', { allowed: '2021, 2022', value: '1999' })).toBe(
      'Rok (year) musi być jednym z: 2021, 2022 albo to-date (podano „1999”).',
    );
    expect(formatMessage('filter.year', 'en', { allowed: '2021, 2022', value: '1999' })).toBe('year must be one of 2021, 2022 or to-date (got "1999")');
    expect(formatMessage('upload_too_large', 'en', { limitMb: 200 })).toContain('over 200 MB');
  });

  it('keeps a message by key for later and gives it in the reader’s language', () => {
    const stored = storeMessage({ key: 'pipeline.full_rebuild', params: { reason: { key: 'pipeline.reason.config_changed' } } });
    expect(renderStoredText(stored, 'pl')).toBe('pełna przebudowa zamiast przyrostowej: zmieniła się konfiguracja');
    expect(renderStoredText(stored, 'en')).toBe('full rebuild instead of incremental: the configuration changed');
    // Text stored before messages were kept by key, a system's own words, or a damaged reference: as they are.
    expect(renderStoredText('full rebuild instead of incremental: nothing published yet', 'pl')).toBe(
      'full rebuild instead of incremental: nothing published yet',
    );
    expect(renderStoredText('{"key":"no.such.key"}', 'pl')).toBe('{"key":"no.such.key"}');
    expect(renderStoredText('{"key":"pipeline.full_rebuild", broken', 'pl')).toBe('{"key":"pipeline.full_rebuild", broken');
    expect(renderStoredText(null, 'en')).toBeNull();
  });
});
