import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '$lib/i18n/messages';
import { importedCount, importRefreshNotice, refreshPollMs, type ImportRefresh } from './import-refresh';

const labels = { button: 'Przelicz teraz', section: 'Przeliczenia danych' };
const subject = (lang: 'pl' | 'en') => (many: boolean) => translate(lang, many ? 'importRun.subject.many' : 'importRun.subject.one');
const refresh = (status: ImportRefresh['status'], runId: number | null = 13, more: Partial<ImportRefresh> = {}): ImportRefresh => ({
  status,
  runId,
  at: null,
  typicalSeconds: 8,
  ...more,
});

/** The notice as the page shows it: its sentence, then the hint when there is one. */
function said(value: ImportRefresh, options: { lang?: 'pl' | 'en'; imported?: number; canRun?: boolean } = {}): string {
  const lang = options.lang ?? 'pl';
  const notice = importRefreshNotice(value, { imported: options.imported ?? 1, canRun: options.canRun ?? false, lang, subject: subject(lang), labels });
  return [translate(lang, notice.key, notice.params), notice.hint && translate(lang, notice.hint.key, notice.hint.params)].filter(Boolean).join(' ');
}

describe('importRefreshNotice', () => {
  it('says the figures will show the file when the run in progress ends, and how long it usually takes', () => {
    expect(said(refresh('running'))).toBe('Dane z tego pliku pojawią się na wykresach po zakończeniu przeliczenia nr 13 (trwa, zwykle ok. 8 s).');
    expect(said(refresh('running', 13, { typicalSeconds: null }))).toBe('Dane z tego pliku pojawią się na wykresach po zakończeniu przeliczenia nr 13 (trwa).');
    expect(said(refresh('running'), { lang: 'en', imported: 2 })).toBe(
      'The data from the imported files will appear on the charts when refresh no. 13 finishes (in progress, usually about 8 s).',
    );
  });

  it('says a queued run waits for the one in progress, or is starting when none is ahead', () => {
    expect(said(refresh('queued', 12))).toBe(
      'Dane z tego pliku pojawią się na wykresach po następnym przeliczeniu. Zacznie się ono, gdy skończy się trwające teraz przeliczenie nr 12, i potrwa zwykle ok. 8 s.',
    );
    expect(said(refresh('queued', null), { imported: 3 })).toBe(
      'Dane z przyjętych plików pojawią się na wykresach po zakończeniu przeliczenia, które właśnie się zaczyna (zwykle trwa ok. 8 s).',
    );
    expect(said(refresh('queued', null, { typicalSeconds: null }))).toBe(
      'Dane z tego pliku pojawią się na wykresach po zakończeniu przeliczenia, które właśnie się zaczyna.',
    );
  });

  it('says the figures show the file, with the run and its time', () => {
    const notice = importRefreshNotice(refresh('shown', 13, { at: '2026-11-27T13:32:00.000Z' }), {
      imported: 1,
      canRun: true,
      lang: 'pl',
      subject: subject('pl'),
      labels,
    });
    expect(notice).toMatchObject({ tone: 'shown', hint: null });
    expect(translate('pl', notice.key, notice.params)).toBe('Dane z tego pliku są już na wykresach (przeliczenie nr 13, 27.11.2026, 14:32).');
  });

  it('says a failed run leaves the figures without the file, and who may start one where', () => {
    expect(said(refresh('failed'))).toBe(
      'Dane z tego pliku są zapisane, ale nie ma ich jeszcze na wykresach: przeliczenie nr 13 nie powiodło się. Pokaże je następne udane przeliczenie.',
    );
    expect(said(refresh('failed'), { canRun: true })).toMatch(/Możesz je uruchomić od razu przyciskiem „Przelicz teraz” w sekcji „Przeliczenia danych”\.$/);
    expect(importRefreshNotice(refresh('failed'), { imported: 1, canRun: false, lang: 'pl', subject: subject('pl'), labels }).tone).toBe('failed');
    expect(said(refresh('waiting', null), { canRun: true })).toBe(
      'Dane z tego pliku są zapisane; pojawią się na wykresach po najbliższym przeliczeniu. Możesz je uruchomić od razu przyciskiem „Przelicz teraz” w sekcji „Przeliczenia danych”.',
    );
  });

  it('leaves no placeholder unfilled in either language, whatever the status', () => {
    for (const lang of ['pl', 'en'] as const)
      for (const status of ['queued', 'running', 'shown', 'failed', 'waiting'] as const)
        for (const runId of [7, null])
          for (const typicalSeconds of [5, null]) {
            const text = said(refresh(status, runId, { typicalSeconds, at: '2026-11-27T13:32:00.000Z' }), { lang, canRun: true });
            expect(text, `${lang} ${status} ${runId} ${typicalSeconds}`).not.toMatch(/[{}]|undefined|null/);
          }
  });

  it('uses its own keys only', () => {
    const notice = importRefreshNotice(refresh('failed'), { imported: 1, canRun: true, lang: 'pl', subject: subject('pl'), labels });
    for (const key of [notice.key, notice.hint!.key] as MessageKey[]) expect(key.startsWith('importRun.')).toBe(true);
  });
});

describe('refreshPollMs', () => {
  it('asks soon while the run waits or goes, now and then while the rows are not shown, never once they are', () => {
    expect(refreshPollMs(refresh('queued'))).toBe(1_500);
    expect(refreshPollMs(refresh('running'))).toBe(1_500);
    expect(refreshPollMs(refresh('failed'))).toBe(15_000);
    expect(refreshPollMs(refresh('waiting', null))).toBe(15_000);
    expect(refreshPollMs(refresh('shown'))).toBeNull();
    expect(refreshPollMs(null)).toBeNull();
  });
});

describe('importedCount', () => {
  it('counts the files imported, not those rejected or unchanged', () => {
    expect(importedCount([{ status: 'imported' }, { status: 'rejected' }, { status: 'unchanged' }, { status: 'imported' }])).toBe(2);
    expect(importedCount(null)).toBe(0);
  });
});
