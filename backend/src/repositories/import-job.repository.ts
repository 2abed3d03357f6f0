import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@osl/prisma';
import { DatabaseRepository } from './database.repository.ts';

export interface ImportJobRow {
  id: string;
  ownerId: number | null;
  status: 'running' | 'finished' | 'failed';
  lang: 'pl' | 'en';
  fileNames: string[];
  progress: unknown;
  /** Per file (upload order): its report, or null while it is not done. */
  files: unknown[] | null;
  errorCode: string | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Import jobs in the operational database: any process can answer a poll, a restart finds the unfinished ones. */
@Injectable()
export class ImportJobRepository {
  constructor(@Inject(DatabaseRepository) private readonly database: DatabaseRepository) {}

  async create(job: Pick<ImportJobRow, 'id' | 'ownerId' | 'lang' | 'fileNames'>, at: Date): Promise<ImportJobRow> {
    return this.toRow(await this.database.client.importJob.create({ data: { ...job, fileNames: json(job.fileNames), status: 'running', startedAt: at } }));
  }

  async find(id: string): Promise<ImportJobRow | null> {
    const row = await this.database.client.importJob.findUnique({ where: { id } });
    return row && this.toRow(row);
  }

  async running(): Promise<ImportJobRow[]> {
    return (await this.database.client.importJob.findMany({ where: { status: 'running' }, orderBy: { startedAt: 'asc' } })).map((row) => this.toRow(row));
  }

  async saveProgress(id: string, progress: unknown, files: unknown[]): Promise<void> {
    await this.database.client.importJob.update({ where: { id }, data: { progress: json(progress), files: json(files) } });
  }

  async finish(id: string, files: unknown[], progress: unknown, at: Date): Promise<void> {
    await this.database.client.importJob.update({ where: { id }, data: { status: 'finished', files: json(files), progress: json(progress), finishedAt: at } });
  }

  async fail(id: string, files: unknown[], progress: unknown, errorCode: string, error: string, at: Date): Promise<void> {
    await this.database.client.importJob.update({
      where: { id },
      data: { status: 'failed', files: json(files), progress: json(progress), errorCode, error, finishedAt: at },
    });
  }

  /** Finished jobs beyond the newest `keep` are deleted: their reports are in the import history too. */
  async forgetOld(keep: number): Promise<void> {
    const old = await this.database.client.importJob.findMany({
      where: { status: { not: 'running' } },
      orderBy: { startedAt: 'desc' },
      skip: keep,
      select: { id: true },
    });
    if (old.length > 0) await this.database.client.importJob.deleteMany({ where: { id: { in: old.map((j) => j.id) } } });
  }

  private toRow(row: Prisma.ImportJobGetPayload<object>): ImportJobRow {
    return {
      id: row.id,
      ownerId: row.ownerId,
      status: row.status as ImportJobRow['status'],
      lang: row.lang === 'en' ? 'en' : 'pl',
      fileNames: row.fileNames as string[],
      progress: row.progress ?? null,
      files: (row.files as unknown[] | null) ?? null,
      errorCode: row.errorCode,
      error: row.error,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  }
}
