/**
 * Prisma's interactive transactions give up after 5 s (and after 2 s waiting to start). Writing the
 * configuration at start-up is a few hundred statements: on a busy machine (seen: a loaded CI host)
 * it can take longer, and a start that fails for it is worse than a slow one.
 */
export const configurationTransaction = { timeout: 60_000, maxWait: 60_000 };
