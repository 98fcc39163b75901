import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from './components/states.js';

// Each area is its own chunk: the pulse page never downloads dashboard or chart code.
const PulsePage = lazy(() => import('./pages/PulsePage.js'));
const ConversationPage = lazy(() => import('./pages/ConversationPage.js'));
const Dashboard = lazy(() => import('./pages/Dashboard.js'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/p/:token">{(params) => <PulsePage token={params.token} />}</Route>
        <Route path="/c/:token">{(params) => <ConversationPage token={params.token} />}</Route>
        <Route>
          <Dashboard />
        </Route>
      </Switch>
    </Suspense>
  );
}
