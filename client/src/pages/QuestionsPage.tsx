import type { Team } from '@pulse/shared';
import type { Instrument } from '@pulse/shared/api/questionnaire';
import { useState } from 'react';
import { setEnps, useInstrument } from '../api/questionnaire.js';
import { useTeams } from '../api/teams.js';
import { FormError, Notice } from '../components/forms.js';
import { EmptyState, Resource } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';
import { AddQuestionForm } from './questions/AddQuestionForm.js';
import { QuestionItem } from './questions/QuestionItem.js';
import './questions/questions.css';

/** eNPS on or off, for pulses created from now on. */
function EnpsSwitch({ on, onChanged }: { on: boolean; onChanged: (message: string) => void }) {
  const action = useAction(setEnps);
  const toggle = async (enabled: boolean) => {
    if (await action.run(enabled)) onChanged(t(enabled ? 'enps.turnedOn' : 'enps.turnedOff'));
  };
  return (
    <section className="stack" aria-labelledby="enps-title">
      <h2 id="enps-title">{t('enps.settingTitle')}</h2>
      <p>{t('enps.settingIntro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={on} disabled={action.pending} onChange={(e) => void toggle(e.target.checked)} />
        {t('enps.settingLabel')}
      </label>
      <FormError error={action.error} />
    </section>
  );
}

/**
 * HR's questions (/questions): eNPS on or off, and up to five questions of their own, for
 * everyone or chosen teams. A change applies to pulses created from then on; answers already
 * given keep the questions they answered.
 */
export function QuestionsPage() {
  const instrument = useInstrument();
  const teams = useTeams();
  const [notice, setNotice] = useState('');
  const changed = (message: string) => {
    setNotice(message);
    instrument.reload();
  };
  return (
    <>
      <h1>{t('questions.title')}</h1>
      <p>{t('questions.intro')}</p>
      <Notice>{notice}</Notice>
      <Resource state={instrument}>
        {(data) => <Resource state={teams}>{(list) => <Questions data={data} teams={list.teams} onChanged={changed} />}</Resource>}
      </Resource>
    </>
  );
}

function Questions({ data, teams, onChanged }: { data: Instrument; teams: Team[]; onChanged: (message: string) => void }) {
  const active = data.items.filter((i) => i.retiredAt === null);
  const retired = data.items.filter((i) => i.retiredAt !== null);
  return (
    <>
      <section className="stack" aria-labelledby="own-title">
        <h2 id="own-title">{t('questions.activeTitle', { count: active.length, max: data.maxActive })}</h2>
        {active.length === 0 ? (
          <EmptyState>{t('questions.none')}</EmptyState>
        ) : (
          <ul className="question-list">
            {active.map((item) => (
              <QuestionItem key={`${item.id}:${item.text}:${item.teamIds.join()}`} item={item} teams={teams} onChanged={onChanged} />
            ))}
          </ul>
        )}
        <h3>{t('questions.addTitle')}</h3>
        {active.length >= data.maxActive ? (
          <p>{t('questions.full', { max: data.maxActive })}</p>
        ) : (
          <AddQuestionForm teams={teams} onAdded={(text) => onChanged(t('questions.added', { text }))} />
        )}
      </section>
      <EnpsSwitch on={data.enps} onChanged={onChanged} />
      {retired.length > 0 && (
        <section className="stack" aria-labelledby="retired-title">
          <h2 id="retired-title">{t('questions.retiredTitle')}</h2>
          <ul className="message-list">
            {retired.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
