import { Route } from 'wouter';
import { lazyNamed } from '../components/lazy-named.js';
import { RequireRole } from '../components/RequireRole.js';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { LoginPage } from './LoginPage.js';
import { SetPasswordPage } from './SetPasswordPage.js';

// Each page is its own chunk: signing in downloads none of them.
const ChatPage = lazyNamed(() => import('./ChatPage.js'), 'ChatPage');
const AuditPage = lazyNamed(() => import('./AuditPage.js'), 'AuditPage');
const MembersPage = lazyNamed(() => import('./MembersPage.js'), 'MembersPage');
const OutboxPage = lazyNamed(() => import('./OutboxPage.js'), 'OutboxPage');
const PulsesPage = lazyNamed(() => import('./PulsesPage.js'), 'PulsesPage');
const QuestionsPage = lazyNamed(() => import('./QuestionsPage.js'), 'QuestionsPage');
const SettingsPage = lazyNamed(() => import('./SettingsPage.js'), 'SettingsPage');
const TeamsPage = lazyNamed(() => import('./TeamsPage.js'), 'TeamsPage');
const UsersPage = lazyNamed(() => import('./UsersPage.js'), 'UsersPage');

/**
 * People and access pages, as a fragment for the dashboard's <Switch> (which flattens
 * fragments). Each page names the roles that may open it; the server checks the same.
 */
export const accessRoutes = (
  <>
    <Route path="/login">
      <LoginPage />
    </Route>
    <Route path="/reset">
      <ForgotPasswordPage />
    </Route>
    <Route path="/set-password">
      <SetPasswordPage />
    </Route>
    <Route path="/teams">
      <RequireRole roles={['admin', 'hr', 'leader']}>
        <TeamsPage />
      </RequireRole>
    </Route>
    <Route path="/members">
      <RequireRole roles={['admin', 'hr', 'leader']}>
        <MembersPage />
      </RequireRole>
    </Route>
    <Route path="/users">
      <RequireRole roles={['admin', 'hr']}>
        <UsersPage />
      </RequireRole>
    </Route>
    <Route path="/audit">
      <RequireRole roles={['admin', 'hr']}>
        <AuditPage />
      </RequireRole>
    </Route>
    <Route path="/outbox/:id?">
      {(params: { id?: string }) => (
        <RequireRole roles={['admin']}>
          <OutboxPage id={params.id} />
        </RequireRole>
      )}
    </Route>
    <Route path="/questions">
      <RequireRole roles={['admin', 'hr']}>
        <QuestionsPage />
      </RequireRole>
    </Route>
    <Route path="/pulses">
      <RequireRole roles={['admin', 'hr']}>
        <PulsesPage />
      </RequireRole>
    </Route>
    <Route path="/settings">
      <RequireRole roles={['admin']}>
        <SettingsPage />
      </RequireRole>
    </Route>
    <Route path="/chat">
      <RequireRole roles={['admin']}>
        <ChatPage />
      </RequireRole>
    </Route>
  </>
);
