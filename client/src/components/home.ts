import type { Role } from '@pulse/shared';

/**
 * Where a person lands after signing in: leaders and HR on their teams' insights (what they
 * come for), admins on the organisation they set up, members on their own page.
 */
export const homeFor = (role: Role) => (role === 'member' ? '/' : role === 'admin' ? '/teams' : '/insights');
