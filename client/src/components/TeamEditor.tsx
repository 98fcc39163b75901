import type { UpdateTeamBody, UserAccount } from '@pulse/shared';
import { useState, type FormEvent } from 'react';
import { createTeam, deleteTeam, updateTeam } from '../api/teams.js';
import { t } from '../i18n/messages.js';
import { Field, FormError } from './forms.js';
import { subtreeIds, type TeamNode } from './team-tree.js';
import { useAction } from './use-action.js';
import { TeamOptions } from './ScrollTable.js';

interface Props {
  id: string;
  node: TeamNode;
  allNodes: TeamNode[];
  leaders: UserAccount[];
  onChanged(message: string): void;
}

type Team = TeamNode['team'];

/** Saves a change to one team: its name, parent, leaders or archived state. */
const useTeamUpdate = (teamId: string) => useAction((body: UpdateTeamBody) => updateTeam(teamId, body));
type TeamUpdate = ReturnType<typeof useTeamUpdate>;
/** Adds a team. */
const useTeamCreate = () => useAction(createTeam);
type TeamCreate = ReturnType<typeof useTeamCreate>;

/** Rename the team or move it: under any team outside its own subtree that is not archived. */
function NameForm({
  node,
  allNodes,
  update,
  onChanged,
}: {
  node: TeamNode;
  allNodes: TeamNode[];
  update: TeamUpdate;
  onChanged(message: string): void;
}) {
  const { team } = node;
  const [name, setName] = useState(team.name);
  const [parentId, setParentId] = useState(team.parentId ?? '');
  const ownSubtree = subtreeIds(node);
  const parents = allNodes.filter((n) => !ownSubtree.has(n.team.id) && !n.team.archived);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateTeamBody = {};
    if (name !== team.name) body.name = name;
    if ((parentId || null) !== team.parentId) body.parentId = parentId || null;
    if (!body.name && body.parentId === undefined) return;
    if (await update.run(body)) onChanged(t('teams.saved', { name }));
  };

  return (
    <form onSubmit={(e) => void save(e)} className="stack" noValidate>
      <Field label={t('teams.name')}>{(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field label={t('teams.parent')}>
        {(props) => (
          <select {...props} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('teams.topLevel')}</option>
            <TeamOptions nodes={parents} />
          </select>
        )}
      </Field>
      <button type="submit" disabled={update.pending}>
        {t('teams.save')}
      </button>
    </form>
  );
}

/** The team's leaders, ticked among the leader accounts. */
function LeadersForm({
  team,
  leaders,
  update,
  onChanged,
}: {
  team: Team;
  leaders: UserAccount[];
  update: TeamUpdate;
  onChanged(message: string): void;
}) {
  const [leaderIds, setLeaderIds] = useState<string[]>(team.leaderIds);
  const saveLeaders = async (event: FormEvent) => {
    event.preventDefault();
    if (await update.run({ leaderIds })) onChanged(t('teams.leadersSaved', { name: team.name }));
  };

  return (
    <form onSubmit={(e) => void saveLeaders(e)} className="stack">
      <fieldset>
        <legend>{t('teams.leaders')}</legend>
        {leaders.length === 0 && <p className="hint">{t('teams.noLeaders')}</p>}
        {leaders.map((leader) => (
          <label key={leader.id} className="checkbox">
            <input
              type="checkbox"
              checked={leaderIds.includes(leader.id)}
              onChange={(e) => setLeaderIds(e.target.checked ? [...leaderIds, leader.id] : leaderIds.filter((x) => x !== leader.id))}
            />{' '}
            {leader.name} <span className="hint">({leader.email})</span>
          </label>
        ))}
      </fieldset>
      {leaders.length > 0 && (
        <button type="submit" className="button-secondary" disabled={update.pending}>
          {t('teams.saveLeaders')}
        </button>
      )}
    </form>
  );
}

/** A new sub-team of this team, by name. */
function AddChildForm({ team, add, onChanged }: { team: Team; add: TeamCreate; onChanged(message: string): void }) {
  const [childName, setChildName] = useState('');
  const addChild = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add.run({ name: childName, parentId: team.id });
    if (result) onChanged(t('teams.created', { name: result.team.name }));
  };

  return (
    <form onSubmit={(e) => void addChild(e)} className="inline-form" noValidate>
      <Field label={t('teams.newChild', { name: team.name })}>
        {(props) => <input {...props} value={childName} onChange={(e) => setChildName(e.target.value)} />}
      </Field>
      <button type="submit" className="button-secondary" disabled={add.pending}>
        {t('teams.addChild')}
      </button>
    </form>
  );
}

/** Rename, move, set leaders, add a sub-team, archive or delete one team. */
export function TeamEditor({ id, node, allNodes, leaders, onChanged }: Props) {
  const { team } = node;
  const update = useTeamUpdate(team.id);
  const add = useTeamCreate();
  const remove = useAction(async () => {
    await deleteTeam(team.id);
    return true;
  });

  const archive = async () => {
    if (await update.run({ archived: !team.archived })) {
      onChanged(t(team.archived ? 'teams.restored' : 'teams.archivedNotice', { name: team.name }));
    }
  };
  const destroy = async () => {
    if (!window.confirm(t('teams.confirmDelete', { name: team.name }))) return;
    if (await remove.run()) onChanged(t('teams.deleted', { name: team.name }));
  };

  return (
    <section id={id} className="editor" aria-label={t('teams.editorLabel', { name: team.name })}>
      <NameForm node={node} allNodes={allNodes} update={update} onChanged={onChanged} />
      <LeadersForm team={team} leaders={leaders} update={update} onChanged={onChanged} />
      {!team.archived && <AddChildForm team={team} add={add} onChanged={onChanged} />}
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void archive()} disabled={update.pending}>
          {team.archived ? t('teams.restore') : t('teams.archive')}
        </button>
        <button type="button" className="button-danger" onClick={() => void destroy()} disabled={remove.pending}>
          {t('teams.delete')}
        </button>
      </div>
      <FormError error={update.error ?? add.error ?? remove.error} />
    </section>
  );
}
