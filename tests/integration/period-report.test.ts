// The period report for the payment claim (issue 15) over HTTP: a period defined over the data,
// closed, its report downloaded as PDF (read back with pdftotext) and XLSX (read back with
// exceljs), each holding the figures of the frozen report; the auditor's files protected ("<3",
// no participant codes); a director's sign-off refused, the auditor's recorded and printed; each
// download in the audit trail.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../support/api-session.ts';
import { startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

interface Figure {
  code: string;
  community: string;
  valueWithin: number | null;
  valueCumulative: number | null;
  target: number | null;
  achievement: number | null;
  status: string;
  suppressed?: string[];
}
interface Report {
  content: { version: number; dataVersion: number; indicators: { code: string; namePl: string; unit: string }[]; figures: Figure[] };
  fingerprint: string;
  intact: boolean;
  shownFigures: Figure[];
}

let installation: SecuredInstallation;
let periodId: number;

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

async function post(session: ApiSession, pathname: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await session.fetch(pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function download(session: ApiSession, pathname: string): Promise<Buffer> {
  const response = await session.fetch(pathname);
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'osl-period-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function workbook(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  return book;
}

/** A value as the Polish report prints it (independent of the server's formatting code). */
function printed(value: number | null, unit: string): string {
  if (value === null) return '';
  if (unit === 'percent') return `${value.toLocaleString('pl-PL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  return value.toLocaleString('pl-PL', { maximumFractionDigits: 1 });
}

const oneLine = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('reporting period definitions', () => {
  it('refuses a wrong definition field by field, in the reader’s words', async () => {
    const refused = await post(installation.sessions.director, '/api/periods', { name: '', from: '2022-02-30', to: '2022-01-01' });
    expect(refused.status).toBe(400);
    const fields = (refused.body.errors as { field: string; key: string; message: string }[]).map((e) => [e.field, e.key]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', 'period.name_missing'],
        ['from', 'period.date_invalid'],
      ]),
    );
    expect(refused.body.errors[0].message).toMatch(/nazw/i);
  });

  it('refuses the report of a period never closed', async () => {
    const created = await post(installation.sessions.director, '/api/periods', { name: 'Otwarty', from: '2022-07-01', to: '2022-12-31' });
    expect(created.status).toBe(201);
    const pdf = await installation.sessions.director.fetch(`/api/periods/${created.body.id}/report.pdf`);
    expect(pdf.status).toBe(409);
    expect(await installation.sessions.director.fetch(`/api/periods/${created.body.id}`, { method: 'DELETE' }).then((r) => r.status)).toBe(200);
  });
});

describe('the period report (needs the pipeline’s period figures)', () => {
  it('closes a period over the data; the PDF and XLSX hold the frozen report’s figures', { timeout: 180_000 }, async () => {
    const { director } = installation.sessions;
    const created = await post(director, '/api/periods', { name: 'WNP 1', from: '2022-01-01', to: '2022-06-30' });
    expect(created.status).toBe(201);
    periodId = created.body.id;
    const closed = await post(director, `/api/periods/${periodId}/close`, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.state).toBe('closed');

    const report = (await director.get(`/api/periods/${periodId}/report`)).body as Report;
    expect(report.intact).toBe(true);
    expect(report.content.figures.length).toBeGreaterThan(0);
    const units = new Map(report.content.indicators.map((i) => [i.code, i.unit]));

    // The PDF: the title block, and each whole-project figure as the JSON has it.
    const text = oneLine(pdfText(await download(director, `/api/periods/${periodId}/report.pdf`)));
    expect(text).toContain('Sprawozdanie z okresu: WNP 1');
    expect(text).toContain(report.fingerprint);
    expect(text).toContain(`Wersja danych (ostatni import) ${report.content.dataVersion}`);
    expect(text).toContain('dyrektor@test.osl');
    const wholeProject = text.split('Cały projekt')[1]!;
    for (const figure of report.content.figures.filter((f) => f.community === 'ALL')) {
      const unit = units.get(figure.code)!;
      const cells = [printed(figure.valueWithin, unit), printed(figure.valueCumulative, unit), printed(figure.target, unit)].filter(Boolean).join(' ');
      expect(wholeProject, figure.code).toContain(cells);
    }
    expect(text).toMatch(/Dyrektor \/ kierownik projektu.*Podpis/);

    // The XLSX: numbers as numbers, percentages in percent format, as the JSON has them.
    const book = await workbook(await download(director, `/api/periods/${periodId}/report.xlsx`));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Wskaźniki', 'Działania', 'Uczestnicy (kody)', 'Liderzy (kody)', 'Odpowiedzi w ankiecie', 'Metadane']);
    const sheet = book.getWorksheet('Wskaźniki')!;
    let checked = 0;
    sheet.eachRow((row) => {
      const code = row.getCell(1).value;
      const scope = row.getCell(3).value;
      if (scope !== 'Cały projekt') return;
      const figure = report.content.figures.find((f) => f.code === code && f.community === 'ALL')!;
      const unit = units.get(figure.code)!;
      const within = row.getCell(5);
      if (figure.valueWithin === null) expect(within.value).toBeNull();
      else if (unit === 'percent') {
        expect(within.value as number).toBeCloseTo(figure.valueWithin / 100, 3);
        expect(within.numFmt).toMatch(/%$/);
      } else {
        expect(within.value as number).toBeCloseTo(figure.valueWithin, 1);
        expect(within.numFmt).toMatch(/^#,##0/);
      }
      if (figure.achievement !== null) {
        expect(row.getCell(8).value as number).toBeLessThanOrEqual(figure.achievement + 1e-9);
        expect(row.getCell(8).numFmt).toMatch(/%$/);
      }
      checked += 1;
    });
    expect(checked).toBe(report.content.figures.filter((f) => f.community === 'ALL').length);
    const activities = book.getWorksheet('Działania')!;
    expect(activities.getRow(6).getCell(1).value).toBeInstanceOf(Date);
    expect(activities.getRow(6).getCell(1).numFmt).toBe('dd.mm.yyyy');
    let metadata = '';
    book.getWorksheet('Metadane')!.eachRow((row) => (metadata += `${JSON.stringify(row.values)}\n`));
    expect(metadata).toContain(report.fingerprint);
    const codes = JSON.stringify(book.getWorksheet('Uczestnicy (kody)')!.getSheetValues());
    expect(codes).toContain('OST-1');
    for (const name of ['Bożydara', 'Hieronim']) expect(codes).not.toContain(name);
  });

  it('gives the auditor "<3" where the protected view hides a count, and no participant codes', { timeout: 120_000 }, async () => {
    const { auditor } = installation.sessions;
    const report = (await auditor.get(`/api/periods/${periodId}/report`)).body as Report;
    const hidden = report.shownFigures.filter((f) => f.suppressed?.length);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((f) => f.suppressed!.every((field) => f[field as 'valueWithin'] === null))).toBe(true);

    const text = pdfText(await download(auditor, `/api/periods/${periodId}/report.pdf`));
    expect(text).toContain('<3');
    expect(text).toContain('audytor@test.osl');

    const book = await workbook(await download(auditor, `/api/periods/${periodId}/report.xlsx?lang=en`));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Activities', 'Metadata']);
    let all = '';
    book.eachSheet((s) => s.eachRow((row) => (all += JSON.stringify(row.values))));
    expect(all).toContain('"<3"');
    for (const code of ['OST-1', 'LAZ-1', 'WZG-1']) expect(all).not.toContain(code);
  });

  it('refuses a director’s sign-off, records the auditor’s, and prints it', { timeout: 120_000 }, async () => {
    const { director, auditor } = installation.sessions;
    const period = (await auditor.get(`/api/periods/${periodId}`)).body as { inForce: { fingerprint: string } };
    const fingerprint = period.inForce.fingerprint;
    const refused = await post(director, `/api/periods/${periodId}/sign-off`, { verdict: 'accepted', fingerprint });
    expect(refused.status).toBe(403);
    const signed = await post(auditor, `/api/periods/${periodId}/sign-off`, { verdict: 'remarks', remarks: 'Brak listy z 20.06.', fingerprint });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body.state).toBe('remarks');
    expect(signed.body.inForce.signOffs).toEqual([
      expect.objectContaining({ verdict: 'remarks', signedBy: 'audytor@test.osl', remarks: 'Brak listy z 20.06.' }),
    ]);
    const text = oneLine(pdfText(await download(director, `/api/periods/${periodId}/report.pdf?lang=en`)));
    expect(text).toContain('with remarks — audytor@test.osl');
    expect(text).toContain('Brak listy z 20.06.');
  });

  it('records every download in the audit trail', async () => {
    const trail = (await installation.sessions.director.get('/api/audit?action=export')).body as { events: { action: string; actor: string }[] };
    const downloads = trail.events.filter((e) => e.action.startsWith('export.period-'));
    expect(downloads.map((e) => e.action)).toEqual(expect.arrayContaining(['export.period-pdf', 'export.period-xlsx']));
    expect(downloads.map((e) => e.actor)).toEqual(expect.arrayContaining(['dyrektor@test.osl', 'audytor@test.osl']));
  });
});
