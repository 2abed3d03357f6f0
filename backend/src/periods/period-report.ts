// What the period report (PDF) and its workbook (XLSX) show, as typed cells (exports/excel-cell.ts):
// the frozen version's figures as the reader may see them, per scope, with the notes on
// restatements. Pure: the service gathers the input, the writers lay it out.
import { cell, type ExcelCell } from '../exports/excel-cell.ts';
import { indicatorStatusLabels, labelOf } from '@osl/data';
import { scopeWords } from '../exports/export-words.ts';
import type { Lang } from '../lib/message-template.ts';
import type { ShownFigure } from './period-disclosure.ts';
import type { FigureDifference, FrozenPeriod } from './frozen-period.ts';

export interface ReportSignOff {
  verdict: 'accepted' | 'remarks';
  remarks: string | null;
  signedBy: string;
  signedAt: string;
}

/** Everything a period report shows: the service fills it, the HTML and the workbook read it. */
export interface PeriodReportInput {
  lang: Lang;
  content: FrozenPeriod;
  fingerprint: string;
  /** The stored text still gives the fingerprint. */
  intact: boolean;
  /** The version's figures as this reader may see them (the auditor's protected). */
  shownFigures: ShownFigure[];
  /** The reader sees the auditor's protected view: no person codes in the files. */
  protectedView: boolean;
  /** The version is the one in force now. */
  inForce: boolean;
  signOffs: ReportSignOff[];
  /** This version is a restatement: the figures it changed from the version before (as the reader may see them). */
  restated: { previousVersion: number; differences: ShownDifference[] } | null;
  /** The figures now differ from this version (a restatement waits for the director). */
  pending: ShownDifference[] | null;
  communities: readonly { code: string; name: string }[];
  activityTypes: readonly { code: string; namePl: string; nameEn: string }[];
  /** Surveys and their questions, to name them by their words rather than their codes. */
  surveys: readonly { code: string; namePl: string; nameEn: string; questions: readonly { code: string; textPl: string; textEn: string }[] }[];
  smallCountLabel: string;
  /** What the small-count label means (exports.service.ts suppressionNote, from the configured limit). */
  suppressionNote: string;
  printedBy: string;
  printedAt: Date;
}

export interface FigureRow {
  code: string;
  community: string;
  indicator: ExcelCell;
  scope: ExcelCell;
  unit: string;
  valueWithin: ExcelCell;
  valueCumulative: ExcelCell;
  target: ExcelCell;
  achievement: ExcelCell;
  status: ExcelCell;
}

/** A figure in its unit: a percentage indicator's value (69.9) as a percentage, a count as a number. */
export function periodValueCell(value: number | null, unit: string): ExcelCell {
  if (value === null) return cell.empty;
  return unit === 'percent' ? cell.percent(value / 100, 1) : cell.number(value, 1);
}

export function indicatorName(content: FrozenPeriod, code: string, lang: Lang): string {
  const indicator = content.indicators.find((i) => i.code === code);
  return indicator ? (lang === 'pl' ? indicator.namePl : indicator.nameEn) : code;
}

export function statusText(status: string, lang: Lang, smallCountLabel: string): string {
  return status === 'suppressed' ? smallCountLabel : labelOf(indicatorStatusLabels, status, lang);
}

/** The scopes in reading order: the whole project, then each community as configured (then any other the figures hold). */
export function scopesOf(figures: readonly { community: string }[], communities: readonly { code: string }[]): string[] {
  const present = new Set(figures.map((f) => f.community));
  const ordered = ['ALL', ...communities.map((c) => c.code)].filter((code) => present.has(code));
  return [...ordered, ...[...present].filter((code) => !ordered.includes(code)).sort()];
}

/** The figure table's rows: scope by scope, indicators in the frozen order; hidden values as the small-count label. */
export function periodFigureRows(input: Pick<PeriodReportInput, 'lang' | 'content' | 'shownFigures' | 'communities' | 'smallCountLabel'>): FigureRow[] {
  const { lang, content, shownFigures, communities, smallCountLabel } = input;
  const hidden = cell.text(smallCountLabel);
  const order = new Map(content.indicators.map((i, n) => [i.code, n]));
  const unitOf = new Map(content.indicators.map((i) => [i.code, i.unit]));
  const rows: FigureRow[] = [];
  for (const scope of scopesOf(shownFigures, communities)) {
    const figures = shownFigures.filter((f) => f.community === scope).sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999));
    for (const f of figures) {
      const unit = unitOf.get(f.code) ?? 'persons';
      const suppressed = new Set(f.suppressed ?? []);
      rows.push({
        code: f.code,
        community: f.community,
        indicator: cell.text(indicatorName(content, f.code, lang)),
        scope: cell.text(scopeWords(f.community, communities, lang)),
        unit,
        valueWithin: suppressed.has('valueWithin') ? hidden : periodValueCell(f.valueWithin, unit),
        valueCumulative: suppressed.has('valueCumulative') ? hidden : periodValueCell(f.valueCumulative, unit),
        target: periodValueCell(f.target, unit),
        achievement: suppressed.has('valueCumulative') ? hidden : cell.achievement(f.achievement),
        status: cell.text(statusText(f.status, lang, smallCountLabel)),
      });
    }
  }
  return rows;
}

/**
 * Differences as a reader of protected figures may see them: a value hidden in either version is
 * hidden on both sides (a difference would give it away).
 */
export interface ShownDifference extends FigureDifference {
  /** Fields hidden by small-count suppression (their values null). */
  suppressed?: ('valueWithin' | 'valueCumulative')[];
}

export function protectedDifferences(differences: readonly FigureDifference[], ...shown: (readonly ShownFigure[])[]): ShownDifference[] {
  const hidden = new Set<string>();
  for (const figures of shown) for (const f of figures) for (const field of f.suppressed ?? []) hidden.add(`${f.code}|${f.community}|${field}`);
  return differences.map((d) => {
    const within = hidden.has(`${d.code}|${d.community}|valueWithin`);
    const cumulative = hidden.has(`${d.code}|${d.community}|valueCumulative`);
    const suppressed = [...(within ? (['valueWithin'] as const) : []), ...(cumulative ? (['valueCumulative'] as const) : [])];
    return {
      ...d,
      ...(suppressed.length ? { suppressed } : {}),
      ...(within ? { reportedWithin: null, currentWithin: null, differenceWithin: null } : {}),
      ...(cumulative
        ? { reportedCumulative: null, currentCumulative: null, differenceCumulative: null, reportedStatus: 'suppressed', currentStatus: 'suppressed' }
        : {}),
    };
  });
}
