import type { Database } from '@pulse/db';
import type { TeamNote } from '@pulse/shared/api/notes';
import type { Kysely } from 'kysely';
import { conflict, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import type { Mailer } from '../../plugins/mail.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Language } from '@pulse/shared';
import { mailText, spokenLanguage } from '../../i18n/mail-text.js';
import { getDefaultLanguage } from '../settings/settings.service.js';
import { claimNoteMail, findNote, invitedAddresses, publishedCycle, teamExists, upsertNote } from './notes.repository.js';

/** The team in scope and the cycle published for it, else 404 (team, cycle) or 409 (not closed yet). */
async function publishedFor(db: Kysely<Database>, scope: TeamScope, teamId: string, cycleId: string): Promise<{ label: string }> {
  if (!inScope(scope, teamId) || !(await teamExists(db, teamId))) throw notFound('team');
  const cycle = await publishedCycle(db, teamId, cycleId);
  if (!cycle) throw notFound('cycle');
  if (!cycle.published) throw conflict('notes.notPublished');
  return cycle;
}

/** GET /teams/:id/notes/:cycleId */
export async function noteFor(db: Kysely<Database>, scope: TeamScope, teamId: string, cycleId: string): Promise<TeamNote | null> {
  await publishedFor(db, scope, teamId, cycleId);
  return (await findNote(db, teamId, cycleId)) ?? null;
}

/** The note as the team's results page shows it: the words and the day, not who wrote it. */
export async function noteForMembers(
  db: Kysely<Database>,
  teamId: string,
  cycleId: string,
): Promise<{ body: string; at: string } | undefined> {
  const note = await findNote(db, teamId, cycleId);
  return note && { body: note.body, at: note.at };
}

/** The one mail a note sends to the people invited from the team (each their own, so nobody sees the others' addresses). */
function noteMail(to: string, label: string, body: string, language: Language) {
  return {
    to,
    subject: mailText(language, 'note.subject', { label }),
    text: `${body}\n\n${mailText(language, 'note.footer', { label })}\n`,
  };
}

/**
 * PUT /teams/:id/notes/:cycleId: writes or rewrites the note; audited. The first write mails it
 * to the team once; a rewrite only changes the results page.
 */
export async function writeNote(
  db: Kysely<Database>,
  mailer: Mailer,
  user: SessionUser,
  scope: TeamScope,
  teamId: string,
  cycleId: string,
  body: string,
  now: Date,
): Promise<{ note: TeamNote; mailed: boolean }> {
  const cycle = await publishedFor(db, scope, teamId, cycleId);
  await upsertNote(db, teamId, cycleId, body, user.id, now);
  await recordAudit(db, user, 'notes.write', teamId, { cycleId });
  const mailed = await claimNoteMail(db, teamId, cycleId, now);
  if (mailed) {
    const organisationLanguage = await getDefaultLanguage(db);
    for (const to of await invitedAddresses(db, teamId, cycleId)) {
      await mailer.send(noteMail(to.email, cycle.label, body, spokenLanguage(to.language) ?? organisationLanguage));
    }
  }
  return { note: (await findNote(db, teamId, cycleId))!, mailed };
}
