import { describe, expect, it } from 'vitest';
import { admitSignIn, SignInLimiter, type SignInAttempt } from './sign-in-limiter.ts';

describe('SignInLimiter', () => {
  it('blocks a key after the allowed failures until the window has passed', () => {
    const limiter = new SignInLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) {
      expect(limiter.retryAfterMs('a', t)).toBe(0);
      limiter.recordFailure('a', t);
    }
    expect(limiter.retryAfterMs('a', 3000)).toBe(57_000);
    expect(limiter.retryAfterMs('b', 3000)).toBe(0);
    expect(limiter.retryAfterMs('a', 60_001)).toBe(0);
    limiter.recordFailure('a', 60_001);
    limiter.clear('a');
    expect(limiter.retryAfterMs('a', 60_002)).toBe(0);
  });

  it('forgets keys whose failures are all out of the window', () => {
    const limiter = new SignInLimiter(3, 60_000);
    for (let i = 0; i < 50; i++) limiter.recordFailure(`address-${i}`, 0);
    expect(limiter.size).toBe(50);
    limiter.prune(60_001);
    expect(limiter.size).toBe(0);
  });
});

describe('admitSignIn', () => {
  const limits = () => {
    const perAccount = new SignInLimiter(5, 900_000);
    const perAddress = new SignInLimiter(20, 900_000);
    return (address: string, email: string) => [
      { limiter: perAccount, key: `${address}|${email}` },
      { limiter: perAddress, key: address },
    ];
  };
  const clock = () => 1_000;

  async function attempts(checks: ReturnType<ReturnType<typeof limits>>, count: number, outcome: 'failed' | 'succeeded'): Promise<string[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const admission = await admitSignIn(checks, clock);
        if (!('attempt' in admission)) return 'blocked';
        // The slow check: ends after the others have asked.
        await new Promise((resolve) => setTimeout(resolve, 1));
        admission.attempt.end(outcome);
        return outcome;
      }),
    );
  }

  it('lets correct passwords at once all through: only failures count', async () => {
    const checksOf = limits();
    expect(await attempts(checksOf('10.0.0.1', 'a@b.pl'), 30, 'succeeded')).toEqual(Array(30).fill('succeeded'));
  });

  it('checks no more than the limit of parallel guesses, the rest waiting for their outcome and then refused', async () => {
    const checksOf = limits();
    const outcomes = await attempts(checksOf('10.0.0.1', 'a@b.pl'), 40, 'failed');
    expect(outcomes.filter((o) => o === 'failed').length).toBe(5);
    expect(outcomes.filter((o) => o === 'blocked').length).toBe(35);
  });

  it('holds an address to its failures with one account, not the account for every address', async () => {
    const checksOf = limits();
    await attempts(checksOf('10.0.0.1', 'a@b.pl'), 5, 'failed');
    expect(await admitSignIn(checksOf('10.0.0.1', 'a@b.pl'), clock)).toEqual({ retryAfterMs: 900_000 });
    const elsewhere = await admitSignIn(checksOf('10.0.0.2', 'a@b.pl'), clock);
    expect('attempt' in elsewhere).toBe(true);
    // Another account from the flooding address: its own failures still leave room.
    expect('attempt' in (await admitSignIn(checksOf('10.0.0.1', 'c@d.pl'), clock))).toBe(true);
  });

  it('stops an address sweeping accounts at the address limit', async () => {
    const checksOf = limits();
    for (let i = 0; i < 20; i++) await attempts(checksOf('10.0.0.1', `user${i}@b.pl`), 1, 'failed');
    expect(await admitSignIn(checksOf('10.0.0.1', 'another@b.pl'), clock)).toEqual({ retryAfterMs: 900_000 });
  });

  it('does not count an attempt that was not checked (the server was busy), nor one ended twice', async () => {
    const checksOf = limits();
    const checks = checksOf('10.0.0.1', 'a@b.pl');
    for (let i = 0; i < 10; i++) {
      const admission = (await admitSignIn(checks, clock)) as { attempt: SignInAttempt };
      admission.attempt.end('not-checked');
    }
    const once = (await admitSignIn(checks, clock)) as { attempt: SignInAttempt };
    once.attempt.end('failed');
    once.attempt.end('failed');
    expect(checks[0].limiter.retryAfterMs(checks[0].key, 1_000)).toBe(0);
    expect(checks[0].limiter.hasRoom(checks[0].key, 1_000)).toBe(true);
    for (let i = 0; i < 3; i++) ((await admitSignIn(checks, clock)) as { attempt: SignInAttempt }).attempt.end('failed');
    expect(checks[0].limiter.hasRoom(checks[0].key, 1_000)).toBe(true);
    ((await admitSignIn(checks, clock)) as { attempt: SignInAttempt }).attempt.end('failed');
    expect(await admitSignIn(checks, clock)).toEqual({ retryAfterMs: 900_000 });
  });
});
