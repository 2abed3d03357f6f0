// The inbox on a real installation: a file with a long Polish name, rejected, is moved with its
// report and leaves one history row however many scans follow; the files after it are imported.
import fs from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRepository } from '../../backend/src/repositories/import.repository.ts';
import { InboxService } from '../../backend/src/services/inbox.service.ts';
import { openInstallation, temporaryEnvironment } from '../support/installation.ts';

const environment = temporaryEnvironment();
let context: INestApplicationContext;

beforeAll(async () => {
  context = await openInstallation(environment);
});

afterAll(async () => {
  await context?.close();
});

function drop(folder: string, name: string, content: string): void {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  const settled = new Date(Date.now() - 60_000);
  fs.utimesSync(file, settled, settled);
}

describe('the inbox', () => {
  it('moves a rejected file with a long name once, and imports the files after it', async () => {
    const inbox = context.get(InboxService);
    const long = `rejestr uczestników ${'Łódź, Żółkiewskiego, świetlica '.repeat(6)}v2.csv`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(230);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    drop(inbox.folder, long, 'kod;spolecznosc\r\nOST-0009;NIEZNANA\r\n');
    drop(inbox.folder, 'ż-rejestr.csv', 'kod;spolecznosc\r\nOST-0001;OST\r\n');

    const first = await inbox.scan();
    expect(first.map((r) => [r.file, r.status])).toEqual([
      [long, 'rejected'],
      ['ż-rejestr.csv', 'imported'],
    ]);
    expect(await inbox.scan()).toEqual([]);
    expect(fs.readdirSync(inbox.folder).sort()).toEqual(['processed', 'rejected']);
    const rejected = fs.readdirSync(path.join(inbox.folder, 'rejected')).sort();
    expect(rejected).toHaveLength(2);
    expect(rejected[1]).toBe(`${rejected[0]}.report.json`);
    expect(rejected[0]!.endsWith('.csv')).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(inbox.folder, 'rejected', rejected[1]!), 'utf8'));
    expect(report).toMatchObject({ file: long, status: 'rejected' });

    const history = await context.get(ImportRepository).listBatches(50);
    expect(history.filter((batch) => batch.fileName === long)).toHaveLength(1);
  });
});
