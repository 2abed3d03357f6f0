import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorStatus } from '$lib/api/client';
import { DEFAULT_STATUS_THRESHOLDS, statusAppearance, TRAFFIC_LIGHT_STATUSES, YEAR_OVER_STATUSES } from './status';

const ALL_STATUSES: IndicatorStatus[] = ['on_track', 'at_risk', 'behind', 'achieved', 'not_achieved', 'no_data', 'no_target', 'not_started'];

describe('statusAppearance', () => {
  it('gives every status its own icon, so colour is never the only cue', () => {
    const icons = ALL_STATUSES.map((s) => statusAppearance(s).icon);
    expect(new Set(icons).size).toBe(ALL_STATUSES.length);
  });

  it('gives the traffic lights three different colours and tones', () => {
    const colours = TRAFFIC_LIGHT_STATUSES.map((s) => statusAppearance(s).color);
    expect(new Set(colours).size).toBe(3);
    expect(TRAFFIC_LIGHT_STATUSES.map((s) => statusAppearance(s).tone)).toEqual(['good', 'warn', 'bad']);
  });

  it('tells a year that is over apart from a year under way: achieved or not, in shapes of their own', () => {
    expect(YEAR_OVER_STATUSES.map((s) => statusAppearance(s).tone)).toEqual(['good', 'bad']);
    const runningIcons = new Set(TRAFFIC_LIGHT_STATUSES.map((s) => statusAppearance(s).icon));
    for (const status of YEAR_OVER_STATUSES) expect(runningIcons.has(statusAppearance(status).icon)).toBe(false);
  });

  it('points every status at its own label', () => {
    for (const status of ALL_STATUSES) {
      expect(statusAppearance(status).labelKey).toBe(`status.${status}`);
    }
  });

  it('shows an unknown status as "no data" instead of failing', () => {
    expect(statusAppearance('something_new').labelKey).toBe('status.no_data');
  });
});

describe('DEFAULT_STATUS_THRESHOLDS', () => {
  it('is what the shipped configuration tells the backend (the legend before the configuration loads)', () => {
    const project = JSON.parse(readFileSync(new URL('../../../../data/config/project.json', import.meta.url), 'utf8'));
    expect(DEFAULT_STATUS_THRESHOLDS).toEqual(project.statusThresholds);
  });
});
