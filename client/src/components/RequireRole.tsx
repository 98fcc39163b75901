import type { Role } from '@pulse/shared';
import { Suspense, type ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { t } from '../i18n/messages.js';
import { AppShell } from './AppShell.js';
import { useSession } from './SessionProvider.js';
import { ErrorState, Loading } from './states.js';

/**
 * Shows `children` inside the app shell to the listed roles; sends anyone signed out to the
 * login page (coming back here afterwards). A lazy page shows a loading state while its code arrives. The server enforces the same rule on every route.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  const { state } = session;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={() => void session.refresh()} />;
  // Back to the same view after signing in: the address carries its state (cycle, range, sort).
  if (state.status === 'signed-out')
    return <Redirect to={`/login?next=${encodeURIComponent(search ? `${location}?${search}` : location)}`} />;
  if (!roles.includes(state.user.role)) {
    return (
      <AppShell>
        <h1>{t('access.deniedTitle')}</h1>
        <p>{t('access.deniedBody')}</p>
      </AppShell>
    );
  }
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </AppShell>
  );
}
