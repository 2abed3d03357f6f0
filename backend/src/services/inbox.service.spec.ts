import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import type { FileImportReport, ImportFileInput, ImportOptions } from './import.service.ts';
import { InboxService, movedFileName } from './inbox.service.ts';

const MAX_NAME_BYTES = 255;
const bytes = (name: string) => Buffer.byteLength(name, 'utf8');

/** An importer that rejects files whose name says "zly" and records which files it was given. */
class FakeImporter {
  readonly seen: string[] = [];
  failAfter: number | null = null;

  async importFiles(inputs: ImportFileInput[], options: ImportOptions): Promise<FileImportReport[]> {
    const reports: FileImportReport[] = [];
    for (const [index, input] of inputs.entries()) {
      if (this.failAfter !== null && index >= this.failAfter) throw new Error('database is locked');
      this.seen.push(input.fileName);
      const rejected = input.fileName.includes('zly');
      const report: FileImportReport = {
        file: input.fileName,
        kind: 'participants',
        status: rejected ? 'rejected' : 'imported',
        rows: 1,
        created: rejected ? 0 : 1,
        updated: 0,
        unchanged: 0,
        batchId: index + 1,
        errors: [],
        warnings: [],
      };
      reports.push(report);
      options.onFileReport?.(index, report);
    }
    return reports;
  }
}

let dataDir: string;
let inboxDir: string;
let importer: FakeImporter;
let inbox: InboxService;
/** The reports each run request was made with. */
let runsAskedFor: FileImportReport[][];
const refresh = {
  afterImport: async (reports: readonly FileImportReport[]) => {
    runsAskedFor.push([...reports]);
    return null;
  },
};

function drop(name: string, content = 'kod;spolecznosc\r\nOST-1;OST\r\n'): string {
  const file = path.join(inboxDir, name);
  fs.writeFileSync(file, content);
  const settled = new Date(Date.now() - 60_000);
  fs.utimesSync(file, settled, settled);
  return file;
}

const listing = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-inbox-'));
  inboxDir = path.join(dataDir, 'inbox');
  fs.mkdirSync(inboxDir);
  importer = new FakeImporter();
  const environment = { dataDir, now: () => new Date('2026-11-27T12:00:00.000Z') } as OslEnvironment;
  runsAskedFor = [];
  inbox = new InboxService(importer, environment, refresh);
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('movedFileName', () => {
  const stamp = '2026-11-27T12-00-00-000Z';

  it('keeps a short name as it is, after the time stamp', () => {
    expect(movedFileName(stamp, 'rejestr.csv')).toBe(`${stamp}_rejestr.csv`);
  });

  it('shortens a long name within 255 bytes with its report suffix, keeping the extension and whole letters', () => {
    const long = `${'Zażółć gęślą jaźń '.repeat(9)}lista.xlsx`; // Polish letters are 2 bytes in UTF-8
    expect(bytes(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    const moved = movedFileName(stamp, long);
    expect(bytes(`${moved}.report.json`)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(moved.startsWith(`${stamp}_Zażółć`)).toBe(true);
    expect(moved.endsWith('.xlsx')).toBe(true);
    expect(moved).not.toContain('\uFFFD');
    expect(Buffer.from(moved, 'utf8').toString('utf8')).toBe(moved);
  });

  it('gives two long names that differ only at the end different shortened names', () => {
    const a = movedFileName(stamp, `${'ą'.repeat(120)}-a.csv`);
    const b = movedFileName(stamp, `${'ą'.repeat(120)}-b.csv`);
    expect(a).not.toBe(b);
  });
});

describe('InboxService.scan', () => {
  it('moves a file with a long name and writes its report; the files after it are moved too', async () => {
    const long = `b${'ż'.repeat(117)}-zly.csv`; // 243 bytes: fits the inbox, not with the time stamp in front
    drop('a-rejestr.csv');
    drop(long);
    drop('zz-rejestr.csv');
    const reports = await inbox.scan();
    expect(reports.map((r) => r.status)).toEqual(['imported', 'rejected', 'imported']);
    expect(listing(inboxDir)).toEqual(['processed', 'rejected']);
    const rejected = listing(path.join(inboxDir, 'rejected'));
    expect(rejected).toHaveLength(2);
    const [moved, report] = rejected[0]!.endsWith('.report.json') ? [rejected[1]!, rejected[0]!] : [rejected[0]!, rejected[1]!];
    expect(moved.endsWith('.csv')).toBe(true);
    expect(report).toBe(`${moved}.report.json`);
    expect(bytes(report)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(JSON.parse(fs.readFileSync(path.join(inboxDir, 'rejected', report), 'utf8'))).toMatchObject({ file: long, status: 'rejected' });
    expect(listing(path.join(inboxDir, 'processed'))).toHaveLength(4);
  });

  it('a rejected file is moved to rejected/ and not imported again on the next scan', async () => {
    drop('zly-rejestr.csv');
    await inbox.scan();
    expect(listing(path.join(inboxDir, 'rejected'))).toEqual([
      '2026-11-27T12-00-00-000Z_zly-rejestr.csv',
      '2026-11-27T12-00-00-000Z_zly-rejestr.csv.report.json',
    ]);
    expect(await inbox.scan()).toEqual([]);
    expect(importer.seen).toEqual(['zly-rejestr.csv']);
  });

  it('a file that cannot be moved is remembered and not imported every minute; the others are still moved', async () => {
    fs.writeFileSync(path.join(inboxDir, 'rejected'), 'not a folder'); // rejected/ cannot be made
    drop('a-zly.csv');
    drop('b-rejestr.csv');
    const first = await inbox.scan();
    expect(first.map((r) => r.status)).toEqual(['rejected', 'imported']);
    expect(listing(path.join(inboxDir, 'processed'))).toHaveLength(2);
    expect(await inbox.scan()).toEqual([]);
    expect(importer.seen).toEqual(['a-zly.csv', 'b-rejestr.csv']);
    // Another scanner (the command line, a restarted server) remembers it too.
    const again = new InboxService(importer, { dataDir, now: () => new Date() } as OslEnvironment, refresh);
    expect(await again.scan()).toEqual([]);
    // A new version of the file under the same name is new data.
    drop('a-zly.csv', 'kod;spolecznosc\r\nOST-1;OST\r\nOST-2;OST\r\n');
    fs.rmSync(path.join(inboxDir, 'rejected'));
    expect((await inbox.scan()).map((r) => r.file)).toEqual(['a-zly.csv']);
    expect(listing(inboxDir)).toEqual(['processed', 'rejected']);
  });

  it('remembers a file that cannot be moved in memory when the list cannot be saved either', async () => {
    fs.writeFileSync(path.join(inboxDir, 'rejected'), 'not a folder');
    fs.mkdirSync(path.join(inboxDir, '.unmovable.json')); // the list cannot be written
    drop('a-zly.csv');
    expect((await inbox.scan()).map((r) => r.file)).toEqual(['a-zly.csv']);
    expect(await inbox.scan()).toEqual([]);
    expect(importer.seen).toEqual(['a-zly.csv']);
  });

  it('moves the files already imported when the importer fails on a later one', async () => {
    drop('a-rejestr.csv');
    drop('b-rejestr.csv');
    importer.failAfter = 1;
    await expect(inbox.scan()).rejects.toThrow('database is locked');
    expect(listing(inboxDir)).toEqual(['b-rejestr.csv', 'processed']);
    // What was written before the failure is shown by a run all the same.
    expect(runsAskedFor.map((reports) => reports.map((r) => r.file))).toEqual([['a-rejestr.csv']]);
  });

  it('asks for a pipeline run once per scan, with the reports of every file it finished', async () => {
    drop('a-rejestr.csv');
    drop('b-zly.csv');
    await inbox.scan();
    expect(runsAskedFor.map((reports) => reports.map((r) => [r.file, r.status]))).toEqual([
      [
        ['a-rejestr.csv', 'imported'],
        ['b-zly.csv', 'rejected'],
      ],
    ]);
    // An empty inbox asks for nothing.
    await inbox.scan();
    expect(runsAskedFor).toHaveLength(1);
  });
});
