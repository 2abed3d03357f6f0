// The audit trail's hash chain (issue 15), measured, not tested:
//   npm run bench:audit-chain [-- --writes 10000]
// The cost of chaining per audit write: N entries written one write at a time (each its own
// transaction, as a sign-in or a download writes its entry) on a migrated SQLite database,
// (a) as before the chain — one insert — and (b) through the boundary's `appendAudit`, which
// inserts, reads the previous entry's hash and stores the entry's own. Then the verification of
// the whole chain (`AuditService.verifyChain`'s walk, pages of 5,000 in id order).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { AuditChainVerifier, createOperationalDatabase, type AuditChainRow } from '@osl/prisma';

const { values } = parseArgs({ options: { writes: { type: 'string', default: '10000' } } });
const writes = Math.max(1, Number(values.writes));
const row = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);

async function installation() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'osl-bench-audit-'));
  const database = createOperationalDatabase({ ...process.env, OSL_DATA_DIR: dataDir, DATABASE_URL: '' });
  await database.migrate();
  return { database, drop: async () => (await database.close(), fs.rmSync(dataDir, { recursive: true, force: true })) };
}

const entry = (i: number) => ({
  actor: 'dyrektor@demo.osl',
  action: 'config.updated',
  entity: 'indicator',
  entityId: `P${i % 9}`,
  before: { targets: { OST: { '2022': i } } },
  after: { targets: { OST: { '2022': i + 1 } } },
  address: '192.0.2.7',
});

const plain = await installation();
let start = performance.now();
for (let i = 0; i < writes; i++) {
  const e = entry(i);
  await plain.database.client.auditEvent.create({ data: e, select: { id: true } });
}
const plainMs = performance.now() - start;
// The same insert inside an interactive transaction: what a write that records a change already pays.
start = performance.now();
for (let i = 0; i < writes; i++) {
  const e = entry(i);
  await plain.database.client.$transaction((tx) => tx.auditEvent.create({ data: e, select: { id: true } }));
}
const plainTxMs = performance.now() - start;
await plain.drop();

const chained = await installation();
start = performance.now();
for (let i = 0; i < writes; i++) await chained.database.appendAudit([entry(i)]);
const chainedMs = performance.now() - start;

start = performance.now();
const verifier = new AuditChainVerifier();
for (let after = 0; ;) {
  const page = (await chained.database.client.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: 5000 })) as AuditChainRow[];
  if (page.length === 0) break;
  for (const r of page) verifier.push(r);
  after = page.at(-1)!.id;
}
const report = verifier.report();
const verifyMs = performance.now() - start;
await chained.drop();
if (!report.intact || report.entries !== writes) throw new Error(`chain not intact: ${JSON.stringify(report)}`);

row(`${writes} audit writes, one insert each (before the chain)`, `${(plainMs / 1000).toFixed(2)} s (${((plainMs * 1000) / writes).toFixed(0)} µs/write)`);
row(`${writes} audit writes, one insert in a transaction each`, `${(plainTxMs / 1000).toFixed(2)} s (${((plainTxMs * 1000) / writes).toFixed(0)} µs/write)`);
row(`${writes} audit writes, chained (appendAudit)`, `${(chainedMs / 1000).toFixed(2)} s (${((chainedMs * 1000) / writes).toFixed(0)} µs/write)`);
row('cost of chaining per write (vs one insert)', `+${(((chainedMs - plainMs) * 1000) / writes).toFixed(0)} µs (×${(chainedMs / plainMs).toFixed(2)})`);
row(
  'cost of chaining per write (vs an insert in a transaction)',
  `+${(((chainedMs - plainTxMs) * 1000) / writes).toFixed(0)} µs (×${(chainedMs / plainTxMs).toFixed(2)})`,
);
row(`verifying the chain of ${writes} entries`, `${(verifyMs / 1000).toFixed(2)} s`);
