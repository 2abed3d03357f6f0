import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { accessMatrix } from '../auth/access-matrix.ts';
import { apiSchemas, routeBodies, routeQueries, routeResponses } from './schemas.ts';

/** The API's version in its OpenAPI document (the backend package's version). */
export const apiVersion = '0.1.0';

/**
 * The OpenAPI document of the API: routes and parameters as Nest knows them, who may call each
 * route (from the access matrix, as `x-osl-access`), and the request and response shapes of schemas.ts.
 */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OSL Monitor API')
    .setDescription('Monitoring and evaluation of community organizing (OSL). Sign in with POST /api/auth/sign-in; writes carry the X-CSRF-Token of the session.')
    .setVersion(version)
    .setOpenAPIVersion('3.1.0')
    .addCookieAuth('osl_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: apiSchemas as NonNullable<OpenAPIObject['components']>['schemas'] };
  for (const [key, access] of Object.entries(accessMatrix)) {
    const [method, route] = key.split(' ');
    const path = route.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[method.toLowerCase() as 'get'];
    if (!operation) throw new Error(`the access matrix names ${key}, which the API does not have`);
    (operation as unknown as Record<string, unknown>)['x-osl-access'] = access;
    operation.parameters = [
      ...[...route.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } })),
      ...Object.entries(routeQueries[key] ?? {}).map(([name, description]) => ({ name, in: 'query' as const, required: false, description, schema: { type: 'string' as const } })),
    ];
    const body = routeBodies[key];
    if (body) operation.requestBody = { required: body.required ?? true, content: { [body.contentType ?? 'application/json']: { schema: body.schema } } };
    if (access.kind !== 'public') operation.security = [{ cookie: [] }];
    const response = routeResponses[key];
    if (response) {
      const success = Object.keys(operation.responses ?? {}).find((code) => code.startsWith('2')) ?? '200';
      operation.responses = { ...operation.responses, [success]: { description: 'OK', content: { [response.contentType ?? 'application/json']: { schema: response.schema } } } };
    }
  }
  return document;
}

/** The document without a running server (for generating the dashboard's types and checking them). */
export async function describeApi(): Promise<OpenAPIObject> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../app.module.ts');
  const { readConfig, readEnvironment } = await import('../lib/osl-environment.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-openapi-'));
  try {
    const environment = readEnvironment({ ...process.env, OSL_DATA_DIR: dataDir, DATABASE_URL: '' });
    const app = await NestFactory.create(AppModule.register(environment, readConfig(environment)), { logger: false });
    app.setGlobalPrefix('api');
    try {
      return buildOpenApiDocument(app, apiVersion);
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
