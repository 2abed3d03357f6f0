import { describe, expect, it } from 'vitest';
import { createLatestRequest, createLatestRequestByKey } from './latest-request';

/** A promise settled by hand, to resolve calls in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function recorder<T>() {
  const applied: string[] = [];
  return {
    applied,
    outcome: { onResult: (value: T) => applied.push(`result ${value}`), onError: (error: unknown) => applied.push(`error ${(error as Error).message}`) },
  };
}

/** Two calls of one latest request, the second made while the first is pending; each settled by hand. */
function twoCalls() {
  const latest = createLatestRequest();
  const { applied, outcome } = recorder<string>();
  const first = deferred<string>();
  const second = deferred<string>();
  const firstRun = latest.run(() => first.promise, outcome);
  const secondRun = latest.run(() => second.promise, outcome);
  return { applied, first, second, firstRun, secondRun };
}

describe('createLatestRequest', () => {
  it('applies the later call when the earlier one answers after it', async () => {
    const { applied, first, second, firstRun, secondRun } = twoCalls();
    second.resolve('2022');
    expect(await secondRun).toBe(true);
    first.resolve('2021');
    expect(await firstRun).toBe(false);
    expect(applied).toEqual(['result 2022']);
  });

  it('ignores a superseded call that answers first', async () => {
    const { applied, first, second, firstRun, secondRun } = twoCalls();
    first.resolve('2021');
    expect(await firstRun).toBe(false);
    expect(applied).toEqual([]);
    second.resolve('2022');
    expect(await secondRun).toBe(true);
    expect(applied).toEqual(['result 2022']);
  });

  it('ignores a superseded call’s failure, and applies the latest call’s failure', async () => {
    const { applied, first, second, firstRun, secondRun } = twoCalls();
    first.reject(new Error('old'));
    second.reject(new Error('new'));
    expect(await Promise.all([firstRun, secondRun])).toEqual([false, true]);
    expect(applied).toEqual(['error new']);
  });

  it('aborts the superseded call’s signal, not the latest one’s', async () => {
    const latest = createLatestRequest();
    const signals: AbortSignal[] = [];
    const pending = deferred<string>();
    const { outcome } = recorder<string>();
    void latest.run((signal) => (signals.push(signal), pending.promise), outcome);
    void latest.run((signal) => (signals.push(signal), pending.promise), outcome);
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    pending.resolve('x');
  });

  it('applies nothing after cancel', async () => {
    const latest = createLatestRequest();
    const { applied, outcome } = recorder<string>();
    const pending = deferred<string>();
    let signal: AbortSignal | null = null;
    const run = latest.run((s) => ((signal = s), pending.promise), outcome);
    latest.cancel();
    expect(signal!.aborted).toBe(true);
    pending.resolve('late');
    expect(await run).toBe(false);
    expect(applied).toEqual([]);
  });

  it('applies each call made after the previous one settled', async () => {
    const latest = createLatestRequest();
    const { applied, outcome } = recorder<string>();
    await latest.run(async () => 'a', outcome);
    await latest.run(async () => {
      throw new Error('b');
    }, outcome);
    await latest.run(async () => 'c', outcome);
    expect(applied).toEqual(['result a', 'error b', 'result c']);
  });

  it('passes a failure thrown before the first await to onError (never rejects)', async () => {
    const latest = createLatestRequest();
    const { applied, outcome } = recorder<string>();
    const run = latest.run(() => {
      throw new Error('sync');
    }, outcome);
    await expect(run).resolves.toBe(true);
    expect(applied).toEqual(['error sync']);
  });
});

describe('createLatestRequestByKey', () => {
  it('keeps calls of different keys apart and cancels them all at once', async () => {
    const requests = createLatestRequestByKey();
    const { applied, outcome } = recorder<string>();
    const a = deferred<string>();
    const b = deferred<string>();
    const runA = requests.get('A').run(() => a.promise, outcome);
    const runB = requests.get('B').run(() => b.promise, outcome);
    b.resolve('B');
    a.resolve('A');
    expect(await Promise.all([runA, runB])).toEqual([true, true]);
    expect(applied).toEqual(['result B', 'result A']);

    const late = deferred<string>();
    const runLate = requests.get('A').run(() => late.promise, outcome);
    requests.cancelAll();
    late.resolve('late');
    expect(await runLate).toBe(false);
    expect(applied).toEqual(['result B', 'result A']);
  });
});
