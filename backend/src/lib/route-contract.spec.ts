import type { ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../app.module.ts';
import { errorAnswer } from './error-answer.ts';
import { contract, contractPartsTaken, parseContractPart, queryChoice, queryText, type ContractPart, type RouteContract } from './route-contract.ts';

function contextFor(route: RouteContract, request: Record<string, unknown>): ExecutionContext {
  const handler = () => undefined;
  Reflect.defineMetadata('osl:contract', route, handler);
  return { getHandler: () => handler, getClass: () => class Test {}, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

/** The 400's message (in English) for a request the contract refuses, as the error filter words it; or the parsed value. */
function parse(route: RouteContract, part: ContractPart, value: unknown): unknown {
  try {
    return parseContractPart(part, contextFor(route, { [part]: value }));
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const answer = errorAnswer(error, 'en', { method: 'GET', path: '/api/test' });
    expect(answer.status).toBe(400);
    return answer.body.message;
  }
}

describe('the routes of the API', () => {
  it('each have an access rule and a contract, and take every part of the request their contract describes', () => {
    expect(apiRoutes.length).toBeGreaterThan(25);
    for (const route of apiRoutes) {
      expect(route.access, route.key).toBeDefined();
      expect(route.contract, route.key).toBeDefined();
      const described = (['params', 'query', 'body'] as const).filter((part) => route.contract?.[part]);
      expect(contractPartsTaken(route.controller, route.handler).sort(), route.key).toEqual([...described].sort());
      // Every path parameter is described, and only those.
      const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => name);
      expect(Object.keys(route.contract?.params?.shape ?? {}).sort(), route.key).toEqual(pathParameters.sort());
    }
  });
});

describe('a request parsed by its contract', () => {
  const filter = contract({
    query: z.object({ year: queryText(20), format: queryChoice(['xlsx', 'csv'], 'xlsx'), lang: queryChoice(['pl', 'en']) }),
    body: z.object({ mode: z.enum(['incremental', 'full']), count: z.int().optional(), targets: z.record(z.string(), z.number()).optional() }),
    bodyOptional: true,
  });

  it('gives the handler the parsed values, the fallbacks filled in', () => {
    expect(parse(filter, 'query', { year: '2022', format: '', lang: 'en', other: 'x' })).toEqual({ year: '2022', format: 'xlsx', lang: 'en' });
    expect(parse(filter, 'query', {})).toEqual({ format: 'xlsx' });
  });

  it('answers 400 naming the parameter and what it takes', () => {
    expect(parse(filter, 'query', { year: ['2022', '2023'] })).toBe('year: takes a single value');
    expect(parse(filter, 'query', { year: 'x'.repeat(21) })).toBe('year: must have at most 20 characters');
    expect(parse(filter, 'query', { format: 'docx' })).toBe('format: must be one of xlsx, csv');
    expect(parse(filter, 'body', { mode: 'sideways' })).toBe('mode: must be one of incremental, full');
    expect(parse(filter, 'body', {})).toBe('mode: is required');
    expect(parse(filter, 'body', { mode: 'full', count: 'many' })).toBe('count: expected a number');
    expect(parse(filter, 'body', { mode: 'full', targets: { OST: 'x' } })).toBe('targets.OST: expected a number');
    expect(parse(filter, 'body', [1, 2])).toBe('request body: expected an object');
    // zod would drop it from a record; the service would never see the name that was sent.
    expect(parse(filter, 'body', JSON.parse('{"mode": "full", "targets": {"__proto__": 1}}'))).toBe('targets: unknown fields: __proto__');
  });

  it('takes a left-out optional body as empty', () => {
    expect(parse(filter, 'body', undefined)).toBe('mode: is required');
    const required = contract({ body: z.object({ mode: z.string().optional() }) });
    expect(parse(required, 'body', undefined)).toBe('request body: is required');
  });
});
