import fs from 'node:fs';
import path from 'node:path';
import { validateCronExpression } from 'cron';
import { z } from 'zod';
import {
  activityTypeSchema,
  declineSchema,
  communitySchema,
  indicatorSchema,
  projectSchema,
  scheduleSchema,
  surveySchema,
  type OslConfig,
} from './config.schema.ts';

/** The default configuration shipped with OSL Monitor (`data/config`). */
export const defaultConfigDir = path.resolve(import.meta.dirname, '..', '..', 'config');

export const configFiles = {
  project: 'project.json',
  communities: 'communities.json',
  activityTypes: 'activity-types.json',
  indicators: 'indicators.json',
  surveys: 'surveys.json',
  schedule: 'schedule.json',
  decline: 'decline.json',
} as const;

/** A configuration file that cannot be used; the message names the file and the field. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Configuration error in ${file}${field ? `, field ${field}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** `$OSL_DATA_DIR/config` when that folder exists, else the shipped default configuration. */
export function resolveConfigDir(dataDir: string): string {
  const own = path.join(dataDir, 'config');
  return fs.existsSync(own) ? own : defaultConfigDir;
}

function readJson(dir: string, file: string): unknown {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch {
    throw new ConfigError(full, '', 'the file is missing or cannot be read');
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(full, '', `not valid JSON (${(error as Error).message})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown field is named as the field, like a wrong value.
  if (issue.code === 'unrecognized_keys') throw new ConfigError(file, formatPath([...issue.path, issue.keys[0]!]), 'unknown field');
  throw new ConfigError(file, formatPath(issue.path), issue.message);
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** Reads and validates the whole configuration, including references between files. */
export function loadConfig(dir: string): OslConfig {
  const file = (name: keyof typeof configFiles) => path.join(dir, configFiles[name]);
  const config: OslConfig = {
    source: dir,
    project: parseWith(projectSchema, readJson(dir, configFiles.project), file('project')),
    communities: parseWith(z.array(communitySchema).min(1), readJson(dir, configFiles.communities), file('communities')),
    activityTypes: parseWith(z.array(activityTypeSchema).min(1), readJson(dir, configFiles.activityTypes), file('activityTypes')),
    indicators: parseWith(z.array(indicatorSchema), readJson(dir, configFiles.indicators), file('indicators')),
    surveys: parseWith(z.array(surveySchema), readJson(dir, configFiles.surveys), file('surveys')),
    schedule: parseWith(scheduleSchema, readJson(dir, configFiles.schedule), file('schedule')),
    // Optional: the detector's documented defaults apply to whatever it does not set.
    decline: parseWith(declineSchema, fs.existsSync(file('decline')) ? readJson(dir, configFiles.decline) : {}, file('decline')),
    // Defined in the dashboard and kept in the operational database, not in a file.
    periods: [],
  };
  checkReferences(config, file);
  return config;
}

function checkReferences(config: OslConfig, file: (name: keyof typeof configFiles) => string): void {
  const { project } = config;
  if (project.periodStart > project.periodEnd) {
    throw new ConfigError(file('project'), 'periodEnd', 'the project period ends before it starts');
  }
  if (project.statusThresholds.atRisk > project.statusThresholds.onTrack) {
    throw new ConfigError(file('project'), 'statusThresholds.atRisk', 'must not be above statusThresholds.onTrack');
  }
  for (const [name, zone] of [
    ['project', project.timeZone],
    ['schedule', config.schedule.timeZone],
  ] as const) {
    if (!isTimeZone(zone)) throw new ConfigError(file(name), 'timeZone', `"${zone}" is not an IANA time zone such as Europe/Warsaw`);
  }
  config.schedule.jobs.forEach((job, index) => {
    const validity = validateCronExpression(job.cron);
    if (!validity.valid) throw new ConfigError(file('schedule'), `jobs[${index}].cron`, `"${job.cron}" is not a cron expression`);
    if (job.task === 'pipeline' && !job.mode)
      throw new ConfigError(file('schedule'), `jobs[${index}].mode`, 'a pipeline job needs "mode": "incremental" or "full"');
  });
  assertUnique(
    config.schedule.jobs.map((j) => j.name),
    file('schedule'),
    'jobs.name',
  );
  assertUnique(
    config.communities.map((c) => c.code),
    file('communities'),
    'code',
  );
  assertUnique(
    config.activityTypes.map((t) => t.code),
    file('activityTypes'),
    'code',
  );
  assertUnique(
    config.indicators.map((i) => i.code),
    file('indicators'),
    'code',
  );
  assertUnique(
    config.surveys.map((s) => s.code),
    file('surveys'),
    'code',
  );
  if (config.communities.some((c) => c.code === 'ALL')) {
    throw new ConfigError(file('communities'), 'code', '"ALL" is reserved for the whole project');
  }
  config.surveys.forEach((survey, i) =>
    assertUnique(
      survey.questions.map((q) => q.code),
      file('surveys'),
      `[${i}].questions.code`,
    ),
  );

  assertUnique(project.activityGroups, file('project'), 'activityGroups');
  const groups = new Set(project.activityGroups);
  config.activityTypes.forEach((type, i) => {
    if (!groups.has(type.group))
      throw new ConfigError(
        file('activityTypes'),
        `[${i}] (${type.code}).group`,
        `unknown group ${type.group}; use one of ${project.activityGroups.join(', ')} (project.json, activityGroups)`,
      );
  });
  const scopes = new Set(['ALL', ...config.communities.map((c) => c.code)]);
  const typeCodes = new Set(config.activityTypes.map((t) => t.code));
  config.indicators.forEach((indicator, i) => {
    const at = `[${i}] (${indicator.code})`;
    for (const scope of [...Object.keys(indicator.baseline), ...Object.keys(indicator.targets)]) {
      if (!scopes.has(scope)) {
        throw new ConfigError(file('indicators'), `${at}.targets.${scope}`, `unknown scope; use ALL or one of ${[...scopes].slice(1).join(', ')}`);
      }
    }
    const computation = indicator.computation;
    if (computation.kind === 'activity_count') {
      for (const group of computation.groups ?? []) {
        if (!groups.has(group)) throw new ConfigError(file('indicators'), `${at}.computation.groups`, `unknown activity group ${group}`);
      }
      for (const type of computation.types ?? []) {
        if (!typeCodes.has(type)) throw new ConfigError(file('indicators'), `${at}.computation.types`, `unknown activity type ${type}`);
      }
    }
    if (computation.kind === 'survey_share') {
      const survey = config.surveys.find((s) => s.code === computation.survey);
      if (!survey) throw new ConfigError(file('indicators'), `${at}.computation.survey`, `unknown survey ${computation.survey}`);
      const question = survey.questions.find((q) => q.code === computation.question);
      if (!question || question.scale !== 'likert5') {
        throw new ConfigError(file('indicators'), `${at}.computation.question`, `${computation.question} is not a 1–5 question of ${survey.code}`);
      }
      const { min, max } = project.answerScales.likert5;
      if (computation.minValue < min || computation.minValue > max) {
        throw new ConfigError(
          file('indicators'),
          `${at}.computation.minValue`,
          `must be an answer of the likert5 scale, ${min}–${max} (project.json, answerScales)`,
        );
      }
    }
  });
}

function assertUnique(values: string[], file: string, field: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ConfigError(file, field, `the code ${value} appears twice`);
    seen.add(value);
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
