import { Route } from 'wouter';
import { RequireRole } from '../components/RequireRole.js';
import { ExportPage } from './ExportPage.js';
import { OverviewPage } from './OverviewPage.js';
import { TeamInsightsPage } from './TeamInsightsPage.js';

/** Dashboards and export, as a fragment for the dashboard's <Switch>. The server checks the same roles. */
export const insightsRoutes = (
  <>
    <Route path="/insights">
      <RequireRole roles={['admin', 'hr', 'leader']}>
        <OverviewPage />
      </RequireRole>
    </Route>
    <Route path="/insights/teams/:id">
      {(params: { id: string }) => (
        <RequireRole roles={['admin', 'hr', 'leader']}>
          <TeamInsightsPage key={params.id} id={params.id} />
        </RequireRole>
      )}
    </Route>
    <Route path="/exports">
      <RequireRole roles={['admin', 'hr']}>
        <ExportPage />
      </RequireRole>
    </Route>
  </>
);
