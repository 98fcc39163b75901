import type { Team, UserAccount } from '@pulse/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { createTeam, useTeams } from '../api/teams.js';
import { useLeaders } from '../api/users.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { useSession } from '../components/SessionProvider.js';
import { Resource } from '../components/states.js';
import { TeamEditor } from '../components/TeamEditor.js';
import { buildTree, flatten, subtreeMembers, type TeamNode } from '../components/team-tree.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';

interface TreeContext {
  canManage: boolean;
  leaders: UserAccount[];
  allNodes: TeamNode[];
  editing: string | null;
  setEditing(id: string | null): void;
  changed(message: string): void;
}

/** "12 members"; a parent team counts the members beneath it too ("30 members in its teams"). */
function memberLine(node: TeamNode): string {
  const own = node.team.memberCount;
  if (node.children.length === 0) return t('teams.members', { count: own });
  const count = subtreeMembers(node);
  return own === 0 ? t('teams.membersBeneath', { count }) : t('teams.membersWithBeneath', { own, count });
}

function TeamItem({ node, ctx }: { node: TeamNode; ctx: TreeContext }) {
  const { team } = node;
  const open = ctx.editing === team.id;
  const leaderNames = team.leaderIds.map((id) => ctx.leaders.find((l) => l.id === id)?.name).filter(Boolean);
  return (
    <li>
      <div className={`team-row${team.archived ? ' archived' : ''}`}>
        <span className="team-name">{team.name}</span>
        <span className="team-meta">
          {memberLine(node)}
          {leaderNames.length > 0 && ` · ${t('teams.ledBy', { names: leaderNames.join(', ') })}`}
          {team.leaderIds.length > 0 && leaderNames.length === 0 && ` · ${t('teams.leaderCount', { count: team.leaderIds.length })}`}
        </span>
        {team.archived && <span className="badge">{t('teams.archived')}</span>}
        {ctx.canManage && (
          <button
            type="button"
            className="button-secondary"
            aria-expanded={open}
            aria-controls={`edit-${team.id}`}
            onClick={() => ctx.setEditing(open ? null : team.id)}
          >
            {open ? t('teams.close') : t('teams.edit')}
            <span className="visually-hidden"> {team.name}</span>
          </button>
        )}
      </div>
      {open && <TeamEditor id={`edit-${team.id}`} node={node} allNodes={ctx.allNodes} leaders={ctx.leaders} onChanged={ctx.changed} />}
      {node.children.length > 0 && (
        <ul className="tree">
          {node.children.map((child) => (
            <TeamItem key={child.team.id} node={child} ctx={ctx} />
          ))}
        </ul>
      )}
    </li>
  );
}

function NewTeamForm({ onCreated }: { onCreated(team: Team): void }) {
  const [name, setName] = useState('');
  const action = useAction(createTeam);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run({ name });
    if (!result) return;
    setName('');
    onCreated(result.team);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inline-form" noValidate>
      <Field label={t('teams.newTop')}>{(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <button type="submit" disabled={action.pending}>
        {t('teams.create')}
      </button>
      <FormError error={action.error} />
    </form>
  );
}

/** The organisation tree: everyone with access sees it; HR and admins change it. */
export function TeamsPage() {
  const { user } = useSession();
  const canManage = user?.role === 'admin' || user?.role === 'hr';
  const [showArchived, setShowArchived] = useState(false);
  const teams = useTeams(showArchived);
  const leaders = useLeaders(canManage);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const tree = useMemo(() => (teams.status === 'ready' ? buildTree(teams.data.teams) : []), [teams]);
  const ctx: TreeContext = {
    canManage,
    leaders: leaders.status === 'ready' ? leaders.data.users : [],
    allNodes: flatten(tree),
    editing,
    setEditing,
    changed: (message) => {
      setNotice(message);
      teams.reload();
    },
  };
  return (
    <>
      <h1>{t('teams.title')}</h1>
      <p>{canManage ? t('teams.introManager') : t('teams.introLeader')}</p>
      <Notice>{notice}</Notice>
      {canManage && <NewTeamForm onCreated={(team) => ctx.changed(t('teams.created', { name: team.name }))} />}
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> {t('teams.showArchived')}
      </label>
      <Resource
        state={teams}
        isEmpty={(data) => data.teams.length === 0}
        empty={canManage ? t('teams.emptyManager') : t('teams.emptyLeader')}
      >
        {() => (
          <ul className="tree tree-root" aria-label={t('teams.treeLabel')}>
            {tree.map((node) => (
              <TeamItem key={node.team.id} node={node} ctx={ctx} />
            ))}
          </ul>
        )}
      </Resource>
    </>
  );
}
