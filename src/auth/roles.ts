/** Roles in increasing order; each includes the ones before it. */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Who made a request: a logged-in user (JWT) or an integrator's API key. */
export interface Principal {
  kind: 'user' | 'api_key';
  id: string;
  /** Username or API key name; recorded as `updated_by` / `actor` in audit trails. */
  name: string;
  role: Role;
}
