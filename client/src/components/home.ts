import type { Role } from '@pulse/shared';

/** Where a person lands after signing in. */
export const homeFor = (role: Role) => (role === 'member' ? '/' : '/teams');

/** A `next` parameter is followed only within this site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}
