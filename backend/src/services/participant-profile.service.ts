import { Inject, Injectable } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { projectYears } from '@osl/pipelines';
import { compileMetricsQuery } from '../analytics/metrics-query.ts';
import type { Scope } from '../auth/access-matrix.ts';
import { metricCell } from '../auth/auditor-disclosure.ts';
import { profileCell, protectProfile } from '../auth/report-disclosure.ts';
import { AnalyticsRepository } from '../repositories/analytics.repository.ts';
import { AuditorFiguresService } from './auditor-figures.service.ts';
import { ConfigurationService } from './configuration.service.ts';
import { parseYear } from './survey-results.service.ts';

/** The register's genders as the pipeline stores them ('unknown': not given). */
export const profileGenders = ['K', 'M', 'other', 'unknown'] as const;
/** dim_participant's age bands (build-facts.sql: age at the project's start), and 'unknown' without a birth year. */
export const profileAgeBands = ['0-17', '18-29', '30-44', '45-59', '60-74', '75+', 'unknown'] as const;

/** A count as a viewer sees it: null where the auditor's view hides it ("<3"). */
export type ShownCount = number | null;

export interface ProfileTable {
  community: string;
  /** One row per gender: persons per age band (in `ageBands` order) and the row's total. */
  rows: { gender: (typeof profileGenders)[number]; persons: ShownCount[]; total: ShownCount }[];
  /** Persons per age band over all genders, and everyone. */
  totals: { persons: ShownCount[]; total: ShownCount };
}

export interface ParticipantProfile {
  year: number;
  years: number[];
  genders: (typeof profileGenders)[number][];
  ageBands: (typeof profileAgeBands)[number][];
  communities: ProfileTable[];
}

/** Lays the cells of one scope out as a table, a hidden cell as null. */
export function profileTable(community: string, persons: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): ProfileTable {
  const shown = (gender: string, band: string): ShownCount => {
    const id = profileCell(community, gender, band);
    if (hidden.has(id)) return null;
    if (gender !== '*' && band !== '*') return persons.get(id) ?? 0;
    const genders = gender === '*' ? profileGenders : [gender];
    const bands = band === '*' ? profileAgeBands : [band];
    return genders.reduce((s, g) => s + bands.reduce((t, b) => t + (persons.get(profileCell(community, g, b)) ?? 0), 0), 0);
  };
  return {
    community,
    rows: profileGenders.map((gender) => ({ gender, persons: profileAgeBands.map((band) => shown(gender, band)), total: shown(gender, '*') })),
    totals: { persons: profileAgeBands.map((band) => shown('*', band)), total: shown('*', '*') },
  };
}

/** Persons who came in a year, by gender and age band, per community and ALL. */
@Injectable()
export class ParticipantProfileService {
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(AnalyticsRepository) private readonly analytics: AnalyticsRepository,
    @Inject(AuditorFiguresService) private readonly auditorFigures: AuditorFiguresService,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  async profile(rawYear: string | undefined, scope: Scope): Promise<ParticipantProfile> {
    const years = projectYears(this.config.project);
    const year = parseYear(rawYear, years);
    const communities = this.config.communities.map((c) => c.code);
    const rows = await this.analytics.participantProfile(year);
    const persons = new Map(rows.map((r) => [profileCell(r.community, r.gender, r.ageBand), r.persons]));
    const hidden = scope === 'suppressed' ? await this.auditorMask(year, communities, persons) : new Set<string>();
    return {
      year,
      years,
      genders: [...profileGenders],
      ageBands: [...profileAgeBands],
      communities: ['ALL', ...communities].map((community) => profileTable(community, persons, hidden)),
    };
  }

  /**
   * The auditor's cells to hide: each scope's total is the year's distinct participants the metrics
   * table shows (under the shared mask), so a total hidden there is hidden here, and one shown there
   * is known to whoever reads this table.
   */
  private async auditorMask(year: number, communities: string[], persons: ReadonlyMap<string, number>): Promise<Set<string>> {
    const [yearly, hiddenCells] = await Promise.all([
      this.analytics.metrics(
        compileMetricsQuery({
          measures: ['distinctParticipants'],
          grain: 'year',
          dimensions: ['community'],
          from: `${year}-01-01`,
          to: `${year}-12-31`,
          communities: ['ALL', ...communities],
          groups: null,
        }),
      ),
      this.auditorFigures.hiddenCells(),
    ]);
    const publishedTotals = new Map<string, number | null>();
    for (const row of yearly) {
      const community = String(row.community);
      const hidden = hiddenCells.has(metricCell(String(row.period), community, 'distinctParticipants'));
      publishedTotals.set(community, hidden ? null : Number(row.distinctParticipants));
    }
    return protectProfile({ communities, genders: profileGenders, ageBands: profileAgeBands, persons, publishedTotals }, this.config.project.smallCounts.limit);
  }
}
