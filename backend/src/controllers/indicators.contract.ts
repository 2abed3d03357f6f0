import { z } from 'zod';
import { contract, queryText } from '../lib/route-contract.ts';
import { activityItem, suppressedFields } from './activities.contract.ts';
import { indicatorUnit } from './health.contract.ts';

// A running year has a traffic light; a year that is over is achieved or not (docs/spec/indicators.md).
const statuses = ['on_track', 'at_risk', 'behind', 'achieved', 'not_achieved', 'no_data', 'no_target', 'not_started'] as const;

export const indicatorValue = z
  .object({
    code: z.string(),
    community: z.string(),
    year: z.int(),
    value: z.number().nullable(),
    target: z.number().nullable(),
    baseline: z.number().nullable(),
    expected: z.number().nullable(),
    achievement: z.number().nullable(),
    // Null where small-count suppression hides the value: the status would give it away.
    status: z.enum(statuses).nullable().meta({ description: 'null where the value is suppressed (the auditor’s view, exports)' }),
    unit: indicatorUnit,
    suppressed: suppressedFields,
  })
  .meta({ id: 'IndicatorValue' });

/** `?year=&community=`: checked against the project's years and communities by the service. */
export const indicatorFilter = z.object({
  year: queryText(20).meta({ description: 'a project year or "to-date"' }),
  community: queryText().meta({ description: 'ALL or a community code' }),
});

export const indicatorCode = z.object({ code: z.string().meta({ description: 'an indicator code' }) });

/** The trace routes name the indicator `:indicator`: the guard reads `:code` as a community (auth.guard.ts). */
export const traceIndicator = z.object({ indicator: z.string().meta({ description: 'an indicator code' }) });

const traceHead = {
  indicator: z.object({ code: z.string(), namePl: z.string(), nameEn: z.string(), computation: z.string() }),
  community: z.string(),
  year: z.int(),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  value: z.number().nullable().meta({ description: 'the value as the viewer sees it; the lists below add up to it' }),
  hidden: z.boolean().meta({ description: 'the auditor’s figure is hidden (small counts), or for ALL one community’s is: the lists are empty' }),
};

const names = {
  firstName: z.string().nullable().optional().meta({ description: 'only for the director and the organizer of the person’s home community' }),
  lastName: z.string().nullable().optional(),
};

/** `?year=&asOf=&community=`: checked against the project's years, days and communities by the service. */
export const forecastFilter = z.object({
  year: queryText(20).meta({ description: 'a project year; by default the year of asOf' }),
  asOf: queryText(20).meta({
    description: 'YYYY-MM-DD inside the project, not after today: today (the default, clamped to the project) or a month’s last day (the "as of" view)',
  }),
  community: queryText().meta({ description: 'ALL or a community code; every scope by default' }),
});

/** One horizon's forecast (pipelines' forecastIndicator): to the year's end or the project's. */
export const indicatorForecast = z
  .object({
    horizon: z.enum(['year', 'project']),
    end: z.string().meta({ description: 'the horizon’s last day' }),
    current: z.number().nullable().meta({ description: 'the value as of asOf' }),
    projected: z.number().nullable().meta({ description: 'the value projected at the horizon’s end' }),
    low: z.number().nullable().meta({ description: 'the 80% interval’s lower bound' }),
    high: z.number().nullable().meta({ description: 'the 80% interval’s upper bound' }),
    target: z.number().nullable(),
    probability: z.number().nullable().meta({ description: 'of reaching the target at the horizon’s end, 0–1' }),
    pacePerMonth: z.number().nullable().meta({ description: 'the growth per month so far' }),
    neededPerMonth: z.number().nullable().meta({ description: 'the growth per month from asOf to the horizon’s end that reaches the target' }),
    method: z.string(),
  })
  .meta({ id: 'IndicatorForecast' });

/** An indicator's value as of a day, judged as the indicator table judges it, with its forecasts. */
export const indicatorForecastRow = z
  .object({
    code: z.string(),
    community: z.string(),
    unit: indicatorUnit,
    value: z.number().nullable().meta({ description: 'the value to asOf (of asOf’s year for an annual indicator)' }),
    target: z.number().nullable().meta({ description: 'the target of asOf’s year' }),
    expected: z.number().nullable().meta({ description: 'the value expected by asOf' }),
    achievement: z.number().nullable(),
    status: z.enum(statuses),
    forecasts: z.array(indicatorForecast),
  })
  .meta({ id: 'IndicatorForecastRow' });

export const indicatorsContracts = {
  list: contract({ query: indicatorFilter, response: z.array(indicatorValue) }),
  forecast: contract({
    query: forecastFilter,
    response: z
      .object({
        asOf: z.string().meta({ description: 'the day the values and forecasts are as of' }),
        year: z.int(),
        rows: z.array(indicatorForecastRow),
      })
      .meta({
        id: 'IndicatorForecasts',
        description:
          'For the director, who plans against the targets, and the admin, who runs the installation. Not the auditor: an audit checks values ' +
          'reported, not projections, and every projected count and interval bound of 1–2 persons would need the "<3" mask. Not organizers: ' +
          'they follow participation on their communities’ pages; the targets are the director’s.',
      }),
  }),
  updateTargets: contract({
    params: indicatorCode,
    body: z
      .object({
        baseline: z.record(z.string(), z.number()).optional().meta({ description: 'by scope (ALL or a community code)' }),
        targets: z.record(z.string(), z.record(z.string(), z.number())).optional().meta({ description: 'by scope, then by project year' }),
      })
      .meta({ description: 'At least one of the two; what is not sent stays as it is.' }),
    response: z.object({ indicator: z.record(z.string(), z.unknown()), pipelineRunId: z.int().nullable() }),
  }),
  sources: contract({
    params: indicatorCode,
    query: indicatorFilter,
    response: z
      .object({
        indicator: z.object({ code: z.string(), namePl: z.string(), nameEn: z.string(), computation: z.string() }),
        community: z.string(),
        year: z.int(),
        window: z.object({ from: z.string(), to: z.string() }).nullable(),
        selection: z.object({ types: z.array(z.string()).nullable(), residentInitiative: z.boolean().nullable() }),
        activities: z.array(activityItem),
        truncated: z.boolean(),
      })
      .meta({ id: 'IndicatorSources' }),
  }),
  persons: contract({
    params: traceIndicator,
    query: indicatorFilter,
    response: z
      .object({
        ...traceHead,
        minAttendances: z.int(),
        persons: z.array(
          z.object({
            code: z.string(),
            attendances: z.int().nullable().meta({ description: 'in the window and scope; null for the auditor' }),
            firstDate: z.string().nullable().meta({ description: 'the first attendance in the window and scope; null for the auditor' }),
            ...names,
          }),
        ),
      })
      .meta({ id: 'IndicatorPersons' }),
  }),
  surveyAnswers: contract({
    params: traceIndicator,
    query: indicatorFilter,
    response: z
      .object({
        ...traceHead,
        survey: z.string(),
        question: z.string(),
        minValue: z.number(),
        answered: z.int().nullable(),
        counted: z.int().nullable(),
        answers: z.array(
          z.object({
            date: z.string(),
            community: z.string().nullable().meta({ description: 'null where the auditor is not shown that community’s share' }),
            value: z.number().nullable().meta({ description: 'null where the auditor is not shown that value’s count' }),
            counted: z.boolean().meta({ description: 'the value is at least minValue' }),
            file: z.string().nullable(),
            row: z.int().nullable(),
          }),
        ),
      })
      .meta({ id: 'IndicatorSurveyAnswers' }),
  }),
  leaders: contract({
    params: traceIndicator,
    query: indicatorFilter,
    response: z
      .object({
        ...traceHead,
        leaders: z.array(
          z.object({
            code: z.string(),
            homeCommunity: z.string().nullable().meta({ description: 'null where the auditor is not shown that community’s count' }),
            leaderSince: z.string(),
            file: z.string().nullable(),
            row: z.int().nullable(),
          }),
        ),
      })
      .meta({ id: 'IndicatorLeaders' }),
  }),
};
