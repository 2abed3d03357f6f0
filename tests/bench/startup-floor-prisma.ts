// A floor of the start-up benchmark (startup.bench.ts): node with the Prisma client and one query, nothing else.
import { createPrismaClient } from '@osl/prisma';

const client = createPrismaClient();
await client.indicator.count();
await client.$disconnect();
