import { z } from 'zod';
import { contract } from '../lib/route-contract.ts';
import { sessionUser } from './users.contract.ts';

export const authContracts = {
  session: contract({
    response: z
      .object({ user: sessionUser.nullable(), csrfToken: z.string().nullable(), expiresAt: z.string().nullable(), demo: z.boolean() })
      .meta({ id: 'SessionResponse' }),
  }),
  signIn: contract({
    body: z.object({ email: z.string().max(254), password: z.string().max(256) }),
    response: z.object({ user: sessionUser, csrfToken: z.string(), expiresAt: z.string() }),
  }),
  signOut: contract({}),
  changePassword: contract({
    body: z.object({ currentPassword: z.string(), newPassword: z.string().meta({ description: 'at least the configured length; not the e-mail' }) }),
  }),
};
