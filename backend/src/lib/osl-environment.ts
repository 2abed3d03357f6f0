import path from 'node:path';
import { loadConfig, resolveConfigDir, type OslConfig } from '@osl/data';
import { resolveDataDir } from '@osl/prisma';

/** Everything an installation is told from outside: the environment, read once. */
export interface OslEnvironment {
  dataDir: string;
  configDir: string;
  port: number;
  /** Serve the built dashboard from this folder (absent in API-only tests). */
  dashboardDir: string | null;
  /** Europe/Warsaw "now"; injectable so tests can fix the day. */
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

export const OSL_ENVIRONMENT = Symbol('OSL_ENVIRONMENT');
/** The configuration files as read at start; only ConfigurationService injects it (everyone else reads its current snapshot). */
export const OSL_CONFIG_FILES = Symbol('OSL_CONFIG_FILES');

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): OslEnvironment {
  const dataDir = resolveDataDir(env);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  }
  const fixedNow = env.OSL_NOW ? new Date(env.OSL_NOW) : null;
  if (fixedNow && Number.isNaN(fixedNow.getTime())) throw new Error(`OSL_NOW must be an ISO date-time, got "${env.OSL_NOW}"`);
  return {
    dataDir,
    configDir: resolveConfigDir(dataDir),
    port,
    dashboardDir: env.OSL_DASHBOARD_DIR ?? path.join(repositoryRoot, 'dashboard', 'build'),
    now: fixedNow ? () => new Date(fixedNow) : () => new Date(),
    env,
  };
}

/** The configuration, validated in full (the decline thresholds too, by the same schema). */
export function readConfig(environment: OslEnvironment): OslConfig {
  return loadConfig(environment.configDir);
}
