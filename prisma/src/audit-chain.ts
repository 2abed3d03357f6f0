import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain (tamper evidence). Each entry carries the hash of the entry before
 * it (`prevHash`, null for the first) and its own `hash`: SHA-256 (hex) over the canonical JSON of
 * its content and `prevHash`. Editing, deleting, inserting or reordering a row breaks a link that
 * `AuditChainVerifier` finds by walking the entries in id order. Without an anchor kept elsewhere
 * the chain cannot show that its newest entries were cut off or that someone recomputed every hash
 * after an edit: the verification's last hash is what to write down to anchor it.
 */

/** The content an entry's hash covers, as stored (before/after already JSON values). */
export interface AuditChainContent {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
}

export interface AuditChainRow extends AuditChainContent {
  prevHash: string | null;
  hash: string | null;
}

/**
 * JSON with every object's keys sorted and no whitespace: the same value always gives the same
 * text, whatever the order its keys were written or read in. `undefined` members are left out
 * (as JSON does); a value JSON cannot hold (a function, a symbol, a bigint) is refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return JSON.stringify(value); // NaN and ±Infinity become null, as stored
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

/** A value as the database gives it back after storing it as JSON (dates as text, no undefined). */
export function asStoredJson(value: unknown): unknown {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** The hash of an entry: SHA-256 (hex) over the canonical JSON of its content and `prevHash`. */
export function auditEntryHash(content: AuditChainContent, prevHash: string | null): string {
  const canonical = canonicalJson({
    id: content.id,
    at: content.at.toISOString(),
    actor: content.actor,
    action: content.action,
    entity: content.entity,
    entityId: content.entityId ?? null,
    before: asStoredJson(content.before),
    after: asStoredJson(content.after),
    address: content.address ?? null,
    prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * What is wrong with the first broken entry:
 * - `not-sealed`: it has no hash (written past the chain, or its hash was removed);
 * - `content-changed`: its hash does not match its content (an edited field or hash, or another
 *   entry's content moved under its id);
 * - `link-broken`: its previous hash is not the hash of the entry before it (an entry before it
 *   deleted, inserted or moved, or its previous hash edited).
 */
export type AuditChainBreak = 'not-sealed' | 'content-changed' | 'link-broken';

export interface AuditChainReport {
  intact: boolean;
  /** Entries checked (all of them: the walk does not stop at a break). */
  entries: number;
  firstBroken: { id: number; reason: AuditChainBreak } | null;
  /** The newest entry's id, time and hash: what to write down to anchor the chain. */
  last: { id: number; at: Date; hash: string | null } | null;
}

/** Walks entries in id order, one at a time (so a long trail is read in pages), and keeps the first break. */
export class AuditChainVerifier {
  private previous: { id: number; hash: string | null } | null = null;
  private count = 0;
  private broken: AuditChainReport['firstBroken'] = null;
  private last: AuditChainReport['last'] = null;

  push(row: AuditChainRow): void {
    if (this.previous && row.id <= this.previous.id) throw new Error(`audit entries out of id order: ${row.id} after ${this.previous.id}`);
    this.count += 1;
    if (!this.broken) {
      const reason = this.check(row);
      if (reason) this.broken = { id: row.id, reason };
    }
    this.previous = { id: row.id, hash: row.hash };
    this.last = { id: row.id, at: row.at, hash: row.hash };
  }

  private check(row: AuditChainRow): AuditChainBreak | null {
    if (row.hash === null) return 'not-sealed';
    if (auditEntryHash(row, row.prevHash) !== row.hash) return 'content-changed';
    if (row.prevHash !== (this.previous?.hash ?? null)) return 'link-broken';
    return null;
  }

  report(): AuditChainReport {
    return { intact: this.broken === null, entries: this.count, firstBroken: this.broken, last: this.last };
  }
}

/** The chain's verdict over entries in id order. */
export function verifyAuditChain(rows: Iterable<AuditChainRow>): AuditChainReport {
  const verifier = new AuditChainVerifier();
  for (const row of rows) verifier.push(row);
  return verifier.report();
}

/**
 * Where the chain is written: the statements a writer needs inside its write transaction.
 * Implemented over a Prisma transaction (asynchronous) and over the bulk writer's own SQLite
 * connection (synchronous, so nothing else of its process runs while it holds the write lock);
 * the linking itself is `chainSteps`, run by `appendToAuditChain` or `appendToAuditChainSync`.
 */
export interface AuditChainStore<Async extends boolean = true> {
  /** Inserts one entry without its hash and returns it as stored (id and time given by the database). */
  insert(entry: AuditChainInsert): Result<AuditChainContent, Async>;
  /** The entry with the highest id below `id` (id and hash), or null for none. */
  previous(id: number): Result<{ id: number; hash: string | null } | null, Async>;
  /** Whether any entry below `id` has a hash: false while the trail is all from before the chain. */
  anySealedBefore(id: number): Result<boolean, Async>;
  /** The entries below `id` that have no hash, in id order. */
  unsealedBefore(id: number): Result<AuditChainContent[], Async>;
  setHash(id: number, prevHash: string | null, hash: string): Result<void, Async>;
}

type Result<T, Async extends boolean> = Async extends true ? T | Promise<T> : T;

export interface AuditChainInsert {
  at?: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
}

type Step = { [K in keyof AuditChainStore<false>]: { op: K; args: Parameters<AuditChainStore<false>[K]> } }[keyof AuditChainStore<false>];

/**
 * The one way entries are linked into the chain, as the statements it asks the store for. Run it
 * inside the write transaction of the change the entries record, where the database serialises
 * writers: each entry is inserted first (on SQLite that takes the write lock, so no other writer
 * can slip an entry in between) and only then linked to the entry before it. A trail from before
 * the chain is sealed first, in id order (entries a migration did not reach), so the first new
 * entry links to the last old one.
 */
function* chainSteps(entries: readonly AuditChainInsert[]): Generator<Step, void, unknown> {
  let previous: { id: number; hash: string | null } | null | undefined;
  for (const entry of entries) {
    const stored = (yield { op: 'insert', args: [entry] }) as AuditChainContent;
    if (previous === undefined) {
      previous = (yield { op: 'previous', args: [stored.id] }) as { id: number; hash: string | null } | null;
      if (previous && previous.hash === null && !((yield { op: 'anySealedBefore', args: [stored.id] }) as boolean)) {
        const unsealed = (yield { op: 'unsealedBefore', args: [stored.id] }) as AuditChainContent[];
        previous = { id: previous.id, hash: yield* sealSteps(unsealed, null) };
      }
    }
    const hash = auditEntryHash(stored, previous?.hash ?? null);
    yield { op: 'setHash', args: [stored.id, previous?.hash ?? null, hash] };
    previous = { id: stored.id, hash };
  }
}

function call(store: AuditChainStore<boolean>, step: Step): unknown {
  return (store[step.op] as (...args: unknown[]) => unknown)(...step.args);
}

/** Appends entries to the chain through an asynchronous store (a Prisma transaction). */
export async function appendToAuditChain(store: AuditChainStore, entries: readonly AuditChainInsert[]): Promise<void> {
  const steps = chainSteps(entries);
  for (let next = steps.next(); !next.done;) next = steps.next(await call(store, next.value));
}

/** Appends entries to the chain through a synchronous store (a driver's own connection). */
export function appendToAuditChainSync(store: AuditChainStore<false>, entries: readonly AuditChainInsert[]): void {
  const steps = chainSteps(entries);
  for (let next = steps.next(); !next.done;) next = steps.next(call(store, next.value));
}

/** Seals entries without a hash in id order, linked from `prevHash`; returns the last hash. */
function* sealSteps(unsealed: readonly AuditChainContent[], prevHash: string | null): Generator<Step, string | null, unknown> {
  let link = prevHash;
  for (const row of unsealed) {
    const hash = auditEntryHash(row, link);
    yield { op: 'setHash', args: [row.id, link, hash] };
    link = hash;
  }
  return link;
}

/**
 * Seals the entries written before the chain existed (all without a hash, and no sealed entry
 * before them), in id order: the migration step. The caller checks that no entry is sealed yet,
 * so running it again changes nothing.
 */
export async function sealUnchained(store: AuditChainStore, unsealed: readonly AuditChainContent[]): Promise<void> {
  const steps = sealSteps(unsealed, null);
  for (let next = steps.next(); !next.done;) next = steps.next(await call(store, next.value));
}
