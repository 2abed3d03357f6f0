import fs from 'node:fs';
import os from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import type { ImportKind } from '../import/validation/validate-file.ts';
import type { OslEnvironment } from '../lib/osl-environment.ts';
import { DemoRefusedError, DemoService } from '../services/demo.service.ts';
import { ImportService, type FileImportReport } from '../services/import.service.ts';
import { IndicatorsService, InvalidFilterError } from '../services/indicators.service.ts';
import { PipelineService } from '../services/pipeline.service.ts';
import { PipelineBusyError } from '@osl/pipelines';
import { AlertsService } from '../services/alerts.service.ts';
import { InboxService } from '../services/inbox.service.ts';
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

const jsonOption = { json: { type: 'boolean' } } as const;
const importKinds: ImportKind[] = ['activities', 'attendance', 'participants', 'survey'];

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
    options: { ...jsonOption, kind: { type: 'string' }, lang: { type: 'string' }, as: { type: 'string' } },
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
      const reports = await withContext(environment, values, (context) =>
        context.get(ImportService).importPaths(files, {
          kind: kind as ImportKind | undefined,
          lang,
          source: 'cli',
          importedBy: (values.as as string | undefined) ?? `cli:${os.userInfo().username}`,
          onProgress: values.json ? undefined : progress,
        }),
      ).finally(() => progress.finish());
      return {
        exitCode: reports.some((r: FileImportReport) => r.status === 'rejected') ? 1 : 0,
        json: { files: reports },
        text: formatImportReports(reports, lang),
      };
    },
  },

  pipeline: {
    options: { ...jsonOption, full: { type: 'boolean' } },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'run' || positionals.length > 1) throw new UsageError('usage: pipeline run [--full]');
      try {
        const run = await withContext(environment, values, (context) =>
          context.get(PipelineService).run('cli', values.full ? 'full' : 'incremental', values.json ? undefined : createPipelineProgressRenderer()),
        );
        return { exitCode: run.status === 'succeeded' ? 0 : 1, json: run, text: formatPipelineRun(run) };
      } catch (error) {
        if (error instanceof PipelineBusyError) {
          return { exitCode: 1, json: { error: { kind: 'busy', message: error.message } }, text: `${error.message}\n` };
        }
        throw error;
      }
    },
  },

  indicators: {
    options: { ...jsonOption, year: { type: 'string' }, community: { type: 'string' } },
    async run(values, positionals, environment) {
      if (positionals.length > 0) throw new UsageError(`indicators takes no arguments (got ${positionals.join(' ')})`);
      const rows = await withContext(environment, values, async (context) => {
        const service = context.get(IndicatorsService);
        try {
          return await service.list(service.parseFilter({ year: values.year as string | undefined, community: values.community as string | undefined }));
        } catch (error) {
          if (error instanceof InvalidFilterError) throw new UsageError(error.message);
          throw error;
        }
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
        try {
          return await service.list(service.parseFilter({ status: values.status ?? 'active', community: values.community }));
        } catch (error) {
          if (error instanceof InvalidFilterError) throw new UsageError(error.message);
          throw error;
        }
      });
      const text = alerts.length
        ? alerts.map((a) => `[${a.status === 'active' ? 'aktywny' : 'zakończony'}] ${a.community}${a.group ? `/${a.group}` : ''} ${a.sentencePl}`).join('\n') + '\n'
        : 'Brak alertów o spadku uczestnictwa.\n';
      return { exitCode: 0, json: alerts, text };
    },
  },

  inbox: {
    options: { ...jsonOption },
    async run(values, positionals, environment) {
      if (positionals[0] !== 'scan' || positionals.length > 1) throw new UsageError('usage: inbox scan');
      const reports = await withContext(environment, values, (context) => context.get(InboxService).scan());
      return {
        exitCode: reports.some((r) => r.status === 'rejected') ? 1 : 0,
        json: { files: reports },
        text: reports.length ? formatImportReports(reports, 'pl') : 'Skrzynka jest pusta.\n',
      };
    },
  },

  demo: {
    options: { ...jsonOption },
    async run(values, positionals, environment) {
      if (positionals.length > 0) throw new UsageError('demo takes no arguments');
      try {
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
      } catch (error) {
        if (error instanceof DemoRefusedError) return { exitCode: 1, json: { error: { kind: 'refused', message: error.message } }, text: `${error.message}\n` };
        throw error;
      }
    },
  },
};
