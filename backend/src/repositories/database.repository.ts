import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { OperationalDatabase, PrismaClient } from '@osl/prisma';

/** The boundary of the operational database, made once per process from the environment (`createOperationalDatabase`). */
export const OPERATIONAL_DATABASE = Symbol('OPERATIONAL_DATABASE');

/** The operational database connection; every other repository goes through it. */
@Injectable()
export class DatabaseRepository implements OnModuleDestroy {
  readonly client: PrismaClient;

  constructor(@Inject(OPERATIONAL_DATABASE) readonly operational: OperationalDatabase) {
    this.client = operational.client;
  }

  /** Applies the committed migrations unless every one is recorded as applied with its checksum (no process started then). */
  async migrate(): Promise<boolean> {
    return this.operational.migrate();
  }

  async onModuleDestroy(): Promise<void> {
    await this.operational.close();
  }
}
