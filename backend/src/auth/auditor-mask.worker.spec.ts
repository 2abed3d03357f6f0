import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTypeScriptWorker } from '../lib/typescript-worker.ts';
import { auditorDisclosureMask, type DisclosureInput } from './auditor-disclosure.ts';

const worker = path.join(import.meta.dirname, 'auditor-mask.worker.ts');

// One month of one community: four one-person activities under a shown month total would each be 1.
const input: DisclosureInput = {
  communities: ['WZG', 'OST'],
  monthly: [
    {
      period: '2022-03',
      community: 'WZG',
      attendances: 4,
      namedAttendances: 4,
      anonymousAttendances: 0,
      distinctParticipants: 4,
      newParticipants: 4,
      returningParticipants: 0,
    },
    {
      period: '2022-03',
      community: 'OST',
      attendances: 30,
      namedAttendances: 30,
      anonymousAttendances: 0,
      distinctParticipants: 12,
      newParticipants: 12,
      returningParticipants: 0,
    },
    {
      period: '2022-03',
      community: 'ALL',
      attendances: 34,
      namedAttendances: 34,
      anonymousAttendances: 0,
      distinctParticipants: 16,
      newParticipants: 16,
      returningParticipants: 0,
    },
  ],
  yearly: [],
  activities: [1, 2, 3, 4].map((n) => ({
    externalId: `W${n}`,
    date: `2022-03-0${n}`,
    community: 'WZG',
    namedAttendances: 1,
    anonymousAttendances: 0,
    lists: [{ batchId: 1, attendances: 1 }],
  })),
  indicators: [],
  smallCountLimit: 3,
};

describe('the auditor mask worker', () => {
  it('computes in a worker thread the mask the model computes, nothing more or less', async () => {
    const inWorker = await runTypeScriptWorker<string[]>(worker, input);
    const direct = auditorDisclosureMask(input);
    expect(new Set(inWorker)).toEqual(direct);
    expect(direct.size).toBeGreaterThan(4);
  });

  it('rejects when the worker fails instead of hanging', async () => {
    await expect(runTypeScriptWorker(path.join(import.meta.dirname, 'no-such-worker.ts'), null)).rejects.toThrow();
  });
});
