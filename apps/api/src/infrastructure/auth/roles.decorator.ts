import type { Role } from '@coachflow/contracts';
import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'coachflow:roles';

/** Limits a route to callers holding one of `roles`; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
