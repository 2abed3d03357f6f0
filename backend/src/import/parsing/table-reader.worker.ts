// Reads files for ReaderThread (reader-thread.ts) off the importing thread: one message a file.
import { parentPort } from 'node:worker_threads';
import { FileRejectedError } from '../import.errors.ts';
import { readTableInThisThread } from './table-reader.ts';
import type { ReadRequest, ReadResponse } from './reader-thread.ts';

parentPort!.on('message', (request: ReadRequest) => {
  let response: ReadResponse;
  try {
    const buffer = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    response = { id: request.id, ok: true, table: readTableInThisThread(buffer, request.fileName, request.limits, request.kindHint) };
  } catch (error) {
    response =
      error instanceof FileRejectedError
        ? { id: request.id, ok: false, code: error.code, params: error.params }
        : { id: request.id, ok: false, unexpected: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(response);
});
