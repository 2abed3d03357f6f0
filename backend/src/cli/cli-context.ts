import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CliModule } from '../core.module.ts';
import { OslLogger } from '../lib/logger.ts';
import { readConfig, type OslEnvironment } from '../lib/osl-environment.ts';
import { BootstrapService } from '../services/bootstrap.service.ts';

/** The services without HTTP, with the database migrated and the configuration synced. */
export async function createCliContext(environment: OslEnvironment, options: { quiet: boolean }): Promise<INestApplicationContext> {
  const config = readConfig(environment);
  const context = await NestFactory.createApplicationContext(CliModule.register(environment, config), {
    logger: new OslLogger(environment.dataDir, options.quiet),
  });
  await context.get(BootstrapService).prepareDatabase();
  return context;
}
