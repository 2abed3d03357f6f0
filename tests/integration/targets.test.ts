// The director edits an indicator's targets (issue 5 roles, issue 6 data page): validated, kept in
// the operational database (issue 12: the configuration files only seed it and are never written),
// audited, recomputed by a pipeline run, and kept across a restart.
import fs from 'node:fs';
import path from 'node:path';
import { readEnvironment, startServer } from '@osl/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api-session.ts';
import { runOslAsync } from '../support/cli.ts';
import { accounts, startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;
let closeRestarted: (() => Promise<void>) | null = null;
const shippedConfigDir = path.join(import.meta.dirname, '..', '..', 'data', 'config');
const shippedFiles = () =>
  Object.fromEntries(fs.readdirSync(shippedConfigDir).map((name) => [name, fs.readFileSync(path.join(shippedConfigDir, name), 'utf8')]));

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 120_000);

afterAll(async () => {
  await closeRestarted?.();
  await installation?.close();
});

const json = { 'content-type': 'application/json' };

async function runFinished(id: number) {
  for (;;) {
    const runs = (await installation.sessions.director.get('/api/pipeline/runs')).body as { id: number; status: string; mode: string; note: string | null }[];
    const run = runs.find((r) => r.id === id);
    if (run && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('PUT /api/indicators/:code/targets', () => {
  let shippedTarget: number;

  it('keeps the new target in the database, writes no file, records who changed what, and recomputes the status', async () => {
    const director = installation.sessions.director;
    const filesBefore = shippedFiles();
    const before = (await director.get('/api/indicators?year=2022&community=OST')).body.find((r: { code: string }) => r.code === 'P2');
    shippedTarget = before.target;
    const response = await director.fetch('/api/indicators/P2/targets', {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ targets: { OST: { '2022': 1 } } }),
    });
    expect(response.status).toBe(200);
    const { pipelineRunId, indicator } = await response.json();
    expect(indicator.targets.OST['2022']).toBe(1);
    // The configuration's version changed: the run rebuilds in full, as a changed configuration file did.
    expect(await runFinished(pipelineRunId)).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      note: 'pełna przebudowa zamiast przyrostowej: zmieniła się konfiguracja',
    });
    const after = (await director.get('/api/indicators?year=2022&community=OST')).body.find((r: { code: string }) => r.code === 'P2');
    expect(after.target).toBe(1);
    expect(after.target).not.toBe(before.target);
    // No configuration file is written: the installation has no config folder of its own, the shipped one is unchanged.
    expect(fs.existsSync(path.join(installation.environment.dataDir, 'config'))).toBe(false);
    expect(shippedFiles()).toEqual(filesBefore);
    const trail = (await director.get('/api/audit?entity=indicator&entityId=P2')).body.events;
    expect(trail[0]).toMatchObject({
      actor: 'dyrektor@test.osl',
      action: 'config.updated',
      before: expect.objectContaining({ targets: expect.objectContaining({ OST: expect.objectContaining({ '2022': before.target }) }) }),
    });
    expect(trail[0].after.targets.OST['2022']).toBe(1);
  });

  it('refuses wrong values with what to fix, and anyone but the director', async () => {
    const put = (session: typeof installation.sessions.director, body: unknown, code = 'P2') =>
      session.fetch(`/api/indicators/${code}/targets`, { method: 'PUT', headers: json, body: JSON.stringify(body) });
    const negative = await put(installation.sessions.director, { targets: { OST: { '2022': -5 } } });
    expect(negative.status).toBe(400);
    expect((await negative.json()).message).toBe('Cel na rok 2022 (Mieszkańcy bloków przy ul. Ostrowieckiej) musi być liczbą nie mniejszą niż 0.');
    expect((await put(installation.sessions.director, { targets: { OST: { '2031': 5 } } })).status).toBe(400);
    expect((await put(installation.sessions.director, { targets: { R2X: 1 } })).status).toBe(400);
    expect((await put(installation.sessions.director, { targets: { OST: { '2022': 5 } } }, 'NOPE')).status).toBe(404);
    for (const name of ['auditor', 'admin', 'organizer'] as const)
      expect((await put(installation.sessions[name], { targets: { OST: { '2022': 5 } } })).status, name).toBe(403);
    // Nothing refused was kept.
    const p2 = (await installation.sessions.director.get('/api/indicators?year=2022&community=OST')).body.find((r: { code: string }) => r.code === 'P2');
    expect(p2.target).toBe(1);
  });

  it('keeps the edited target across a restart, even when the configuration file changes it, and the CLI sees it', async () => {
    await installation.close();
    // The installation gets its own indicators.json with another P2 target: the operator's edit still wins.
    const own = path.join(installation.environment.dataDir, 'config');
    fs.cpSync(shippedConfigDir, own, { recursive: true });
    const indicators = JSON.parse(fs.readFileSync(path.join(own, 'indicators.json'), 'utf8'));
    indicators.find((i: { code: string }) => i.code === 'P2').targets.OST['2022'] = 77;
    indicators.find((i: { code: string }) => i.code === 'P2').targets.LAZ['2022'] = 78;
    fs.writeFileSync(path.join(own, 'indicators.json'), JSON.stringify(indicators));
    const environment = readEnvironment(installation.environment.env);
    expect(environment.configDir).toBe(own);
    const restarted = await startServer(environment, { demoIfEmpty: false, runPipeline: true });
    closeRestarted = () => restarted.close();
    const director = await signIn(restarted.url, accounts.director);
    const p2 = (community: string) =>
      director.get(`/api/indicators?year=2022&community=${community}`).then((r) => r.body.find((i: { code: string }) => i.code === 'P2'));
    expect((await p2('OST')).target).toBe(1);
    // Seeded once: the file's other change is not taken either.
    expect((await p2('LAZ')).target).not.toBe(78);
    expect(shippedTarget).not.toBe(1);
    const cli = await runOslAsync(['indicators', '--year', '2022', '--community', 'OST', '--json'], environment.env);
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).find((i: { code: string }) => i.code === 'P2').target).toBe(1);
  }, 120_000);
});
