// `npm run osl -- <command>`: see README.md, "Command-line interface".
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '@osl/data';
import { isDatabaseBusy } from '@osl/prisma';
import { databaseBusyMessage, errorInWords } from '../lib/database-busy.ts';
import { readEnvironment } from '../lib/osl-environment.ts';
import { commands, type CommandResult } from './commands.ts';
import { UsageError, usage } from './usage.ts';

export const exitCodes = { ok: 0, rejected: 1, misuse: 2 } as const;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
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
    const result: CommandResult = await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, readEnvironment());
    process.stdout.write(json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text);
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      return fail(json, 'usage', `${error.message}\n\n${usage()}`, exitCodes.misuse);
    }
    if (error instanceof ConfigError) return fail(json, 'config', error.message, exitCodes.misuse);
    // Another process (an import, a run) is writing: nothing was changed, and trying again will do.
    if (isDatabaseBusy(error)) return fail(json, 'busy', databaseBusyMessage, exitCodes.rejected);
    return fail(json, 'error', errorInWords(error), exitCodes.rejected);
  }
}

function fail(json: boolean, kind: string, message: string, code: number): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: { kind, message: message.split('\n')[0] } })}\n`);
  process.stderr.write(`osl: ${message}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
