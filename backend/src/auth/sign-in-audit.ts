import type { AuditEntry } from '../repositories/audit.repository.ts';

/** A refused sign-in as the audit trail keeps it. */
export interface RefusedSignIn {
  action: 'auth.sign-in-failed' | 'auth.sign-in-blocked';
  /** The account's e-mail when the attempt named one, else null (people type passwords into the e-mail field). */
  account: string | null;
  address: string | null;
  reason?: string;
}

interface OpenWindow {
  event: RefusedSignIn;
  endsAt: number;
  repeats: number;
  firstRepeatAt: number;
  lastRepeatAt: number;
}

/**
 * Refused sign-ins, aggregated: the first of an address and account (and reason) in a window is
 * written at once, with `count: 1`; the ones after it only counted, and written as one entry with
 * their count, first and last time when the window is over (or the server stops). A flood leaves
 * two entries per window, not one per guess. The trail is append-only, so the first entry is
 * never updated.
 */
export class SignInAuditAggregator {
  private readonly open = new Map<string, OpenWindow>();

  constructor(readonly windowMs: number) {}

  /** What to write now for this refusal: the summary of its key's ended window, and a first entry when a window opens. */
  note(event: RefusedSignIn, nowMs: number): AuditEntry[] {
    const key = JSON.stringify([event.action, event.address, event.account, event.reason ?? null]);
    const current = this.open.get(key);
    if (current && nowMs < current.endsAt) {
      if (current.repeats === 0) current.firstRepeatAt = nowMs;
      current.repeats++;
      current.lastRepeatAt = nowMs;
      return [];
    }
    const out = current ? summaryOf(current) : [];
    this.open.set(key, { event, endsAt: nowMs + this.windowMs, repeats: 0, firstRepeatAt: 0, lastRepeatAt: 0 });
    return [...out, entryOf(event, { count: 1 })];
  }

  /** Summaries of the windows over by now (those closed without repeats write nothing). */
  due(nowMs: number): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const [key, window] of this.open) {
      if (window.endsAt > nowMs) continue;
      this.open.delete(key);
      out.push(...summaryOf(window));
    }
    return out;
  }

  /** Every window closed now, with its summary (at shutdown). */
  drain(): AuditEntry[] {
    const out = [...this.open.values()].flatMap(summaryOf);
    this.open.clear();
    return out;
  }

  /** When the next window is over, or null when none is open. */
  nextDueAt(): number | null {
    let next: number | null = null;
    for (const window of this.open.values()) if (next === null || window.endsAt < next) next = window.endsAt;
    return next;
  }
}

function summaryOf(window: OpenWindow): AuditEntry[] {
  if (window.repeats === 0) return [];
  return [
    entryOf(window.event, {
      count: window.repeats,
      firstAt: new Date(window.firstRepeatAt).toISOString(),
      lastAt: new Date(window.lastRepeatAt).toISOString(),
    }),
  ];
}

function entryOf(event: RefusedSignIn, counts: { count: number; firstAt?: string; lastAt?: string }): AuditEntry {
  return {
    actor: event.account ?? 'anonymous',
    action: event.action,
    entity: 'user',
    entityId: event.account,
    after: { ...(event.reason ? { reason: event.reason } : {}), ...counts },
    address: event.address,
  };
}
