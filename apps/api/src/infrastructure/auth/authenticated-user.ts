import type { Role } from '@coachflow/contracts';

/** The caller of a request, as the auth guard found them (active, with a valid token). */
export interface AuthenticatedUser {
  id: string;
  organisationId: string;
  role: Role;
  managerId: string | null;
  /** The sign-in session of the request's token (absent only where code builds a caller itself). */
  sessionId?: string;
}
