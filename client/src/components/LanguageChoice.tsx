import { languageNames, languages, type Language } from '@pulse/shared/languages';
import { useState } from 'react';
import { chooseOwnLanguage } from '../api/auth.js';
import { useLanguage } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { setLanguage } from '../i18n/runtime.js';

/**
 * The signed-in person's own language for the dashboard. "Automatic" follows the browser's
 * languages, else the organisation's default; the server keeps the choice for their next visit.
 */
export function LanguageChoice({ own }: { own: Language | null }) {
  useLanguage();
  const [value, setValue] = useState<Language | ''>(own ?? '');
  const [busy, setBusy] = useState(false);
  async function choose(next: Language | '') {
    setValue(next);
    setBusy(true);
    try {
      const me = await chooseOwnLanguage(next || null);
      await setLanguage(me.language);
    } catch {
      setValue(own ?? '');
    } finally {
      setBusy(false);
    }
  }
  return (
    <select
      className="shell-language"
      aria-label={t('nav.language')}
      value={value}
      disabled={busy}
      onChange={(e) => void choose(e.target.value as Language | '')}
    >
      <option value="">{t('nav.languageAutomatic')}</option>
      {languages.map((language) => (
        <option key={language} value={language} lang={language}>
          {languageNames[language]}
        </option>
      ))}
    </select>
  );
}
