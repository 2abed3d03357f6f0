import fs from 'node:fs';
import os from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { importKinds, type ImportKind } from '../import/import.types.ts';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import { DemoService } from '../services/demo.service.ts';
import { ImportService, type FileImportReport } from '../services/import.service.ts';
import { ImportRefreshService } from '../services/import-refresh.service.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { PipelineService } from '../services/pipeline.service.ts';
import { AlertsService } from '../services/alerts.service.ts';
import { InboxService } from '../services/inbox.service.ts';
import { UsersService, type Manager, type PublicUser } from '../services/users.service.ts';
import { createCliContext } from './cli-context.ts';
import { createPipelineProgressRenderer, createProgressRenderer } from './progress-bar.ts';
import { formatImportReports, formatIndicatorTable, formatPipelineRun } from './cli-format.ts';
import { UsageError } from './usage.ts';

export interface CommandResult {
  exitCode: number;
  json: unknown;
  text: string;
}

type Values = Record<string, string | boolean | undefined>;

interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  run: (values: Values, positionals: string[], environment: OslEnvironment) => Promise<CommandResult>;
}

// Every command takes --json and --lang (the language of its messages; cli/main.ts reads it).
const jsonOption = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

async function withContext<T>(environment: OslEnvironment, values: Values, work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  // Results go to standard output; the log keeps everything and standard error only errors.
  const context = await createCliContext(environment, { quiet: true });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

export const commands: Record<string, Command> = {
  import: {
    options: { ...jsonOption, kind: { type: 'string' }, lang: { type: 'string' }, as: { type: 'string' }, 'no-run': { type: 'boolean' } },
    async run(values, files, environment) {
      if (files.length === 0) throw new UsageError('import needs at least one file');
      const kind = values.kind as string | undefined;
      if (kind !== undefined && !importKinds.includes(kind as ImportKind)) throw new UsageError(`--kind must be one of ${importKinds.join(', ')}`);
      const lang = (values.lang as string | undefined) ?? 'pl';
      if (lang !== 'pl' && lang !== 'en') throw new UsageError('--lang must be pl or en');
      for (const file of files) {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
      }
      const progress = createProgressRenderer();
      const { reports, run } = await withContext(environment, values, async (context) => {
        const reports = await context.get(ImportService).importPaths(files, {
          kind: kind as ImportKind | undefined,
          lang,
          source: 'cli',
          importedBy: (values.as as string | undefined) ?? `cli:${os.userInfo().username}`,
          onProgress: values.json ? undefined : progress,
        });
        // A file imported reaches the figures now: an incremental run (after the one in progress, if any).
        const run = values['no-run'] ? null : await context.get(ImportRefreshService).afterImport(reports);
        return { reports, run };
      }).finally(() => progress.finish());
      // The exit code is the import's: its rows are written whatever the run that follows does.
      return {
        exitCode: reports.some((r: FileImportReport) => r.status === 'rejected') ? 1 : 0,
        json: { files: reports, run },
        text: `${formatImportReports(reports, lang)}${run ? formatPipelineRun(run) : ''}`,
      };
    },
  },

  pipeline: {
    options: { ...jsonOption, full: { type: 'boolean' } },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'run' || positionals.length > 1) throw new UsageError('usage: pipeline run [--full]');
      // A run in progress refuses it (a conflict: exit 1, cli/main.ts).
      const run = await withContext(environment, values, (context) =>
        context.get(PipelineService).run('cli', values.full ? 'full' : 'incremental', values.json ? undefined : createPipelineProgressRenderer()),
      );
      return { exitCode: run.status === 'succeeded' ? 0 : 1, json: run, text: formatPipelineRun(run) };
    },
  },

  indicators: {
    options: { ...jsonOption, year: { type: 'string' }, community: { type: 'string' } },
    async run(values, positionals, environment) {
      if (positionals.length > 0) throw new UsageError(`indicators takes no arguments (got ${positionals.join(' ')})`);
      const rows = await withContext(environment, values, async (context) => {
        const service = context.get(IndicatorsService);
        return await service.list(service.parseFilter({ year: values.year as string | undefined, community: values.community as string | undefined }));
      });
      return {
        exitCode: 0,
        json: rows.map(({ code, community, year, value, target, achievement, status, expected, baseline, unit }) => ({
          code,
          community,
          year,
          value,
          target,
          achievement,
          status,
          expected,
          baseline,
          unit,
        })),
        text: formatIndicatorTable(rows),
      };
    },
  },

  alerts: {
    options: { ...jsonOption, status: { type: 'string' }, community: { type: 'string' } },
    async run(values, positionals, environment) {
      if (positionals.length > 0) throw new UsageError('alerts takes no arguments');
      const alerts = await withContext(environment, values, async (context) => {
        const service = context.get(AlertsService);
        return await service.list(service.parseFilter({ status: values.status ?? 'active', community: values.community }));
      });
      const text = alerts.length
        ? alerts.map((a) => `[${a.status === 'active' ? 'aktywny' : 'zakończony'}] ${a.community}${a.group ? `/${a.group}` : ''} ${a.sentencePl}`).join('\n') +
          '\n'
        : 'Brak alertów o spadku uczestnictwa.\n';
      return { exitCode: 0, json: alerts, text };
    },
  },

  inbox: {
    options: { ...jsonOption },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'scan' || positionals.length > 1) throw new UsageError('usage: inbox scan');
      const { reports, run } = await withContext(environment, values, async (context) => {
        const reports = await context.get(InboxService).scan();
        // The run a file imported started: the command waits for it rather than closing under it.
        const run = reports.length > 0 ? await context.get(PipelineService).importRunsSettled() : null;
        return { reports, run };
      });
      return {
        exitCode: reports.some((r) => r.status === 'rejected') ? 1 : 0,
        json: { files: reports, run },
        text: reports.length ? `${formatImportReports(reports, 'pl')}${run ? formatPipelineRun(run) : ''}` : 'Skrzynka jest pusta.\n',
      };
    },
  },

  users: {
    options: {
      ...jsonOption,
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      communities: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    async run(values, positionals, environment) {
      const [action, ...rest] = positionals;
      if (rest.length > 0) throw new UsageError(`users ${action} takes options, not arguments (got ${rest.join(' ')})`);
      // The command line is the machine's own administrator.
      const manager: Manager = { actor: `cli:${os.userInfo().username}`, role: 'admin', address: null, userId: null };
      const email = () => {
        if (typeof values.email !== 'string') throw new UsageError(`users ${action} needs --email`);
        return values.email;
      };
      const password = async () => (values['password-stdin'] ? await readPasswordFromStdin() : undefined);
      return await withContext(environment, values, async (context) => {
        const users = context.get(UsersService);
        switch (action) {
          case 'list': {
            const list = await users.list();
            return { exitCode: 0, json: list, text: formatUsers(list) };
          }
          case 'add': {
            const result = await users.add(manager, {
              email: email(),
              role: values.role,
              displayName: values.name,
              communities: values.communities,
              password: await password(),
              temporaryPassword: false,
            });
            return {
              exitCode: 0,
              json: result,
              text: `Konto ${result.user.email} (${result.user.role}) utworzone.\n${oneTimePasswordText(result.oneTimePassword)}`,
            };
          }
          case 'disable':
          case 'enable': {
            const user = await users.findByEmail(email());
            const updated = await users.update(manager, user.id, { disabled: action === 'disable' });
            return { exitCode: 0, json: updated, text: `Konto ${updated.email} ${updated.disabled ? 'zablokowane; jego sesje zakończone' : 'odblokowane'}.\n` };
          }
          case 'reset-password': {
            const user = await users.findByEmail(email());
            const result = await users.resetPassword(manager, user.id, await password());
            return {
              exitCode: 0,
              json: { user: result.user, oneTimePassword: values['password-stdin'] ? null : result.oneTimePassword },
              text: `Hasło konta ${result.user.email} zresetowane; jego sesje zakończone.\n${values['password-stdin'] ? 'Hasło z wejścia standardowego; do zmiany przy pierwszym logowaniu.\n' : oneTimePasswordText(result.oneTimePassword)}`,
            };
          }
          default:
            throw new UsageError(
              'usage: users list | add --email E --role R [--name N] [--communities A,B] [--password-stdin] | disable|enable|reset-password --email E',
            );
        }
      });
    },
  },

  demo: {
    options: { ...jsonOption },
    async run(values, positionals, environment) {
      if (positionals.length > 0) throw new UsageError('demo takes no arguments');
      // An installation with data refuses it (a conflict: exit 1, cli/main.ts).
      const result = await withContext(environment, values, async (context) => {
        const files = await context.get(DemoService).load();
        const run = await context.get(PipelineService).run('demo', 'full');
        return { files, run };
      });
      return {
        exitCode: result.run.status === 'succeeded' ? 0 : 1,
        json: result,
        text: `${formatImportReports(result.files, 'pl')}${formatPipelineRun(result.run)}`,
      };
    },
  },
};

function oneTimePasswordText(password: string | null): string {
  if (!password) return 'Hasło z wejścia standardowego.\n';
  return `Hasło jednorazowe: ${password}\n(przekaż je osobiście; przy pierwszym logowaniu trzeba je zmienić)\n`;
}

function formatUsers(users: PublicUser[]): string {
  if (users.length === 0) return 'Brak kont. Pierwsze: npm run osl -- users add --email … --role admin\n';
  return `${users
    .map(
      (u) =>
        `${u.email.padEnd(34)} ${u.role.padEnd(10)} ${(u.communities.join(',') || '—').padEnd(12)} ${u.disabled ? 'zablokowane' : 'aktywne'}${u.lastSignInAt ? `  ostatnio ${u.lastSignInAt}` : ''}`,
    )
    .join('\n')}\n`;
}

/** The first line of standard input (a password piped in: `echo … | osl users add … --password-stdin`). */
async function readPasswordFromStdin(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  const line = data.split(/\r?\n/)[0];
  if (!line) throw new UsageError('--password-stdin: standard input holds no password');
  return line;
}
