// Three ways in, one code path: upload through the API, the inbox folder, and templates.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, ImportService, startServer, type RunningServer } from '@osl/backend';
import { InboxService } from '../../backend/src/services/inbox.service.ts';
import { signInAsNewUser, type ApiSession } from '../support/api-session.ts';
import { temporaryEnvironment } from '../support/installation.ts';

const environment = temporaryEnvironment('2026-11-27T12:00:00Z', { OSL_DASHBOARD_DIR: '' });
let server: RunningServer;
let admin: ApiSession;

const register = 'kod_uczestnika;spolecznosc\r\nWZG-0001;WZG\r\nWZG-0002;WZG\r\n';
const log = 'id_dzialania;data;spolecznosc;typ;tytul\r\nW1;05.05.2022;WZG;AKCJA;Sadzenie drzew\r\n';
const list = 'id_dzialania;kod_uczestnika\r\nW1;WZG-0001\r\nW1;WZG-0002\r\n';

function form(files: Record<string, string | Buffer>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) data.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

beforeAll(async () => {
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  admin = await signInAsNewUser(server, 'admin@test.osl', 'admin');
});

afterAll(async () => {
  await server?.close();
});

describe('POST /api/imports', () => {
  it('imports uploaded files in dependency order and returns the CLI report', async () => {
    const response = await admin.fetch(`/api/imports`, {
      method: 'POST',
      body: form({ 'lista.csv': list, 'dziennik.csv': log, 'rejestr-wzgórze.csv': register }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.files.map((f: { file: string; kind: string; status: string; rows: number }) => [f.file, f.kind, f.status, f.rows])).toEqual([
      ['lista.csv', 'attendance', 'imported', 2],
      ['dziennik.csv', 'activities', 'imported', 1],
      ['rejestr-wzgórze.csv', 'participants', 'imported', 1 + 1],
    ]);
  });

  it('answers 422 with the row-level report when a file is rejected', async () => {
    const bad = 'id_dzialania;kod_uczestnika\r\nW1;WZG-0003\r\nW9;WZG-0001\r\n';
    const response = await admin.fetch(`/api/imports`, { method: 'POST', body: form({ 'zla-lista.csv': bad }, { lang: 'en' }) });
    expect(response.status).toBe(422);
    const [file] = (await response.json()).files;
    expect(file.status).toBe('rejected');
    expect(file.errors.map((e: { row: number; column: string; value: string }) => [e.row, e.column, e.value])).toEqual([
      // The columns as the file names them.
      [2, 'kod_uczestnika', 'WZG-0003'],
      [3, 'id_dzialania', 'W9'],
    ]);
    expect(file.errors[0].message).toMatch(/register/i);
  });

  it('refuses a request without files, a wrong kind and a file over the size limit', async () => {
    expect((await admin.fetch(`/api/imports`, { method: 'POST' })).status).toBe(400);
    const wrongKind = await admin.fetch(`/api/imports`, { method: 'POST', body: form({ 'a.csv': list }, { kind: 'nonsense' }) });
    expect(wrongKind.status).toBe(400);
    const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    const tooLarge = await admin.fetch(`/api/imports`, { method: 'POST', body: form({ 'huge.csv': huge }) });
    expect(tooLarge.status).toBe(413);
  });

  it('runs an upload as a job whose progress can be polled', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `J${i};10.06.2022;WZG;WARSZTAT;Warsztaty ${i}`).join('\r\n');
    const response = await admin.fetch(`/api/imports?async=true`, {
      method: 'POST',
      body: form({ 'duzy-dziennik.csv': `id;data;spolecznosc;typ;tytul\r\n${rows}\r\n` }),
    });
    expect(response.status).toBe(202);
    const { id } = await response.json();
    let job;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      job = await (await admin.fetch(`/api/imports/jobs/${id}`)).json();
      if (job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'finished', progress: { phase: 'done', rowsDone: 2_000, rowsTotal: 2_000 } });
    expect(job.files[0]).toMatchObject({ status: 'imported', created: 2_000 });
    expect((await admin.fetch(`/api/imports/jobs/nope`)).status).toBe(404);
  });

  it('keeps no names in the import history, though the uploader is told which name did not match', async () => {
    const byName = 'id_dzialania;imie;nazwisko\r\nW1;Bożena;Zawadzka\r\n';
    const response = await admin.fetch(`/api/imports`, { method: 'POST', body: form({ 'lista-nazwiska.csv': byName }) });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain('Zawadzka');
    const history = await (await admin.fetch(`/api/imports`)).json();
    const kept = history.find((h: { file: string }) => h.file === 'lista-nazwiska.csv');
    expect(kept.report.errors[0]).toMatchObject({ row: 2, code: 'name_not_found', value: '(dane osobowe ukryte)' });
    expect(JSON.stringify(history)).not.toMatch(/Zawadzka|Bożena/);
  });

  it('lists the import history with counts and errors', async () => {
    const history = await (await admin.fetch(`/api/imports`)).json();
    expect(history.find((h: { file: string }) => h.file === 'duzy-dziennik.csv')).toMatchObject({ status: 'imported', rowsWritten: 2_000 });
    const rejected = history.find((h: { file: string }) => h.file === 'zla-lista.csv');
    expect(rejected).toMatchObject({ status: 'rejected', errorCount: 2, kind: 'attendance' });
    expect(rejected.report.errors).toHaveLength(2);
  });
});

describe('a file over the size limit on disk', () => {
  it('is refused from its size, with its real hash recorded, without being loaded', async () => {
    const file = path.join(environment.dataDir, 'ogromny.csv');
    fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024 + 10, 0x41));
    const [report] = await server.app.get(ImportService).importPaths([file], { source: 'cli', importedBy: 'test' });
    expect(report).toMatchObject({ status: 'rejected', errors: [{ code: 'file_too_large', row: null }] });
    expect(report!.errors[0]!.message).toContain('50');
    const history = await (await admin.fetch(`/api/imports`)).json();
    const expected = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(history.find((h: { file: string }) => h.file === 'ogromny.csv').sha256).toBe(expected);
  });
});

describe('GET /api/imports/templates/:kind', () => {
  it('gives an XLSX with Polish headers, drop-down lists of names and an example sheet', async () => {
    const response = await admin.fetch(`/api/imports/templates/activities`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    // A download is recorded: who, what, from where.
    const downloads = await server.app.get(DatabaseRepository).client.auditEvent.findMany({ where: { action: 'download.template' } });
    expect(downloads).toEqual([expect.objectContaining({ actor: 'admin@test.osl', entityId: 'activities', address: expect.any(String) })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('dzialania')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Nr działania',
      'Data',
      'Społeczność',
      'Typ działania',
      'Tytuł',
      'Czas trwania (h)',
      'Prowadzący',
      'Miejsce',
      'Liczba osób bez listy',
      'Inicjatywa mieszkańców',
    ]);
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['listy!$A$2:$A$4'] });
    expect(sheet.getCell('J2').dataValidation).toMatchObject({ type: 'list' });
    const lists = workbook.getWorksheet('listy')!;
    expect([lists.getCell('A2').value, lists.getCell('A3').value, lists.getCell('A4').value]).toEqual([
      'Mieszkańcy Os. Wzgórze',
      'Mieszkańcy bloków przy ul. Ostrowieckiej',
      'Seniorzy na Os. Łazy',
    ]);
    expect(workbook.getWorksheet('przyklad')!.getCell('C2').value).toBe('Mieszkańcy Os. Wzgórze');
  });

  it('puts the questions of the chosen survey in the survey template', async () => {
    const response = await admin.fetch(`/api/imports/templates/survey?survey=ANK-PO`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect((workbook.getWorksheet('ankieta')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Ankieta',
      'Data wypełnienia',
      'Społeczność',
      'Kod uczestnika',
      'Jak oceniasz to działanie?',
      'Czy przyjdziesz ponownie?',
      'Uwagi',
    ]);
    expect((await admin.fetch(`/api/imports/templates/survey?survey=NOPE`)).status).toBe(404);
    expect((await admin.fetch(`/api/imports/templates/..%2F..%2Fetc`)).status).toBe(404);
  });

  it('a template filled in by hand imports as it is', async () => {
    const response = await admin.fetch(`/api/imports/templates/participants`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('uczestnicy')!;
    sheet.addRow(['LAZ-0100', 'LAZ', 'K', 1951, new Date(Date.UTC(2022, 3, 1)), 'tak', new Date(Date.UTC(2022, 5, 1)), 'Zofia', 'Nowak']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = await admin.fetch(`/api/imports`, { method: 'POST', body: form({ 'rejestr-laz.xlsx': filled }) });
    const body = await upload.json();
    expect(upload.status, JSON.stringify(body)).toBe(200);
    expect(body.files[0]).toMatchObject({ kind: 'participants', status: 'imported', created: 1 });
  });
});

describe('the inbox folder', () => {
  it('imports what is dropped there and moves each file with its report beside it', async () => {
    const inbox = server.app.get(InboxService).folder;
    fs.mkdirSync(inbox, { recursive: true });
    const good = path.join(inbox, 'rejestr-ost.csv');
    const bad = path.join(inbox, 'zepsuty.csv');
    const copying = path.join(inbox, 'w-trakcie-kopiowania.csv');
    fs.writeFileSync(good, 'kod;spolecznosc\r\nOST-0001;OST\r\n');
    fs.writeFileSync(bad, 'kod;spolecznosc\r\nOST-0002;NIEZNANA\r\n');
    fs.writeFileSync(copying, 'kod;spolecznosc\r\n');
    fs.writeFileSync(path.join(inbox, '~$rejestr.xlsx'), 'lock');
    const past = new Date(Date.now() - 60_000);
    for (const file of [good, bad]) fs.utimesSync(file, past, past);

    const reports = await server.app.get(InboxService).scan();
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      ['rejestr-ost.csv', 'imported'],
      ['zepsuty.csv', 'rejected'],
    ]);
    expect(fs.readdirSync(inbox).sort()).toEqual(['processed', 'rejected', 'w-trakcie-kopiowania.csv', '~$rejestr.xlsx']);
    const [processed, processedReport] = fs.readdirSync(path.join(inbox, 'processed')).sort();
    expect(processed).toMatch(/_rejestr-ost\.csv$/);
    expect(processedReport).toBe(`${processed}.report.json`);
    const rejectedReport = fs.readdirSync(path.join(inbox, 'rejected')).find((f) => f.endsWith('.report.json'))!;
    const report = JSON.parse(fs.readFileSync(path.join(inbox, 'rejected', rejectedReport), 'utf8'));
    expect(report.errors[0]).toMatchObject({ row: 2, column: 'spolecznosc', field: 'community', value: 'NIEZNANA' });
  });
});
