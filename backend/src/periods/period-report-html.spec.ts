import { describe, expect, it } from 'vitest';
import { comparePeriodFigures } from './frozen-period.ts';
import { periodReportHtml } from './period-report-html.ts';
import { frozenFixture, protectedInput, reportInput } from './period-report.fixture.ts';
import { periodFigureRows, protectedDifferences } from './period-report.ts';

/** The text a reader sees: tags out, character references back, spaces (NBSP too) as one. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** The cells of the figure row of an indicator in a scope's table. */
function rowCells(html: string, scope: string, indicator: string): string[] {
  const section = html.split(`data-scope="${scope}"`)[1]!.split('</section>')[0]!;
  const row = section.split('<tr>').find((r) => r.includes(indicator))!;
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => text(m[1]!).trim());
}

describe('periodReportHtml', () => {
  it('heads the report with the project, the period, the version, the data version, the full fingerprint and who printed it when (Warsaw time)', () => {
    const page = text(periodReportHtml(reportInput()));
    expect(page).toContain('OSL Próba');
    expect(page).toContain('Centrum Testowe');
    expect(page).toContain('WNP 3 (01.01.2022 – 30.06.2022)');
    expect(page).toContain('Wersja 2 (korekta (przyjęta))');
    expect(page).toContain('Wersja danych (ostatni import) 41');
    expect(page).toContain('ab'.repeat(32));
    // 12:30 UTC in July is 14:30 in Warsaw.
    expect(page).toContain('dyrektor@osl.test, 20.07.2022 14:30');
    expect(page).toContain('dyrektor@osl.test, 04.07.2022 12:15');
  });

  it('shows each scope’s figures: in the period, cumulative, target, achievement truncated, status in words', () => {
    const html = periodReportHtml(reportInput());
    expect(rowCells(html, 'ALL', 'Liczba uczestników')).toEqual(['Liczba uczestników', '87', '1234', '1500', '82%', 'Zagrożony']);
    // 69.9 of 70 is 99.8%, never rounded up to 100%.
    expect(rowCells(html, 'ALL', 'Odsetek zadowolonych')).toEqual(['Odsetek zadowolonych', '69,9%', '69,9%', '70,0%', '99,8%', 'Zgodnie z planem']);
    expect(rowCells(html, 'K1', 'Liczba uczestników')).toEqual(['Liczba uczestników', '2', '640', '700', '91%', 'Zgodnie z planem']);
    expect(text(html)).toContain('Osiedle Północ');
    expect(text(html)).not.toContain('„<3”');
  });

  it('shows "<3" where the auditor’s view hides a count, and says what it means', () => {
    const html = periodReportHtml(protectedInput());
    expect(rowCells(html, 'K1', 'Liczba uczestników')).toEqual(['Liczba uczestników', '<3', '640', '700', '91%', 'Zgodnie z planem']);
    expect(text(html)).toContain('„<3”: 1–2 osoby albo liczba ukryta');
  });

  it('is in English when asked', () => {
    const html = periodReportHtml(reportInput({ lang: 'en' }));
    expect(rowCells(html, 'ALL', 'Share satisfied')).toEqual(['Share satisfied', '69.9%', '69.9%', '70.0%', '99.8%', 'On track']);
    expect(text(html)).toContain('Whole project');
    expect(text(html)).toContain('Version 2 (restatement (accepted))');
  });

  it('lists what a restatement changed from the version before, and what a pending one would change', () => {
    const before = frozenFixture.figures.map((f) => (f.code === 'W1' && f.community === 'ALL' ? { ...f, valueWithin: 80, valueCumulative: 1227 } : f));
    const restated = { previousVersion: 1, differences: comparePeriodFigures(before, frozenFixture.figures) };
    const now = frozenFixture.figures.map((f) => (f.code === 'W2' ? { ...f, valueWithin: 71.5, valueCumulative: 71.5, status: 'achieved' } : f));
    const pending = comparePeriodFigures(frozenFixture.figures, now);
    const page = text(periodReportHtml(reportInput({ restated, pending })));
    expect(page).toContain('Ta wersja jest korektą wersji 1. Zmienione wartości:');
    expect(page).toContain('Liczba uczestników Cały projekt 80 87 +7 1227 1234 +7 Zagrożony → Zagrożony');
    expect(page).toContain('Obecne dane różnią się od tej wersji');
    expect(page).toContain('Odsetek zadowolonych Cały projekt 69,9% 71,5% +1,6% 69,9% 71,5% +1,6% Zgodnie z planem → Osiągnięty');
  });

  it('hides both sides of a difference the auditor may not see', () => {
    const before = frozenFixture.figures.map((f) => (f.code === 'W1' && f.community === 'K1' ? { ...f, valueWithin: 1 } : f));
    const differences = protectedDifferences(comparePeriodFigures(before, frozenFixture.figures), protectedInput().shownFigures);
    const page = text(periodReportHtml(protectedInput({ restated: { previousVersion: 1, differences } })));
    expect(page).toContain('Liczba uczestników Osiedle Północ <3 <3 <3 640 640');
  });

  it('records the auditor’s sign-offs and leaves room for the director’s and auditor’s signatures', () => {
    const page = text(periodReportHtml(reportInput()));
    expect(page).toContain('z uwagami — audytor@osl.test, 10.07.2022 10:00');
    expect(page).toContain('Brak listy z 14.02.');
    expect(page).toMatch(/Dyrektor \/ kierownik projektu Imię i nazwisko: Data: Podpis: Audytor Imię i nazwisko: Data: Podpis:/);
    expect(text(periodReportHtml(reportInput({ signOffs: [] })))).toContain('Audytor nie ocenił jeszcze tej wersji.');
  });

  it('warns when the stored figures no longer give their fingerprint, or the version is not in force', () => {
    const page = text(periodReportHtml(reportInput({ intact: false, inForce: false })));
    expect(page).toContain('UWAGA: zapisane wartości nie dają zapisanego odcisku');
    expect(page).toContain('Ta wersja nie jest już obowiązująca');
  });

  it('escapes what it prints', () => {
    const html = periodReportHtml(
      reportInput({ signOffs: [{ verdict: 'remarks', remarks: '<script>x</script>', signedBy: 'a@b', signedAt: '2022-07-10T08:00:00Z' }] }),
    );
    expect(html).not.toContain('<script>x');
  });

  it('orders the scopes: the whole project, then the communities as configured', () => {
    expect([...new Set(periodFigureRows(reportInput()).map((r) => r.community))]).toEqual(['ALL', 'K1']);
  });
});
