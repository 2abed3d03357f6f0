import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { apiControllers } from '../app.module.ts';
import { apiRoutesOf, type ApiRoute } from '../lib/api-routes.ts';
import type { RouteContract } from '../lib/route-contract.ts';

/** The API's version in its OpenAPI document (the backend package's version). */
export const apiVersion = '0.1.0';

type Schema = Record<string, unknown>;
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/**
 * The OpenAPI document of the API: the routes as Nest knows them, and from each handler's
 * decorators who may call it (`x-osl-access`) and its contract (parameters, request body,
 * answers; the schemas named with `.meta({ id })` become components).
 */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OSL Monitor API')
    .setDescription(
      'Monitoring and evaluation of community organizing (OSL). Sign in with POST /api/auth/sign-in; writes carry the X-CSRF-Token of the session.',
    )
    .setVersion(version)
    .setOpenAPIVersion('3.1.0')
    .addCookieAuth('osl_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const routes = apiRoutesOf(apiControllers);
  const schemas = contractSchemas(routes);
  document.components = { ...document.components, schemas: schemas.components as NonNullable<OpenAPIObject['components']>['schemas'] };
  for (const route of routes) {
    const { access, contract } = route;
    if (!access) continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase() as 'get'] as Operation | undefined;
    if (!operation) throw new Error(`${route.key} has an access rule, but the API does not have it`);
    (operation as unknown as Record<string, unknown>)['x-osl-access'] = access;
    if (access.kind !== 'public') operation.security = [{ cookie: [] }];
    if (!contract) continue;
    const part = (name: string) => schemas.routes.get(`${route.key} ${name}`);
    operation.parameters = [...parametersOf('path', part('params')), ...parametersOf('query', part('query'))];
    const body = part('body');
    if (body) {
      const contentType = contract.upload ? 'multipart/form-data' : 'application/json';
      const schema = contract.upload ? withUpload(body, contract.upload) : body;
      // An upload needs its files, even where the handler (not the contract) says so.
      operation.requestBody = { required: !contract.bodyOptional || Boolean(contract.upload), content: { [contentType]: { schema } } };
    }
    const success = Object.keys(operation.responses ?? {}).find((code) => code.startsWith('2')) ?? '200';
    const answer = part('response');
    const content = {
      ...(answer ? { 'application/json': { schema: answer } } : {}),
      ...Object.fromEntries(
        Object.entries(contract.files ?? {}).map(([type, description]) => [type, { schema: { type: 'string', format: 'binary', description } }]),
      ),
    };
    operation.responses = { ...operation.responses, [success]: { description: 'OK', ...(Object.keys(content).length > 0 ? { content } : {}) } };
  }
  return document;
}

/**
 * Every contract's schemas as JSON Schema: the request's as the client sends them (before
 * transforms), the answers as the server writes them; named schemas become components.
 */
function contractSchemas(routes: readonly ApiRoute[]): { components: Record<string, Schema>; routes: Map<string, Schema> } {
  const components: Record<string, Schema> = {};
  const converted = new Map<string, Schema>();
  for (const io of ['input', 'output'] as const) {
    const registry = z.registry<{ id: string }>();
    // Named schemas are registered (by their .meta id) so that each is a component, referenced by $ref.
    for (const [id, schema] of z.globalRegistry._idmap) registry.add(schema, { id });
    const parts: (keyof RouteContract)[] = io === 'input' ? ['params', 'query', 'body'] : ['response'];
    // A route part that is a named schema is a reference to its component; any other is converted
    // under a temporary id (shared by the routes that use the same schema) and inlined.
    const partIds = new Map<string, string>();
    for (const route of routes) {
      for (const part of parts) {
        const schema = route.contract?.[part] as z.ZodType | undefined;
        if (!schema) continue;
        if (!registry.has(schema)) registry.add(schema, { id: `__${partIds.size}` });
        partIds.set(`${route.key} ${part}`, registry.get(schema)!.id);
      }
    }
    const { schemas } = z.toJSONSchema(registry, { io, target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}`, override: tidy });
    const bare = (id: string): Schema => {
      const { $schema: _, $id: __, ...rest } = schemas[id] as Schema;
      return rest;
    };
    for (const [key, id] of partIds) converted.set(key, id.startsWith('__') ? bare(id) : { $ref: `#/components/schemas/${id}` });
    for (const id of Object.keys(schemas)) if (!id.startsWith('__') && (io === 'output' || !(id in components))) components[id] = bare(id);
  }
  // In name order: the generated types do not change when modules load in another order.
  return { components: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))), routes: converted };
}

/**
 * Leaves out what says nothing to a client: integer bounds that are JavaScript's safe range, and
 * the empty text a closed list also takes for "not given" (lib/route-contract.ts, queryChoice).
 */
function tidy({ jsonSchema }: { jsonSchema: Schema }): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (Array.isArray(jsonSchema.enum) && jsonSchema.enum.length > 1 && jsonSchema.enum.includes(''))
    jsonSchema.enum = jsonSchema.enum.filter((value) => value !== '');
}

function parametersOf(where: 'path' | 'query', object: Schema | undefined) {
  const properties = (object?.properties ?? {}) as Record<string, Schema>;
  const required = (object?.required ?? []) as string[];
  return Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema,
  }));
}

/** A multipart body: its text fields, and the files under their field. */
function withUpload(body: Schema, upload: NonNullable<RouteContract['upload']>): Schema {
  const properties = {
    [upload.field]: { type: 'array', items: { type: 'string', format: 'binary' }, description: upload.description },
    ...(body.properties as Schema),
  };
  return { ...body, properties, required: [upload.field, ...((body.required as string[] | undefined) ?? [])] };
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
