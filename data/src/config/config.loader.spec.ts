import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfigDir, loadConfig, resolveConfigDir } from './config.loader.ts';

function copyOfDefaults(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-config-'));
  for (const name of fs.readdirSync(defaultConfigDir)) fs.copyFileSync(path.join(defaultConfigDir, name), path.join(dir, name));
  edit(dir);
  return dir;
}

function editJson(dir: string, file: string, change: (value: any) => void): void {
  const full = path.join(dir, file);
  const value = JSON.parse(fs.readFileSync(full, 'utf8'));
  change(value);
  fs.writeFileSync(full, JSON.stringify(value));
}

function errorOf(dir: string): ConfigError {
  try {
    loadConfig(dir);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('reads the default configuration of the specification', () => {
    const config = loadConfig(defaultConfigDir);
    expect(config.communities.map((c) => c.code)).toEqual(['WZG', 'OST', 'LAZ']);
    expect(config.activityTypes).toHaveLength(9);
    expect(config.indicators.map((i) => i.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3']);
    expect(config.indicators.find((i) => i.code === 'R2')!.targets.ALL).toEqual({ 2021: 55, 2022: 60, 2023: 70 });
    expect(config.surveys.map((s) => s.code)).toEqual(['ANK-ROCZNA', 'ANK-PO']);
    expect(config.project).toMatchObject({ periodStart: '2021-01-01', periodEnd: '2023-12-31', timeZone: 'Europe/Warsaw' });
  });

  it('names the file and the field of a wrong value', () => {
    const dir = copyOfDefaults((d) => editJson(d, 'indicators.json', (v) => (v[1].cumulative = 'tak')));
    const error = errorOf(dir);
    expect(error.file).toBe(path.join(dir, 'indicators.json'));
    expect(error.field).toBe('[1].cumulative');
  });

  it('rejects references to things that do not exist', () => {
    const scope = errorOf(copyOfDefaults((d) => editJson(d, 'indicators.json', (v) => (v[0].targets.XYZ = { 2021: 1 }))));
    expect(scope.message).toContain('indicators.json');
    expect(scope.field).toBe('[0] (P1).targets.XYZ');
    const survey = errorOf(copyOfDefaults((d) => editJson(d, 'indicators.json', (v) => (v[6].computation.question = 'UWAGI'))));
    expect(survey.field).toBe('[6] (R2).computation.question');
    const cron = errorOf(copyOfDefaults((d) => editJson(d, 'schedule.json', (v) => (v.jobs[0].cron = 'every day'))));
    expect(cron.field).toBe('jobs[0].cron');
    const zone = errorOf(copyOfDefaults((d) => editJson(d, 'project.json', (v) => (v.timeZone = 'Europe/Warszawa'))));
    expect(zone.field).toBe('timeZone');
  });

  it('reports a missing file and broken JSON', () => {
    expect(errorOf(copyOfDefaults((d) => fs.rmSync(path.join(d, 'surveys.json')))).message).toContain('surveys.json');
    const broken = errorOf(copyOfDefaults((d) => fs.writeFileSync(path.join(d, 'communities.json'), '[{"code": "WZG",')));
    expect(broken.message).toMatch(/communities\.json.*not valid JSON/);
  });

  it('uses the installation folder when it has a config folder, else the defaults', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-data-'));
    expect(resolveConfigDir(dataDir)).toBe(defaultConfigDir);
    fs.mkdirSync(path.join(dataDir, 'config'));
    expect(resolveConfigDir(dataDir)).toBe(path.join(dataDir, 'config'));
  });
});
