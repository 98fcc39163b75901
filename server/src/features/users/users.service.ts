import type { CreateUserBody, UpdateUserBody, UserAccount } from '@pulse/shared';
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteUserSessions } from '../auth/sessions.service.js';
import { sendTokenMail } from '../auth/tokens.service.js';
import { isLiveTeam } from '../teams/teams.service.js';
import * as repo from './users.repository.js';

/** The one place an account row becomes its API shape. */
export const toAccount = (row: repo.AccountRow): UserAccount => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  teamId: row.team_id,
  active: row.active,
  hasPassword: row.has_password,
  leadsTeamIds: row.leads_team_ids,
});

async function account(app: FastifyInstance, id: string): Promise<UserAccount> {
  const row = await repo.findAccount(app.db, id);
  if (!row) throw notFound('user');
  return toAccount(row);
}

/** HR manages everyone but admins; only an admin grants or touches the admin role. */
function assertMayManage(actor: SessionUser, target: { role: string } | undefined, newRole?: string) {
  if (actor.role === 'admin') return;
  if (target?.role === 'admin') throw forbidden('users.adminOnlyChange');
  if (newRole === 'admin') throw forbidden('users.adminOnlyGrant');
}

async function assertTeam(app: FastifyInstance, teamId: string | null | undefined) {
  if (!teamId) return;
  if (!(await isLiveTeam(app.db, teamId))) throw badRequest('users.teamMissing', [{ path: 'teamId', message: 'No such live team.' }]);
}

/** Creates an account and, unless told not to, mails an invitation to choose a password. */
export async function createUser(app: FastifyInstance, actor: SessionUser, body: CreateUserBody): Promise<UserAccount> {
  assertMayManage(actor, undefined, body.role);
  await assertTeam(app, body.teamId);
  if (await repo.findUserByEmail(app.db, body.email)) throw conflict('users.emailTakenChangeRole');
  const id = await repo
    .insertUser(app.db, { email: body.email, name: body.name, role: body.role, team_id: body.teamId ?? null })
    .catch((error: unknown) => {
      throw (error as { code?: string }).code === '23505' ? conflict('users.emailTaken') : error;
    });
  await recordAudit(app.db, actor, 'users.create', id, { email: body.email, role: body.role, teamId: body.teamId ?? null });
  if (body.invite !== false && body.role !== 'member') await inviteUser(app, actor, id);
  return account(app, id);
}

/** Changes name, role, team or active state; role changes and deactivation end the person's sessions. */
export async function updateUser(app: FastifyInstance, actor: SessionUser, id: string, body: UpdateUserBody): Promise<UserAccount> {
  const current = await repo.findAccount(app.db, id);
  if (!current) throw notFound('user');
  assertMayManage(actor, current, body.role);
  if (id === actor.id && ((body.role && body.role !== current.role) || body.active === false)) {
    throw conflict('users.notYourself');
  }
  if (body.teamId !== undefined) await assertTeam(app, body.teamId);
  const changes: { name?: string; role?: typeof current.role; team_id?: string | null; active?: boolean } = {};
  if (body.name !== undefined && body.name !== current.name) changes.name = body.name;
  if (body.role !== undefined && body.role !== current.role) changes.role = body.role;
  if (body.teamId !== undefined && body.teamId !== current.team_id) changes.team_id = body.teamId;
  if (body.active !== undefined && body.active !== current.active) changes.active = body.active;
  if (!Object.keys(changes).length) return toAccount(current);

  await app.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, changes);
    if (changes.role && current.role === 'leader') await repo.removeLeadership(trx, id);
  });
  if (changes.role || changes.active === false) await deleteUserSessions(app.db, id);
  await recordAudit(app.db, actor, changes.role ? 'users.role_change' : 'users.update', id, {
    ...(changes.role ? { role: { from: current.role, to: changes.role } } : {}),
    ...(changes.team_id !== undefined ? { teamId: { from: current.team_id, to: changes.team_id } } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
    ...(changes.name ? { name: changes.name } : {}),
  });
  return account(app, id);
}

/** Mails a fresh invitation link (any earlier unused one stops working). */
export async function inviteUser(app: FastifyInstance, actor: SessionUser, id: string): Promise<{ sentTo: string }> {
  const user = await repo.findAccount(app.db, id);
  if (!user) throw notFound('user');
  assertMayManage(actor, user);
  if (!user.active) throw conflict('users.deactivated');
  if (user.role === 'member') throw conflict('users.memberNoSignIn');
  await sendTokenMail(app, 'invite', user, actor);
  await recordAudit(app.db, actor, 'users.invite', id, { email: user.email });
  return { sentTo: user.email };
}

export async function listUsers(app: FastifyInstance, filter: { role?: UserAccount['role'] | undefined; q?: string | undefined }) {
  return (await repo.listAccounts(app.db, filter)).map(toAccount);
}
