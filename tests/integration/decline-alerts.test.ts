// The decline detection on the demo data: it must find OST's fall from October 2022, nothing in
// WZG or LAZ, and keep an alert that persists across runs as one alert with a history.
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineService } from '@osl/backend';
import { AlertsService } from '../../backend/src/services/alerts.service.ts';
import { DemoService } from '../../backend/src/services/demo.service.ts';
import { runOsl } from '../support/cli.ts';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z');
let context: INestApplicationContext;

beforeAll(async () => {
  context = await openInstallation(environment);
  await context.get(DemoService).load();
});

afterAll(async () => {
  await context?.close();
});

describe('decline alerts on the demo data', () => {
  it('finds the OST decline from October 2022 and nothing in WZG or LAZ', async () => {
    const run = await context.get(PipelineService).run('cli', 'full');
    expect(run.alerts?.opened).toBeGreaterThan(0);
    const alerts = await context.get(AlertsService).list({ status: 'active' });
    expect(new Set(alerts.map((a) => a.community))).toEqual(new Set(['OST']));
    for (const alert of alerts) {
      expect(alert.since >= '2022-W38' && alert.since <= '2022-W46', alert.since).toBe(true);
      expect(alert.drop).toBeGreaterThanOrEqual(0.2);
      expect(alert.sentencePl).toContain('Mieszkańcy bloków przy ul. Ostrowieckiej');
      expect(alert.sentencePl).toMatch(/spadła o \d+% od tygodnia 2022-W\d\d/);
      expect(alert.sentenceEn).toMatch(/has fallen by \d+% since week 2022-W\d\d/);
    }
  });

  it('keeps a persisting alert as one alert with a history', async () => {
    const before = await context.get(AlertsService).list({ status: 'active' });
    const run = await context.get(PipelineService).run('schedule', 'incremental');
    expect(run.alerts).toEqual({ opened: 0, continued: before.length, ended: 0 });
    const after = await context.get(AlertsService).list({ status: 'active' });
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.every((a) => a.history.length === 2)).toBe(true);
  });

  it('lists alerts on the command line as JSON', async () => {
    const outcome = runOsl(['alerts', '--community', 'ost', '--json'], { OSL_DATA_DIR: environment.dataDir, DATABASE_URL: '' });
    expect(outcome.status, outcome.stderr).toBe(0);
    const alerts = JSON.parse(outcome.stdout);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]).toMatchObject({ community: 'OST', status: 'active' });
    expect(runOsl(['alerts', '--community', 'XYZ', '--json'], { OSL_DATA_DIR: environment.dataDir, DATABASE_URL: '' }).status).toBe(2);
  });
});
