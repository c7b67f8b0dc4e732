/** Roles a user can hold in an organisation (see shared/DESIGN.md, "Roles"). */
export const ROLES = ['admin', 'leader', 'manager', 'rep'] as const;

export type Role = (typeof ROLES)[number];
