// Codes that reach people inside server messages, as words of the catalogue (lib/messages.ts): a
// message names a role or a mode in the reader's language, never by its code.
import type { Role } from '../auth/roles.ts';
import type { InstantParam, MessageRef } from './messages.ts';

export function roleWords(role: Role): MessageRef {
  return { key: `role.${role}` };
}

export function pipelineModeWords(mode: 'full' | 'incremental'): MessageRef {
  return { key: `pipeline.mode.${mode}` };
}

/** A moment, written as the reader's calendar and clock show it. */
export function instant(at: Date | string): InstantParam {
  return { instant: typeof at === 'string' ? at : at.toISOString() };
}
