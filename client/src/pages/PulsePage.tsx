import { useEffect, useState } from 'react';
import { useResource } from '../api/use-resource.js';
import { ErrorState, Loading } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { fetchPulse } from '../pulse/pulse-api.js';
import { PulseForm } from '../pulse/PulseForm.js';
import { noticeByStatus, PulseNotice, type NoticeKind } from '../pulse/PulseNotice.js';
import '../pulse/pulse.css';

/** The pulse a team member answers from their personal link; no login, the token is the key. */
export default function PulsePage({ token }: { token: string }) {
  const pulse = useResource(`pulse:${token}`, () => fetchPulse(token));
  const [done, setDone] = useState<NoticeKind>();
  useEffect(() => {
    document.title = `${t('pulse.title')} · ${t('app.name')}`;
  }, []);

  if (done) return <PulseNotice kind={done} />;
  if (pulse.status === 'loading') return <Loading />;
  if (pulse.status === 'error') {
    const notice = noticeByStatus[pulse.error.status];
    if (notice) return <PulseNotice kind={notice} />;
    return (
      <main className="page pulse">
        <h1>{t('pulse.title')}</h1>
        <ErrorState message={pulse.error.message} onRetry={pulse.reload} />
      </main>
    );
  }
  return <PulseForm token={token} pulse={pulse.data} onDone={setDone} />;
}
