import type { Customer, MapTeam, Relationship } from '@pulse/shared/api/customers';
import { useEffect, useState } from 'react';
import { saveCustomers, useCustomers } from '../api/customers.js';
import { FormError, Notice } from '../components/forms.js';
import { Resource } from '../components/states.js';
import type { TeamNode } from '../components/team-tree.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

interface Row {
  teamId: string;
  relationship: Relationship;
}

/** One team's customers: change each relationship, remove one, add one, then save the list. */
export function CustomerEditor({ team, teams, onSaved }: { team: TeamNode; teams: readonly MapTeam[]; onSaved(): void }) {
  const customers = useCustomers(team.team.id);
  return (
    <Resource state={customers}>
      {(data) => <Editor key={team.team.id} team={team} teams={teams} initial={data.customers} onSaved={onSaved} />}
    </Resource>
  );
}

function Editor({ team, teams, initial, onSaved }: { team: TeamNode; teams: readonly MapTeam[]; initial: Customer[]; onSaved(): void }) {
  const [rows, setRows] = useState<Row[]>(() => initial.map(({ teamId, relationship }) => ({ teamId, relationship })));
  const [adding, setAdding] = useState('');
  const [addingKind, setAddingKind] = useState<Relationship>('drive_thru');
  const [notice, setNotice] = useState('');
  const save = useAction(() => saveCustomers(team.team.id, { customers: rows }));
  useEffect(() => setNotice(''), [rows]);
  // Names from the list itself first: a customer is named even before the map has loaded.
  const pathOf = new Map([...initial.map((c) => [c.teamId, c.path] as const), ...teams.map((x) => [x.id, x.path] as const)]);
  const candidates = teams.filter((x) => x.id !== team.team.id && !rows.some((r) => r.teamId === x.id));
  const name = team.path;

  return (
    <section className="panel stack" aria-labelledby="customer-editor-title">
      <h3 id="customer-editor-title">{t('customers.listOf', { team: name })}</h3>
      {rows.length === 0 ? (
        <p>{t('customers.none', { team: name })}</p>
      ) : (
        <ul className="customer-rows">
          {rows.map((row) => {
            const customer = pathOf.get(row.teamId) ?? row.teamId;
            return (
              <li key={row.teamId}>
                <span className="customer-name">{customer}</span>
                <label className="visually-hidden" htmlFor={`kind-${row.teamId}`}>
                  {t('customers.relationshipOf', { team: customer })}
                </label>
                <select
                  id={`kind-${row.teamId}`}
                  value={row.relationship}
                  onChange={(e) =>
                    setRows(rows.map((r) => (r.teamId === row.teamId ? { ...r, relationship: e.target.value as Relationship } : r)))
                  }
                >
                  <option value="drive_thru">{t('customers.drive_thru')}</option>
                  <option value="strategic">{t('customers.strategic')}</option>
                </select>
                <button type="button" className="button-secondary" onClick={() => setRows(rows.filter((r) => r.teamId !== row.teamId))}>
                  {t('customers.remove', { team: customer })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="filters">
        <div className="field">
          <label htmlFor="customer-add">{t('customers.add')}</label>
          <select id="customer-add" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('customers.chooseTeam')}</option>
            {candidates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="customer-add-kind">{t('customers.relationship')}</label>
          <select id="customer-add-kind" value={addingKind} onChange={(e) => setAddingKind(e.target.value as Relationship)}>
            <option value="drive_thru">{t('customers.drive_thru')}</option>
            <option value="strategic">{t('customers.strategic')}</option>
          </select>
        </div>
        <button
          type="button"
          className="button-secondary"
          disabled={!adding}
          onClick={() => {
            setRows([...rows, { teamId: adding, relationship: addingKind }]);
            setAdding('');
          }}
        >
          {t('customers.addButton')}
        </button>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={save.pending}
          onClick={async () => {
            if (await save.run()) {
              setNotice(t('customers.saved', { team: name }));
              onSaved();
            }
          }}
        >
          {t('customers.save')}
        </button>
      </div>
      <FormError error={save.error} />
      <Notice>{notice}</Notice>
    </section>
  );
}
