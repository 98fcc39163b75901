import { Route, Switch } from 'wouter';
import { SessionProvider } from '../components/SessionProvider.js';
import { accessRoutes } from './access-routes.js';
import { HomePage } from './HomePage.js';
import { insightsRoutes } from './insights-routes.js';
import { NotFoundPage } from './NotFoundPage.js';
import { partnerRoutes } from './partner-routes.js';

/** The signed-in area: every page but the pulse. */
export default function Dashboard() {
  return (
    <SessionProvider>
      <Switch>
        <Route path="/">
          <HomePage />
        </Route>
        {accessRoutes}
        {insightsRoutes}
        {partnerRoutes}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </SessionProvider>
  );
}
