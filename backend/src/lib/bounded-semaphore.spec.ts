import { describe, expect, it } from 'vitest';
import { BoundedSemaphore, SemaphoreFullError } from './bounded-semaphore.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('BoundedSemaphore', () => {
  it('runs at most maxInFlight tasks at once, the others in the order they came', async () => {
    const semaphore = new BoundedSemaphore(2, 10);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const done = gates.map((gate, i) =>
      semaphore.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([semaphore.inFlight, semaphore.waiting]).toEqual([2, 3]);
    gates[1].resolve();
    await done[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4]);
    expect(semaphore.peakInFlight).toBe(2);
    expect([semaphore.inFlight, semaphore.waiting]).toEqual([0, 0]);
  });

  it('refuses a task at once when every slot and the whole queue are taken, and takes one again when there is room', async () => {
    const semaphore = new BoundedSemaphore(1, 2, 3);
    const gate = deferred();
    const held = [semaphore.run(() => gate.promise), semaphore.run(() => gate.promise), semaphore.run(() => gate.promise)];
    expect(semaphore.isFull()).toBe(true);
    const refused = await semaphore.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SemaphoreFullError);
    expect((refused as SemaphoreFullError).retryAfterSeconds).toBe(3);
    // Work that may always wait still queues.
    const queued = semaphore.run(async () => 'queued', { alwaysWait: true });
    expect(semaphore.waiting).toBe(3);
    gate.resolve();
    await Promise.all(held);
    expect(await queued).toBe('queued');
    expect(await semaphore.run(async () => 'now')).toBe('now');
  });

  it('frees the slot of a task that fails', async () => {
    const semaphore = new BoundedSemaphore(1, 0);
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(semaphore.inFlight).toBe(0);
    expect(await semaphore.run(async () => 1)).toBe(1);
  });
});
