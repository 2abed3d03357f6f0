import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { applyMigrations, createPrismaClient, resolveDatabaseUrl, type PrismaClient } from '@osl/prisma';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';

const migrationsDir = path.resolve(import.meta.dirname, '..', '..', '..', 'prisma', 'migrations');

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

  /** Applies committed migrations unless every one of them is already recorded as applied. */
  async migrate(): Promise<boolean> {
    const committed = fs.readdirSync(migrationsDir).filter((name) => fs.statSync(path.join(migrationsDir, name)).isDirectory());
    let applied: string[] = [];
    try {
      const rows = await this.client.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      applied = rows.map((row) => row.migration_name);
    } catch {
      applied = [];
    }
    const migrated = !committed.every((name) => applied.includes(name));
    if (migrated) await applyMigrations(this.environment.env);
    await this.useWriteAheadLog();
    return migrated;
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
