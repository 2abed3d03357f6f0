import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { BoundedSemaphore } from '../lib/bounded-semaphore.ts';
import type { MessageKey, MessageParams } from '../lib/messages.ts';

// OWASP's argon2id minimum (19 MiB, 2 passes): ~60 ms here, slow enough for guessing, fast enough for a sign-in.
const argon2Options = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Every hash and check of this process goes through here: each takes a core and 19 MiB, and 64 at
 * once left nothing for other requests. Two run at once; 32 more sign-ins may wait (about a second);
 * beyond that a check is refused (SemaphoreFullError: the sign-in answers 503 with Retry-After).
 */
export const passwordWork = new BoundedSemaphore(2, 32, 1);

/** A new hash (an account created, a password set): signed-in people and the CLI ask for it, so it always waits its turn. */
export function hashPassword(password: string): Promise<string> {
  return passwordWork.run(() => hash(password, argon2Options), { alwaysWait: true });
}

/** Whether the password matches; rejects with SemaphoreFullError when too many checks wait. */
export function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  return passwordWork.run(async () => {
    // Without a hash (an account never given a password) the work is still done, so the answer
    // takes as long as for a real account.
    if (!passwordHash) {
      await hash(password, argon2Options);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// No 0/O, 1/l/I: a one-time password is read off a terminal and typed.
const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of `length` characters (16 ≈ 93 bits). */
export function generatePassword(length = 16): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (out.length < length && byte < limit) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** Why a new password is not acceptable (a message of the catalogue), or null. */
export interface PasswordProblem {
  key: MessageKey;
  params: MessageParams;
}

export function passwordProblem(password: unknown, minLength: number): PasswordProblem | null {
  if (typeof password !== 'string') return { key: 'password.not_string', params: {} };
  if (password.length < minLength) return { key: 'password.too_short', params: { min: minLength } };
  if (password.length > maxPasswordLength) return { key: 'password.too_long', params: { max: maxPasswordLength } };
  if (/^(.)\1*$/.test(password)) return { key: 'password.repeated', params: {} };
  return null;
}

const maxPasswordLength = 256;
