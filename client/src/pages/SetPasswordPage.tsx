import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { fetchTokenInfo, setPassword } from '../api/auth.js';
import { useResource } from '../api/use-resource.js';
import { Field, FormError } from '../components/forms.js';
import { homeFor } from '../components/home.js';
import { useSession } from '../components/SessionProvider.js';
import { ErrorState, Loading } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

/** Choose a password from an invitation or reset link (`/set-password?token=…`). */
export function SetPasswordPage() {
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const info = useResource(token || null, () => fetchTokenInfo(token));
  const session = useSession();
  const [, navigate] = useLocation();
  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const action = useAction(setPassword);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    const result = await action.run({ token, password });
    if (!result) return;
    session.signedIn(result.user);
    navigate(homeFor(result.user.role));
  };

  let body;
  const linkBroken = !token || (info.status === 'error' && [400, 404, 410].includes(info.error.status));
  if (linkBroken) {
    body = (
      <div className="state state-error" role="alert">
        <p>{t('setPassword.invalid')}</p>
        <Link href="/reset">{t('setPassword.askNew')}</Link>
      </div>
    );
  } else if (info.status === 'error') {
    body = <ErrorState message={info.error.message} onRetry={info.reload} />;
  } else if (info.status === 'loading') {
    body = <Loading />;
  } else {
    body = (
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <p>
          {t(info.data.purpose === 'invite' ? 'setPassword.inviteIntro' : 'setPassword.resetIntro', {
            name: info.data.name,
            email: info.data.email,
          })}
        </p>
        <input type="email" hidden readOnly autoComplete="username" value={info.data.email} />
        <Field label={t('setPassword.password')} hint={t('setPassword.hint')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPasswordValue(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('setPassword.confirm')} error={mismatch ? t('setPassword.mismatch') : undefined}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <FormError error={action.error} />
        <button type="submit" disabled={action.pending}>
          {t('setPassword.submit')}
        </button>
      </form>
    );
  }
  return (
    <main id="main" className="page narrow">
      <h1>{t('setPassword.title')}</h1>
      {body}
    </main>
  );
}
