// A floor of the start-up benchmark (startup.bench.ts): node with the operational database's Prisma client and one query, nothing else.
import { createOperationalDatabase } from '@osl/prisma';

const database = createOperationalDatabase();
await database.client.indicator.count();
await database.close();
