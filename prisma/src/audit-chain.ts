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
 * Where the chain is written: the two statements a writer needs inside its write transaction.
 * Implemented over a Prisma transaction and over the bulk writer's own SQLite connection; the
 * linking itself is `appendToAuditChain`, the one function every writer goes through.
 */
export interface AuditChainStore {
  /** Inserts one entry without its hash and returns it as stored (id and time given by the database). */
  insert(entry: AuditChainInsert): Promise<AuditChainContent> | AuditChainContent;
  /** The entry with the highest id below `id` (id and hash), or null for none. */
  previous(id: number): Promise<{ id: number; hash: string | null } | null> | { id: number; hash: string | null } | null;
  /** Whether any entry below `id` has a hash: false while the trail is all from before the chain. */
  anySealedBefore(id: number): Promise<boolean> | boolean;
  /** The entries below `id` that have no hash, in id order. */
  unsealedBefore(id: number): Promise<AuditChainContent[]> | AuditChainContent[];
  setHash(id: number, prevHash: string | null, hash: string): Promise<void> | void;
}

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

/**
 * Appends entries to the chain. Call it inside the write transaction of the change the entries
 * record, where the database serialises writers: each entry is inserted first (on SQLite that
 * takes the write lock, so no other writer can slip an entry in between) and only then linked to
 * the entry before it. A trail from before the chain is sealed first, in id order (the entries a
 * migration did not reach yet), so the first new entry links to the last old one.
 */
export async function appendToAuditChain(store: AuditChainStore, entries: readonly AuditChainInsert[]): Promise<void> {
  let previous: { id: number; hash: string | null } | null | undefined;
  for (const entry of entries) {
    const stored = await store.insert(entry);
    if (previous === undefined) {
      previous = await store.previous(stored.id);
      if (previous && previous.hash === null && !(await store.anySealedBefore(stored.id))) {
        previous = await sealUnchained(store, await store.unsealedBefore(stored.id), null);
      }
    }
    const hash = auditEntryHash(stored, previous?.hash ?? null);
    await store.setHash(stored.id, previous?.hash ?? null, hash);
    previous = { id: stored.id, hash };
  }
}

/**
 * Seals the entries written before the chain existed (all without a hash, and no sealed entry
 * before them), in id order. Idempotent: once sealed there is nothing left to seal. Returns the
 * last sealed entry, or null when there was none.
 */
export async function sealUnchained(
  store: Pick<AuditChainStore, 'setHash'>,
  unsealed: readonly AuditChainContent[],
  prevHash: string | null,
): Promise<{ id: number; hash: string } | null> {
  let last: { id: number; hash: string } | null = null;
  let link = prevHash;
  for (const row of unsealed) {
    const hash = auditEntryHash(row, link);
    await store.setHash(row.id, link, hash);
    last = { id: row.id, hash };
    link = hash;
  }
  return last;
}
