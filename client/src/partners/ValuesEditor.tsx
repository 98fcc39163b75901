import type { TeamValue } from '@pulse/shared/api/values';
import { MAX_TEAM_VALUES } from '@pulse/shared/limits';
import { useState, type FormEvent } from 'react';
import { saveTeamValues, useTeamValues } from '../api/customers.js';
import { FormError, Notice } from '../components/forms.js';
import { Resource } from '../components/states.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

/** A team's shared values, up to three "X even at the cost of Y"; empty rows are dropped on save. */
export function ValuesEditor({ teamId, teamName }: { teamId: string; teamName: string }) {
  const values = useTeamValues(teamId);
  return <Resource state={values}>{(data) => <Form key={teamId} teamId={teamId} teamName={teamName} initial={data.values} />}</Resource>;
}

function Form({ teamId, teamName, initial }: { teamId: string; teamName: string; initial: TeamValue[] }) {
  const [rows, setRows] = useState<TeamValue[]>(() =>
    Array.from({ length: MAX_TEAM_VALUES }, (_, i) => initial[i] ?? { value: '', cost: '' }),
  );
  const [notice, setNotice] = useState('');
  const save = useAction((list: TeamValue[]) => saveTeamValues(teamId, { values: list }));
  const edit = (i: number, field: keyof TeamValue, text: string) => {
    setNotice('');
    setRows(rows.map((row, j) => (j === i ? { ...row, [field]: text } : row)));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = rows.filter((r) => r.value.trim() || r.cost.trim());
    if (await save.run(list)) setNotice(t('values.saved', { team: teamName }));
  };
  return (
    <form className="panel stack" aria-labelledby="values-title" onSubmit={submit}>
      <h3 id="values-title">{t('values.title', { team: teamName })}</h3>
      <p className="hint">
        {t('values.intro')} {t('values.example')}
      </p>
      {rows.map((row, i) => (
        <div className="filters" key={i}>
          <div className="field">
            <label htmlFor={`value-${i}`}>{t('values.value', { n: i + 1 })}</label>
            <input id={`value-${i}`} value={row.value} maxLength={120} onChange={(e) => edit(i, 'value', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`cost-${i}`}>{t('values.cost', { n: i + 1 })}</label>
            <input id={`cost-${i}`} value={row.cost} maxLength={120} onChange={(e) => edit(i, 'cost', e.target.value)} />
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="submit" disabled={save.pending}>
          {t('values.save')}
        </button>
      </div>
      <FormError error={save.error} />
      <Notice>{notice}</Notice>
    </form>
  );
}
