import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { AnswerScalesConfig, ConfigSnapshot, SurveyConfig } from '@osl/data';
import { columnSpecs } from '../import/parsing/columns.ts';
import type { ImportKind } from '../import/validation/validate-file.ts';
import { ConfigurationService } from './configuration.service.ts';

/** What each canonical column means, shown as the header cell's note in the template. */
const columnNotes: Record<string, string> = {
  activity_id: 'Własny, niepowtarzalny numer działania, np. WZG/2024/001',
  date: 'Data, np. 15.03.2024',
  community: 'Kod społeczności z listy (albo jej pełna nazwa)',
  type: 'Kod typu działania z listy (albo jego polska nazwa)',
  title: 'Tytuł lub temat działania',
  duration_h: 'Czas trwania w godzinach, np. 1,5',
  led_by: 'Kto prowadził (rola lub osoba z zespołu)',
  location: 'Miejsce',
  headcount_anonymous: 'Liczba osób obecnych, ale nie wpisanych na listę (liczba całkowita ≥ 0)',
  resident_initiative: 'Czy współorganizowane przez mieszkańców: tak / nie',
  participant_code: 'Kod uczestnika z rejestru, np. WZG-0042',
  first_name: 'Imię (tylko do dopasowania do rejestru)',
  last_name: 'Nazwisko (tylko do dopasowania do rejestru)',
  gender: 'K albo M',
  birth_year: 'Rok urodzenia, cztery cyfry',
  joined_on: 'Data przystąpienia do projektu',
  leader: 'Czy lider lokalny: tak / nie',
  leader_since: 'Od kiedy lider (wymagane, gdy lider = tak)',
  survey_code: 'Kod ankiety z listy',
};

export const templateSheetNames: Record<ImportKind, string> = {
  activities: 'dzialania',
  attendance: 'obecnosci',
  participants: 'uczestnicy',
  survey: 'ankieta',
};

/**
 * Downloadable XLSX templates: the canonical headers of a kind, a filled example row, and
 * drop-down lists for communities, activity types and yes/no taken from the configuration.
 */
@Injectable()
export class ImportTemplateService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(@Inject(ConfigurationService) private readonly configuration: ConfigurationService) {}

  async build(kind: ImportKind, surveyCode?: string): Promise<Buffer> {
    const survey = kind === 'survey' ? this.surveyFor(surveyCode) : null;
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'OSL Monitor';
    // A fixed date keeps the template byte-stable between downloads.
    workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 1));
    const sheet = workbook.addWorksheet(templateSheetNames[kind]);
    const lists = workbook.addWorksheet('listy', { state: 'hidden' });
    const listRanges = this.writeLists(lists);

    const columns = [
      ...columnSpecs[kind].filter((c) => !(kind === 'attendance' && (c.name === 'first_name' || c.name === 'last_name'))).map((c) => c.name),
      ...(survey ? survey.questions.map((q) => q.code) : []),
    ];
    sheet.addRow(columns);
    // The example lives on its own sheet, so that a forgotten example is never imported.
    const example = workbook.addWorksheet('przyklad');
    example.addRow(columns).font = { bold: true };
    example.addRow(columns.map((name) => this.example(kind, name, survey)));
    columns.forEach((name, index) => {
      example.getColumn(index + 1).width = Math.max(14, name.length + 4);
      if (isDateColumn(name)) example.getColumn(index + 1).numFmt = 'dd.mm.yyyy';
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell, index) => {
      const name = columns[index - 1]!;
      const question = survey?.questions.find((q) => q.code === name);
      const note = question ? `${question.textPl} (${scaleLabel(question.scale, this.config.project.answerScales)})` : columnNotes[name];
      if (note) cell.note = note;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    columns.forEach((name, index) => {
      const column = sheet.getColumn(index + 1);
      column.width = Math.max(14, name.length + 4);
      if (isDateColumn(name)) column.numFmt = 'dd.mm.yyyy';
      const validation = this.validationFor(name, survey, listRanges);
      if (validation) {
        for (let row = 2; row <= 1000; row += 1) sheet.getCell(row, index + 1).dataValidation = validation;
      }
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private surveyFor(code: string | undefined): SurveyConfig {
    const survey = code ? this.config.surveys.find((s) => s.code === code) : this.config.surveys[0];
    if (!survey) throw new UnknownSurveyError(`Unknown survey "${code}"; use one of ${this.config.surveys.map((s) => s.code).join(', ')}`);
    return survey;
  }

  private writeLists(lists: ExcelJS.Worksheet): Record<'community' | 'type' | 'survey' | 'yesNo' | 'gender', string> {
    const columns = {
      community: this.config.communities.map((c) => c.code),
      type: this.config.activityTypes.map((t) => t.code),
      survey: this.config.surveys.map((s) => s.code),
      yesNo: ['tak', 'nie'],
      gender: ['K', 'M'],
    };
    const ranges = {} as Record<keyof typeof columns, string>;
    Object.entries(columns).forEach(([key, values], index) => {
      const letter = String.fromCharCode(65 + index);
      lists.getCell(1, index + 1).value = key;
      values.forEach((value, row) => (lists.getCell(row + 2, index + 1).value = value));
      ranges[key as keyof typeof columns] = `listy!$${letter}$2:$${letter}$${values.length + 1}`;
    });
    return ranges;
  }

  private validationFor(name: string, survey: SurveyConfig | null, ranges: Record<string, string>): ExcelJS.DataValidation | null {
    const list = (range: string): ExcelJS.DataValidation => ({ type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true });
    if (name === 'community') return list(ranges.community!);
    if (name === 'type') return list(ranges.type!);
    if (name === 'survey_code') return list(ranges.survey!);
    if (name === 'resident_initiative' || name === 'leader') return list(ranges.yesNo!);
    if (name === 'gender') return list(ranges.gender!);
    const question = survey?.questions.find((q) => q.code === name);
    if (question?.scale === 'yes_no') return list(ranges.yesNo!);
    if (question?.scale === 'likert5') {
      const { min, max } = this.config.project.answerScales.likert5;
      return { type: 'whole', operator: 'between', allowBlank: true, formulae: [min, max], showErrorMessage: true, error: `Odpowiedź od ${min} do ${max}` };
    }
    if (name === 'headcount_anonymous') return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true };
    return null;
  }

  private example(kind: ImportKind, name: string, survey: SurveyConfig | null): ExcelJS.CellValue {
    const community = this.config.communities[0]!.code;
    const code = `${community}-0001`;
    const examples: Record<string, ExcelJS.CellValue> = {
      activity_id: `${community}/PRZYKLAD/001`,
      date: new Date(Date.UTC(2024, 2, 15)),
      community,
      type: this.config.activityTypes[0]!.code,
      title: 'Warsztaty kulinarne',
      duration_h: 1.5,
      led_by: 'animator',
      location: 'świetlica',
      headcount_anonymous: 0,
      resident_initiative: 'nie',
      participant_code: code,
      gender: 'K',
      birth_year: 1960,
      joined_on: new Date(Date.UTC(2024, 0, 10)),
      leader: 'nie',
      leader_since: null,
      first_name: 'Anna',
      last_name: 'Przykładowa',
      survey_code: survey?.code ?? null,
    };
    if (name in examples) return examples[name]!;
    const question = survey?.questions.find((q) => q.code === name);
    // The scale's second-best answer (4 on 1–5).
    if (question?.scale === 'likert5') return this.config.project.answerScales.likert5.max - 1;
    if (question?.scale === 'yes_no') return 'tak';
    return null;
  }
}

export class UnknownSurveyError extends Error {}

function scaleLabel(scale: string, scales: AnswerScalesConfig): string {
  return scale === 'likert5' ? `odpowiedź ${scales.likert5.min}–${scales.likert5.max}` : scale === 'yes_no' ? 'tak / nie' : 'tekst';
}

function isDateColumn(name: string): boolean {
  return name === 'date' || name === 'joined_on' || name === 'leader_since';
}
