// The OpenAPI document at /api/docs (issue 6, "Analytics API"), from which the dashboard's types are
// generated at every build and typecheck.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessMatrix, startServer, type RunningServer } from '@osl/backend';
import { temporaryEnvironment } from '../support/installation.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(temporaryEnvironment('2026-11-27T12:00:00Z', { OSL_DASHBOARD_DIR: '' }), { demoIfEmpty: false, runPipeline: false });
});

afterAll(async () => {
  await server?.close();
});

describe('the OpenAPI document', () => {
  it('is served at /api/docs (UI) and /api/docs-json, describing every route with who may call it', async () => {
    const ui = await fetch(`${server.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    const document = (await (await fetch(`${server.url}/api/docs-json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-osl-access': unknown; responses: Record<string, { content?: unknown }>; requestBody?: unknown }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    for (const [key, access] of Object.entries(accessMatrix)) {
      const [method, route] = key.split(' ');
      const operation = document.paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, key).toBeDefined();
      expect(operation['x-osl-access']).toEqual(access);
    }
    // Every write that reads a body describes it (sign-out, a password reset, deleting and closing a period take none).
    const bodiless = ['POST /api/auth/sign-out', 'POST /api/users/:id/reset-password', 'DELETE /api/periods/:id', 'POST /api/periods/:id/close'];
    for (const key of Object.keys(accessMatrix).filter((k) => !k.startsWith('GET ') && !bodiless.includes(k))) {
      const [method, route] = key.split(' ');
      expect(document.paths[route.replace(/:(\w+)/g, '{$1}')][method.toLowerCase()].requestBody, `${key} has no request body in the document`).toBeDefined();
    }
    const indicators = document.paths['/api/indicators'].get;
    expect(JSON.stringify(indicators.responses)).toContain('#/components/schemas/IndicatorValue');
    // The forecasts: who may read them and why, and their answer's schema for the dashboard's types.
    const forecast = document.paths['/api/indicators/forecast'].get;
    expect(forecast['x-osl-access']).toEqual({ kind: 'roles', roles: { director: 'full', admin: 'aggregates' } });
    expect(JSON.stringify(forecast.responses)).toContain('#/components/schemas/IndicatorForecasts');
  });
});
