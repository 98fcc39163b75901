import { languageNames, languages, type Language } from '@pulse/shared/languages';
import { t } from '../i18n/messages.js';

/** Buttons naming each language in itself; the current one is pressed. Changes the language of this answer only. */
export function LanguageSwitch({ value, busy, onChange }: { value: Language; busy: boolean; onChange: (language: Language) => void }) {
  return (
    <nav className="language-switch" aria-label={t('pulse.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={language === value}
          disabled={busy}
          onClick={() => language !== value && onChange(language)}
        >
          {languageNames[language]}
        </button>
      ))}
    </nav>
  );
}
