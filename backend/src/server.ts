import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { OslConfig } from '@osl/data';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.ts';
import { apiVersion, buildOpenApiDocument } from './openapi/openapi-document.ts';
import { applyRequestLimits, securityHeaders } from './lib/http-hardening.ts';
import { OslLogger } from './lib/logger.ts';
import { readConfig, readEnvironment, type OslEnvironment } from './lib/osl-environment.ts';
import { BootstrapService, type StartOptions } from './services/bootstrap.service.ts';

export interface RunningServer {
  app: NestExpressApplication;
  url: string;
  close: () => Promise<void>;
}

/**
 * Prepares the installation (schema, configuration, demo data when asked, one pipeline run)
 * and serves the API under /api and the built dashboard at / on one port.
 */
export async function startServer(
  environment: OslEnvironment = readEnvironment(),
  options: StartOptions = { demoIfEmpty: false, runPipeline: true },
  config: OslConfig = readConfig(environment),
): Promise<RunningServer> {
  const logger = new OslLogger(environment.dataDir);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(environment, config), { logger, bodyParser: false });
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  // Behind a reverse proxy (HTTPS), OSL_TRUST_PROXY=1 makes client addresses and "secure" cookies right.
  if (environment.env.OSL_TRUST_PROXY) app.set('trust proxy', Number(environment.env.OSL_TRUST_PROXY) || environment.env.OSL_TRUST_PROXY);
  app.use(securityHeaders(environment.dashboardDir ? path.join(environment.dashboardDir, 'index.html') : null));
  applyRequestLimits(app);
  await app.get(BootstrapService).start(options);
  // The API described: Swagger UI at /api/docs, the document at /api/docs-json.
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, apiVersion), { jsonDocumentUrl: 'api/docs-json' });
  serveDashboard(app, environment.dashboardDir, logger);
  await app.listen(environment.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : environment.port;
  const url = `http://localhost:${port}`;
  logger.log(`OSL Monitor serves ${url} (data in ${environment.dataDir})`, 'Server');
  return { app, url, close: () => app.close() };
}

function serveDashboard(app: NestExpressApplication, dashboardDir: string | null, logger: OslLogger): void {
  const index = dashboardDir && path.join(dashboardDir, 'index.html');
  if (!dashboardDir || !index || !fs.existsSync(index)) {
    logger.warn(`no built dashboard at ${dashboardDir}; run "npm run build" to serve it`, 'Server');
    return;
  }
  // SvelteKit's hashed bundles never change under a name; everything else is revalidated.
  app.use(
    express.static(dashboardDir, {
      index: false,
      setHeaders: (res, file) =>
        res.setHeader('Cache-Control', file.includes(`${path.sep}_app${path.sep}immutable${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  // The dashboard routes in the browser: every GET (or HEAD) outside /api gets its index page, and
  // the dashboard itself says, in its own style and language, that an address leads nowhere.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    // A bundle that is not there (a tab left open across an upgrade) is a 404, not the index page
    // served as JavaScript: the dashboard then loads the new version.
    if (req.path.startsWith('/_app/')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.sendFile(index);
  });
}
