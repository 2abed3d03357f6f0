import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { applyMigrations, applyPendingMigrations, createPrismaClient, readAppliedMigrations, resolveDatabaseUrl, type PrismaClient } from '@osl/prisma';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';

/** The operational database connection; every other repository goes through it. */
@Injectable()
export class DatabaseRepository implements OnModuleDestroy {
  readonly client: PrismaClient;

  constructor(@Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment) {
    this.client = createPrismaClient(environment.env);
  }

  /** The SQLite file of the embedded default, or null when another database serves. */
  sqliteFile(): string | null {
    const url = resolveDatabaseUrl(this.environment.env);
    return url.startsWith('file:') ? url.slice('file:'.length) : null;
  }

  /** Applies the committed migrations unless every one is recorded as applied with its checksum (no process started then). */
  async migrate(): Promise<boolean> {
    const applied = await applyPendingMigrations({ readApplied: () => readAppliedMigrations(this.client), apply: () => applyMigrations(this.environment.env) });
    await this.useWriteAheadLog();
    return applied.length > 0;
  }

  /**
   * SQLite in WAL mode (kept in the file, so once is enough): readers never wait for the import
   * worker's writes, and a writer waits only for another writer's short transaction.
   */
  private async useWriteAheadLog(): Promise<void> {
    if (!this.sqliteFile()) return;
    await this.client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.$disconnect();
  }
}
