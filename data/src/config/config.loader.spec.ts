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

  it('fills the decline settings the file leaves out with the defaults, and all of them without the file', () => {
    const shipped = loadConfig(defaultConfigDir).decline;
    expect(shipped).toMatchObject({
      windowWeeks: 6,
      minWindowWeeks: 3,
      minRelativeDrop: 0.2,
      significance: 0.01,
      seasonalWeight: 'auto',
      dispersion: 'estimate',
    });
    expect(shipped.activityElasticity).toEqual({ attendances: 1, distinctParticipants: 0.5 });
    const without = loadConfig(copyOfDefaults((d) => fs.rmSync(path.join(d, 'decline.json')))).decline;
    expect(without).toEqual(shipped);
    const partly = loadConfig(
      copyOfDefaults((d) => fs.writeFileSync(path.join(d, 'decline.json'), '{"windowWeeks": 8, "activityElasticity": {"distinctParticipants": 0.7}}')),
    ).decline;
    expect(partly).toMatchObject({ windowWeeks: 8, minWindowWeeks: 3, activityElasticity: { attendances: 1, distinctParticipants: 0.7 } });
  });

  it('names decline.json and the field of a wrong, out-of-range or unknown decline setting', () => {
    const decline = (value: object) => errorOf(copyOfDefaults((d) => fs.writeFileSync(path.join(d, 'decline.json'), JSON.stringify(value))));
    const drop = decline({ minRelativeDrop: 1.5 });
    expect(drop.file).toMatch(/decline\.json$/);
    expect(drop.message).toMatch(/^Configuration error in .*decline\.json, field minRelativeDrop: must be a number in \[0, 1\]$/);
    expect(decline({ windowWeeks: 2.5 }).field).toBe('windowWeeks');
    expect(decline({ windowWeeks: 'six' }).message).toContain('must be a whole number ≥ 1');
    expect(decline({ minWindowWeeks: 9 }).message).toMatch(/field minWindowWeeks: must not exceed windowWeeks/);
    expect(decline({ clearSignificance: 0.001 }).field).toBe('clearSignificance');
    expect(decline({ measures: [] }).field).toBe('measures');
    expect(decline({ measures: ['visits'] }).field).toBe('measures[0]');
    expect(decline({ holidayWeeks: [54] }).field).toBe('holidayWeeks[0]');
    expect(decline({ seasonalSmoothingWeeks: 27 }).message).toContain('must be at most 26');
    expect(decline({ seasonalWeight: 'often' }).field).toBe('seasonalWeight');
    expect(decline({ activityElasticity: { attendances: 2 } }).field).toBe('activityElasticity.attendances');
    const unknown = decline({ windowWeek: 6 });
    expect(unknown.field).toBe('windowWeek');
    expect(unknown.message).toContain('unknown field');
  });

  it('gives project.json’s thresholds today’s values when it leaves them out', () => {
    const { project } = loadConfig(defaultConfigDir);
    expect(project.smallCounts).toEqual({ limit: 3, label: '<3' });
    expect(project.answerScales).toEqual({ likert5: { min: 1, max: 5 }, yes_no: { yes: 1, no: 0 } });
    expect(project.activityGroups).toEqual(['animation', 'education', 'action']);
    expect(project.lapsing).toEqual({ regularMinAttendances: 4, regularWithinWeeks: 13, lapsedAfterDays: 56 });
    expect(project.importLimits.earliestDate).toBe('2000-01-01');
    expect(project.timeZone).toBe('Europe/Warsaw');
  });

  it('takes configured thresholds and names the field of a wrong one', () => {
    const configured = loadConfig(
      copyOfDefaults((d) =>
        editJson(d, 'project.json', (v) => {
          v.smallCounts = { limit: 5, label: '<5' };
          v.importLimits.earliestDate = '2015-01-01';
          v.answerScales = { likert5: { min: 0, max: 4 } };
        }),
      ),
    ).project;
    expect(configured.smallCounts).toEqual({ limit: 5, label: '<5' });
    expect(configured.importLimits.earliestDate).toBe('2015-01-01');
    expect(configured.answerScales).toEqual({ likert5: { min: 0, max: 4 }, yes_no: { yes: 1, no: 0 } });
    const project = (change: (v: any) => void) => errorOf(copyOfDefaults((d) => editJson(d, 'project.json', change)));
    expect(project((v) => (v.smallCounts = { limit: 1 })).field).toBe('smallCounts.limit');
    expect(project((v) => (v.importLimits.earliestDate = '1.1.2000')).field).toBe('importLimits.earliestDate');
    expect(project((v) => (v.answerScales = { likert5: { min: 3, max: 2 } })).field).toBe('answerScales.likert5.max');
    expect(project((v) => (v.answerScales = { yes_no: { yes: 1, no: 1 } })).field).toBe('answerScales.yes_no.no');
    expect(project((v) => (v.activityGroups = [])).field).toBe('activityGroups');
    expect(project((v) => (v.lapsing = { regularMinAttendances: 0 })).field).toBe('lapsing.regularMinAttendances');
  });

  it('checks activity types and indicators against the configured activity groups', () => {
    const type = errorOf(copyOfDefaults((d) => editJson(d, 'project.json', (v) => (v.activityGroups = ['animation', 'education']))));
    expect(type.file).toMatch(/activity-types\.json$/);
    expect(type.message).toMatch(/group: unknown group action; use one of animation, education/);
    const computation = errorOf(copyOfDefaults((d) => editJson(d, 'indicators.json', (v) => (v[1].computation.groups = ['sport']))));
    expect(computation.field).toBe('[1] (P2).computation.groups');
  });
});
