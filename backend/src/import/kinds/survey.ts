import { createHash } from 'node:crypto';
import type { OslConfig, SurveyConfig } from '@osl/data';
import { z } from 'zod';
import { idsByCode, writeChunkSize } from '../../repositories/audited-upsert.ts';
import type { RawTable } from '../import.types.ts';
import { foldHeader } from '../parsing/fold.ts';
import { cellText, isEmptyCell, isValueError, parseDecimal, parseYesNo } from '../parsing/values.ts';
import { communityLookup, surveyLookup } from '../validation/config-lookup.ts';
import { columnIndex, communityCodes, uploaderRegister } from '../validation/row-checker.ts';
import { normaliseCode, suggester } from '../validation/suggestions.ts';
import { commonTemplates, recordFields } from './common-columns.ts';
import type { ImportKindDefinition, WriteContext } from './import-kind.ts';

/** Survey responses (ankiety), one row per response: docs/spec/input-formats.md, kind 4. */
export const surveyAnswerRecord = z.object({
  questionCode: recordFields.code,
  /** Scale and yes/no answers (yes = 1, no = 0). */
  valueNumber: z.number().nullable(),
  /** Text answers. */
  valueText: z.string().nullable(),
});
export const surveyResponseRecord = z.object({
  row: recordFields.row,
  surveyCode: recordFields.code,
  date: recordFields.date,
  communityCode: recordFields.code,
  participantCode: recordFields.code.nullable(),
  /** Only the questions answered: an empty cell is no answer. */
  answers: z.array(surveyAnswerRecord),
});
export type SurveyAnswerRecord = z.infer<typeof surveyAnswerRecord>;
export type SurveyResponseRecord = z.infer<typeof surveyResponseRecord>;

export const survey: ImportKindDefinition<SurveyResponseRecord> = {
  kind: 'survey',
  importOrder: 3,
  templateSheetName: 'ankieta',
  columns: [
    {
      name: 'survey_code',
      label: 'Ankieta',
      synonyms: ['ankieta', 'kod_ankiety'],
      required: true,
      template: { note: 'Ankieta z listy (nazwa albo kod)', example: (sample) => sample.survey?.namePl ?? null, rule: 'survey' },
    },
    { name: 'date', label: 'Data wypełnienia', synonyms: ['data', 'data_wypelnienia'], required: true, template: commonTemplates.date },
    { name: 'community', label: 'Społeczność', synonyms: ['spolecznosc'], required: true, template: commonTemplates.community },
    { name: 'participant_code', label: 'Kod uczestnika', synonyms: ['kod_uczestnika'], required: false, template: commonTemplates.participantCode },
  ],
  // A header naming the survey is a survey, even when it also names columns of another kind.
  decisiveColumn: 'survey_code',
  questionColumns(table, headerIndex, columns, config) {
    const surveys = surveysNamedInFile(table, headerIndex, columns.get('survey_code'), config);
    return (folded) => {
      const named: { key: string; column: string }[] = [];
      for (const s of surveys) {
        const question = questionsByFoldedHeader(s).get(folded);
        if (question) named.push({ key: `${s.code}\u0000${question.code}`, column: question.code });
      }
      return named;
    };
  },
  record: surveyResponseRecord,

  rowValidator(checker, header, ctx) {
    const communities = communityLookup(ctx.config);
    const findSurvey = surveyLookup(ctx.config);
    const surveyCodes = ctx.config.surveys.map((s) => `${s.code} (${s.namePl})`).join(', ');
    const suggestSurvey = suggester(function* () {
      for (const s of ctx.config.surveys) yield* [[normaliseCode(s.code), s] as const, [normaliseCode(s.namePl), s] as const];
    }, normaliseCode);
    const register = uploaderRegister(ctx.lookups);
    const col = {
      survey: columnIndex(header, 'survey_code'),
      date: columnIndex(header, 'date'),
      community: columnIndex(header, 'community'),
      participant: columnIndex(header, 'participant_code'),
    };

    return {
      validate(row) {
        const cells = row.cells;
        const surveyText = checker.text(cells, col.survey, 'survey_code', true);
        const survey = surveyText === null ? null : findSurvey(surveyText);
        if (surveyText !== null && survey === null) {
          const near = suggestSurvey(surveyText);
          if (near) checker.error('survey_code', surveyText, 'unknown_survey_suggestion', { value: surveyText, name: near.namePl, code: near.code });
          else checker.error('survey_code', surveyText, 'unknown_survey', { value: surveyText, allowed: surveyCodes });
        }
        const date = checker.date(cells, col.date, 'date', true);
        const communityCode = checker.reference(cells, col.community, 'community', communities, communityCodes);
        const participantCode = checker.text(cells, col.participant, 'participant_code', false);
        if (participantCode !== null && !register.has(participantCode)) checker.unknownParticipant(participantCode, register);

        const answers: SurveyAnswerRecord[] = [];
        const scales = ctx.config.project.answerScales;
        const questions = survey ? questionsByFoldedHeader(survey) : null;
        for (const column of header.questionColumns) {
          const cell = cells[column.index];
          if (isEmptyCell(cell) || !survey || !questions) continue; // empty = no answer
          const question = questions.get(column.folded);
          const text = cellText(cell);
          if (!question) {
            checker.error({ header: column.header }, text, 'question_not_in_survey', { question: column.header, survey: survey.code });
            continue;
          }
          const where = { field: question.code, header: column.header };
          if (question.scale === 'text') {
            checker.warnIfFormulaLike(where, text);
            answers.push({ questionCode: question.code, valueNumber: null, valueText: text });
          } else if (question.scale === 'yes_no') {
            const value = parseYesNo(cell);
            if (isValueError(value) || value === null) checker.error(where, text, 'answer_yes_no_invalid', { value: text, question: question.code });
            else answers.push({ questionCode: question.code, valueNumber: value ? scales.yes_no.yes : scales.yes_no.no, valueText: null });
          } else {
            const value = parseDecimal(cell);
            const { min, max } = scales.likert5;
            if (isValueError(value) || value === null) checker.error(where, text, 'answer_scale_text', { value: text, question: question.code, min, max });
            else if (!Number.isInteger(value) || value < min || value > max)
              checker.error(where, text, 'answer_scale_range', { value: text, question: question.code, min, max });
            else answers.push({ questionCode: question.code, valueNumber: value, valueText: null });
          }
        }

        if (!checker.ok || survey === null || date === null || communityCode === null) return undefined;
        return { row: row.rowNumber, surveyCode: survey.code, date, communityCode, participantCode, answers };
      },
    };
  },

  scope: (r) => ({ communities: [r.communityCode], column: 'community', value: r.communityCode, participantCode: r.participantCode }),

  writer: {
    // Responses only add rows: the same export again is known by its content hash, and a response
    // already stored (a re-export that repeats earlier ones) is skipped by its content key.
    correctsById: false,
    readStored: readStoredResponses,
    write: writeSurveyResponses,
    alreadyStoredWarning: 'survey_responses_already_stored',
  },
};

/** Known surveys named in the file's survey_code column, in order of first mention. */
function surveysNamedInFile(table: RawTable, headerIndex: number, surveyColumn: number | undefined, config: OslConfig): SurveyConfig[] {
  const named = new Set<SurveyConfig>();
  if (surveyColumn === undefined) return [];
  const findSurvey = surveyLookup(config);
  for (let i = headerIndex + 1; i < table.rows.length; i++) {
    const text = cellText(table.rows[i].cells[surveyColumn]);
    if (text === '') continue;
    const survey = findSurvey(text);
    if (survey) named.add(survey);
  }
  return [...named];
}

type SurveyQuestion = SurveyConfig['questions'][number];
const questionMaps = new WeakMap<SurveyConfig, ReadonlyMap<string, SurveyQuestion>>();

/**
 * A survey's questions by folded header: the question code (`JAKOSC_ZYCIA`, `Jakość życia`) or the
 * Polish question text, as form tools export it as the column title.
 */
export function questionsByFoldedHeader(survey: SurveyConfig): ReadonlyMap<string, SurveyQuestion> {
  let map = questionMaps.get(survey);
  if (!map) {
    const built = new Map<string, SurveyQuestion>();
    for (const question of survey.questions) {
      const byText = foldHeader(question.textPl);
      if (!built.has(byText)) built.set(byText, question);
    }
    for (const question of survey.questions) built.set(foldHeader(question.code), question); // codes win over texts
    map = built;
    questionMaps.set(survey, map);
  }
  return map;
}

type StoredResponses = Awaited<ReturnType<typeof readStoredResponses>>;

async function readStoredResponses(db: WriteContext['tx'], records: readonly SurveyResponseRecord[]) {
  const communities = await idsByCode(db.community.findMany({ select: { id: true, code: true } }));
  const surveys = await db.survey.findMany({ include: { questions: true } });
  const participantIds = new Map(
    (
      await db.participant.findMany({
        where: { code: { in: records.flatMap((r) => (r.participantCode ? [r.participantCode] : [])) } },
        select: { id: true, code: true },
      })
    ).map((p) => [p.code, p.id]),
  );
  const keys = responseKeys(records);
  const stored = new Set<string>();
  for (let i = 0; i < keys.length; i += writeChunkSize) {
    const found = await db.surveyResponse.findMany({ where: { responseKey: { in: keys.slice(i, i + writeChunkSize) } }, select: { responseKey: true } });
    for (const r of found) stored.add(r.responseKey);
  }
  return { communities, surveys, participantIds, keys, stored };
}

async function writeSurveyResponses(
  { tx, batchId, onRows }: WriteContext,
  records: readonly SurveyResponseRecord[],
  { communities, surveys, participantIds, keys, stored }: StoredResponses,
) {
  let created = 0;
  for (const [index, r] of records.entries()) {
    if (index % writeChunkSize === 0) onRows(index);
    if (stored.has(keys[index]!)) continue;
    const survey = surveys.find((s) => s.code === r.surveyCode)!;
    const questionIds = new Map(survey.questions.map((q) => [q.code, q.id]));
    await tx.surveyResponse.create({
      data: {
        surveyId: survey.id,
        date: r.date,
        communityId: communities.get(r.communityCode)!,
        participantId: r.participantCode ? participantIds.get(r.participantCode)! : null,
        importBatchId: batchId,
        sourceRow: r.row,
        responseKey: keys[index]!,
        answers: {
          create: r.answers.map((a) => ({ questionId: questionIds.get(a.questionCode)!, valueNumber: a.valueNumber, valueText: a.valueText })),
        },
      },
    });
    created += 1;
  }
  return { created, updated: 0, unchanged: records.length - created };
}

/**
 * A key per response from its content, numbered among identical responses of the file: a
 * re-export that repeats earlier responses finds them stored, while two people who answered
 * the same on the same day in one file stay two responses.
 */
export function responseKeys(records: readonly SurveyResponseRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const answers = [...r.answers].sort((a, b) => a.questionCode.localeCompare(b.questionCode)).map((a) => [a.questionCode, a.valueNumber, a.valueText]);
    const content = createHash('sha256')
      .update(JSON.stringify([r.surveyCode, r.date, r.communityCode, r.participantCode, answers]))
      .digest('hex');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return `${content.slice(0, 40)}#${occurrence}`;
  });
}
