// Survey results as the API gives them (SurveyResultsService over the published agg_survey): the
// figures of a small set of answers counted by hand, and the auditor's view of them.
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SurveyResultsService, DomainError } from '@osl/backend';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2024-03-01T10:00:00Z');
const dir = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

type Results = Awaited<ReturnType<SurveyResultsService['results']>>;
const question = (results: Results, survey: string, code: string) => results.surveys.find((s) => s.code === survey)!.questions.find((q) => q.code === code)!;
const scope = (results: Results, survey: string, code: string, community: string) =>
  question(results, survey, code).scopes.find((s) => s.community === community)!;

beforeAll(async () => {
  context = await openInstallation(environment);
  const yearly = (community: string, quality: number, recommend: string) => ['ANK-ROCZNA', '12.11.2022', community, quality, recommend];
  await importAndPublish(context, [
    writeCsv(dir, 'ankieta-roczna.csv', [
      ['ankieta', 'data', 'spolecznosc', 'JAKOSC_ZYCIA', 'POLECAM'],
      yearly('OST', 5, 'tak'),
      yearly('OST', 5, 'tak'),
      yearly('OST', 4, 'tak'),
      yearly('OST', 3, 'nie'),
      yearly('OST', 5, 'tak'),
      yearly('OST', 4, 'tak'),
      yearly('WZG', 2, 'tak'),
      yearly('LAZ', 4, 'tak'),
      yearly('LAZ', 4, 'tak'),
      yearly('LAZ', 5, 'tak'),
    ]),
    writeCsv(dir, 'ankieta-po.csv', [
      ['ankieta', 'data', 'spolecznosc', 'OCENA', 'PONOWNIE'],
      ['ANK-PO', '05.05.2022', 'OST', 5, 'tak'],
      ['ANK-PO', '05.05.2022', 'OST', 4, 'tak'],
      ['ANK-PO', '05.05.2022', 'OST', 4, 'nie'],
    ]),
  ]);
});

afterAll(async () => {
  await context?.close();
});

describe('survey results', () => {
  it('give n, mean, distribution and share per question, community and ALL, as counted by hand', async () => {
    const results = await context.get(SurveyResultsService).results('2022', 'full');
    expect(results.communities).toEqual(['ALL', 'WZG', 'OST', 'LAZ']);
    expect(scope(results, 'ANK-ROCZNA', 'JAKOSC_ZYCIA', 'OST')).toEqual({
      community: 'OST',
      n: 6,
      mean: 4.33,
      share: 83.3,
      distribution: [
        { value: 5, answer: null, count: 3 },
        { value: 4, answer: null, count: 2 },
        { value: 3, answer: null, count: 1 },
        { value: 2, answer: null, count: 0 },
        { value: 1, answer: null, count: 0 },
      ],
    });
    // ALL: 26 + 2 + 13 = 41 over 10 answers, 8 of them ≥ 4.
    expect(scope(results, 'ANK-ROCZNA', 'JAKOSC_ZYCIA', 'ALL')).toMatchObject({ n: 10, mean: 4.1, share: 80 });
    // Yes/no: the share of "yes", no mean.
    expect(scope(results, 'ANK-ROCZNA', 'POLECAM', 'ALL')).toEqual({
      community: 'ALL',
      n: 10,
      mean: null,
      share: 90,
      distribution: [
        { value: 1, answer: 'yes', count: 9 },
        { value: 0, answer: 'no', count: 1 },
      ],
    });
    expect(scope(results, 'ANK-PO', 'OCENA', 'OST')).toMatchObject({ n: 3, mean: 4.33, share: 100 });
    expect(scope(results, 'ANK-PO', 'PONOWNIE', 'OST')).toMatchObject({ n: 3, share: 66.7 });
    // A community without answers: n 0, nothing else.
    expect(scope(results, 'ANK-PO', 'OCENA', 'LAZ')).toMatchObject({ n: 0, mean: null, share: null });
    // Free-text questions are listed, with both texts, and not counted.
    expect(question(results, 'ANK-ROCZNA', 'UWAGI')).toMatchObject({ aggregated: false, textPl: 'Uwagi', textEn: 'Comments', scopes: [] });
    expect(question(results, 'ANK-ROCZNA', 'ZAUFANIE').textEn).toBe('I trust my neighbours');
  });

  it('show the auditor no count of 1–2, no mean or share beside a hidden n, and no hidden n that the others give away', async () => {
    const results = await context.get(SurveyResultsService).results('2022', 'suppressed');
    for (const survey of results.surveys)
      for (const q of survey.questions)
        for (const s of q.scopes) {
          for (const v of [s.n, ...s.distribution.map((d) => d.count)]) expect(v === null || v === 0 || v >= 3, `${q.code} ${s.community}`).toBe(true);
          if (s.n === null) expect([s.mean, s.share]).toEqual([null, null]);
        }
    const quality = (community: string) => scope(results, 'ANK-ROCZNA', 'JAKOSC_ZYCIA', community);
    expect(quality('WZG')).toMatchObject({ n: null, mean: null, share: null });
    expect(quality('WZG').suppressed).toEqual(expect.arrayContaining(['n', 'mean', 'share']));
    // WZG's 1 = ALL's 10 − OST's 6 − LAZ's 3: one of those is hidden too.
    expect([quality('ALL').n, quality('OST').n, quality('LAZ').n]).toContain(null);
    // OST's single 3 is hidden, and so is what would give it away (its mean with n and the other counts).
    const ost = quality('OST');
    expect(ost.distribution.find((d) => d.value === 3)!.count).toBeNull();
    expect(ost.mean === null || ost.n === null || ost.distribution.filter((d) => d.count === null).length > 1).toBe(true);
    // The director's view of the same figure is not hidden.
    expect(scope(await context.get(SurveyResultsService).results('2022', 'full'), 'ANK-ROCZNA', 'JAKOSC_ZYCIA', 'WZG').n).toBe(1);
  });

  it('refuse a year outside the project', async () => {
    await expect(context.get(SurveyResultsService).results('2019', 'full')).rejects.toBeInstanceOf(DomainError);
  });
});
