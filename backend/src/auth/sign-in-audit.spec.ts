import { describe, expect, it } from 'vitest';
import { SignInAuditAggregator, type RefusedSignIn } from './sign-in-audit.ts';

const failed: RefusedSignIn = { action: 'auth.sign-in-failed', account: 'dyrektor@test.osl', address: '10.0.0.1', reason: 'wrong password' };

describe('SignInAuditAggregator', () => {
  it('writes the first refusal of an address and account at once and the others as one entry with their count when the window is over', () => {
    const audit = new SignInAuditAggregator(60_000);
    expect(audit.note(failed, 0)).toEqual([
      {
        actor: 'dyrektor@test.osl',
        action: 'auth.sign-in-failed',
        entity: 'user',
        entityId: 'dyrektor@test.osl',
        after: { reason: 'wrong password', count: 1 },
        address: '10.0.0.1',
      },
    ]);
    for (let t = 1000; t <= 30_000; t += 1000) expect(audit.note(failed, t)).toEqual([]);
    expect(audit.nextDueAt()).toBe(60_000);
    expect(audit.due(59_999)).toEqual([]);
    expect(audit.due(60_000)).toEqual([
      {
        actor: 'dyrektor@test.osl',
        action: 'auth.sign-in-failed',
        entity: 'user',
        entityId: 'dyrektor@test.osl',
        after: { reason: 'wrong password', count: 30, firstAt: new Date(1000).toISOString(), lastAt: new Date(30_000).toISOString() },
        address: '10.0.0.1',
      },
    ]);
    expect(audit.nextDueAt()).toBeNull();
  });

  it('keeps addresses, accounts, reasons and blocked attempts apart; unknown accounts of an address together', () => {
    const audit = new SignInAuditAggregator(60_000);
    const events: RefusedSignIn[] = [
      failed,
      { ...failed, address: '10.0.0.2' },
      { ...failed, account: 'audytor@test.osl' },
      { ...failed, reason: 'account disabled' },
      { action: 'auth.sign-in-blocked', account: 'dyrektor@test.osl', address: '10.0.0.1' },
      { action: 'auth.sign-in-failed', account: null, address: '10.0.0.1', reason: 'unknown account' },
    ];
    expect(events.flatMap((e) => audit.note(e, 0)).length).toBe(6);
    expect(events.flatMap((e) => audit.note(e, 1)).length).toBe(0);
    expect(audit.note({ action: 'auth.sign-in-failed', account: null, address: '10.0.0.1', reason: 'unknown account' }, 2)).toEqual([]);
    const summaries = audit.drain();
    expect(summaries.map((s) => (s.after as { count: number }).count)).toEqual([1, 1, 1, 1, 1, 2]);
    expect(summaries.at(-1)).toMatchObject({ actor: 'anonymous', entityId: null });
    expect(audit.drain()).toEqual([]);
  });

  it('starts a new window after one is over, writing the old one’s count first; a window without repeats writes nothing more', () => {
    const audit = new SignInAuditAggregator(60_000);
    audit.note(failed, 0);
    audit.note(failed, 10);
    const next = audit.note(failed, 60_000);
    expect(next.map((e) => e.after)).toEqual([
      { reason: 'wrong password', count: 1, firstAt: new Date(10).toISOString(), lastAt: new Date(10).toISOString() },
      { reason: 'wrong password', count: 1 },
    ]);
    expect(audit.due(120_000)).toEqual([]);
    expect(audit.nextDueAt()).toBeNull();
  });
});
