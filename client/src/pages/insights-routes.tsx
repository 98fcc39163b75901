import { Route } from 'wouter';
import { lazyNamed } from '../components/lazy-named.js';
import { RequireRole } from '../components/RequireRole.js';

// Each dashboard page is its own chunk, so signing in or opening one page downloads no other.
const OverviewPage = lazyNamed(() => import('./OverviewPage.js'), 'OverviewPage');
const TeamInsightsPage = lazyNamed(() => import('./TeamInsightsPage.js'), 'TeamInsightsPage');
const ActionsPage = lazyNamed(() => import('./ActionsPage.js'), 'ActionsPage');
const ExportPage = lazyNamed(() => import('./ExportPage.js'), 'ExportPage');
const ScalesPage = lazyNamed(() => import('./ScalesPage.js'), 'ScalesPage');

const viewers = ['admin', 'hr', 'leader'] as const;

/** Dashboards and export, as a fragment for the dashboard's <Switch>. The server checks the same roles. */
export const insightsRoutes = (
  <>
    <Route path="/insights">
      <RequireRole roles={viewers}>
        <OverviewPage />
      </RequireRole>
    </Route>
    <Route path="/insights/scales">
      <RequireRole roles={['admin', 'hr']}>
        <ScalesPage />
      </RequireRole>
    </Route>
    <Route path="/insights/teams/:id">
      {(params: { id: string }) => (
        <RequireRole roles={viewers}>
          <TeamInsightsPage key={params.id} id={params.id} />
        </RequireRole>
      )}
    </Route>
    <Route path="/actions">
      <RequireRole roles={viewers}>
        <ActionsPage />
      </RequireRole>
    </Route>
    <Route path="/exports">
      <RequireRole roles={['admin', 'hr']}>
        <ExportPage />
      </RequireRole>
    </Route>
  </>
);
