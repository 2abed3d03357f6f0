import { Inject, Injectable } from '@nestjs/common';
// exceljs is loaded where a workbook is made or read, not by every command at start.
import type ExcelJS from 'exceljs';
import type { AnswerScalesConfig, ConfigSnapshot, SurveyConfig } from '@osl/data';
import { importKinds, type ImportKind } from '../import/import.types.ts';
import type { ColumnSpec, TemplateColumn, TemplateSample } from '../import/kinds/import-kind.ts';
import { importKindDefinition } from '../import/kinds/index.ts';
import { DomainError } from '../lib/domain-error.ts';
import { ConfigurationService } from './configuration.service.ts';

/** The template's sheet name per kind (also in the downloaded file's name). */
export const templateSheetNames: Record<ImportKind, string> = Object.fromEntries(
  importKinds.map((kind) => [kind, importKindDefinition(kind).templateSheetName]),
) as Record<ImportKind, string>;

/**
 * Downloadable XLSX templates, in Polish: the headers of a kind as its columns name them (`label`;
 * a survey's questions by their text), a filled example row dated inside the project, and
 * drop-down lists of names (communities, activity types, surveys: the importer takes names as
 * well as codes) and yes/no, taken from the configuration.
 */
@Injectable()
export class ImportTemplateService {
  /** The configuration in force now (a frozen snapshot; read it anew for each use). */
  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(@Inject(ConfigurationService) private readonly configuration: ConfigurationService) {}

  async build(kind: ImportKind, surveyCode?: string): Promise<Buffer> {
    const definition = importKindDefinition(kind);
    // A kind with question columns (surveys) shows the questions of one survey.
    const survey = definition.questionColumns ? this.surveyFor(surveyCode) : null;
    const workbook = new (await import('exceljs')).default.Workbook();
    workbook.creator = 'OSL Monitor';
    // A fixed date keeps the template byte-stable between downloads.
    workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 1));
    const sheet = workbook.addWorksheet(definition.templateSheetName);
    const lists = workbook.addWorksheet('listy', { state: 'hidden' });
    const listRanges = this.writeLists(lists);

    const shown = definition.columns.filter((c): c is ColumnSpec & { template: TemplateColumn } => c.template !== null);
    const templates = new Map(shown.map((c) => [c.name, c.template]));
    // Columns by canonical name (a question by its code); headed in Polish.
    const columns = [...shown.map((c) => c.name), ...(survey ? survey.questions.map((q) => q.code) : [])];
    const headers = [...shown.map((c) => c.label), ...(survey ? survey.questions.map((q) => q.textPl) : [])];
    sheet.addRow(headers);
    // The example lives on its own sheet, so that a forgotten example is never imported.
    const example = workbook.addWorksheet('przyklad');
    example.addRow(headers).font = { bold: true };
    const sample = this.sample(survey);
    example.addRow(columns.map((name) => this.example(templates.get(name), name, survey, sample)));
    const width = (index: number) => Math.min(40, Math.max(14, headers[index]!.length + 4, String(example.getCell(2, index + 1).value ?? '').length + 2));
    columns.forEach((name, index) => {
      example.getColumn(index + 1).width = width(index);
      if (templates.get(name)?.date) example.getColumn(index + 1).numFmt = 'dd.mm.yyyy';
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell, index) => {
      const name = columns[index - 1]!;
      const question = survey?.questions.find((q) => q.code === name);
      const note = question ? `Pytanie ${question.code}: ${scaleLabel(question.scale, this.config.project.answerScales)}` : templates.get(name)?.note;
      if (note) cell.note = note;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    columns.forEach((name, index) => {
      const column = sheet.getColumn(index + 1);
      column.width = width(index);
      if (templates.get(name)?.date) column.numFmt = 'dd.mm.yyyy';
      const validation = this.validationFor(templates.get(name), name, survey, listRanges);
      if (validation) {
        for (let row = 2; row <= 1000; row += 1) sheet.getCell(row, index + 1).dataValidation = validation;
      }
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private surveyFor(code: string | undefined): SurveyConfig {
    const survey = code ? this.config.surveys.find((s) => s.code === code) : this.config.surveys[0];
    if (!survey) throw DomainError.notFound('imports.unknown_survey', { code: String(code), allowed: this.config.surveys.map((s) => s.code).join(', ') });
    return survey;
  }

  /** The drop-downs' values: names, as people write them (the importer reads a name or a code). */
  private writeLists(lists: ExcelJS.Worksheet): Record<'community' | 'type' | 'survey' | 'yesNo' | 'gender', string> {
    const columns = {
      community: this.config.communities.map((c) => c.name),
      type: this.config.activityTypes.map((t) => t.namePl),
      survey: this.config.surveys.map((s) => s.namePl),
      yesNo: ['tak', 'nie'],
      gender: ['K', 'M'],
    };
    const titles: Record<keyof typeof columns, string> = {
      community: 'Społeczności',
      type: 'Rodzaje działań',
      survey: 'Ankiety',
      yesNo: 'Tak / nie',
      gender: 'Płeć',
    };
    const ranges = {} as Record<keyof typeof columns, string>;
    Object.entries(columns).forEach(([key, values], index) => {
      const letter = String.fromCharCode(65 + index);
      lists.getCell(1, index + 1).value = titles[key as keyof typeof columns];
      values.forEach((value, row) => (lists.getCell(row + 2, index + 1).value = value));
      ranges[key as keyof typeof columns] = `listy!$${letter}$2:$${letter}$${values.length + 1}`;
    });
    return ranges;
  }

  /** A column's cell rule: its template's, or for a question its scale's. */
  private validationFor(
    template: TemplateColumn | undefined,
    name: string,
    survey: SurveyConfig | null,
    ranges: Record<string, string>,
  ): ExcelJS.DataValidation | null {
    const list = (range: string): ExcelJS.DataValidation => ({
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      error: 'Wybierz wartość z listy.',
    });
    if (template?.rule === 'wholeNonNegative')
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: 'Wpisz liczbę całkowitą, 0 lub więcej.',
      };
    if (template?.rule) return list(ranges[template.rule]!);
    const question = survey?.questions.find((q) => q.code === name);
    if (question?.scale === 'yes_no') return list(ranges.yesNo!);
    if (question?.scale === 'likert5') {
      const { min, max } = this.config.project.answerScales.likert5;
      return { type: 'whole', operator: 'between', allowBlank: true, formulae: [min, max], showErrorMessage: true, error: `Odpowiedź od ${min} do ${max}` };
    }
    return null;
  }

  /** What the example row is made of: the first community and activity type, and a day inside the project. */
  private sample(survey: SurveyConfig | null): TemplateSample {
    const { communities, activityTypes, project } = this.config;
    return {
      community: { code: communities[0]!.code, name: communities[0]!.name },
      activityType: { code: activityTypes[0]!.code, name: activityTypes[0]!.namePl },
      survey,
      date: exampleDate(project.periodStart, project.periodEnd),
    };
  }

  /** The example sheet's value of a column: its template's, or for a question one its scale allows. */
  private example(template: TemplateColumn | undefined, name: string, survey: SurveyConfig | null, sample: TemplateSample): ExcelJS.CellValue {
    if (template) return typeof template.example === 'function' ? template.example(sample) : template.example;
    const question = survey?.questions.find((q) => q.code === name);
    // The scale's second-best answer (4 on 1–5).
    if (question?.scale === 'likert5') return this.config.project.answerScales.likert5.max - 1;
    if (question?.scale === 'yes_no') return 'tak';
    return null;
  }
}

/**
 * The example's day: the 15th of the project's third month, or its last day for a shorter project.
 * Fixed by the configuration, so the template stays the same from one download to the next.
 */
export function exampleDate(periodStart: string, periodEnd: string): Date {
  const [year, month] = periodStart.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, month - 1 + 2, 15));
  const end = new Date(`${periodEnd}T00:00:00Z`);
  return day > end ? end : day;
}

function scaleLabel(scale: string, scales: AnswerScalesConfig): string {
  return scale === 'likert5' ? `odpowiedź ${scales.likert5.min}–${scales.likert5.max}` : scale === 'yes_no' ? 'tak / nie' : 'tekst';
}
