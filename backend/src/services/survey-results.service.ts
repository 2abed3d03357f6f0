import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot, ProjectConfig, QuestionScale, SurveyConfig } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import type { Scope } from '../auth/access-matrix.ts';
import { shownSurveyFigures, type SurveyQuestionCounts } from '../auth/report-disclosure.ts';
import type { CellId } from '../auth/auditor-disclosure.ts';
import { surveyShareDisclosure, type SurveyShareDisclosure, type SurveyShareRule } from '../auth/survey-share-disclosure.ts';
import { DomainError } from '../lib/domain-error.ts';
import { AnalyticsRepository, type SurveyAggregateRecord } from '../repositories/analytics.repository.ts';
import { ConfigurationService } from './configuration.service.ts';

/** One question's answers in one scope as a viewer sees them (the auditor's hidden figures null, named in `suppressed`). */
export interface SurveyScopeFigures {
  community: string;
  n: number | null;
  mean: number | null;
  /** Per cent: answers ≥ 4 of the 1–5 scale, or "yes" of a yes/no question. */
  share: number | null;
  distribution: { value: number; answer: 'yes' | 'no' | null; count: number | null }[];
  suppressed?: string[];
}

export interface SurveyQuestionResults {
  code: string;
  scale: QuestionScale;
  textPl: string;
  textEn: string;
  /** Free-text questions are not counted here (their answers stay in the operational database). */
  aggregated: boolean;
  scopes: SurveyScopeFigures[];
}

export interface SurveyResults {
  year: number;
  years: number[];
  communities: string[];
  surveys: { code: string; namePl: string; nameEn: string; questions: SurveyQuestionResults[] }[];
}

/** The values a question's answers take, as the distribution lists them (highest first), and those its share counts. */
export function scaleValues(scale: Exclude<QuestionScale, 'text'>, scales: ProjectConfig['answerScales']): { values: number[]; shareValues: number[] } {
  if (scale === 'yes_no') return { values: [scales.yes_no.yes, scales.yes_no.no], shareValues: [scales.yes_no.yes] };
  const values: number[] = [];
  for (let v = scales.likert5.max; v >= scales.likert5.min; v -= 1) values.push(v);
  return { values, shareValues: values.filter((v) => v >= 4) };
}

/** A question's answers in one scope from its agg_survey row (none: no answers). */
export function questionCounts(
  survey: string,
  question: string,
  community: string,
  scale: Exclude<QuestionScale, 'text'>,
  row: SurveyAggregateRecord | undefined,
  scales: ProjectConfig['answerScales'],
): SurveyQuestionCounts {
  const { values, shareValues } = scaleValues(scale, scales);
  const countOf = (value: number) => {
    if (!row || !Number.isInteger(value) || value < 0 || value > 5) return 0;
    return row[`n${value}` as 'n0'] ?? 0;
  };
  return {
    survey,
    question,
    community,
    n: row?.n ?? 0,
    counts: values.map((value) => ({ value, count: countOf(value) })),
    shareValues,
    hasMean: scale === 'likert5',
  };
}

/** The share in per cent, to one decimal, of the counted values (null without answers). */
export function shareOf(counts: SurveyQuestionCounts): number | null {
  if (counts.n === 0) return null;
  const top = counts.counts.filter((c) => counts.shareValues.includes(c.value)).reduce((s, c) => s + c.count, 0);
  return Math.round((1000 * top) / counts.n) / 10;
}

/** Survey results per survey, question and community (and ALL) in a year: n, mean, distribution and share. */
@Injectable()
export class SurveyResultsService {
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async results(rawYear: string | undefined, scope: Scope): Promise<SurveyResults> {
    const years = projectYears(this.config.project);
    const year = parseYear(rawYear, years);
    const communities = this.config.communities.map((c) => c.code);
    const scopes = ['ALL', ...communities];
    const scales = this.config.project.answerScales;
    const { rowOf, counted, all } = await this.yearCounts(year);
    // The auditor's survey figures come from the same decision as the survey shares (R2) the indicators show.
    const hidden = scope === 'suppressed' ? (await this.shareDisclosure(year, all)).surveyHidden : new Set<string>();
    return {
      year,
      years,
      communities: scopes,
      surveys: counted.map(({ survey, counts }) => ({
        code: survey.code,
        namePl: survey.namePl,
        nameEn: survey.nameEn,
        questions: survey.questions.map((q) => ({
          code: q.code,
          scale: q.scale,
          textPl: q.textPl,
          textEn: q.textEn,
          aggregated: q.scale !== 'text',
          scopes: (counts.get(q.code) ?? []).map((c) => {
            const row = rowOf.get(`${survey.code}|${q.code}|${c.community}`);
            const shown = shownSurveyFigures(c, hidden);
            const suppressed = [
              ...(shown.n === null ? ['n'] : []),
              ...(c.hasMean && !shown.meanShown && c.n > 0 ? ['mean'] : []),
              ...(!shown.shareShown && c.n > 0 ? ['share'] : []),
              ...c.counts.filter((_, i) => shown.counts[i] === null).map((x) => `count.${x.value}`),
            ];
            return {
              community: c.community,
              n: shown.n,
              mean: shown.meanShown ? (row?.mean ?? null) : null,
              share: shown.shareShown ? shareOf(c) : null,
              distribution: c.counts.map((x, i) => ({ value: x.value, answer: answerOf(q.scale, x.value, scales), count: shown.counts[i] ?? null })),
              ...(suppressed.length > 0 ? { suppressed } : {}),
            };
          }),
        })),
      })),
    };
  }

  /** A year's agg_survey rows and every counted question's answers per scope (free-text questions are not counted). */
  private async yearCounts(year: number) {
    const scopes = ['ALL', ...this.config.communities.map((c) => c.code)];
    const scales = this.config.project.answerScales;
    const rows = await this.analytics.surveyAggregates(year);
    const rowOf = new Map(rows.map((r) => [`${r.survey}|${r.question}|${r.community}`, r]));
    const counted: { survey: SurveyConfig; counts: Map<string, SurveyQuestionCounts[]> }[] = this.config.surveys.map((survey) => ({
      survey,
      counts: new Map(
        survey.questions
          .filter((q) => q.scale !== 'text')
          .map((q) => [
            q.code,
            scopes.map((c) =>
              questionCounts(survey.code, q.code, c, q.scale as Exclude<QuestionScale, 'text'>, rowOf.get(`${survey.code}|${q.code}|${c}`), scales),
            ),
          ]),
      ),
    }));
    return { rowOf, counted, all: counted.flatMap((s) => [...s.counts.values()].flat()) };
  }

  /**
   * The auditor's (and every export's) survey shares of a year and the survey cells hidden with them:
   * one decision (auth/survey-share-disclosure.ts) for the indicators route, its exports and the survey results.
   */
  async shareDisclosure(year: number, rows?: readonly SurveyQuestionCounts[]): Promise<SurveyShareDisclosure> {
    const scale = this.config.project.answerScales.likert5;
    const rules: SurveyShareRule[] = [];
    for (const indicator of this.config.indicators) {
      const c = indicator.computation;
      if (c.kind !== 'survey_share') continue;
      rules.push({
        code: indicator.code,
        survey: c.survey,
        question: c.question,
        minValue: c.minValue,
        decimals: c.decimals,
        scaleMin: scale.min,
        scaleMax: scale.max,
      });
    }
    const values = rules.length === 0 ? [] : await this.analytics.indicatorValues({ year, community: null });
    return surveyShareDisclosure(values, rules, year, rows ?? (await this.yearCounts(year)).all, this.config.project.smallCounts.limit);
  }

  /** The survey-share indicator values (R2) hidden from the auditor and in every export, over every project year. */
  async hiddenShareValues(): Promise<Set<CellId>> {
    const hidden = new Set<CellId>();
    if (!this.config.indicators.some((i) => i.computation.kind === 'survey_share')) return hidden;
    for (const year of projectYears(this.config.project)) for (const id of (await this.shareDisclosure(year)).hidden) hidden.add(id);
    return hidden;
  }
}

/** Which answer of a yes/no question a stored value is (null on the 1–5 scale). */
export function answerOf(scale: QuestionScale, value: number, scales: ProjectConfig['answerScales']): 'yes' | 'no' | null {
  if (scale !== 'yes_no') return null;
  return value === scales.yes_no.yes ? 'yes' : 'no';
}

/** A project year (`2022`), else the error the page shows. */
export function parseYear(raw: string | undefined, years: readonly number[]): number {
  const year = Number(raw);
  if (raw === undefined || !/^\d{4}$/.test(raw) || !years.includes(year))
    throw DomainError.invalid('filter.year', { allowed: years.join(', '), value: raw ?? '' });
  return year;
}
