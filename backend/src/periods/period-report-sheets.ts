// The period report's workbook as tables of typed cells (written by export-format.ts): the figures
// for every scope, the activities behind them, person codes (the director's and admin's file only,
// never names) and the version's metadata. Pure.
import { cell, dateTimeText, type ExcelCell } from '../exports/excel-cell.ts';
import { indicatorUnitLabels, labelOf, yesNoLabels } from '@osl/data';
import { scopeWords } from '../exports/export-words.ts';
import type { Lang } from '../lib/message-template.ts';
import type { ExportTable } from '../services/export-format.ts';
import type { FrozenDrillDown } from './frozen-period.ts';
import { periodReportWords } from './period-report-html.ts';
import { periodFigureRows, type PeriodReportInput } from './period-report.ts';
import { periodFigureColumnWords, periodVerdictWords, versionReasonWords, wordsIn } from './period-words.ts';

type Words = Readonly<Record<Lang, string>>;

export const periodSheetWords = {
  sheet: {
    figures: { pl: 'Wskaźniki', en: 'Indicators' },
    activities: { pl: 'Działania', en: 'Activities' },
    persons: { pl: 'Uczestnicy (kody)', en: 'Participants (codes)' },
    leaders: { pl: 'Liderzy (kody)', en: 'Leaders (codes)' },
    surveyAnswers: { pl: 'Odpowiedzi w ankiecie', en: 'Survey answers' },
    metadata: { pl: 'Metadane', en: 'Metadata' },
  },
  title: {
    figures: { pl: 'wartości wskaźników', en: 'indicator figures' },
    activities: { pl: 'działania, z których policzono wartości', en: 'the activities behind the figures' },
    persons: { pl: 'uczestnicy wg kodu (bez imion i nazwisk)', en: 'participants by code (no names)' },
    leaders: { pl: 'liderzy wg kodu (bez imion i nazwisk)', en: 'leaders by code (no names)' },
    surveyAnswers: { pl: 'odpowiedzi, z których policzono odsetek w ankiecie', en: 'the answers behind the survey share' },
    metadata: { pl: 'metadane wersji', en: 'the version’s metadata' },
  },
  columns: {
    code: { pl: 'Kod wskaźnika', en: 'Indicator code' },
    unit: { pl: 'Jednostka', en: 'Unit' },
    date: { pl: 'Data', en: 'Date' },
    activityId: { pl: 'Nr działania', en: 'Activity no.' },
    community: { pl: 'Społeczność', en: 'Community' },
    type: { pl: 'Rodzaj działania', en: 'Activity type' },
    named: { pl: 'Obecni z listy', en: 'Listed attendances' },
    anonymous: { pl: 'Obecni bez listy', en: 'Unlisted attendances' },
    residentInitiative: { pl: 'Z inicjatywy mieszkańców', en: 'Residents’ initiative' },
    participantCode: { pl: 'Kod uczestnika', en: 'Participant code' },
    attendances: { pl: 'Obecności w okresie', en: 'Attendances in the period' },
    regular: { pl: 'Stały uczestnik', en: 'Regular' },
    leaderSince: { pl: 'Lider od', en: 'Leader since' },
    survey: { pl: 'Ankieta', en: 'Survey' },
    question: { pl: 'Pytanie', en: 'Question' },
    window: { pl: 'Zakres dat', en: 'Dates' },
    answers: { pl: 'Odpowiedzi', en: 'Answers' },
    atLeast: { pl: 'Odpowiedzi liczone (np. 4–5)', en: 'Answers counted (e.g. 4–5)' },
    item: { pl: 'Pozycja', en: 'Item' },
    value: { pl: 'Wartość', en: 'Value' },
  },
  periodFrom: { pl: 'Pierwszy dzień okresu', en: 'First day of the period' },
  periodTo: { pl: 'Ostatni dzień okresu', en: 'Last day of the period' },
  closedAt: { pl: 'Kiedy zamknięto', en: 'Closed at' },
  reason: { pl: 'Powód zamrożenia', en: 'Why frozen' },
  intact: { pl: 'Odcisk zgodny z zapisanymi wartościami', en: 'Fingerprint matches the stored figures' },
  printedAt: { pl: 'Kiedy wydrukowano', en: 'Printed at' },
  signOff: { pl: 'Ocena audytora', en: 'Auditor’s sign-off' },
  view: { pl: 'Widok', en: 'View' },
  protectedView: {
    pl: 'chroniony (małe liczebności ukryte, bez kodów osób)',
    en: 'protected (small counts hidden, no person codes)',
  },
  fullView: { pl: 'pełny (kody uczestników, bez imion i nazwisk)', en: 'full (participant codes, no names)' },
  window: {
    within: { pl: 'w okresie', en: 'within the period' },
    cumulative: { pl: 'do końca okresu', en: 'to the end of the period' },
  },
} as const;

const words = (map: Record<string, Words>, lang: Lang) => wordsIn(map, lang);

/**
 * The workbook's sheets. `drillDown` is the version's as this reader may see it; person codes go
 * in only when the reader does not have the protected view.
 */
export function periodReportSheets(input: PeriodReportInput, drillDown: FrozenDrillDown): ExportTable[] {
  const { lang, content } = input;
  const w = periodSheetWords;
  const columns = words(w.columns, lang);
  const figureColumns = wordsIn(periodFigureColumnWords, lang);
  const heading = `OSL Monitor — ${content.project.name} — ${content.period.name}, ${periodReportWords.version[lang].toLowerCase()} ${content.version}`;
  const note = input.shownFigures.some((f) => f.suppressed?.length) ? input.suppressionNote : undefined;
  const base = {
    lang,
    exportedBy: input.printedBy,
    exportedAt: input.printedAt,
    dataAsOf: content.closedAt,
  };
  const table = (key: keyof typeof w.sheet, cols: { key: string; header: string }[], rows: Record<string, ExcelCell>[], withNote = false): ExportTable => ({
    ...base,
    sheetName: w.sheet[key][lang],
    title: `${heading}: ${w.title[key][lang]}`,
    columns: cols,
    rows,
    ...(withNote && note ? { note } : {}),
  });

  const figures = table(
    'figures',
    [
      { key: 'code', header: columns.code },
      { key: 'indicator', header: figureColumns.indicator },
      { key: 'scope', header: figureColumns.scope },
      { key: 'unit', header: columns.unit },
      { key: 'valueWithin', header: figureColumns.valueWithin },
      { key: 'valueCumulative', header: figureColumns.valueCumulative },
      { key: 'target', header: figureColumns.target },
      { key: 'achievement', header: figureColumns.achievement },
      { key: 'status', header: figureColumns.status },
    ],
    periodFigureRows(input).map((r) => ({
      code: cell.text(r.code),
      indicator: r.indicator,
      scope: r.scope,
      unit: cell.text(labelOf(indicatorUnitLabels, r.unit, lang)),
      valueWithin: r.valueWithin,
      valueCumulative: r.valueCumulative,
      target: r.target,
      achievement: r.achievement,
      status: r.status,
    })),
    true,
  );

  const typeNames = new Map(input.activityTypes.map((t) => [t.code, lang === 'pl' ? t.namePl : t.nameEn]));
  const surveyOf = (code: string) => input.surveys.find((s) => s.code === code);
  const surveyName = (code: string) => {
    const survey = surveyOf(code);
    return survey ? (lang === 'pl' ? survey.namePl : survey.nameEn) : code;
  };
  const questionText = (survey: string, code: string) => {
    const question = surveyOf(survey)?.questions.find((q) => q.code === code);
    return question ? (lang === 'pl' ? question.textPl : question.textEn) : code;
  };
  const scope = (code: string) => cell.text(scopeWords(code, input.communities, lang));
  const activities = table(
    'activities',
    (['date', 'activityId', 'community', 'type', 'named', 'anonymous', 'residentInitiative'] as const).map((key) => ({ key, header: columns[key] })),
    drillDown.activities.map((a) => ({
      date: cell.date(a.date),
      activityId: cell.text(a.activityId),
      community: scope(a.community),
      type: cell.text(typeNames.get(a.type) ?? a.type),
      named: cell.number(a.named),
      anonymous: cell.number(a.anonymous),
      residentInitiative: cell.text(labelOf(yesNoLabels, a.residentInitiative ? 'yes' : 'no', lang)),
    })),
  );

  const sheets = [figures, activities];
  if (!input.protectedView) {
    const regulars = new Set(drillDown.regulars.map((r) => `${r.community}|${r.code}`));
    sheets.push(
      table(
        'persons',
        (['participantCode', 'community', 'attendances', 'regular'] as const).map((key) => ({ key, header: columns[key] })),
        drillDown.persons.map((p) => ({
          participantCode: cell.text(p.code),
          community: scope(p.community),
          attendances: cell.number(p.attendances),
          regular: cell.text(labelOf(yesNoLabels, regulars.has(`${p.community}|${p.code}`) ? 'yes' : 'no', lang)),
        })),
      ),
      table(
        'leaders',
        (['participantCode', 'community', 'leaderSince'] as const).map((key) => ({ key, header: columns[key] })),
        drillDown.leaders.map((l) => ({ participantCode: cell.text(l.code), community: scope(l.community), leaderSince: cell.date(l.leaderSince) })),
      ),
      // Counts of answers per community: with the share they could undo a hidden small count, so the protected file has none.
      table(
        'surveyAnswers',
        (['survey', 'question', 'community', 'window', 'answers', 'atLeast'] as const).map((key) => ({ key, header: columns[key] })),
        drillDown.surveyAnswers.map((a) => ({
          survey: cell.text(surveyName(a.survey)),
          question: cell.text(questionText(a.survey, a.question)),
          community: scope(a.community),
          window: cell.text(w.window[a.window][lang]),
          answers: cell.number(a.answers),
          atLeast: cell.number(a.atLeast),
        })),
      ),
    );
  }

  const r = periodReportWords;
  const verdicts = wordsIn(periodVerdictWords, lang);
  const item = (label: Words, value: ExcelCell) => ({ item: cell.text(label[lang]), value });
  sheets.push(
    table(
      'metadata',
      [
        { key: 'item', header: columns.item },
        { key: 'value', header: columns.value },
      ],
      [
        item(r.project, cell.text(content.project.name)),
        item(r.centre, cell.text(content.project.centre)),
        item(r.period, cell.text(content.period.name)),
        item(w.periodFrom, cell.date(content.period.from)),
        item(w.periodTo, cell.date(content.period.to)),
        item(r.version, cell.number(content.version)),
        item(w.reason, cell.text(versionReasonWords[content.reason][lang])),
        item(r.dataVersion, cell.number(content.dataVersion)),
        item(r.asOf, cell.date(content.asOf)),
        item(r.fingerprint, cell.text(input.fingerprint)),
        item(w.intact, cell.text(labelOf(yesNoLabels, input.intact ? 'yes' : 'no', lang))),
        item(r.closed, cell.text(content.closedBy)),
        item(w.closedAt, cell.dateTime(content.closedAt)),
        item(r.printed, cell.text(input.printedBy)),
        item(w.printedAt, cell.dateTime(input.printedAt)),
        item(w.view, cell.text((input.protectedView ? w.protectedView : w.fullView)[lang])),
        ...input.signOffs.map((s) =>
          item(w.signOff, cell.text(`${verdicts[s.verdict]} — ${s.signedBy}, ${dateTimeText(new Date(s.signedAt))}${s.remarks ? `: ${s.remarks}` : ''}`)),
        ),
      ],
    ),
  );
  return sheets;
}
