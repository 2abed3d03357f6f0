// An indicator's definition in words, made from its configuration (indicators.json as /api/config
// gives it): what is counted, over which span, in which scope, in which unit. Indicators are
// configuration — a centre adds its own — so nothing here is written for a particular code.
import type { ActivityTypeInfo, IndicatorDefinition } from '$lib/api/client';
import { computationKindLabels } from '@osl/data/labels';
import { formatDate, formatNumber, type Lang } from '$lib/i18n/format';
import { activityGroupLabels, activityTypeLabel, indicatorUnitLabels, labelOf } from '$lib/i18n/labels';

export interface DefinitionContext {
  lang: Lang;
  activityTypes: readonly Pick<ActivityTypeInfo, 'code' | 'namePl' | 'nameEn'>[];
  /** The project's first day: where a cumulative value starts. */
  periodStart: string;
}

/** The definition as sentences: what is counted, the span and scope, the unit. */
export function describeIndicatorDefinition(indicator: Pick<IndicatorDefinition, 'computation' | 'cumulative' | 'unit'>, context: DefinitionContext): string[] {
  const { lang } = context;
  const pl = lang === 'pl';
  const c = indicator.computation;
  const kind = capitalise(labelOf(computationKindLabels, c.kind, lang));
  const span = indicator.cumulative
    ? pl
      ? `Narastająco: od początku projektu (${formatDate(context.periodStart, lang)}) do końca roku.`
      : `Cumulative: from the project start (${formatDate(context.periodStart, lang)}) to the end of the year.`
    : pl
      ? 'Rocznie: tylko dany rok.'
      : 'Annual: the year alone.';
  const unit = `${pl ? 'Jednostka' : 'Unit'}: ${labelOf(indicatorUnitLabels, indicator.unit, lang)}.`;
  switch (c.kind) {
    case 'distinct_participants': {
      const what = pl
        ? `${kind} (kodów uczestników) z co najmniej ${c.minAttendances} ${plural(c.minAttendances, 'obecnością', 'obecnościami', 'obecnościami')} na działaniach.`
        : `${kind} (participant codes) with at least ${c.minAttendances} ${c.minAttendances === 1 ? 'attendance' : 'attendances'} at activities.`;
      const scope = pl
        ? `Osoba liczy się w społeczności działania${c.minAttendances > 1 ? ' (obecności na jej działaniach)' : ''}; w całym projekcie raz${c.minAttendances > 1 ? ' (obecności na wszystkich działaniach razem)' : ''}. Osoby anonimowe się nie liczą.`
        : `A person counts in the community of the activity${c.minAttendances > 1 ? ' (attendances at its activities)' : ''}; in the whole project once${c.minAttendances > 1 ? ' (attendances at all activities together)' : ''}. Anonymous head counts do not count.`;
      return [what, scope, span, unit];
    }
    case 'activity_count': {
      const parts: string[] = [];
      if (c.groups?.length) parts.push(`${pl ? 'z grup' : 'in the groups'}: ${c.groups.map((g) => labelOf(activityGroupLabels, g, lang)).join(', ')}`);
      if (c.types?.length)
        parts.push(`${pl ? 'rodzajów' : 'of the types'}: ${c.types.map((t) => activityTypeLabel(context.activityTypes, t, lang)).join(', ')}`);
      if (c.residentInitiative !== undefined) {
        parts.push(
          c.residentInitiative
            ? pl
              ? 'współorganizowanych przez mieszkańców (inicjatywa mieszkańców = tak)'
              : 'co-organised by residents (resident initiative = yes)'
            : pl
              ? 'bez inicjatywy mieszkańców'
              : 'without a resident initiative',
        );
      }
      const what = parts.length ? `${kind} ${parts.join('; ')}.` : `${kind}: ${pl ? 'wszystkie działania' : 'all activities'}.`;
      const scope = pl ? 'W społeczności działania; w całym projekcie suma.' : 'In the community of the activity; the whole project adds them up.';
      return [what, scope, span, unit];
    }
    case 'leaders': {
      const what = pl
        ? `${kind}: wpisy w rejestrze uczestników z „lider” = tak i datą „lider od” od początku projektu do końca okresu.`
        : `${kind}: register entries with "leader" = yes and a "leader since" date from the project start to the end of the period.`;
      const scope = pl
        ? 'Według społeczności zamieszkania z rejestru (nie społeczności działania).'
        : 'By home community in the register (not the community of an activity).';
      return [what, scope, span, unit];
    }
    case 'survey_share': {
      const quoted = (text: string) => (pl ? `„${text}”` : `"${text}"`);
      // The configuration's words, not its codes (a code only where the configuration has no words).
      const question = c.questionText ? quoted(c.questionText[lang]) : c.question;
      const survey = c.surveyName ? quoted(c.surveyName[lang]) : c.survey;
      const threshold = formatNumber(c.minValue, lang, 2);
      const what = pl
        ? `${kind}: wśród odpowiedzi ${c.scale.min}–${c.scale.max} na pytanie ${question} ankiety ${survey} odsetek odpowiedzi ≥ ${threshold}, z dokładnością do ${c.decimals} ${plural(c.decimals, 'miejsca', 'miejsc', 'miejsc')} po przecinku.`
        : `${kind}: among the answers ${c.scale.min}–${c.scale.max} to the question ${question} of the survey ${survey}, the percentage ≥ ${threshold}, to ${c.decimals} decimal ${c.decimals === 1 ? 'place' : 'places'}.`;
      const none = pl
        ? 'Bez odpowiedzi nie ma wartości (nie 0). W społeczności, w której wypełniono ankietę.'
        : 'No answers: no value (not 0). In the community the survey was filled in.';
      return [what, none, span, unit];
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Polish plural forms: 1 (one), 2–4 but not 12–14 (few), else (many). */
function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
}
