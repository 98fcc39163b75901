import type { CreateUserBody, Role, UserAccount } from '@pulse/shared';
import { roles } from '@pulse/shared/vocabulary';
import { useState, type FormEvent } from 'react';
import { useTeams } from '../api/teams.js';
import { createUser, inviteUser, updateUser, useUsers } from '../api/users.js';
import { Field, FormError, Notice } from '../components/forms.js';
import { useSession } from '../components/SessionProvider.js';
import { Resource } from '../components/states.js';
import { buildTree, flatten } from '../components/team-tree.js';
import { useAction } from '../components/use-action.js';
import { t } from '../i18n/messages.js';
import { ScrollTable, TeamOptions } from '../components/ScrollTable.js';

/** The fewest rights first, as the menus list them. */
const ROLES: Role[] = [...roles].reverse();

function InviteForm({ grantable, onDone }: { grantable: Role[]; onDone(message: string): void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('leader');
  const [teamId, setTeamId] = useState('');
  const teams = useTeams();
  const nodes = teams.status === 'ready' ? flatten(buildTree(teams.data.teams)) : [];
  const action = useAction((body: CreateUserBody) => createUser(body));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run({ email, name, role, teamId: teamId || null, invite: true });
    if (!result) return;
    setEmail('');
    setName('');
    onDone(t('users.invited', { email: result.user.email }));
  };
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.inviteTitle')}</h2>
      <p className="hint">{t('users.inviteIntro')}</p>
      <form onSubmit={(e) => void submit(e)} className="grid-form" noValidate>
        <Field label={t('users.email')}>
          {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('users.name')}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('users.role')}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {grantable
                .filter((r) => r !== 'member')
                .map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('users.team')} hint={t('users.teamHint')}>
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('users.noTeam')}</option>
              <TeamOptions nodes={nodes} />
            </select>
          )}
        </Field>
        <button type="submit" disabled={action.pending}>
          {t('users.sendInvite')}
        </button>
      </form>
      <FormError error={action.error} />
    </section>
  );
}

function UserRow({
  account,
  me,
  grantable,
  onDone,
}: {
  account: UserAccount;
  me: string;
  grantable: Role[];
  onDone(message: string): void;
}) {
  const [role, setRole] = useState<Role>(account.role);
  const save = useAction(updateUser);
  const invite = useAction(inviteUser);
  const editable = account.id !== me && grantable.includes(account.role);
  const changeRole = async () => {
    if (await save.run(account.id, { role })) onDone(t('users.roleSaved', { name: account.name, role: t(`role.${role}`) }));
  };
  const toggleActive = async () => {
    if (await save.run(account.id, { active: !account.active })) {
      onDone(t(account.active ? 'users.deactivated' : 'users.reactivated', { name: account.name }));
    }
  };
  const sendInvite = async () => {
    const result = await invite.run(account.id);
    if (result) onDone(t('users.invited', { email: result.sentTo }));
  };
  const error = save.error ?? invite.error;
  return (
    <tr>
      <td>
        {account.name}
        <div className="hint">{account.email}</div>
      </td>
      <td>
        {editable ? (
          <span className="inline-controls">
            <label className="visually-hidden" htmlFor={`role-${account.id}`}>
              {t('users.roleOf', { name: account.name })}
            </label>
            <select id={`role-${account.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            {role !== account.role && (
              <button type="button" onClick={() => void changeRole()} disabled={save.pending}>
                {t('users.saveRole')}
              </button>
            )}
          </span>
        ) : (
          t(`role.${account.role}`)
        )}
      </td>
      <td>
        {account.active ? t('members.active') : t('members.inactive')}
        {' · '}
        {account.hasPassword ? t('users.passwordSet') : t('users.invitePending')}
      </td>
      <td>
        {editable && (
          <span className="inline-controls">
            {account.active && account.role !== 'member' && (
              <button type="button" className="button-secondary" onClick={() => void sendInvite()} disabled={invite.pending}>
                {account.hasPassword ? t('users.resendInvite') : t('users.sendInvite')}
                <span className="visually-hidden"> {account.name}</span>
              </button>
            )}
            <button type="button" className="button-secondary" onClick={() => void toggleActive()} disabled={save.pending}>
              {account.active ? t('users.deactivate') : t('users.reactivate')}
              <span className="visually-hidden"> {account.name}</span>
            </button>
          </span>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Accounts that sign in, their roles, and invitations. */
export function UsersPage() {
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const users = useUsers(version);
  const grantable = user?.role === 'admin' ? ROLES : ROLES.filter((r) => r !== 'admin');
  const done = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1>{t('users.title')}</h1>
      <Notice>{notice}</Notice>
      <InviteForm grantable={grantable} onDone={done} />
      <section aria-labelledby="users-heading" className="stack">
        <h2 id="users-heading">{t('users.listTitle')}</h2>
        <Resource state={users} isEmpty={(d) => d.users.length === 0}>
          {(data) => (
            <ScrollTable label={t('users.listTitle')} headers={[t('users.name'), t('users.role'), t('members.status'), t('users.actions')]}>
              {data.users.map((account) => (
                <UserRow
                  key={`${account.id}-${account.role}-${account.active}`}
                  account={account}
                  me={user?.id ?? ''}
                  grantable={grantable}
                  onDone={done}
                />
              ))}
            </ScrollTable>
          )}
        </Resource>
      </section>
    </>
  );
}
