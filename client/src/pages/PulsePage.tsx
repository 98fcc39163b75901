import { t } from '../i18n/messages.js';

/** The pulse a team member answers from their personal link. */
export default function PulsePage({ token }: { token: string }) {
  return (
    <main className="page pulse" data-token-length={token.length}>
      <h1>{t('pulse.title')}</h1>
    </main>
  );
}
