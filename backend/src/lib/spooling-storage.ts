import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, pipeline } from 'node:stream';
import type express from 'express';
import type { StorageEngine } from 'multer';
import { uploadTooLarge } from './upload-limit.ts';

const received = Symbol('uploadBytesReceived');
type CountedRequest = express.Request & { [received]?: number };

/**
 * Multer storage that writes each uploaded file to `folder` under a random name (so an upload
 * never sits in memory, whatever its size) and refuses the request once all its files together
 * pass `maxTotalBytes`. Multer removes what it stored for a refused request.
 */
export class SpoolingStorage implements StorageEngine {
  constructor(
    private readonly folder: string,
    private readonly maxTotalBytes: number,
  ) {}

  _handleFile(req: express.Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const request = req as CountedRequest;
    const maxTotalBytes = this.maxTotalBytes;
    fs.mkdirSync(this.folder, { recursive: true });
    const target = path.join(this.folder, randomUUID());
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        request[received] = (request[received] ?? 0) + chunk.length;
        if (request[received]! > maxTotalBytes) done(uploadTooLarge(maxTotalBytes));
        else done(null, chunk);
      },
    });
    pipeline(file.stream, counter, fs.createWriteStream(target), (error) => {
      if (error) fs.rm(target, { force: true }, () => callback(error));
      else callback(null, { path: target, size });
    });
  }

  _removeFile(_req: express.Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    fs.rm(file.path, { force: true }, (error) => callback(error));
  }
}
