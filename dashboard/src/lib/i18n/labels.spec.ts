import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ActivityTypeInfo,
  AuditChainBreak,
  CommunityInfo,
  FileImportReport,
  ImportBatchItem,
  ImportJob,
  IndicatorDefinition,
  PipelineRunItem,
  ProfileAgeBand,
  ProfileGender,
  Role,
  SurveyQuestionResults,
} from '$lib/api/client';
import {
  auditChainBreakLabels,
  activityGroupLabels,
  ageBandLabels,
  genderLabels,
  questionScaleLabels,
  yesNoLabels,
  activityTypeLabel,
  communityKindLabels,
  communityName,
  importKindLabels,
  importPhaseLabels,
  importStatusLabels,
  indicatorKindLabels,
  indicatorUnitLabels,
  labelOf,
  roleLabels,
  runModeLabels,
  runStatusLabels,
  runTriggerLabels,
  type LabelMap,
} from './labels';

const POLISH_LETTERS = /[ąćęłńóśźż]/i;

/**
 * Every code of the map worded in both languages: not empty, not the code itself in Polish (a code
 * is an English word or an abbreviation), no Polish letters in English, no two codes alike.
 */
function expectWorded(map: LabelMap<string>): void {
  const codes = Object.keys(map);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) {
    const { pl, en } = map[code]!;
    expect(pl.trim(), `pl:${code}`).not.toBe('');
    expect(en.trim(), `en:${code}`).not.toBe('');
    expect(pl, `pl:${code}`).not.toBe(code);
    expect(en, `en:${code}`).not.toMatch(POLISH_LETTERS);
  }
  for (const lang of ['pl', 'en'] as const) expect(new Set(codes.map((c) => map[c]![lang])).size, lang).toBe(codes.length);
}

// The maps are keyed by the API's generated types (openapi.d.ts): these lines stop compiling when
// the API sends a code a map lacks, or when a map words a code the API no longer sends.
describe('label maps: every code the API can send, in Polish and English', () => {
  it('genders and age bands of the participant profile', () => {
    expectTypeOf<keyof typeof genderLabels>().toEqualTypeOf<ProfileGender>();
    expectTypeOf<keyof typeof ageBandLabels>().toEqualTypeOf<ProfileAgeBand>();
    expectWorded(genderLabels);
    expectWorded(ageBandLabels);
    expect(['K', 'M', 'other', 'unknown'].map((g) => labelOf(genderLabels, g, 'pl'))).toEqual(['Kobiety', 'Mężczyźni', 'Inna', 'Nie podano']);
    expect(labelOf(ageBandLabels, '75+', 'en')).toBe('75 years and over');
  });

  it('survey question scales and yes/no answers', () => {
    expectTypeOf<keyof typeof questionScaleLabels>().toEqualTypeOf<SurveyQuestionResults['scale']>();
    expectWorded(questionScaleLabels);
    expectWorded(yesNoLabels);
  });

  it('kinds of imported file (history and reports)', () => {
    expectTypeOf<keyof typeof importKindLabels>().toEqualTypeOf<ImportBatchItem['kind']>();
    expectTypeOf<NonNullable<FileImportReport['kind']>>().toExtend<keyof typeof importKindLabels>();
    expectWorded(importKindLabels);
    expect(labelOf(importKindLabels, 'attendance', 'pl')).toBe('lista obecności');
  });

  it('import outcomes', () => {
    expectTypeOf<keyof typeof importStatusLabels>().toEqualTypeOf<ImportBatchItem['status'] | FileImportReport['status']>();
    expectWorded(importStatusLabels);
  });

  it('phases of a running import', () => {
    expectTypeOf<keyof typeof importPhaseLabels>().toEqualTypeOf<NonNullable<ImportJob['progress']>['phase']>();
    expectWorded(importPhaseLabels);
  });

  it('run modes, triggers and statuses', () => {
    expectTypeOf<keyof typeof runModeLabels>().toEqualTypeOf<PipelineRunItem['mode']>();
    expectTypeOf<keyof typeof runTriggerLabels>().toEqualTypeOf<PipelineRunItem['trigger']>();
    expectTypeOf<keyof typeof runStatusLabels>().toEqualTypeOf<PipelineRunItem['status']>();
    expectWorded(runModeLabels);
    expectWorded(runTriggerLabels);
    expectWorded(runStatusLabels);
    expect(`${labelOf(runModeLabels, 'incremental', 'pl')} · ${labelOf(runTriggerLabels, 'schedule', 'pl')}`).toBe('przyrostowe · według harmonogramu');
  });

  it('indicator units and kinds', () => {
    expectTypeOf<keyof typeof indicatorUnitLabels>().toEqualTypeOf<IndicatorDefinition['unit']>();
    expectTypeOf<keyof typeof indicatorKindLabels>().toEqualTypeOf<IndicatorDefinition['kind']>();
    expectWorded(indicatorUnitLabels);
    expectWorded(indicatorKindLabels);
  });

  it('activity groups, community kinds and roles', () => {
    expectTypeOf<keyof typeof activityGroupLabels>().toEqualTypeOf<ActivityTypeInfo['group']>();
    expectTypeOf<keyof typeof communityKindLabels>().toEqualTypeOf<CommunityInfo['kind']>();
    expectTypeOf<keyof typeof roleLabels>().toEqualTypeOf<Role>();
    expectWorded(activityGroupLabels);
    expectWorded(communityKindLabels);
    expectWorded(roleLabels);
  });

  it('why an audit entry breaks the chain', () => {
    expectTypeOf<keyof typeof auditChainBreakLabels>().toEqualTypeOf<AuditChainBreak>();
    expectWorded(auditChainBreakLabels);
  });

  it('shows a code it does not know as it is, rather than nothing', () => {
    expect(labelOf(runTriggerLabels, 'reboot', 'pl')).toBe('reboot');
    expect(labelOf(runTriggerLabels, 'toString', 'pl')).toBe('toString');
  });
});

// Communities and activity types are named by the configuration (GET /api/config serves these files).
const config = (file: string) => JSON.parse(readFileSync(new URL(`../../../../data/config/${file}`, import.meta.url), 'utf8'));

describe('configured names instead of codes', () => {
  it('names every configured community', () => {
    const communities: CommunityInfo[] = config('communities.json');
    for (const { code, kind } of communities) {
      expect(communityName(communities, code), code).not.toBe(code);
      expect(Object.keys(communityKindLabels), code).toContain(kind);
    }
    expect(communityName(communities, 'NOWA')).toBe('NOWA');
    expect(communityName(undefined, 'WZG')).toBe('WZG');
  });

  it('names every configured activity type in both languages, and its group', () => {
    const types: ActivityTypeInfo[] = config('activity-types.json');
    for (const type of types) {
      for (const lang of ['pl', 'en'] as const) {
        const name = activityTypeLabel(types, type.code, lang);
        expect(name.trim(), `${lang}:${type.code}`).not.toBe('');
        expect(name, `${lang}:${type.code}`).not.toBe(type.code);
      }
      expect(Object.keys(activityGroupLabels), type.code).toContain(type.group);
    }
    expect(activityTypeLabel(types, 'ANIM_KULT', 'pl')).toBe('animacja kulturalna');
    expect(activityTypeLabel(types, 'NOWY', 'en')).toBe('NOWY');
  });
});
