import { Route } from 'wouter';
import { RequireRole } from '../components/RequireRole.js';
import { CustomersPage } from './CustomersPage.js';
import { RemediesGuidePage } from './RemediesGuidePage.js';

/** The customer map and the remedies guide, as a fragment for the dashboard's <Switch>. The server checks the same roles. */
export const partnerRoutes = (
  <>
    <Route path="/customers">
      <RequireRole roles={['admin', 'hr', 'leader']}>
        <CustomersPage />
      </RequireRole>
    </Route>
    <Route path="/guide/remedies">
      <RequireRole roles={['admin', 'hr', 'leader']}>
        <RemediesGuidePage />
      </RequireRole>
    </Route>
  </>
);
