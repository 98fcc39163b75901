import type { Pulse } from '@pulse/shared/api/pulse';
import type { Language } from '@pulse/shared/languages';
import { useEffect, useState } from 'react';
import { useResource } from '../api/use-resource.js';
import { ErrorState, Loading } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { setLanguage } from '../i18n/runtime.js';
import { fetchPulse, fetchResults } from '../pulse/pulse-api.js';
import { PulseForm } from '../pulse/PulseForm.js';
import { noticeByStatus, PulseNotice, type NoticeKind } from '../pulse/PulseNotice.js';
import { ResultsView } from '../pulse/ResultsView.js';
import '../pulse/pulse.css';

/** The pulse, once the interface speaks its language. */
async function pulseInItsLanguage(token: string): Promise<Pulse> {
  const pulse = await fetchPulse(token);
  await setLanguage(pulse.language);
  return pulse;
}

/**
 * The pulse a team member answers from their personal link; no login, the token is the key.
 * Once the pulse has closed, the same link shows the team's results: alike whether it answered.
 */
export default function PulsePage({ token }: { token: string }) {
  // The page speaks the pulse's language (the member's own) before it shows anything.
  const pulse = useResource(`pulse:${token}`, () => pulseInItsLanguage(token));
  // The switch: this answer only, in another language; the answers chosen so far stay.
  const [switched, setSwitched] = useState<Pulse>();
  const [switching, setSwitching] = useState(false);
  async function switchTo(language: Language) {
    setSwitching(true);
    try {
      const next = await fetchPulse(token, language);
      await setLanguage(language);
      setSwitched(next);
    } catch {
      // The page stays as it was; trying again is one click.
    } finally {
      setSwitching(false);
    }
  }
  // An answered or closed link asks for the team's results; a closed cycle shows them.
  const ended = pulse.status === 'error' && (pulse.error.status === 409 || pulse.error.status === 410);
  const results = useResource(ended ? `results:${token}` : null, () => fetchResults(token));
  const [done, setDone] = useState<NoticeKind>();
  const [conversation, setConversation] = useState<string>();
  const title = `${t('pulse.title')} · ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

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
      pulse={switched ?? pulse.data}
      switching={switching}
      onLanguage={(language) => void switchTo(language)}
      onDone={(kind, token) => {
        setConversation(token);
        setDone(kind);
      }}
    />
  );
}
