import { z } from 'zod';
import { roles } from '../auth/roles.ts';
import { contract } from '../lib/route-contract.ts';

export const role = z.enum(roles);

/** An account as the API shows it (never the password hash). */
export const sessionUser = z
  .object({
    id: z.int(),
    email: z.string(),
    displayName: z.string(),
    role,
    communities: z.array(z.string()),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SessionUser' });

const accountId = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'must be a number' })
    .transform(Number)
    .meta({ description: 'the account id' }),
});

export const usersContracts = {
  list: contract({ response: z.array(sessionUser) }),
  create: contract({
    body: z.object({
      email: z.string(),
      role,
      displayName: z.string().optional(),
      communities: z.array(z.string()).optional(),
      password: z.string().optional().meta({ description: 'absent: a one-time password is generated and returned' }),
    }),
    response: z.object({ user: sessionUser, oneTimePassword: z.string().nullable() }),
  }),
  update: contract({
    params: accountId,
    body: z.object({
      displayName: z.string().optional(),
      role: role.optional(),
      communities: z.array(z.string()).optional(),
      disabled: z.boolean().optional(),
    }),
    response: sessionUser,
  }),
  resetPassword: contract({ params: accountId, response: z.object({ user: sessionUser, oneTimePassword: z.string() }) }),
};
