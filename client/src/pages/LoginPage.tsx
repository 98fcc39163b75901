import { useState, type FormEvent } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import type { SsoFailure } from '@pulse/shared';
import { login, useSignInMethods } from '../api/auth.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { safeNext } from '@pulse/shared/next-path';
import { homeFor } from '../components/home.js';
import { useSession } from '../components/SessionProvider.js';
import { Loading } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t, type MessageKey } from '../i18n/messages.js';

const SSO_FAILURES: readonly SsoFailure[] = ['failed', 'expired', 'denied', 'unverified_email', 'unknown_person', 'unavailable'];

/** Why a single sign-on came back here, from `?sso=`, in plain words. */
function SsoFailureNotice({ reason }: { reason: string | null }) {
  const known = SSO_FAILURES.find((r) => r === reason);
  if (!known) return null;
  return (
    <div className="state state-error" role="alert">
      <p className="error-title">{t('sso.failed.title')}</p>
      <p>{t(`sso.failed.${known}` as MessageKey)}</p>
    </div>
  );
}

/** Sign in through the company's OpenID provider when configured, or with email and password. */
export function LoginPage() {
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(login);
  const methods = useSignInMethods();
  const oidc = methods.data?.oidc ?? null;

  if (session.state.status === 'loading') return <Loading />;
  if (session.user) return <Redirect to={next ?? homeFor(session.user.role)} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run({ email, password });
    if (!result) return;
    session.signedIn(result.user);
    navigate(next ?? homeFor(result.user.role));
  };
  return (
    <main id="main" className="page narrow">
      <h1>{t('login.title')}</h1>
      {params.get('signedOut') && <Notice>{t('login.signedOut')}</Notice>}
      <SsoFailureNotice reason={params.get('sso')} />
      {oidc && (
        <p>
          <a className="sso-button" href={`${oidc.loginUrl}${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('sso.signInWith', { name: oidc.name })}
          </a>
        </p>
      )}
      {oidc && methods.data?.password === 'admin-only' && <p>{t('sso.adminOnly', { name: oidc.name })}</p>}
      {oidc && <h2>{t('sso.or')}</h2>}
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <Field label={t('login.email')}>
          {(props) => (
            <input {...props} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field label={t('login.password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <FormError error={action.error} />
        <button type="submit" disabled={action.pending}>
          {action.pending ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
      <p>
        <Link href="/reset">{t('login.forgot')}</Link>
      </p>
    </main>
  );
}
