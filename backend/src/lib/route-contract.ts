import fs from 'node:fs';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { Request } from 'express';
import { z } from 'zod';

/**
 * What a route takes and answers, once, as zod schemas: the parameters are parsed by them before
 * the handler runs (`@RouteParams()`, `@RouteQuery()`, `@RouteBody()`), the OpenAPI document and the
 * dashboard's types are generated from them, and the integration tests check every JSON answer
 * against `response`. Each controller's contracts sit beside it, in `<name>.contract.ts`.
 */
export interface RouteContract {
  /** Path parameters, named as in the route (`:code`). */
  params?: z.ZodObject;
  /** Query parameters: each arrives as text, as an array when repeated (then refused unless the schema takes one). */
  query?: z.ZodObject;
  /** The JSON body, or the text fields of a `multipart/form-data` upload. */
  body?: z.ZodObject;
  /** Whether the body may be left out (it is then parsed as `{}`). */
  bodyOptional?: boolean;
  /** A `multipart/form-data` upload: the form field holding the files (the upload interceptor reads them). */
  upload?: { field: string; description: string };
  /** The JSON answer. */
  response?: z.ZodType;
  /** Answers that are files, by content type (beside or instead of the JSON one). */
  files?: Record<string, string>;
}

/** A contract, typed as written (so the handler's parameters can be inferred from it). */
export function contract<const C extends RouteContract>(value: C): C {
  return value;
}

export type ParamsOf<C extends RouteContract> = C['params'] extends z.ZodType ? z.output<C['params']> : never;
export type QueryOf<C extends RouteContract> = C['query'] extends z.ZodType ? z.output<C['query']> : never;
export type BodyOf<C extends RouteContract> = C['body'] extends z.ZodType ? z.output<C['body']> : never;
export type ResponseOf<C extends RouteContract> = C['response'] extends z.ZodType ? z.output<C['response']> : never;

const contractKey = 'osl:contract';

/** Puts the route's contract on its handler. */
export const Contract = (value: RouteContract): MethodDecorator => SetMetadata(contractKey, value);

/** The contract on a handler, if it has one. */
export function contractOf(handler: object): RouteContract | undefined {
  return Reflect.getMetadata(contractKey, handler) as RouteContract | undefined;
}

export type ContractPart = 'params' | 'query' | 'body';

/** The parameter decorators' factory: reads the handler's contract and parses one part of the request with it. */
export function parseContractPart(part: ContractPart, context: ExecutionContext): unknown {
  const handler = context.getHandler();
  const route = contractOf(handler);
  const schema = route?.[part];
  if (!route || !schema) throw new Error(`${context.getClass().name}.${handler.name} takes its ${part} without a ${part} schema in its contract`);
  const request = context.switchToHttp().getRequest<Request>();
  const value = part === 'body' ? (request.body ?? (route.bodyOptional ? {} : undefined)) : request[part];
  const result = (part === 'body' ? prototypeKeyIssue(value) : undefined) ?? schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  // A refused upload leaves nothing in the spool folder (else each one would fill the disk).
  removeUploadedFiles(request);
  // Answered by the one error filter, in the request's language (lib/error-answer.ts).
  throw result.error;
}

const RouteInput = createParamDecorator(parseContractPart);
/** The path parameters, parsed by the route's contract. */
export const RouteParams = (): ParameterDecorator => RouteInput('params');
/** The query parameters, parsed by the route's contract. */
export const RouteQuery = (): ParameterDecorator => RouteInput('query');
/** The body, parsed by the route's contract. */
export const RouteBody = (): ParameterDecorator => RouteInput('body');

/** The parts of its contract a handler takes (`@RouteParams()`, …), read from Nest's metadata of its parameters. */
export function contractPartsTaken(controller: new (...args: never[]) => object, method: string): ContractPart[] {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { factory?: unknown; data?: unknown }>;
  return Object.values(parameters)
    .filter((parameter) => parameter.factory === parseContractPart)
    .map((parameter) => parameter.data as ContractPart);
}

/**
 * A JSON key "__proto__" is refused: zod, rebuilding a record, would drop it without a word, and the
 * service would then never see (and refuse) the name that was sent.
 */
function prototypeKeyIssue(value: unknown, path: string[] = []): { success: false; error: z.ZodError } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__')
      return {
        success: false,
        error: new z.ZodError([
          { code: 'custom', path, message: 'unknown field', params: { key: 'validation.unrecognized_keys', keys: key }, input: undefined },
        ]),
      };
    const found = prototypeKeyIssue((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function removeUploadedFiles(request: Request): void {
  const files = (request as Request & { files?: unknown }).files;
  const list = Array.isArray(files) ? files : files && typeof files === 'object' ? Object.values(files).flat() : [];
  for (const file of list as { path?: unknown }[]) if (typeof file?.path === 'string') fs.rmSync(file.path, { force: true });
}

// Schemas shared by the contracts.

/** One optional query parameter given as text (a repeated one is refused: only one value is meaningful). */
export const queryText = (max = 200) => z.string().max(max).optional();

/**
 * One optional query parameter from a closed list; empty counts as not given, and `fallback` (if
 * any) stands for both.
 */
export function queryChoice<const T extends readonly [string, ...string[]], F extends T[number] | undefined = undefined>(values: T, fallback?: F) {
  return z
    .enum([...values, ''] as [string, ...string[]])
    .optional()
    .transform((value) => (value === '' || value === undefined ? fallback : value) as T[number] | F);
}

/** An error answer. */
export const errorAnswer = z
  .object({
    statusCode: z.int(),
    kind: z.string().describe('invalid, unauthenticated, forbidden, not_found, conflict, too_many, unavailable or internal'),
    key: z.string().describe('the message key in backend/src/lib/messages.ts'),
    code: z.string(),
    message: z.string().describe("in the request's language"),
    issues: z.array(z.object({ path: z.array(z.string()), code: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  })
  .meta({ id: 'Error' });
