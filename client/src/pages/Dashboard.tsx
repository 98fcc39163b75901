import { Route, Switch } from 'wouter';
import { HomePage } from './HomePage.js';
import { NotFoundPage } from './NotFoundPage.js';

/** The signed-in area: every page but the pulse. */
export default function Dashboard() {
  return (
    <Switch>
      <Route path="/">
        <HomePage />
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
