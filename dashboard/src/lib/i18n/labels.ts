// Words for the codes the API sends (kinds of file, run modes and triggers, statuses, units), and
// the names of configured things (communities, activity types) instead of their codes. Each map is
// keyed by the API's own type, so a code the API gains does not compile until it is worded here.
import type {
  ActivityTypeInfo,
  AuditChainBreak,
  CommunityInfo,
  DeclineAlert,
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
  absenceLabels as sharedAbsenceLabels,
  alertMeasureLabels as sharedAlertMeasureLabels,
  activityGroupLabels as sharedActivityGroupLabels,
  importKindLabels as sharedImportKindLabels,
  indicatorKindLabels as sharedIndicatorKindLabels,
  indicatorUnitLabels as sharedIndicatorUnitLabels,
  roleLabels as sharedRoleLabels,
  runModeLabels as sharedRunModeLabels,
  type Lang,
  type LabelMap,
} from '@osl/data/labels';

// The tables the server's files word too live in @osl/data; here each is bound to the API's type,
// so a code the API gains still does not compile until it is worded there.
export { labelOf, yesNoLabels, type Label, type LabelMap } from '@osl/data/labels';

/** The register's genders as the participant profile counts them ('unknown': not given). */
export const genderLabels: LabelMap<ProfileGender> = {
  K: { pl: 'Kobiety', en: 'Women' },
  M: { pl: 'Mężczyźni', en: 'Men' },
  other: { pl: 'Inna', en: 'Other' },
  unknown: { pl: 'Nie podano', en: 'Not given' },
};

/** Age bands (age at the project's start); 'unknown' without a birth year. */
export const ageBandLabels: LabelMap<ProfileAgeBand> = {
  '0-17': { pl: '0–17 lat', en: '0–17 years' },
  '18-29': { pl: '18–29 lat', en: '18–29 years' },
  '30-44': { pl: '30–44 lata', en: '30–44 years' },
  '45-59': { pl: '45–59 lat', en: '45–59 years' },
  '60-74': { pl: '60–74 lata', en: '60–74 years' },
  '75+': { pl: '75 lat i więcej', en: '75 years and over' },
  unknown: { pl: 'wiek nieznany', en: 'age not known' },
};

/** How a survey question is answered. */
export const questionScaleLabels: LabelMap<SurveyQuestionResults['scale']> = {
  likert5: { pl: 'skala 1–5', en: '1–5 scale' },
  yes_no: { pl: 'tak / nie', en: 'yes / no' },
  text: { pl: 'pytanie otwarte', en: 'open question' },
};

/** What a file holds; 'unknown' for a rejected file whose kind could not be told. */
export const importKindLabels: LabelMap<ImportBatchItem['kind']> = sharedImportKindLabels;

/** How a file's import ended (the history and the report). */
export const importStatusLabels: LabelMap<ImportBatchItem['status'] | FileImportReport['status']> = {
  imported: { pl: 'przyjęty', en: 'imported' },
  rejected: { pl: 'odrzucony', en: 'rejected' },
  unchanged: { pl: 'bez zmian', en: 'unchanged' },
};

/** Where a running import is. */
export const importPhaseLabels: LabelMap<NonNullable<ImportJob['progress']>['phase']> = {
  reading: { pl: 'odczyt pliku', en: 'reading the file' },
  validating: { pl: 'sprawdzanie wierszy', en: 'checking the rows' },
  writing: { pl: 'zapis', en: 'saving' },
  done: { pl: 'gotowe', en: 'done' },
};

export const runModeLabels: LabelMap<PipelineRunItem['mode']> = sharedRunModeLabels;

/** What started a run. */
export const runTriggerLabels: LabelMap<PipelineRunItem['trigger']> = {
  startup: { pl: 'przy starcie serwera', en: 'at server start' },
  schedule: { pl: 'według harmonogramu', en: 'on schedule' },
  cli: { pl: 'z wiersza poleceń', en: 'from the command line' },
  api: { pl: 'z panelu', en: 'from the dashboard' },
  demo: { pl: 'dane demonstracyjne', en: 'demo data' },
  import: { pl: 'po imporcie pliku', en: 'after a file import' },
};

export const runStatusLabels: LabelMap<PipelineRunItem['status']> = {
  running: { pl: 'w toku', en: 'running' },
  succeeded: { pl: 'zakończone', en: 'finished' },
  failed: { pl: 'nieudane', en: 'failed' },
  skipped: { pl: 'pominięte', en: 'skipped' },
};

/** An indicator's unit, shown beside its name (the name says what is counted: no noun repeated). */
export const indicatorUnitLabels: LabelMap<IndicatorDefinition['unit']> = sharedIndicatorUnitLabels;

export const indicatorKindLabels: LabelMap<IndicatorDefinition['kind']> = sharedIndicatorKindLabels;

export const activityGroupLabels: LabelMap<ActivityTypeInfo['group']> = sharedActivityGroupLabels;

/** What an alert is about: a fall in the weekly totals, or regulars who stopped coming. */
export const alertMeasureLabels: LabelMap<DeclineAlert['measure']> = sharedAlertMeasureLabels;

/** How unusual a regular's absence is (absenceKind). */
export const absenceLabels = sharedAbsenceLabels;
export { absenceKind } from '@osl/data/labels';

export const communityKindLabels: LabelMap<CommunityInfo['kind']> = {
  territorial: { pl: 'społeczność terytorialna', en: 'territorial community' },
  categorical: { pl: 'społeczność kategorialna', en: 'categorical community' },
};

export const roleLabels: LabelMap<Role> = sharedRoleLabels;

/** A community's name from the configuration; its code when the configuration does not know it. */
export function communityName(communities: readonly Pick<CommunityInfo, 'code' | 'name'>[] | undefined, code: string): string {
  return communities?.find((c) => c.code === code)?.name ?? code;
}

/** An activity type's name in `lang` from the configuration; its code when the configuration does not know it. */
export function activityTypeLabel(types: readonly Pick<ActivityTypeInfo, 'code' | 'namePl' | 'nameEn'>[] | undefined, code: string, lang: Lang): string {
  const type = types?.find((t) => t.code === code);
  return type ? (lang === 'pl' ? type.namePl : type.nameEn) : code;
}

/** Why an entry of the audit trail breaks its hash chain (GET /api/audit/verify). */
export const auditChainBreakLabels: LabelMap<AuditChainBreak> = {
  'not-sealed': {
    pl: 'wpis nie ma skrótu (hash): zapisano go poza łańcuchem albo skrót usunięto',
    en: 'the entry has no hash: it was written outside the chain or its hash was removed',
  },
  'content-changed': {
    pl: 'treść wpisu nie zgadza się z jego skrótem: wpis (albo jego skrót) zmieniono po zapisaniu',
    en: 'the entry’s content does not match its hash: the entry (or its hash) was changed after it was written',
  },
  'link-broken': {
    pl: 'wpis nie wskazuje na poprzedni: wpis przed nim usunięto, dopisano albo przestawiono',
    en: 'the entry does not point to the one before it: an entry before it was deleted, inserted or moved',
  },
};
