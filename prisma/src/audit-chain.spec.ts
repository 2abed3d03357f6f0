import { describe, expect, it } from 'vitest';
import {
  appendToAuditChain,
  auditEntryHash,
  canonicalJson,
  verifyAuditChain,
  type AuditChainContent,
  type AuditChainRow,
  type AuditChainStore,
} from './audit-chain.ts';

/** A trail in memory, written through the one linking function the database writers use. */
async function trail(count: number, unsealedFirst = 0): Promise<AuditChainRow[]> {
  const rows: AuditChainRow[] = [];
  const store: AuditChainStore = {
    insert: (entry) => {
      const row: AuditChainRow = { id: rows.length + 1, at: new Date(Date.UTC(2026, 0, 1, 0, 0, rows.length)), ...entry, prevHash: null, hash: null };
      rows.push(row);
      return row;
    },
    previous: (id) => rows.filter((row) => row.id < id).at(-1) ?? null,
    anySealedBefore: (id) => rows.some((row) => row.id < id && row.hash !== null),
    unsealedBefore: (id) => rows.filter((row) => row.id < id && row.hash === null),
    setHash: (id, prevHash, hash) => {
      Object.assign(
        rows.find((row) => row.id === id)!,
        { prevHash, hash },
      );
    },
  };
  for (let i = 0; i < unsealedFirst; i += 1)
    store.insert({ actor: 'old', action: 'legacy', entity: 'x', entityId: String(i), before: null, after: null, address: null });
  for (let i = 0; i < count; i += 1) {
    await appendToAuditChain(store, [
      {
        actor: `user${i}@demo.osl`,
        action: 'config.updated',
        entity: 'indicator',
        entityId: `P${i}`,
        before: { target: i },
        after: { target: i + 1, note: 'żółw' },
        address: '127.0.0.1',
      },
    ]);
  }
  return rows;
}

const copy = (rows: AuditChainRow[]) => rows.map((row) => ({ ...row }));

describe('the audit hash chain', () => {
  it('writes canonical JSON: sorted keys at every depth, no whitespace, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: 'ą' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"ą","z":null}]},"b":1}');
    expect(canonicalJson(new Date('2026-01-01T00:00:00Z'))).toBe('"2026-01-01T00:00:00.000Z"');
    expect(() => canonicalJson({ a: 1n })).toThrow();
  });

  it('hashes the same content to the same hash whatever its key order, and different content differently', () => {
    const base: AuditChainContent = {
      id: 7,
      at: new Date('2026-03-01T10:00:00Z'),
      actor: 'a',
      action: 'x.y',
      entity: 'e',
      entityId: '1',
      before: { a: 1, b: 2 },
      after: null,
      address: null,
    };
    const reordered = { ...base, before: { b: 2, a: 1 } };
    expect(auditEntryHash(reordered, 'p')).toBe(auditEntryHash(base, 'p'));
    expect(auditEntryHash(base, 'p')).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash({ ...base, id: 8 }, 'p')).not.toBe(auditEntryHash(base, 'p'));
    expect(auditEntryHash(base, 'q')).not.toBe(auditEntryHash(base, 'p'));
    expect(auditEntryHash({ ...base, before: { a: 1, b: 3 } }, 'p')).not.toBe(auditEntryHash(base, 'p'));
    // The stored form counts: a date in before/after is hashed as the text the database keeps.
    expect(auditEntryHash({ ...base, after: { at: new Date('2026-01-01T00:00:00Z') } }, null)).toBe(
      auditEntryHash({ ...base, after: { at: '2026-01-01T00:00:00.000Z' } }, null),
    );
  });

  it('finds an intact chain intact, with its count and last entry', async () => {
    const rows = await trail(5);
    expect(verifyAuditChain(rows)).toEqual({ intact: true, entries: 5, firstBroken: null, last: { id: 5, at: rows[4]!.at, hash: rows[4]!.hash } });
    expect(rows[0]!.prevHash).toBeNull();
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
    expect(verifyAuditChain([])).toEqual({ intact: true, entries: 0, firstBroken: null, last: null });
  });

  it('reports an edited field at the edited entry', async () => {
    for (const edit of [{ actor: 'intruder' }, { after: { target: 99, note: 'żółw' } }, { at: new Date(0) }, { address: null }, { entityId: 'P9' }]) {
      const rows = copy(await trail(5));
      Object.assign(rows[2]!, edit);
      expect(verifyAuditChain(rows)).toMatchObject({ intact: false, entries: 5, firstBroken: { id: 3, reason: 'content-changed' } });
    }
  });

  it('reports a deleted entry at the entry after it, and a deleted first entry at the new first', async () => {
    const rows = await trail(5);
    expect(verifyAuditChain(rows.filter((row) => row.id !== 3))).toMatchObject({ intact: false, entries: 4, firstBroken: { id: 4, reason: 'link-broken' } });
    expect(verifyAuditChain(rows.slice(1))).toMatchObject({ firstBroken: { id: 2, reason: 'link-broken' } });
  });

  it('reports swapped entries (their contents exchanged between ids) at the first of them', async () => {
    const rows = copy(await trail(5));
    const [second, fourth] = [rows[1]!, rows[3]!];
    rows[1] = { ...fourth, id: 2 };
    rows[3] = { ...second, id: 4 };
    expect(verifyAuditChain(rows)).toMatchObject({ intact: false, firstBroken: { id: 2, reason: 'content-changed' } });
  });

  it('reports an edited previous hash or hash, and a removed hash', async () => {
    const prev = copy(await trail(4));
    prev[2]!.prevHash = prev[0]!.hash;
    expect(verifyAuditChain(prev)).toMatchObject({ firstBroken: { id: 3, reason: 'content-changed' } });
    // Even with its own hash recomputed to match, the entry no longer links to the one before it.
    prev[2]!.hash = auditEntryHash(prev[2]!, prev[2]!.prevHash);
    expect(verifyAuditChain(prev)).toMatchObject({ firstBroken: { id: 3, reason: 'link-broken' } });
    const hash = copy(await trail(4));
    hash[1]!.hash = 'f'.repeat(64);
    expect(verifyAuditChain(hash)).toMatchObject({ firstBroken: { id: 2, reason: 'content-changed' } });
    const removed = copy(await trail(4));
    removed[3]!.hash = null;
    expect(verifyAuditChain(removed)).toMatchObject({ firstBroken: { id: 4, reason: 'not-sealed' } });
  });

  it('seals entries from before the chain in id order at the first append, so the new entries link to them', async () => {
    const rows = await trail(2, 3);
    expect(rows).toHaveLength(5);
    expect(verifyAuditChain(rows)).toMatchObject({ intact: true, entries: 5 });
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
  });

  it('refuses entries out of id order', async () => {
    const rows = await trail(3);
    expect(() => verifyAuditChain([rows[1]!, rows[0]!])).toThrow(/id order/);
  });
});
