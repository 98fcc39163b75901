import type { Language, User } from '@pulse/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, logout } from '../api/auth.js';
import { ApiRequestError, sessionStarted, whenSessionEnds } from '../api/client.js';
import { setLanguage } from '../i18n/runtime.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User; ownLanguage: Language | null }
  | { status: 'error'; error: ApiRequestError };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null. */
  user: User | null;
  /** Their own choice of language (null: automatic). */
  ownLanguage: Language | null;
  /** After a login or a password link: the server already set the cookie. */
  signedIn(user: User): void;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Knows who is signed in (GET /auth/me once), for every dashboard page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const me = await fetchMe();
      // The dashboard speaks the person's language: their choice, else the browser's, else the organisation's.
      await setLanguage(me.language).catch(() => undefined);
      setState({ status: 'signed-in', user: me.user, ownLanguage: me.ownLanguage });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) setState({ status: 'signed-out' });
      else
        setState({
          status: 'error',
          error: error instanceof ApiRequestError ? error : new ApiRequestError(0, 'client_error', String(error)),
        });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // A session that expires while a page is open sends its reader to sign in again (RequireRole
  // redirects with `next`), instead of leaving an error on the page.
  useEffect(() => {
    whenSessionEnds(() => setState({ status: 'signed-out' }));
    return () => whenSessionEnds(null);
  }, []);
  const value = useMemo<Session>(
    () => ({
      state,
      user: state.status === 'signed-in' ? state.user : null,
      ownLanguage: state.status === 'signed-in' ? state.ownLanguage : null,
      signedIn: (user) => {
        sessionStarted();
        setState({ status: 'signed-in', user, ownLanguage: null });
        // The language is the session's: ask for it (and the person's own choice) once signed in.
        void refresh();
      },
      signOut: async () => {
        await logout();
        setState({ status: 'signed-out' });
      },
      refresh,
    }),
    [state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the dashboard; use inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
