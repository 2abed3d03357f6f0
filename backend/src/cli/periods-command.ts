// `osl periods …`: reporting periods from the command line, in Polish or English.
import type { Lang } from '../lib/messages.ts';
import type { PeriodState } from '../periods/period-rules.ts';
import type { ShownFigure } from '../periods/period-disclosure.ts';
import type { FrozenVerdict, PeriodDetail, PeriodSummary } from '../services/periods.service.ts';
import { periodFigureColumnWords as columns, periodStateWords, periodVerdictWords, wordsIn } from '../periods/period-words.ts';
import { cliWords } from './cli-words.ts';

interface PeriodWords {
  state: Record<PeriodState, string>;
  header: string[];
  none: string;
  listHeader: [string, string, string, string, string, string];
  created: (name: string, id: number) => string;
  closed: (name: string, version: number, fingerprint: string) => string;
  reopened: (name: string) => string;
  signed: (name: string, verdict: string) => string;
  restated: (name: string, version: number, fingerprint: string) => string;
  verdicts: { accepted: string; remarks: string };
  reported: (version: number, fingerprint: string) => string;
  current: (asOf: string, dataVersion: number) => string;
  notComputed: string;
  restatement: (count: number, changes: number) => string;
  noRestatement: string;
  frozenIntact: (versions: number) => string;
  frozenBroken: (name: string, version: number, problem: string) => string;
  problems: Record<FrozenVerdict['broken'][number]['problem'], string>;
  textChanged: string;
  asOf: (asOf: string, dataVersion: number) => string;
}

export const periodWords: Record<Lang, PeriodWords> = {
  pl: {
    state: wordsIn(periodStateWords, 'pl'),
    header: Object.values(wordsIn(columns, 'pl')),
    none: 'Nie zdefiniowano okresów sprawozdawczych.',
    listHeader: ['Nr', 'Nazwa', 'Od', 'Do', 'Stan', 'Wersja'],
    created: (name, id) => `Dodano okres „${name}” (nr ${id}).`,
    closed: (name, version, fingerprint) => `Zamknięto okres „${name}”, wersja ${version}. Odcisk danych (SHA-256): ${fingerprint}`,
    reopened: (name) => `Otwarto ponownie okres „${name}”.`,
    signed: (name, verdict) => `Zapisano ocenę okresu „${name}”: ${verdict}.`,
    restated: (name, version, fingerprint) => `Przyjęto korektę okresu „${name}”: wersja ${version}, odcisk ${fingerprint}`,
    verdicts: wordsIn(periodVerdictWords, 'pl'),
    reported: (version, fingerprint) => `Zgłoszono (wersja ${version}, odcisk ${fingerprint}):`,
    current: (asOf, dataVersion) => `Obecnie (stan na ${asOf}, dane do importu nr ${dataVersion}):`,
    notComputed: 'Wartości okresu będą gotowe po najbliższym przeliczeniu danych.',
    restatement: (count, changes) => `Korekta: ${count} wartości różni się od zgłoszonych; zmienionych wierszy danych: ${changes}.`,
    noRestatement: 'Wartości nie różnią się od zgłoszonych.',
    frozenIntact: (versions) => `Zamknięte okresy: ${versions} wersji, odciski danych zgodne.`,
    frozenBroken: (name, version, problem) => `Okres „${name}”, wersja ${version}: ${problem}`,
    problems: {
      fingerprint: 'zapisane wartości nie dają zapisanego odcisku (zmieniono je po zamknięciu)',
      not_in_trail: 'dziennik zmian nie zawiera zamknięcia tej wersji',
      trail_differs: 'odcisk różni się od zapisanego w dzienniku zmian',
    },
    textChanged: 'UWAGA: zapisane wartości nie dają zapisanego odcisku.',
    asOf: (asOf, dataVersion) => `Stan na ${asOf} (dane do importu nr ${dataVersion}):`,
  },
  en: {
    state: wordsIn(periodStateWords, 'en'),
    header: Object.values(wordsIn(columns, 'en')),
    none: 'No reporting periods are defined.',
    listHeader: ['No.', 'Name', 'From', 'To', 'State', 'Version'],
    created: (name, id) => `Period "${name}" added (no. ${id}).`,
    closed: (name, version, fingerprint) => `Period "${name}" closed, version ${version}. Fingerprint (SHA-256): ${fingerprint}`,
    reopened: (name) => `Period "${name}" reopened.`,
    signed: (name, verdict) => `Verdict on "${name}" recorded: ${verdict}.`,
    restated: (name, version, fingerprint) => `Restatement of "${name}" accepted: version ${version}, fingerprint ${fingerprint}`,
    verdicts: wordsIn(periodVerdictWords, 'en'),
    reported: (version, fingerprint) => `Reported (version ${version}, fingerprint ${fingerprint}):`,
    current: (asOf, dataVersion) => `Now (as of ${asOf}, data up to import no. ${dataVersion}):`,
    notComputed: 'The period’s figures will be ready after the next data run.',
    restatement: (count, changes) => `Restatement: ${count} figures differ from those reported; data rows changed: ${changes}.`,
    noRestatement: 'The figures do not differ from those reported.',
    frozenIntact: (versions) => `Closed periods: ${versions} versions, fingerprints hold.`,
    frozenBroken: (name, version, problem) => `Period "${name}", version ${version}: ${problem}`,
    problems: {
      fingerprint: 'the stored figures do not give the stored fingerprint (changed after closing)',
      not_in_trail: 'the audit trail does not record closing this version',
      trail_differs: 'the fingerprint differs from the one in the audit trail',
    },
    textChanged: 'WARNING: the stored figures do not give the stored fingerprint.',
    asOf: (asOf, dataVersion) => `As of ${asOf} (data up to import no. ${dataVersion}):`,
  },
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

const number = (value: number | null, lang: Lang) => (value === null ? '—' : value.toLocaleString(lang === 'pl' ? 'pl-PL' : 'en-GB'));

export function formatPeriodList(periods: PeriodSummary[], lang: Lang): string {
  const words = periodWords[lang];
  if (periods.length === 0) return `${words.none}\n`;
  return table(
    words.listHeader,
    periods.map((p) => [
      String(p.id),
      p.name,
      p.from,
      p.to,
      words.state[p.state],
      p.inForce ? `${p.inForce.version} (${p.inForce.fingerprint.slice(0, 12)}…)` : '—',
    ]),
  );
}

export function formatPeriodFigures(figures: readonly ShownFigure[], lang: Lang, smallCountLabel = '<3'): string {
  const words = periodWords[lang];
  const status = cliWords[lang].status as Record<string, string>;
  const hidden = (f: ShownFigure, field: 'valueWithin' | 'valueCumulative') => (f.suppressed?.includes(field) ? smallCountLabel : number(f[field], lang));
  return table(
    words.header,
    figures.map((f) => [
      f.code,
      f.community,
      hidden(f, 'valueWithin'),
      hidden(f, 'valueCumulative'),
      number(f.target, lang),
      f.achievement === null ? '—' : `${(Math.trunc(f.achievement * 1000) / 10).toFixed(1)}%`,
      status[f.status] ?? (f.status === 'suppressed' ? smallCountLabel : f.status),
    ]),
  );
}

export function formatPeriodDetail(detail: PeriodDetail, lang: Lang): string {
  const words = periodWords[lang];
  const parts = [`${detail.name} (${detail.from} – ${detail.to}): ${words.state[detail.state]}\n`];
  if (detail.reported && detail.inForce)
    parts.push(`${words.reported(detail.inForce.version, detail.reported.fingerprint)}\n`, formatPeriodFigures(detail.reported.figures, lang));
  if (detail.current) parts.push(`${words.current(detail.current.asOf, detail.current.dataVersion)}\n`, formatPeriodFigures(detail.current.figures, lang));
  else parts.push(`${words.notComputed}\n`);
  if (detail.inForce) {
    parts.push(
      detail.restatement ? `${words.restatement(detail.restatement.differences.length, detail.restatement.changes.total)}\n` : `${words.noRestatement}\n`,
    );
  }
  return parts.join('');
}

export function formatFrozenVerdict(verdict: FrozenVerdict, lang: Lang): string {
  const words = periodWords[lang];
  if (verdict.intact) return `${words.frozenIntact(verdict.versions)}\n`;
  return `${verdict.broken.map((b) => words.frozenBroken(b.name, b.version, words.problems[b.problem])).join('\n')}\n`;
}
