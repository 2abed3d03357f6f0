import fs from 'node:fs';
import os from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { importKinds, type ImportKind } from '../import/import.types.ts';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import { AuditService } from '../services/audit.service.ts';
import { DemoService } from '../services/demo.service.ts';
import { ImportService, type FileImportReport } from '../services/import.service.ts';
import { ImportRefreshService } from '../services/import-refresh.service.ts';
import { IndicatorsService } from '../services/indicators.service.ts';
import { PipelineService } from '../services/pipeline.service.ts';
import { AlertsService } from '../services/alerts.service.ts';
import { InboxService } from '../services/inbox.service.ts';
import { UsersService, type Manager, type PublicUser } from '../services/users.service.ts';
import type { Role } from '../auth/roles.ts';
import { roleWords } from '../lib/code-words.ts';
import { renderMessageRef, type Lang } from '../lib/messages.ts';
import { cliWords } from './cli-words.ts';
import { formatFrozenVerdict, formatPeriodDetail, formatPeriodFigures, formatPeriodList, periodWords } from './periods-command.ts';
import { momentOf } from '../periods/period-rules.ts';
import { ConfigurationService } from '../services/configuration.service.ts';
import { PeriodsService, type PeriodActor } from '../services/periods.service.ts';
import { civilDateInZone } from '@osl/pipelines';
import { createCliContext } from './cli-context.ts';
import { createPipelineProgressRenderer, createProgressRenderer } from './progress-bar.ts';
import { formatAuditVerdict, formatImportReports, formatIndicatorTable, formatPipelineRun } from './cli-format.ts';
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
      const lang = langOf(values);
      for (const file of files) {
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
      }
      const progress = createProgressRenderer(lang);
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
        text: `${formatImportReports(reports, lang)}${run ? formatPipelineRun(run, lang) : ''}`,
      };
    },
  },

  pipeline: {
    options: { ...jsonOption, full: { type: 'boolean' } },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'run' || positionals.length > 1) throw new UsageError('usage: pipeline run [--full]');
      // A run in progress refuses it (a conflict: exit 1, cli/main.ts).
      const lang = langOf(values);
      const run = await withContext(environment, values, (context) =>
        context.get(PipelineService).run('cli', values.full ? 'full' : 'incremental', values.json ? undefined : createPipelineProgressRenderer(lang)),
      );
      return { exitCode: run.status === 'succeeded' ? 0 : 1, json: run, text: formatPipelineRun(run, lang) };
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
        text: formatIndicatorTable(rows, langOf(values)),
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
      const lang = langOf(values);
      const words = cliWords[lang];
      const text = alerts.length
        ? alerts
            .map(
              (a) =>
                `[${a.status === 'active' ? words.alertStatus.active : words.alertStatus.ended}] ${a.community}${a.group ? `/${a.group}` : ''} ${lang === 'pl' ? a.sentencePl : a.sentenceEn}`,
            )
            .join('\n') + '\n'
        : `${words.noAlerts}\n`;
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
        text: reports.length
          ? `${formatImportReports(reports, langOf(values))}${run ? formatPipelineRun(run, langOf(values)) : ''}`
          : `${cliWords[langOf(values)].inboxEmpty}\n`,
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
      const lang = langOf(values);
      const words = cliWords[lang];
      const role = (code: Role) => renderMessageRef(roleWords(code), lang);
      return await withContext(environment, values, async (context) => {
        const users = context.get(UsersService);
        switch (action) {
          case 'list': {
            const list = await users.list();
            return { exitCode: 0, json: list, text: formatUsers(list, lang) };
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
              text: `${words.accountCreated(result.user.email, role(result.user.role))}\n${oneTimePasswordText(result.oneTimePassword, lang)}`,
            };
          }
          case 'disable':
          case 'enable': {
            const user = await users.findByEmail(email());
            const updated = await users.update(manager, user.id, { disabled: action === 'disable' });
            return { exitCode: 0, json: updated, text: `${updated.disabled ? words.accountDisabled(updated.email) : words.accountEnabled(updated.email)}\n` };
          }
          case 'reset-password': {
            const user = await users.findByEmail(email());
            const result = await users.resetPassword(manager, user.id, await password());
            return {
              exitCode: 0,
              json: { user: result.user, oneTimePassword: values['password-stdin'] ? null : result.oneTimePassword },
              text: `${words.passwordReset(result.user.email)}\n${values['password-stdin'] ? `${words.passwordFromStdinToChange}\n` : oneTimePasswordText(result.oneTimePassword, lang)}`,
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

  audit: {
    options: { ...jsonOption },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'verify' || positionals.length > 1) throw new UsageError('usage: audit verify');
      const verdict = await withContext(environment, values, (context) => context.get(AuditService).verify());
      // A broken chain or frozen period is a rejection (exit 1), named by its first broken entry.
      return {
        exitCode: verdict.intact ? 0 : 1,
        json: verdict,
        text: `${formatAuditVerdict(verdict, langOf(values))}${formatFrozenVerdict(verdict.periods, langOf(values))}`,
      };
    },
  },

  periods: {
    options: {
      ...jsonOption,
      name: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      reason: { type: 'string' },
      accept: { type: 'boolean' },
      remarks: { type: 'string' },
      note: { type: 'string' },
      version: { type: 'string' },
      as: { type: 'string' },
    },
    async run(values, positionals, environment) {
      const [action, key, ...rest] = positionals;
      const lang = langOf(values);
      const words = periodWords[lang];
      // The command line is the machine's administrator, seeing what the director sees.
      const actor: PeriodActor = { actor: (values.as as string | undefined) ?? `cli:${os.userInfo().username}`, address: null, protectedView: false };
      const periodKey = () => {
        if (!key) throw new UsageError(`periods ${action} needs the period's number or name`);
        return key;
      };
      const usageText =
        'usage: periods list | add --name N --from YYYY-MM-DD --to YYYY-MM-DD | show P | close P | reopen P --reason R | sign P (--accept | --remarks R) | restate P [--note N] | report P [--version V] | as-of P <YYYY-MM-DD | date-time> | verify';
      return await withContext(environment, values, async (context) => {
        const periods = context.get(PeriodsService);
        const period = async () => periods.findByNameOrId(periodKey());
        switch (action) {
          case 'list': {
            const list = await periods.list();
            return { exitCode: 0, json: list, text: formatPeriodList(list, lang) };
          }
          case 'add': {
            const created = await periods.create({ name: String(values.name ?? ''), from: String(values.from ?? ''), to: String(values.to ?? '') }, actor);
            // The run that computes the new period's figures: the command does not close under it.
            await context.get(PipelineService).importRunsSettled();
            return { exitCode: 0, json: created, text: `${words.created(created.name, created.id)}\n` };
          }
          case 'show': {
            const detail = await periods.detail((await period()).id, actor);
            return { exitCode: 0, json: detail, text: formatPeriodDetail(detail, lang) };
          }
          case 'close': {
            const found = await period();
            const version = await periods.close(found.id, actor);
            return { exitCode: 0, json: version, text: `${words.closed(found.name, version.version, version.fingerprint)}\n` };
          }
          case 'reopen': {
            const found = await period();
            await periods.reopen(found.id, String(values.reason ?? ''), actor);
            return { exitCode: 0, json: { reopened: found.id }, text: `${words.reopened(found.name)}\n` };
          }
          case 'sign': {
            const found = await period();
            if (!values.accept && values.remarks === undefined) throw new UsageError('periods sign needs --accept or --remarks TEXT');
            const detail = await periods.detail(found.id, actor);
            const verdict = values.accept ? 'accepted' : 'remarks';
            await periods.signOff(found.id, { verdict, remarks: values.remarks as string | undefined, fingerprint: detail.inForce?.fingerprint ?? '' }, actor);
            return { exitCode: 0, json: { signed: found.id, verdict }, text: `${words.signed(found.name, words.verdicts[verdict])}\n` };
          }
          case 'restate': {
            const found = await period();
            const version = await periods.acceptRestatement(found.id, (values.note as string | undefined) ?? null, actor);
            return { exitCode: 0, json: version, text: `${words.restated(found.name, version.version, version.fingerprint)}\n` };
          }
          case 'report': {
            const found = await period();
            const version = values.version === undefined ? null : Number(values.version);
            if (version !== null && !Number.isInteger(version)) throw new UsageError('--version must be a number');
            const report = await periods.report(found.id, version, actor);
            const text = `${words.reported(report.content.version, report.fingerprint)}\n${formatPeriodFigures(report.shownFigures, lang)}${report.intact ? '' : `${words.textChanged}\n`}`;
            return { exitCode: report.intact ? 0 : 1, json: report, text };
          }
          case 'as-of': {
            const found = await period();
            const value = rest[0] ?? '';
            const when = momentOf(value, context.get(ConfigurationService).current().project.timeZone, civilDateInZone);
            if (!when) throw new UsageError(`periods as-of needs a date (YYYY-MM-DD) or an ISO date-time, got "${value}"`);
            const figures = await periods.figuresAt(found.id, when, actor);
            return { exitCode: 0, json: figures, text: `${words.asOf(figures.asOf, figures.dataVersion)}\n${formatPeriodFigures(figures.figures, lang)}` };
          }
          case 'verify': {
            const verdict = await periods.verifyFrozen();
            return { exitCode: verdict.intact ? 0 : 1, json: verdict, text: formatFrozenVerdict(verdict, lang) };
          }
          default:
            throw new UsageError(usageText);
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
        if (run.status === 'succeeded') await context.get(DemoService).settlePeriods();
        return { files, run };
      });
      return {
        exitCode: result.run.status === 'succeeded' ? 0 : 1,
        json: result,
        text: `${formatImportReports(result.files, langOf(values))}${formatPipelineRun(result.run, langOf(values))}`,
      };
    },
  },
};

function oneTimePasswordText(password: string | null, lang: Lang): string {
  return `${password ? cliWords[lang].oneTimePassword(password) : cliWords[lang].passwordFromStdin}\n`;
}

/** The command's language: --lang (checked by cli/main.ts), else OSL_LANG, else Polish. */
function langOf(values: Values): Lang {
  const asked = (values.lang as string | undefined) ?? process.env.OSL_LANG;
  return asked === 'en' ? 'en' : 'pl';
}

function formatUsers(users: PublicUser[], lang: Lang): string {
  const words = cliWords[lang];
  if (users.length === 0) return `${words.noAccounts}\n`;
  return `${users
    .map(
      (u) =>
        `${u.email.padEnd(34)} ${renderMessageRef(roleWords(u.role), lang).padEnd(14)} ${(u.communities.join(',') || '—').padEnd(12)} ${u.disabled ? words.accountState.disabled : words.accountState.active}${u.lastSignInAt ? `  ${words.accountState.lastSignIn(u.lastSignInAt)}` : ''}`,
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
