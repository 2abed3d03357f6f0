import type { ErrorKind } from '../lib/domain-error.ts';
import type { Lang } from '../lib/messages.ts';

export const exitCodes = { ok: 0, rejected: 1, misuse: 2 } as const;

/**
 * The exit code of each kind of domain error (the HTTP status's counterpart, lib/error-answer.ts):
 * a wrong argument is misuse; a refusal by the data or its state (unknown account, run in
 * progress, busy database) is a rejection.
 */
export const exitCodeOfKind: Record<ErrorKind, number> = {
  invalid: exitCodes.misuse,
  unauthenticated: exitCodes.rejected,
  forbidden: exitCodes.rejected,
  not_found: exitCodes.rejected,
  conflict: exitCodes.rejected,
  too_many: exitCodes.rejected,
  unavailable: exitCodes.rejected,
};

/** The language of the command's messages: `--lang pl|en`, else OSL_LANG, else Polish. */
export function cliLanguage(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const asked = at < 0 ? env.OSL_LANG : argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  return asked === 'en' ? 'en' : 'pl';
}
