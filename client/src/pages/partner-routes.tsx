import { Route } from 'wouter';
import { lazyNamed } from '../components/lazy-named.js';
import { RequireRole } from '../components/RequireRole.js';

// Each page is its own chunk: signing in downloads none of them.
const CustomersPage = lazyNamed(() => import('./CustomersPage.js'), 'CustomersPage');
const RemediesGuidePage = lazyNamed(() => import('./RemediesGuidePage.js'), 'RemediesGuidePage');

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
