import type { Scope } from './access-matrix.ts';
import type { Role } from './roles.ts';

/** Who is asking, as the guard established it: the user and the scope of this route for their role. */
export interface Viewer {
  userId: number;
  email: string;
  role: Role;
  communities: string[];
  scope: Scope;
  sessionId: string;
  address: string | null;
}

/** What the audit trail records as "who" for a request. */
export function actorOf(viewer: Viewer | null | undefined): string {
  return viewer ? viewer.email : 'anonymous';
}
