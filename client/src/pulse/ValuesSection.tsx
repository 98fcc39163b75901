import type { ReactNode } from 'react';
import { t } from '../i18n/messages.js';

/** A team with shared values: the values, then their one statement (`children`). */
export function ValuesSection({ statements, children }: { statements: string[]; children: ReactNode }) {
  return (
    <section className="pulse-values" aria-labelledby="pulse-values-title">
      <h2 id="pulse-values-title">{t('pulse.valuesTitle')}</h2>
      <p id="pulse-values-intro">{t('pulse.valuesIntro')}</p>
      <ul aria-labelledby="pulse-values-intro">
        {statements.map((statement) => (
          <li key={statement}>{statement}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}
