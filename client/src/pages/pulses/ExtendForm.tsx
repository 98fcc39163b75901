import type { CycleSummary } from '@pulse/shared/api/cycles';
import { useState, type FormEvent } from 'react';
import { extendCycle } from '../../api/pulses.js';
import { Field, FormError } from '../../components/forms.js';
import { useAction } from '../../components/use-action.js';
import { t } from '../../i18n/messages.js';

const DAY_MS = 86_400_000;

/** The local calendar day of an instant, as an <input type="date"> value. */
const localDay = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * Gives a scheduled or open pulse a later closing day, at the same time of day it closes now
 * (the server refuses an earlier time, a closed cycle and an overlap with the next one).
 */
export function ExtendForm({ cycle, onExtended }: { cycle: CycleSummary; onExtended(message: string): void }) {
  const closes = new Date(cycle.closesAt);
  const [day, setDay] = useState(() => localDay(new Date(closes.getTime() + 3 * DAY_MS)));
  const extend = useAction(extendCycle);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [y, m, d] = day.split('-').map(Number);
    if (!y || !m || !d) return;
    const closesAt = new Date(closes);
    closesAt.setFullYear(y, m - 1, d);
    if (await extend.run(cycle.id, closesAt.toISOString())) onExtended(t('pulses.extended', { label: cycle.label }));
  };
  return (
    <form className="filters" onSubmit={(e) => void submit(e)} noValidate aria-label={t('pulses.extendFor', { label: cycle.label })}>
      <Field label={t('pulses.newClosingDay', { label: cycle.label })}>
        {(props) => <input {...props} type="date" min={localDay(closes)} value={day} onChange={(e) => setDay(e.target.value)} required />}
      </Field>
      <button type="submit" className="button-secondary" disabled={extend.pending || !day}>
        {t('pulses.extend')}
      </button>
      <FormError error={extend.error} />
    </form>
  );
}
