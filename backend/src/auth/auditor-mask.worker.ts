// Computes the auditor's mask off the server's event loop (AuditorFiguresService): at tens of
// thousands of activities it takes seconds, and the server must go on answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { auditorDisclosureMask, type DisclosureInput } from './auditor-disclosure.ts';

parentPort!.postMessage([...auditorDisclosureMask(workerData as DisclosureInput)]);
