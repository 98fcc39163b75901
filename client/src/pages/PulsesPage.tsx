import type { CycleSummary } from '@pulse/shared/api/cycles';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { closeCycle, createCycle, useCycles, useSchedule } from '../api/pulses.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { EmptyState, Resource } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { formatDate, formatDateTime, formatMonthLong } from '../i18n/dates.js';
import { t } from '../i18n/messages.js';
import { ExtendForm } from './pulses/ExtendForm.js';
import { ParticipationPanel } from './pulses/ParticipationPanel.js';
import { ScheduleForm } from './pulses/ScheduleForm.js';

const DAY_MS = 86_400_000;

/**
 * HR runs the pulses (/pulses): the monthly schedule, and every cycle with its participation
 * (as of its daily count), opened now, extended or closed early.
 */
export function PulsesPage() {
  const schedule = useSchedule();
  const [version, setVersion] = useState(0);
  const cycles = useCycles(version);
  // The last list stays on screen while a changed one loads.
  const [shown, setShown] = useState<CycleSummary[] | null>(null);
  if (cycles.status === 'ready' && cycles.data.cycles !== shown) setShown(cycles.data.cycles);
  const [notice, setNotice] = useState('');
  const anyOpen = shown?.some((c) => c.status === 'open') ?? false;
  const extendable = shown?.filter((c) => c.status !== 'closed') ?? [];
  const changed = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1>{t('pulses.title')}</h1>
      <p>{t('pulses.intro')}</p>
      <p>
        <Link href="/questions">{t('questions.pulsesLink')}</Link>
      </p>
      <Notice>{notice}</Notice>
      <section className="stack" aria-labelledby="cycles-title">
        <h2 id="cycles-title">{t('pulses.cyclesTitle')}</h2>
        {shown ? (
          shown.length === 0 ? (
            <EmptyState>{t('pulses.none')}</EmptyState>
          ) : (
            <CycleTable cycles={shown} onChanged={changed} />
          )
        ) : (
          <Resource state={cycles}>{() => null}</Resource>
        )}
        {shown && !anyOpen && <OpenNowForm onOpened={changed} />}
        {extendable.map((c) => (
          <ExtendForm key={`${c.id}:${c.closesAt}`} cycle={c} onExtended={changed} />
        ))}
      </section>
      {shown && shown.length > 0 && <ParticipationPanel cycles={shown} version={version} />}
      <section className="panel">
        <Resource state={schedule}>{(data) => <ScheduleForm state={data} />}</Resource>
      </section>
    </>
  );
}

function CycleTable({ cycles, onChanged }: { cycles: CycleSummary[]; onChanged(message: string): void }) {
  const close = useAction(closeCycle);
  const newestFirst = [...cycles].sort((a, b) => b.opensAt.localeCompare(a.opensAt));
  const headers = [
    t('pulses.cycle'),
    t('pulses.status'),
    t('pulses.opens'),
    t('pulses.closes'),
    t('pulses.answered'),
    t('pulses.version'),
    '',
  ];
  return (
    <>
      <FormError error={close.error} />
      <ScrollTable label={t('pulses.tableLabel')} headers={headers}>
        {newestFirst.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.label}</th>
            <td>{t(`pulses.status.${c.status}`)}</td>
            <td>{formatDate(c.opensAt)}</td>
            <td>{formatDateTime(c.closesAt)}</td>
            <td>
              {t('pulses.counts', {
                responded: c.responded,
                invited: c.invited,
                rate: c.invited ? Math.round((100 * c.responded) / c.invited) : 0,
              })}
              {c.status === 'open' && c.countedAt && <div className="hint">{t('pulses.asOf', { when: formatDateTime(c.countedAt) })}</div>}
            </td>
            <td>{c.questionnaireVersion}</td>
            <td>
              {c.status === 'open' && (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={close.pending}
                  onClick={async () => {
                    if (!window.confirm(t('pulses.closeConfirm', { label: c.label }))) return;
                    if (await close.run(c.id)) onChanged(t('pulses.closed', { label: c.label }));
                  }}
                >
                  {t('pulses.close')}
                  <span className="visually-hidden"> {c.label}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}

function OpenNowForm({ onOpened }: { onOpened(message: string): void }) {
  const [label, setLabel] = useState(() => formatMonthLong(new Date()));
  const [days, setDays] = useState('7');
  const open = useAction(createCycle);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    const result = await open.run({
      label,
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + Number(days) * DAY_MS).toISOString(),
    });
    if (result) onOpened(t('pulses.opened', { label: result.cycle.label }));
  };
  return (
    <form className="filters" onSubmit={(e) => void submit(e)} noValidate aria-label={t('pulses.openNow')}>
      <Field label={t('pulses.label')}>{(props) => <input {...props} value={label} onChange={(e) => setLabel(e.target.value)} />}</Field>
      <Field label={t('pulses.openFor')}>
        {(props) => (
          <input {...props} type="number" inputMode="numeric" min={1} max={21} value={days} onChange={(e) => setDays(e.target.value)} />
        )}
      </Field>
      <button type="submit" disabled={open.pending}>
        {t('pulses.openNow')}
      </button>
      <FormError error={open.error} />
    </form>
  );
}
