import { useState, type FormEvent } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { login } from '../api/auth.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { homeFor, safeNext } from '../components/home.js';
import { useSession } from '../components/SessionProvider.js';
import { Loading } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

/** Sign in with email and password. */
export function LoginPage() {
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(login);

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
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <Field label={t('login.email')}>
          {(props) => <input {...props} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('login.password')}>
          {(props) => (
            <input {...props} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
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
