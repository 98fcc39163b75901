import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'wouter';
import { RequireRole } from '../components/RequireRole.js';
import { Loading } from '../components/states.js';

// Each dashboard page is its own chunk, so signing in or opening one page downloads no other.
const OverviewPage = lazy(() => import('./OverviewPage.js').then((m) => ({ default: m.OverviewPage })));
const TeamInsightsPage = lazy(() => import('./TeamInsightsPage.js').then((m) => ({ default: m.TeamInsightsPage })));
const ActionsPage = lazy(() => import('./ActionsPage.js').then((m) => ({ default: m.ActionsPage })));
const ExportPage = lazy(() => import('./ExportPage.js').then((m) => ({ default: m.ExportPage })));

const viewers = ['admin', 'hr', 'leader'] as const;

/** The page inside the shell for `roles`, with a loading state while its code arrives. */
function Page({ roles, children }: { roles: readonly ('admin' | 'hr' | 'leader')[]; children: ReactNode }) {
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireRole>
  );
}

/** Dashboards and export, as a fragment for the dashboard's <Switch>. The server checks the same roles. */
export const insightsRoutes = (
  <>
    <Route path="/insights">
      <Page roles={viewers}>
        <OverviewPage />
      </Page>
    </Route>
    <Route path="/insights/teams/:id">
      {(params: { id: string }) => (
        <Page roles={viewers}>
          <TeamInsightsPage key={params.id} id={params.id} />
        </Page>
      )}
    </Route>
    <Route path="/actions">
      <Page roles={viewers}>
        <ActionsPage />
      </Page>
    </Route>
    <Route path="/exports">
      <Page roles={['admin', 'hr']}>
        <ExportPage />
      </Page>
    </Route>
  </>
);
