import { formatMessage, renderParams, type Lang, type MessageKey, type MessageParam, messageCatalogue } from './messages.ts';

/**
 * What went wrong, as the caller can act on it. The HTTP status and the CLI exit code both come
 * from the kind (lib/error-answer.ts, cli/main.ts); nothing else decides them.
 * - `invalid`: the request or command is wrong (a parameter, a body) — 400, exit 2
 * - `unauthenticated`: no valid session or wrong credentials — 401 (the dashboard signs out on it)
 * - `forbidden`: signed in, but this is not allowed — 403
 * - `not_found`: what it names does not exist — 404
 * - `conflict`: refused by the current state (a run in progress, an account that exists) — 409
 * - `too_many`: too many attempts from here (sign-in throttling) — 429 with Retry-After
 * - `unavailable`: cannot be served now, trying again will do (busy, shutting down) — 503
 */
export const errorKinds = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_many', 'unavailable'] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface DomainErrorOptions {
  /** The answer's `code` when it must stay what clients already read (`invalid_credentials`); the key otherwise. */
  code?: string;
  /** Sent as Retry-After (and `retryAfterSeconds`) with the answer. */
  retryAfterSeconds?: number;
  /** Further fields of the answer (`runId` of the run in progress). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

// The `{name}` placeholders of a template, as a type: params are checked against the catalogue.
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string}${'"' | ' ' | ':'}${string}` ? never : P) | Placeholders<Rest>
  : never;
export type ParamsOf<K extends MessageKey> = [Placeholders<(typeof messageCatalogue)[K]['en']>] extends [never]
  ? Record<string, never>
  : Record<Placeholders<(typeof messageCatalogue)[K]['en']>, MessageParam>;

/**
 * The one error a service throws for a refusal the caller should see: a kind and a message key of
 * the catalogue with its parameters. `message` is the English text (logs, tests); the answer
 * renders it in the request's language (`messageIn`).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, MessageParam>> = {},
    options: DomainErrorOptions = {},
  ) {
    super(formatMessage(key, 'en', renderParams(params, 'en')), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = options.code ?? key;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details ?? {};
  }

  messageIn(lang: Lang): string {
    return formatMessage(this.key, lang, renderParams(this.params, lang));
  }

  /** One factory a kind: `DomainError.notFound('community.unknown', { code })`. */
  static readonly invalid = ofKind('invalid');
  static readonly notFound = ofKind('not_found');
  static readonly forbidden = ofKind('forbidden');
  static readonly conflict = ofKind('conflict');
  static readonly unavailable = ofKind('unavailable');
  static readonly unauthenticated = ofKind('unauthenticated');
  static readonly tooMany = ofKind('too_many');
}

/** The factory of one kind of error, typed by its message key's parameters. */
function ofKind(kind: ErrorKind) {
  return <K extends MessageKey>(key: K, params: ParamsOf<K>, options?: DomainErrorOptions): DomainError => new DomainError(kind, key, params, options);
}

export function isDomainError(error: unknown, kind?: ErrorKind): error is DomainError {
  return error instanceof DomainError && (kind === undefined || error.kind === kind);
}
