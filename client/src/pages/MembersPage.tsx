import { useEffect, useMemo, useState } from 'react';
import { useMembers } from '../api/members.js';
import { useTeams } from '../api/teams.js';
import { MemberImport } from '../components/MemberImport.js';
import { useSession } from '../components/SessionProvider.js';
import { Resource } from '../components/states.js';
import { buildTree, flatten } from '../components/team-tree.js';
import { t } from '../i18n/messages.js';
import { ScrollTable, TeamOptions } from '../components/ScrollTable.js';

const PAGE_SIZE = 200;

/** Search-as-you-type waits for a pause in typing. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** People in the organisation with search; HR and admins import them from CSV. */
export function MembersPage() {
  const { user } = useSession();
  const canImport = user?.role === 'admin' || user?.role === 'hr';
  const [q, setQ] = useState('');
  const [teamId, setTeamId] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [version, setVersion] = useState(0);
  const search = useDebounced(q.trim(), 250);
  const members = useMembers({ q: search, teamId, includeInactive, limit: PAGE_SIZE }, version);
  const teams = useTeams(true);
  const nodes = useMemo(() => (teams.status === 'ready' ? flatten(buildTree(teams.data.teams)) : []), [teams]);
  const pathOf = useMemo(() => new Map(nodes.map((n) => [n.team.id, n.path])), [nodes]);

  return (
    <>
      <h1>{t('members.title')}</h1>
      {canImport && (
        <MemberImport
          onImported={() => {
            setVersion((v) => v + 1);
            teams.reload();
          }}
        />
      )}
      <section aria-labelledby="members-list-heading" className="stack">
        <h2 id="members-list-heading">{t('members.listTitle')}</h2>
        <div className="filters">
          <div className="field">
            <label htmlFor="member-search">{t('members.search')}</label>
            <input id="member-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="member-team">{t('members.team')}</label>
            <select id="member-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('members.allTeams')}</option>
              <TeamOptions nodes={nodes} />
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />{' '}
            {t('members.includeInactive')}
          </label>
        </div>
        <Resource state={members} isEmpty={(data) => data.members.length === 0} empty={search ? t('members.noMatch') : t('members.empty')}>
          {(data) => (
            <>
              <p role="status">
                {data.total > data.members.length
                  ? t('members.countPartial', { shown: data.members.length, total: data.total })
                  : t('members.count', { total: data.total })}
              </p>
              <ScrollTable
                label={t('members.listTitle')}
                headers={[t('members.name'), t('members.email'), t('members.team'), t('members.role'), t('members.status')]}
              >
                {data.members.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>{m.teamId ? (pathOf.get(m.teamId) ?? '—') : '—'}</td>
                    <td>{t(`role.${m.role}`)}</td>
                    <td>{m.active ? t('members.active') : t('members.inactive')}</td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          )}
        </Resource>
      </section>
    </>
  );
}
