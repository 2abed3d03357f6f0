import fs from 'node:fs';
import { BadRequestException, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
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
  const result = (part === 'body' ? prototypeKeyIssue(value) : undefined) ?? schema.safeParse(value, { error: describeIssue });
  if (result.success) return result.data;
  // A refused upload leaves nothing in the spool folder (else each one would fill the disk).
  removeUploadedFiles(request);
  throw contractRefusal(result.error);
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
 * The one place a request refused by its contract becomes an answer: a 400 naming the parameter
 * of the first problem (`year takes a single value`).
 */
export function contractRefusal(error: z.ZodError): BadRequestException {
  const issue = error.issues[0]!;
  const name = issue.path.map(String).join('.');
  return new BadRequestException({ statusCode: 400, code: 'invalid_request', message: name ? `${name} ${issue.message}` : issue.message });
}

/** Messages said of a parameter, for the problems a schema gives no message of its own for. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const root = issue.path === undefined || issue.path.length === 0;
  if (!root && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      if (root) return issue.expected === 'object' ? 'Send a JSON object.' : undefined;
      if (Array.isArray(issue.input) && issue.expected !== 'array') return 'takes a single value';
      return `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be ${listed(issue.values.filter((v) => v !== '').map(String))}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${issue.maximum} characters long` : issue.origin === 'array' ? `takes at most ${issue.maximum} values` : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${issue.minimum} characters long` : issue.origin === 'array' ? `takes at least ${issue.minimum} values` : `must be at least ${issue.minimum}`;
    default:
      return undefined;
  }
}

/**
 * A JSON key "__proto__" is refused: zod, rebuilding a record, would drop it without a word, and the
 * service would then never see (and refuse) the name that was sent.
 */
function prototypeKeyIssue(value: unknown, path: string[] = []): { success: false; error: z.ZodError } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return { success: false, error: new z.ZodError([{ code: 'custom', path: [...path, key], message: 'is not a name this API takes', input: undefined }]) };
    const found = prototypeKeyIssue((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** `a, b or c` */
function listed(values: string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : (values[0] ?? '');
}

function article(expected: string): string {
  if (expected === 'string') return 'text';
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
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
  .object({ statusCode: z.int(), message: z.union([z.string(), z.array(z.string())]), code: z.string().optional() })
  .meta({ id: 'Error' });
