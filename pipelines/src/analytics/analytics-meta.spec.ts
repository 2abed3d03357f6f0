import { describe, expect, it } from 'vitest';
import { parseAnalyticsMeta, publishedAnalyticsSchema, storedAnalyticsMeta, type AnalyticsMeta } from './analytics-meta.ts';

const meta: AnalyticsMeta = {
  layout: 'a'.repeat(64),
  runId: 12,
  builtAt: '2026-11-27T12:00:00.000Z',
  asOf: '2026-11-27',
  mode: 'incremental',
  watermark: 80,
  declineWeek: '2026-W47',
  configHash: 'c9626144a23ee14b',
  declineMethod: 1,
};

describe('the analytics metadata', () => {
  it('is stored as text per key and parsed back to the same fields', () => {
    const stored = storedAnalyticsMeta(meta);
    expect(stored).toEqual({
      layout: 'a'.repeat(64),
      run_id: '12',
      built_at: '2026-11-27T12:00:00.000Z',
      as_of: '2026-11-27',
      mode: 'incremental',
      watermark: '80',
      decline_week: '2026-W47',
      config_hash: 'c9626144a23ee14b',
      decline_method: '1',
    });
    expect(parseAnalyticsMeta(stored)).toEqual(meta);
  });

  it('names what is missing or malformed', () => {
    const { watermark: _watermark, ...withoutWatermark } = storedAnalyticsMeta(meta);
    expect(() => parseAnalyticsMeta(withoutWatermark)).toThrow(/^the analytics metadata is invalid \(watermark: /);
    expect(() => parseAnalyticsMeta({ ...storedAnalyticsMeta(meta), decline_method: 'one' })).toThrow(/decline_method: an integer/);
    expect(() => parseAnalyticsMeta({ ...storedAnalyticsMeta(meta), as_of: '27.11.2026' })).toThrow(/as_of/);
    expect(() => parseAnalyticsMeta({ ...storedAnalyticsMeta(meta), mode: 'partial' })).toThrow(/mode/);
  });
});

describe('the published pointer', () => {
  it('names an analytics file of the folder and nothing else', () => {
    const pointer = { file: 'analytics-000012.duckdb', runId: 12, builtAt: '2026-11-27T12:00:00.000Z' };
    expect(publishedAnalyticsSchema.parse(pointer)).toEqual(pointer);
    expect(publishedAnalyticsSchema.safeParse({ ...pointer, file: '../osl.db' }).success).toBe(false);
    expect(publishedAnalyticsSchema.safeParse({ ...pointer, runId: '12' }).success).toBe(false);
  });
});
