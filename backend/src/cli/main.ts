// `npm run osl -- <command>`: see README.md, "Command-line interface".
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '@osl/data';
import { errorInWords } from '../lib/database-busy.ts';
import { DomainError } from '../lib/domain-error.ts';
import { asDomainError } from '../lib/error-answer.ts';
import { readEnvironment } from '../lib/osl-environment.ts';
import { withLanguage } from '../lib/request-language.ts';
import { commands, type CommandResult } from './commands.ts';
import { cliLanguage, exitCodeOfKind, exitCodes } from './exit-codes.ts';
import { UsageError, usage } from './usage.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const lang = cliLanguage(rest, process.env);
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      process.stdout.write(usage());
      return name ? exitCodes.ok : exitCodes.misuse;
    }
    // Own keys only: "constructor" or "toString" is an unknown command, not an object's method.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true } satisfies ParseArgsConfig);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const asked = parsed.values.lang;
    if (asked !== undefined && asked !== 'pl' && asked !== 'en') throw new UsageError('--lang must be pl or en');
    const result: CommandResult = await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, readEnvironment());
    process.stdout.write(json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text);
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(json, { kind: 'usage', message: `${error.message}\n\n${usage()}` }, exitCodes.misuse);
    }
    if (error instanceof ConfigError) return fail(json, { kind: 'config', message: error.message }, exitCodes.misuse);
    // A refusal (a wrong filter, a run in progress, a busy database…) in the command's language.
    const known = asDomainError(error);
    if (known instanceof DomainError)
      return fail(json, { kind: known.kind, code: known.code, key: known.key, message: known.messageIn(lang) }, exitCodeOfKind[known.kind]);
    return fail(json, { kind: 'internal', message: errorInWords(error) }, exitCodes.rejected);
  }
}

/** Says why the command failed: on standard error, and as `{"error": {kind, code?, key?, message}}` with --json. */
function fail(json: boolean, error: { kind: string; code?: string; key?: string; message: string }, exitCode: number): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: { ...error, message: error.message.split('\n')[0] } })}\n`);
  process.stderr.write(`osl: ${error.message}\n`);
  return exitCode;
}

const argv = process.argv.slice(2);
process.exitCode = await withLanguage(cliLanguage(argv.slice(1), process.env), () => main(argv));
