import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { requestPasswordReset } from '../api/auth.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

/** Ask for a single-use link to choose a new password. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction(requestPasswordReset);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(email)) setSent(true);
  };
  return (
    <main id="main" className="page narrow">
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <Notice>{t('reset.sent', { email })}</Notice>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="stack">
          <p>{t('reset.intro')}</p>
          <Field label={t('login.email')}>
            {(props) => (
              <input {...props} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <FormError error={action.error} />
          <button type="submit" disabled={action.pending}>
            {t('reset.submit')}
          </button>
        </form>
      )}
      <p>
        <Link href="/login">{t('reset.back')}</Link>
      </p>
    </main>
  );
}
