import type { ExtraItem } from '@pulse/shared';
import type { ReactNode } from 'react';
import { t } from '../i18n/messages.js';

/** eNPS and HR's own questions, after the statements about the team: each on its own scale. */
export function ExtraItemsSection({ items, children }: { items: ExtraItem[]; children: (item: ExtraItem) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section className="pulse-extra" aria-labelledby="pulse-extra-title">
      <h2 id="pulse-extra-title">{t('questions.pulseTitle')}</h2>
      {items.map(children)}
    </section>
  );
}
