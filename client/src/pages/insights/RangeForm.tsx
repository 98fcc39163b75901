import { useState, type FormEvent, type ReactNode } from 'react';
import type { CycleRange } from '../../api/insights.js';
import { Field } from '../../components/forms.js';
import { t } from '../../i18n/messages.js';

/** A month input's value ("2026-03") from a range bound ("2026-03-01"). */
const monthOf = (day: string | undefined) => day?.slice(0, 7) ?? '';
/** The last day of a month input's value, e.g. "2026-02" → "2026-02-28". */
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/**
 * Two months bounding the cycles shown (by start date; pulses are monthly, so months are what
 * people pick); applying puts the first day of the one and the last day of the other in the address.
 */
export function RangeForm({
  range,
  onChange,
  applyLabel = t('range.apply'),
  children,
}: {
  range: CycleRange;
  onChange(range: CycleRange): void;
  applyLabel?: string;
  children?: ReactNode;
}) {
  const [from, setFrom] = useState(monthOf(range.from));
  const [to, setTo] = useState(monthOf(range.to));
  const invalid = from !== '' && to !== '' && from > to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onChange({ from: from ? `${from}-01` : undefined, to: to ? lastDayOf(to) : undefined });
  };
  const clear = () => {
    setFrom('');
    setTo('');
    onChange({});
  };
  return (
    <form className="filters range-form" onSubmit={submit} noValidate aria-label={t('range.label')}>
      <Field label={t('range.from')}>
        {(props) => <input {...props} type="month" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label={t('range.to')} error={invalid ? t('range.invalid') : undefined}>
        {(props) => <input {...props} type="month" value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
      {children}
      {/* Secondary: the page's main action (a download, the charts) is elsewhere. */}
      <button type="submit" className="button-secondary" disabled={invalid}>
        {applyLabel}
      </button>
      {(range.from || range.to) && (
        <button type="button" className="button-secondary" onClick={clear}>
          {t('range.all')}
        </button>
      )}
    </form>
  );
}
