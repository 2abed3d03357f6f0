import { z } from 'zod';
import { frozenVerdict } from './periods.contract.ts';
import { contract, queryChoice, queryText } from '../lib/route-contract.ts';
import { exportLang } from './exports.contract.ts';

const auditEvent = z
  .object({
    id: z.int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    address: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const auditContracts = {
  // Dates and paging are checked by parseAuditFilter (services/audit.service.ts), which the command line shares.
  list: contract({
    query: z.object({
      from: queryText(40).meta({ description: 'YYYY-MM-DD or date-time' }),
      to: queryText(40).meta({ description: 'YYYY-MM-DD or date-time' }),
      actor: queryText().meta({ description: 'e-mail' }),
      action: queryText().meta({ description: 'e.g. import or import.imported' }),
      entity: queryText().meta({ description: 'e.g. activity' }),
      entityId: queryText().meta({ description: 'e.g. an activity id' }),
      limit: queryText(12).meta({ description: '1–1000' }),
      offset: queryText(12).meta({ description: 'number' }),
      format: queryChoice(['json', 'csv'], 'json').meta({ description: 'json (default) or csv' }),
      lang: exportLang,
    }),
    response: z.object({ total: z.int(), events: z.array(auditEvent) }).meta({ id: 'AuditPage' }),
    files: { 'text/csv': 'with format=csv: the events as a CSV file' },
  }),
  verify: contract({
    response: z
      .object({
        intact: z.boolean().meta({ description: 'the chain and every closed period hold' }),
        entries: z.int().meta({ description: 'entries checked' }),
        firstBroken: z
          .object({
            id: z.int(),
            reason: z.enum(['not-sealed', 'content-changed', 'link-broken']).meta({
              description:
                'not-sealed: no hash; content-changed: the hash does not match the content; link-broken: the previous hash is not the previous entry’s',
            }),
          })
          .nullable(),
        checkedAt: z.string(),
        last: z
          .object({ id: z.int(), at: z.string(), hash: z.string().nullable() })
          .nullable()
          .meta({ description: 'the newest entry; its hash anchors the chain when written down elsewhere' }),
        periods: frozenVerdict.meta({ description: 'the closed reporting periods: each frozen version against its fingerprint and the trail' }),
      })
      .meta({ id: 'AuditChainVerdict' }),
  }),
  actors: contract({
    response: z
      .array(z.object({ actor: z.string(), name: z.string().nullable().meta({ description: "the account's name; null for 'system' and the like" }) }))
      .meta({ id: 'AuditActors' }),
  }),
};
