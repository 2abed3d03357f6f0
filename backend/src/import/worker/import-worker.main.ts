// The import worker: a child process of the server that runs its imports (ImportWorkerService).
// Its own database connection, event loop and heap: a large file neither holds the server's
// connection nor stops it answering, and a file that exhausts the heap ends this process only.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../core.module.ts';
import { OslLogger } from '../../lib/logger.ts';
import { readConfig, readEnvironment } from '../../lib/osl-environment.ts';
import { ImportService } from '../../services/import.service.ts';
import type { ParentMessage, WorkerMessage } from './import-worker.protocol.ts';

const send = (message: WorkerMessage) => process.send?.(message);

const environment = readEnvironment(process.env);
const context = await NestFactory.createApplicationContext(CliModule.register(environment, readConfig(environment)), {
  logger: new OslLogger(environment.dataDir, true),
});
const importer = context.get(ImportService);

// One job at a time, in the order they came: the server queues them, this keeps them apart.
let queue = Promise.resolve();
process.on('message', (message: ParentMessage) => {
  if (message.type !== 'run') return;
  queue = queue.then(async () => {
    try {
      const reports = await importer.importFiles(message.files, {
        ...message.options,
        onProgress: (progress) => send({ type: 'progress', jobId: message.jobId, progress }),
        onFileReport: (index, report) => send({ type: 'file', jobId: message.jobId, index, report }),
      });
      send({ type: 'done', jobId: message.jobId, reports });
    } catch (error) {
      send({ type: 'failed', jobId: message.jobId, message: (error as Error).stack ?? String(error) });
    }
  });
});
process.on('disconnect', () => void context.close().finally(() => process.exit(0)));
send({ type: 'ready' });
