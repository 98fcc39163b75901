import type { Settings } from '@pulse/shared';
import { languageNames, languages, type Language } from '@pulse/shared/languages';
import { MAX_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '@pulse/shared/limits';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { updateDefaultLanguage, updateSettings, useSettings } from '../api/settings.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { Resource } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

function ThresholdForm({ current, latest }: { current: number; latest: Settings['latestPublication'] }) {
  const [value, setValue] = useState(String(current));
  const [saved, setSaved] = useState('');
  const action = useAction(updateSettings);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const result = await action.run({ anonymityThreshold: Number(value) });
    if (!result) return;
    setSaved(t('settings.saved', { value: result.anonymityThreshold }));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="stack narrow" noValidate>
      <Field label={t('settings.threshold')} hint={t('settings.thresholdHint')}>
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={MIN_ANONYMITY_THRESHOLD}
            max={MAX_ANONYMITY_THRESHOLD}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <p>
        {latest ? `${t('settings.published', { cycle: latest.cycleLabel, k: latest.threshold })} ` : ''}
        {t('settings.ledger')}
      </p>
      <FormError error={action.error} />
      <Notice>{saved}</Notice>
      <button type="submit" disabled={action.pending}>
        {t('settings.save')}
      </button>
    </form>
  );
}

/** The organisation's default language: for whoever has no language of their own and whose browser asks for none Pulse speaks. */
function LanguageForm({ current }: { current: Language }) {
  const [value, setValue] = useState<Language>(current);
  const [saved, setSaved] = useState('');
  const action = useAction(updateDefaultLanguage);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    const result = await action.run({ defaultLanguage: value });
    if (result) setSaved(t('settings.languageSaved', { language: languageNames[result.defaultLanguage] }));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="stack narrow" noValidate>
      <Field label={t('settings.language')} hint={t('settings.languageHint')}>
        {(props) => (
          <select {...props} value={value} onChange={(e) => setValue(e.target.value as Language)}>
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={action.error} />
      <Notice>{saved}</Notice>
      <button type="submit" disabled={action.pending}>
        {t('settings.saveLanguage')}
      </button>
    </form>
  );
}

/** Installation settings: the anonymity threshold and the default language (admins only). */
export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <p>{t('settings.intro')}</p>
      <p>
        <Link href="/chat">{t('chat.settingsLink')}</Link>
      </p>
      <p>
        <Link href="/questions">{t('questions.pulsesLink')}</Link>
      </p>
      <Resource state={settings}>
        {(data) => (
          <>
            <ThresholdForm current={data.anonymityThreshold} latest={data.latestPublication} />
            <LanguageForm current={data.defaultLanguage} />
          </>
        )}
      </Resource>
    </>
  );
}
