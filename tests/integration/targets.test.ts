// The director edits an indicator's targets (issue 5 roles, issue 6 data page): validated, kept in
// the installation's configuration files, audited, and recomputed by a pipeline run.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecuredInstallation, type SecuredInstallation } from '../support/secured-installation.ts';

let installation: SecuredInstallation;

beforeAll(async () => {
  installation = await startSecuredInstallation();
}, 120_000);

afterAll(async () => {
  await installation?.close();
});

const json = { 'content-type': 'application/json' };

async function runFinished(id: number) {
  for (;;) {
    const runs = (await installation.sessions.director.get('/api/pipeline/runs')).body as { id: number; status: string }[];
    const run = runs.find((r) => r.id === id);
    if (run && run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('PUT /api/indicators/:code/targets', () => {
  it('keeps the new target in the installation’s configuration, records who changed what, and recomputes the status', async () => {
    const director = installation.sessions.director;
    const before = (await director.get('/api/indicators?year=2022&community=OST')).body.find((r: { code: string }) => r.code === 'P2');
    const response = await director.fetch('/api/indicators/P2/targets', { method: 'PUT', headers: json, body: JSON.stringify({ targets: { OST: { '2022': 1 } } }) });
    expect(response.status).toBe(200);
    const { pipelineRunId } = await response.json();
    expect((await runFinished(pipelineRunId)).status).toBe('succeeded');
    const after = (await director.get('/api/indicators?year=2022&community=OST')).body.find((r: { code: string }) => r.code === 'P2');
    expect(after.target).toBe(1);
    expect(after.target).not.toBe(before.target);
    // The installation now has its own configuration, with the change; the shipped defaults are untouched.
    const own = JSON.parse(fs.readFileSync(path.join(installation.environment.dataDir, 'config', 'indicators.json'), 'utf8'));
    expect(own.find((i: { code: string }) => i.code === 'P2').targets.OST['2022']).toBe(1);
    const shipped = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'data', 'config', 'indicators.json'), 'utf8'));
    expect(shipped.find((i: { code: string }) => i.code === 'P2').targets.OST['2022']).toBe(before.target);
    const trail = (await director.get('/api/audit?entity=indicator&entityId=P2')).body.events;
    expect(trail[0]).toMatchObject({ actor: 'dyrektor@test.osl', before: expect.objectContaining({ targets: expect.objectContaining({ OST: expect.objectContaining({ '2022': before.target }) }) }) });
    expect(trail[0].after.targets.OST['2022']).toBe(1);
  });

  it('refuses wrong values with what to fix, and anyone but the director', async () => {
    const put = (session: typeof installation.sessions.director, body: unknown, code = 'P2') =>
      session.fetch(`/api/indicators/${code}/targets`, { method: 'PUT', headers: json, body: JSON.stringify(body) });
    const negative = await put(installation.sessions.director, { targets: { OST: { '2022': -5 } } });
    expect(negative.status).toBe(400);
    expect((await negative.json()).message).toBe('targets.OST.2022 musi być liczbą ≥ 0.');
    expect((await put(installation.sessions.director, { targets: { OST: { '2031': 5 } } })).status).toBe(400);
    expect((await put(installation.sessions.director, { targets: { R2X: 1 } })).status).toBe(400);
    expect((await put(installation.sessions.director, { targets: { OST: { '2022': 5 } } }, 'NOPE')).status).toBe(404);
    for (const name of ['auditor', 'admin', 'organizer'] as const) expect((await put(installation.sessions[name], { targets: { OST: { '2022': 5 } } })).status, name).toBe(403);
  });
});
