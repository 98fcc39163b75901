import { useState, type FormEvent, type ReactNode } from 'react';
import type { CycleRange } from '../../api/insights.js';
import { Field } from '../../components/forms.js';
import { t } from '../../i18n/messages.js';

/** Two dates bounding the cycles shown (by start date); applying puts them in the address. */
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
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const invalid = from !== '' && to !== '' && from > to;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onChange({ from: from || undefined, to: to || undefined });
  };
  const clear = () => {
    setFrom('');
    setTo('');
    onChange({});
  };
  return (
    <form className="filters range-form" onSubmit={submit} noValidate aria-label={t('range.label')}>
      <Field label={t('range.from')}>{(props) => <input {...props} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
      <Field label={t('range.to')} error={invalid ? t('range.invalid') : undefined}>
        {(props) => <input {...props} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
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
