import { useMemo, useState } from 'react';
import { useCustomerMap } from '../api/customers.js';
import { useTeams } from '../api/teams.js';
import { useSession } from '../components/SessionProvider.js';
import { ScrollTable, TeamOptions } from '../components/ScrollTable.js';
import { EmptyState, Resource } from '../components/states.js';
import { buildTree, flatten } from '../components/team-tree.js';
import { t } from '../i18n/messages.js';
import { CustomerEditor } from '../partners/CustomerEditor.js';
import { CustomerImport } from '../partners/CustomerImport.js';
import { PartnerMatrix } from '../partners/PartnerMatrix.js';
import { ValuesEditor } from '../partners/ValuesEditor.js';
import '../partners/partners.css';

/**
 * The internal customer map: who serves whom, drive-thru or strategic. HR and admins import it
 * from CSV and see the partner matrix; a leader edits the teams they lead, and their values.
 */
export function CustomersPage() {
  const { user } = useSession();
  const manager = user?.role === 'admin' || user?.role === 'hr';
  const [version, setVersion] = useState(0);
  const map = useCustomerMap(version);
  const teams = useTeams();
  const nodes = useMemo(() => (teams.status === 'ready' ? flatten(buildTree(teams.data.teams)) : []), [teams]);
  // Every live team by path, from the map: a leader's customers are mostly outside their own teams.
  const allTeams = useMemo(() => (map.status === 'ready' ? map.data.teams : []), [map]);
  const pathOf = useMemo(() => new Map(allTeams.map((team) => [team.id, team.path])), [allTeams]);
  const [teamId, setTeamId] = useState('');
  const selected = nodes.find((n) => n.team.id === teamId);
  const reload = () => setVersion((v) => v + 1);

  return (
    <>
      <h1>{t('customers.title')}</h1>
      <p>{t('customers.intro')}</p>
      {manager && <CustomerImport onImported={reload} />}
      <section className="stack" aria-labelledby="customer-map-title">
        <h2 id="customer-map-title">{t('customers.mapTitle')}</h2>
        <Resource state={map} isEmpty={(d) => d.links.length === 0} empty={t('customers.mapEmpty')}>
          {(data) => {
            const byProvider = new Map<string, typeof data.links>();
            for (const link of data.links) byProvider.set(link.providerId, [...(byProvider.get(link.providerId) ?? []), link]);
            const rows = [...byProvider].sort(([a], [b]) => (pathOf.get(a) ?? '').localeCompare(pathOf.get(b) ?? ''));
            return (
              <ScrollTable label={t('customers.mapTable')} headers={[t('customers.provider'), t('customers.customers')]}>
                {rows.map(([providerId, links]) => (
                  <tr key={providerId}>
                    <th scope="row">{pathOf.get(providerId) ?? '…'}</th>
                    <td>
                      <ul className="customer-map-list">
                        {links.map((l) => (
                          <li key={l.customerId}>
                            {pathOf.get(l.customerId) ?? '…'} ({t(`customers.${l.relationship}`)})
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            );
          }}
        </Resource>
      </section>
      <section className="stack" aria-labelledby="customer-edit-title">
        <h2 id="customer-edit-title">{t('customers.editTitle')}</h2>
        <div className="field narrow">
          <label htmlFor="customer-team">{t('customers.team')}</label>
          <select id="customer-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">{t('customers.chooseTeam')}</option>
            <TeamOptions nodes={nodes.filter((n) => !n.team.archived)} />
          </select>
        </div>
        {selected ? (
          <>
            <CustomerEditor team={selected} teams={allTeams} onSaved={reload} />
            <ValuesEditor teamId={selected.team.id} teamName={selected.path} />
          </>
        ) : (
          nodes.length === 0 && teams.status === 'ready' && <EmptyState>{t('teams.emptyLeader')}</EmptyState>
        )}
      </section>
      {manager && <PartnerMatrix />}
    </>
  );
}
