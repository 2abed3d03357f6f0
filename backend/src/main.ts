// `npm start`: the whole system on one port. OSL_DEMO=0 skips loading the demo data into an
// empty installation (a real centre's first start).
import { readEnvironment } from './lib/osl-environment.ts';
import { startServer } from './server.ts';

/** The longest a stop may take: the import worker is killed at once, open requests get this long. */
const shutdownGraceMs = 10_000;

try {
  const environment = readEnvironment();
  const server = await startServer(environment, { demoIfEmpty: process.env.OSL_DEMO !== '0', runPipeline: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Whatever still holds the process (a client keeping a request open) ends it after a grace period.
      setTimeout(() => process.exit(0), shutdownGraceMs).unref();
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  process.stderr.write(`OSL Monitor could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
