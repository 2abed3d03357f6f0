// PDFs are printed by one Chromium per server (issue 11): launched at the first PDF, reused, two
// pages at a time with a bounded queue (503 + Retry-After beyond it), closed with the server.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfBrowserPool, startServer, type RunningServer } from '@osl/backend';
import { signInAsNewUser, type ApiSession } from '../support/api-session.ts';
import { importAndPublish, temporaryEnvironment, writeTwoActivityFixture } from '../support/installation.ts';

const environment = temporaryEnvironment('2022-07-02T10:00:00Z', { OSL_DASHBOARD_DIR: '' });
let server: RunningServer | null = null;
let director: ApiSession;

/** Chromium processes started by this process. */
function chromiumChildren(): string[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when there are none.
  }
  return out.split('\n').filter((line) => /chrom/i.test(line));
}

beforeAll(async () => {
  server = await startServer(environment, { demoIfEmpty: false, runPipeline: false });
  await importAndPublish(server.app, writeTwoActivityFixture(path.join(environment.dataDir, 'fixtures')));
  director = await signInAsNewUser(server, 'dyrektor@test.osl', 'director');
});

afterAll(async () => {
  await server?.close();
});

describe('PDF printing', () => {
  it('one browser for every PDF: two pages at a time, a bounded queue answering 503 with Retry-After, closed with the server', async () => {
    const pool = server!.app.get(PdfBrowserPool);
    expect(pool.launches).toBe(0);
    const first = await director.fetch('/api/exports/indicators?format=pdf');
    expect(first.status).toBe(200);
    expect(
      Buffer.from(await first.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(pool.launches).toBe(1);

    // More at once than 2 rendering + 8 waiting: the rest are refused at once, with when to come back.
    const answers = await Promise.all(
      Array.from({ length: 16 }, async () => {
        const response = await director.fetch('/api/exports/indicators?format=pdf');
        const body = Buffer.from(await response.arrayBuffer());
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
      }),
    );
    const printed = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(printed.length).toBeGreaterThanOrEqual(10);
    expect(printed.every((a) => a.body.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer).toMatchObject({ status: 503, retryAfter: '5' });
      expect(JSON.parse(answer.body.toString())).toMatchObject({
        kind: 'unavailable',
        code: 'busy',
        message: 'Serwer drukuje teraz inne pliki PDF; spróbuj ponownie za chwilę.',
        retryAfterSeconds: 5,
      });
    }
    expect(pool.load.peakRendering).toBe(2);
    expect(pool.launches).toBe(1);
    expect(chromiumChildren()).not.toEqual([]);

    await server!.close();
    server = null;
    await expect.poll(chromiumChildren, { timeout: 10_000 }).toEqual([]);
  });
});
