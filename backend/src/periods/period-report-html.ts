// The period report for the payment claim as a printable A4 page (rendered to PDF by the server's
// Chromium): title block with the fingerprint, the figures per scope, notes on restatements, the
// auditor's sign-offs and a place for signatures. Pure: same input, same HTML.
import { cell, dateText, dateTimeText, displayText, type ExcelCell } from '../exports/excel-cell.ts';
import { scopeWords } from '../exports/export-words.ts';
import { escapeHtml } from '../services/export-format.ts';
import type { Lang } from '../lib/message-template.ts';
import { periodFigureRows, indicatorName, periodValueCell, statusText, type PeriodReportInput, type ShownDifference } from './period-report.ts';
import { periodFigureColumnWords, periodVerdictWords, versionReasonWords, wordsIn } from './period-words.ts';

type Words = Readonly<Record<Lang, string>>;

/** The report's own words (the shared ones are in period-words.ts). */
export const periodReportWords = {
  title: { pl: 'Sprawozdanie z okresu', en: 'Period report' },
  project: { pl: 'Projekt', en: 'Project' },
  centre: { pl: 'Realizator', en: 'Centre' },
  period: { pl: 'Okres sprawozdawczy', en: 'Reporting period' },
  version: { pl: 'Wersja', en: 'Version' },
  dataVersion: { pl: 'Wersja danych (ostatni import)', en: 'Data version (last import)' },
  asOf: { pl: 'Stan danych na dzień', en: 'Data as of' },
  closed: { pl: 'Zamknął(-ęła)', en: 'Closed by' },
  fingerprint: { pl: 'Odcisk danych (SHA-256)', en: 'Fingerprint (SHA-256)' },
  printed: { pl: 'Wydrukował(a)', en: 'Printed by' },
  notInForce: {
    pl: 'Ta wersja nie jest już obowiązująca (zob. historię wersji okresu).',
    en: 'This version is no longer the one in force (see the period’s version history).',
  },
  notIntact: {
    pl: 'UWAGA: zapisane wartości nie dają zapisanego odcisku — zmieniono je po zamknięciu.',
    en: 'WARNING: the stored figures do not give the stored fingerprint — they were changed after closing.',
  },
  figures: { pl: 'Wartości wskaźników', en: 'Indicator figures' },
  figuresNote: {
    pl: '„W okresie”: wartość w dniach okresu; „narastająco”: od początku projektu do końca okresu; cel na koniec okresu.',
    en: '“In period”: the value within the period’s days; “cumulative”: from the project’s start to the period’s end; the target at its end.',
  },
  restatements: { pl: 'Korekty', en: 'Restatements' },
  restatedFrom: {
    pl: 'Ta wersja jest korektą wersji {previous}. Zmienione wartości:',
    en: 'This version restates version {previous}. The figures it changed:',
  },
  restatedNothing: {
    pl: 'Ta wersja jest korektą wersji {previous}; wartości wskaźników się nie zmieniły.',
    en: 'This version restates version {previous}; no indicator figure changed.',
  },
  pending: {
    pl: 'Obecne dane różnią się od tej wersji (korekta czeka na decyzję dyrektora). Różniące się wartości:',
    en: 'The data now differs from this version (a restatement awaits the director’s decision). The figures that differ:',
  },
  noRestatement: { pl: 'Brak korekt: wartości nie różnią się od zgłoszonych.', en: 'No restatements: the figures do not differ from those reported.' },
  reported: { pl: 'Zgłoszono', en: 'Reported' },
  now: { pl: 'Obecnie', en: 'Now' },
  previous: { pl: 'Poprzednio', en: 'Before' },
  difference: { pl: 'Różnica', en: 'Difference' },
  withinShort: { pl: 'w okresie', en: 'in period' },
  cumulativeShort: { pl: 'narastająco', en: 'cumulative' },
  signOffs: { pl: 'Ocena audytora', en: 'Auditor’s sign-off' },
  noSignOffs: { pl: 'Audytor nie ocenił jeszcze tej wersji.', en: 'The auditor has not signed off this version yet.' },
  signedBy: { pl: '{verdict} — {who}, {when}', en: '{verdict} — {who}, {when}' },
  signatures: { pl: 'Podpisy', en: 'Signatures' },
  director: { pl: 'Dyrektor / kierownik projektu', en: 'Director / project manager' },
  auditor: { pl: 'Audytor', en: 'Auditor' },
  name: { pl: 'Imię i nazwisko', en: 'Name' },
  date: { pl: 'Data', en: 'Date' },
  signature: { pl: 'Podpis', en: 'Signature' },
  page: { pl: 'Strona', en: 'Page' },
} as const satisfies Record<string, Words>;

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

const td = (c: ExcelCell, lang: Lang) =>
  `<td class="${c.kind === 'number' || c.kind === 'percent' || c.kind === 'text' ? 'num' : ''}">${escapeHtml(displayText(c, lang))}</td>`;

function differenceTable(differences: readonly ShownDifference[], input: PeriodReportInput, before: string, after: string): string {
  const { lang, content, communities, smallCountLabel } = input;
  const w = wordsIn(periodReportWords, lang);
  const unitOf = new Map(content.indicators.map((i) => [i.code, i.unit]));
  const value = (d: ShownDifference, field: 'valueWithin' | 'valueCumulative', v: number | null) =>
    d.suppressed?.includes(field) ? cell.text(smallCountLabel) : periodValueCell(v, unitOf.get(d.code) ?? 'persons');
  const signed = (d: ShownDifference, field: 'valueWithin' | 'valueCumulative', v: number | null) => {
    if (d.suppressed?.includes(field)) return cell.text(smallCountLabel);
    const shown = displayText(periodValueCell(v, unitOf.get(d.code) ?? 'persons'), lang);
    return cell.text(v !== null && v > 0 ? `+${shown}` : shown || '—');
  };
  const rows = differences
    .map(
      (d) =>
        `<tr><td>${escapeHtml(indicatorName(content, d.code, lang))}</td><td>${escapeHtml(scopeWords(d.community, communities, lang))}</td>` +
        [
          value(d, 'valueWithin', d.reportedWithin),
          value(d, 'valueWithin', d.currentWithin),
          signed(d, 'valueWithin', d.differenceWithin),
          value(d, 'valueCumulative', d.reportedCumulative),
          value(d, 'valueCumulative', d.currentCumulative),
          signed(d, 'valueCumulative', d.differenceCumulative),
        ]
          .map((c) => td(c, lang))
          .join('') +
        `<td>${escapeHtml(statusText(d.reportedStatus, lang, smallCountLabel))} → ${escapeHtml(statusText(d.currentStatus, lang, smallCountLabel))}</td></tr>`,
    )
    .join('\n');
  const columns = wordsIn(periodFigureColumnWords, lang);
  return (
    `<table class="differences"><thead><tr><th rowspan="2">${escapeHtml(columns.indicator)}</th><th rowspan="2">${escapeHtml(columns.scope)}</th>` +
    `<th colspan="3">${escapeHtml(w.withinShort)}</th><th colspan="3">${escapeHtml(w.cumulativeShort)}</th><th rowspan="2">${escapeHtml(columns.status)}</th></tr>` +
    `<tr>${[before, after, w.difference, before, after, w.difference].map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

/** The report as a self-contained HTML page (A4 portrait, loads nothing). */
export function periodReportHtml(input: PeriodReportInput): string {
  const { lang, content } = input;
  const w = wordsIn(periodReportWords, lang);
  const columns = wordsIn(periodFigureColumnWords, lang);
  const reasons = wordsIn(versionReasonWords, lang);
  const verdicts = wordsIn(periodVerdictWords, lang);
  const rows = periodFigureRows(input);
  const scopes = [...new Set(rows.map((r) => r.community))];
  const field = (label: string, value: string, className = '') =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td class="${className}">${escapeHtml(value)}</td></tr>`;

  const titleBlock = [
    field(w.project, content.project.name),
    field(w.centre, content.project.centre),
    field(w.period, `${content.period.name} (${dateText(content.period.from)} – ${dateText(content.period.to)})`),
    field(w.version, `${content.version} (${reasons[content.reason]})`),
    field(w.dataVersion, String(content.dataVersion)),
    field(w.asOf, dateText(content.asOf)),
    field(w.closed, `${content.closedBy}, ${dateTimeText(new Date(content.closedAt))}`),
    field(w.fingerprint, input.fingerprint, 'fingerprint'),
    field(w.printed, `${input.printedBy}, ${dateTimeText(input.printedAt)}`),
  ].join('');

  const figureTables = scopes
    .map((scope) => {
      const body = rows
        .filter((r) => r.community === scope)
        .map(
          (r) =>
            `<tr><td>${escapeHtml(displayText(r.indicator, lang))}</td>${[r.valueWithin, r.valueCumulative, r.target, r.achievement].map((c) => td(c, lang)).join('')}<td>${escapeHtml(displayText(r.status, lang))}</td></tr>`,
        )
        .join('\n');
      const heads = [columns.indicator, columns.valueWithin, columns.valueCumulative, columns.target, columns.achievement, columns.status];
      return (
        `<section class="scope" data-scope="${escapeHtml(scope)}"><h3>${escapeHtml(scopeWords(scope, input.communities, lang))}</h3>` +
        `<table class="figures"><colgroup><col class="name"><col><col><col><col><col class="status"></colgroup><thead><tr>${heads.map((h, n) => `<th class="${n > 0 && n < heads.length - 1 ? 'num' : ''}">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></section>`
      );
    })
    .join('\n');

  const restatementNotes: string[] = [];
  if (input.restated) {
    const { previousVersion, differences } = input.restated;
    restatementNotes.push(
      differences.length === 0
        ? `<p>${escapeHtml(fill(w.restatedNothing, { previous: previousVersion }))}</p>`
        : `<p>${escapeHtml(fill(w.restatedFrom, { previous: previousVersion }))}</p>${differenceTable(differences, input, w.previous, w.reported)}`,
    );
  }
  if (input.pending && input.pending.length > 0) {
    restatementNotes.push(`<p class="warning">${escapeHtml(w.pending)}</p>${differenceTable(input.pending, input, w.reported, w.now)}`);
  }
  if (restatementNotes.length === 0) restatementNotes.push(`<p>${escapeHtml(w.noRestatement)}</p>`);

  const signOffs =
    input.signOffs.length === 0
      ? `<p>${escapeHtml(w.noSignOffs)}</p>`
      : `<ul class="sign-offs">${input.signOffs
          .map(
            (s) =>
              `<li>${escapeHtml(fill(w.signedBy, { verdict: verdicts[s.verdict], who: s.signedBy, when: dateTimeText(new Date(s.signedAt)) }))}` +
              `${s.remarks ? `<blockquote>${escapeHtml(s.remarks)}</blockquote>` : ''}</li>`,
          )
          .join('')}</ul>`;

  const signatureBox = (role: string) =>
    `<div class="signature"><h3>${escapeHtml(role)}</h3>${[w.name, w.date, w.signature].map((l) => `<p><span>${escapeHtml(l)}:</span><span class="line"></span></p>`).join('')}</div>`;

  const warnings = [
    ...(input.intact ? [] : [`<p class="warning" data-testid="not-intact">${escapeHtml(w.notIntact)}</p>`]),
    ...(input.inForce ? [] : [`<p class="warning">${escapeHtml(w.notInForce)}</p>`]),
  ].join('');
  const hasHidden = rows.some((r) => [r.valueWithin, r.valueCumulative, r.achievement].some((c) => c.kind === 'text'));

  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(`${w.title}: ${content.period.name}, ${w.version.toLowerCase()} ${content.version}`)}</title><style>
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
body { font: 9pt system-ui, "DejaVu Sans", sans-serif; color: #1f2933; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 6pt; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt; border-bottom: 0.8pt solid #1f2933; padding-bottom: 2pt; }
h3 { font-size: 10pt; margin: 8pt 0 3pt; }
p { margin: 0 0 4pt; }
table { border-collapse: collapse; width: 100%; }
.meta th { text-align: left; font-weight: 600; width: 34%; padding: 1.5pt 6pt 1.5pt 0; vertical-align: top; }
.meta td { padding: 1.5pt 0; }
.fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.figures th, .figures td, .differences th, .differences td { border-bottom: 0.5pt solid #c4cad1; padding: 2pt 3pt; text-align: left; vertical-align: top; }
.figures th, .differences th { background: #eef1f4; }
.figures { table-layout: fixed; }
.figures col.name { width: 36%; }
.figures col.status { width: 18%; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, .signature, .scope h3 { break-inside: avoid; }
.scope h3 { break-after: avoid; }
.hint { color: #5b6570; font-size: 8pt; }
.warning { font-weight: 600; color: #8a1c1c; }
.sign-offs { margin: 0; padding-left: 14pt; }
blockquote { margin: 2pt 0 4pt 8pt; padding-left: 6pt; border-left: 2pt solid #c4cad1; white-space: pre-wrap; }
.signatures { display: flex; gap: 16mm; margin-top: 6pt; break-inside: avoid; }
.signature { flex: 1; }
.signature p { display: flex; align-items: flex-end; gap: 4pt; margin: 12pt 0 0; }
.signature .line { flex: 1; border-bottom: 0.6pt solid #1f2933; height: 12pt; }
</style></head><body>
<h1>${escapeHtml(w.title)}: ${escapeHtml(content.period.name)}</h1>
<table class="meta">${titleBlock}</table>
${warnings}
<h2>${escapeHtml(w.figures)}</h2>
<p class="hint">${escapeHtml(w.figuresNote)}${hasHidden ? ` ${escapeHtml(input.suppressionNote)}` : ''}</p>
${figureTables}
<h2>${escapeHtml(w.restatements)}</h2>
${restatementNotes.join('\n')}
<h2>${escapeHtml(w.signOffs)}</h2>
${signOffs}
<h2>${escapeHtml(w.signatures)}</h2>
<div class="signatures">${signatureBox(w.director)}${signatureBox(w.auditor)}</div>
</body></html>`;
}
