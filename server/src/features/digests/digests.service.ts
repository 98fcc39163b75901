import type { Database } from '@pulse/db';
import type { Transaction } from 'kysely';
import type { MailContext } from '../cycles/invitations.service.js';
import { overdueActionsByOwner } from '../actions/actions-overdue.js';
import { openCourier } from '../chat/courier.js';
import { postTeamDigests } from '../chat/teams.service.js';
import { digestLine, digestMail, teamViewLink } from './digest-mail.js';
import { digestSlack } from './digest-slack.js';
import { claimDigest, digestAlerts, hrPeople, languagesOf, leaderScopes, queueDigest, recordSent } from './digests.repository.js';
import { mailText, spokenLanguage } from '../../i18n/mail-text.js';
import type { Language } from '@pulse/shared';
import { getDefaultLanguage } from '../settings/settings.service.js';

/**
 * Called inside the transaction that closes a cycle with the episodes it made new or escalated:
 * the digest is queued with the close, and mailed by `deliverDigests` once it has committed.
 */
export async function queueCycleDigest(trx: Transaction<Database>, cycleId: string, keys: readonly string[]): Promise<void> {
  if (keys.length) await queueDigest(trx, cycleId, keys);
}

/**
 * Delivers every queued digest (a Slack direct message when connected, else mail): one to each leader with new or escalated alerts in their scope
 * (the teams they lead and those beneath), one organisation digest to each HR person. A digest
 * is claimed before anything is sent; a failed mail puts it back for a later pass, which skips
 * whoever already has it. Resolves the number of mails sent.
 */
export async function deliverDigests(ctx: MailContext, now: Date): Promise<number> {
  const courier = openCourier(ctx);
  let sent = 0;
  for (let digest = await claimDigest(ctx.db, now); digest; digest = await claimDigest(ctx.db, now)) {
    const alerts = await digestAlerts(ctx.db, digest.episode_keys);
    const cycleLabel = alerts[0]?.cycle_label ?? '';
    const mails: { key: string; language: Language; message: ReturnType<typeof digestMail> }[] = [];
    const organisationLanguage = await getDefaultLanguage(ctx.db);
    const leaders = new Map<string, { email: string; name: string; teams: Set<string> }>();
    for (const row of await leaderScopes(ctx.db)) {
      const leader = leaders.get(row.id) ?? { email: row.email, name: row.name, teams: new Set<string>() };
      leader.teams.add(row.team_id);
      leaders.set(row.id, leader);
    }
    // Each owner of an overdue action hears of it in their digest, or in one of their own.
    const overdue = await overdueActionsByOwner(ctx.db, now);
    const lateFor = (id: string) => overdue.get(id)?.actions ?? [];
    const hr = alerts.length ? await hrPeople(ctx.db) : [];
    const own = await languagesOf(ctx.db, [...leaders.keys(), ...hr.map((h) => h.id), ...overdue.keys()]);
    const languageOf = (id: string) => spokenLanguage(own.get(id)) ?? organisationLanguage;
    for (const [id, leader] of leaders) {
      const mine = alerts.filter((a) => leader.teams.has(a.team_id));
      const language = languageOf(id);
      if (mine.length)
        mails.push({
          key: id,
          language,
          message: digestMail(leader, mine, { publicUrl: ctx.publicUrl, cycleLabel, organisation: false, overdue: lateFor(id), language }),
        });
    }
    for (const person of hr) {
      const language = languageOf(person.id);
      mails.push({
        key: person.id,
        language,
        message: digestMail(person, alerts, {
          publicUrl: ctx.publicUrl,
          cycleLabel,
          organisation: true,
          overdue: lateFor(person.id),
          language,
        }),
      });
    }
    for (const [id, owner] of overdue) {
      const language = languageOf(id);
      if (!mails.some((m) => m.key === id))
        mails.push({
          key: id,
          language,
          message: digestMail(owner, [], { publicUrl: ctx.publicUrl, cycleLabel, organisation: false, overdue: owner.actions, language }),
        });
    }
    const done = new Set(digest.sent_to);
    let failed = false;
    for (const mail of mails) {
      if (done.has(mail.key)) continue;
      try {
        const slack = digestSlack(mail.message, mailText(mail.language, 'digest.teamView'));
        const delivered = await courier.deliver({ kind: 'digest', ref: `${digest.cycle_id}:${mail.key}`, mail: mail.message, slack }, now);
        done.add(mail.key);
        if (delivered !== 'already') sent++;
      } catch (error) {
        ctx.log.warn({ err: error, cycle: digest.cycle_id }, 'alert digest failed; it will be retried');
        failed = true;
        break;
      }
    }
    await recordSent(ctx.db, digest.cycle_id, [...done], failed);
    // A team's own alerts to its Microsoft Teams channel, if it has one: no personal link. The
    // channel is its leaders': in the language they share (those who lead it or a team above
    // it), else the organisation's.
    await postTeamDigests(
      ctx,
      digest.cycle_id,
      (teamId) => {
        const own = alerts.filter((a) => a.team_id === teamId);
        if (!own.length) return undefined;
        const spoken = new Set([...leaders].filter(([, leader]) => leader.teams.has(teamId)).map(([id]) => languageOf(id)));
        const language = spoken.size === 1 ? [...spoken][0]! : organisationLanguage;
        const title = mailText(language, 'digest.teams.title', { team: own[0]!.team_name, label: cycleLabel });
        const linkText = mailText(language, 'digest.teamView');
        return {
          title,
          linkText,
          lines: own.map((a) => ({ text: digestLine(a, language), link: teamViewLink(ctx.publicUrl, a.team_id) })),
        };
      },
      now,
    );
    // A failure ends this pass, so a broken mail server is not hammered in a loop.
    if (failed) return sent;
  }
  return sent;
}
