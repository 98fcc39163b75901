import { weekdays, type Schedule, type ScheduleState, type Weekday } from '@pulse/shared/api/schedule';
import { useState, type FormEvent } from 'react';
import { saveSchedule } from '../../api/pulses.js';
import { Field, FormError, Notice } from '../../components/forms.js';
import { useAction } from '../../components/use-action.js';
import { formatDateTime, formatWeekday } from '../../i18n/dates.js';
import { t } from '../../i18n/messages.js';

const DEFAULT: Schedule = {
  enabled: true,
  weekday: 'monday',
  week: 1,
  hour: 9,
  timeZone: 'Europe/Berlin',
  openDays: 7,
  reminderAfterDays: 3,
};
const weekdayName = (day: Weekday) => formatWeekday(weekdays.indexOf(day));

/** The monthly rhythm: which weekday and hour in which time zone a pulse opens, how long it stays open, when it reminds. */
export function ScheduleForm({ state }: { state: ScheduleState }) {
  const [form, setForm] = useState<Schedule>(state.schedule ?? DEFAULT);
  const [next, setNext] = useState(state.nextOpensAt);
  const [notice, setNotice] = useState('');
  const save = useAction(saveSchedule);
  const set = (patch: Partial<Schedule>) => {
    setForm({ ...form, ...patch });
    setNotice('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run(form);
    if (!result) return;
    setNext(result.nextOpensAt);
    setNotice(t('pulses.scheduleSaved'));
  };
  const number = (value: string) => Number.parseInt(value, 10);
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('pulses.scheduleTitle')}</h2>
      <p>{next ? t('pulses.nextOpens', { when: formatDateTime(next) }) : t('pulses.noNext')}</p>
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> {t('pulses.enabled')}
      </label>
      <div className="filters">
        <Field label={t('pulses.week')}>
          {(props) => (
            <select {...props} value={form.week} onChange={(e) => set({ week: number(e.target.value) })}>
              {[1, 2, 3, 4].map((w) => (
                <option key={w} value={w}>
                  {t(`pulses.week${w as 1 | 2 | 3 | 4}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pulses.weekday')}>
          {(props) => (
            <select {...props} value={form.weekday} onChange={(e) => set({ weekday: e.target.value as Weekday })}>
              {weekdays.map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pulses.hour')}>
          {(props) => (
            <select {...props} value={form.hour} onChange={(e) => set({ hour: number(e.target.value) })}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {`${String(h).padStart(2, '0')}:00`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pulses.timeZone')} hint={t('pulses.timeZoneHint')}>
          {(props) => <input {...props} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />}
        </Field>
        <Field label={t('pulses.openDays')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              max={21}
              value={form.openDays}
              onChange={(e) => set({ openDays: number(e.target.value) })}
            />
          )}
        </Field>
        <Field label={t('pulses.reminder')} hint={t('pulses.reminderHint')}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={1}
              value={form.reminderAfterDays ?? ''}
              onChange={(e) => set({ reminderAfterDays: e.target.value === '' ? null : number(e.target.value) })}
            />
          )}
        </Field>
      </div>
      <FormError error={save.error} />
      <Notice>{notice}</Notice>
      <div className="actions">
        <button type="submit" disabled={save.pending}>
          {t('pulses.saveSchedule')}
        </button>
      </div>
    </form>
  );
}
