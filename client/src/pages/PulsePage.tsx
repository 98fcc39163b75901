import { useEffect, useState } from 'react';
import { useResource } from '../api/use-resource.js';
import { ErrorState, Loading } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { fetchPulse, fetchResults } from '../pulse/pulse-api.js';
import { PulseForm } from '../pulse/PulseForm.js';
import { noticeByStatus, PulseNotice, type NoticeKind } from '../pulse/PulseNotice.js';
import { ResultsView } from '../pulse/ResultsView.js';
import '../pulse/pulse.css';

/**
 * The pulse a team member answers from their personal link; no login, the token is the key.
 * Once the pulse has closed, the same link shows the team's results: alike whether it answered.
 */
export default function PulsePage({ token }: { token: string }) {
  const pulse = useResource(`pulse:${token}`, () => fetchPulse(token));
  // An answered or closed link asks for the team's results; a closed cycle shows them.
  const ended = pulse.status === 'error' && (pulse.error.status === 409 || pulse.error.status === 410);
  const results = useResource(ended ? `results:${token}` : null, () => fetchResults(token));
  const [done, setDone] = useState<NoticeKind>();
  const [conversation, setConversation] = useState<string>();
  useEffect(() => {
    document.title = `${t('pulse.title')} · ${t('app.name')}`;
  }, []);

  if (done) return <PulseNotice kind={done} conversation={conversation} />;
  if (pulse.status === 'loading' || (ended && results.status === 'loading')) return <Loading />;
  if (results.status === 'ready' && results.data.cycle.closed) return <ResultsView results={results.data} />;
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
  return (
    <PulseForm
      token={token}
      pulse={pulse.data}
      onDone={(kind, token) => {
        setConversation(token);
        setDone(kind);
      }}
    />
  );
}
