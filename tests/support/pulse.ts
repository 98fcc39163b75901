import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '@pulse/server';
import { currentQuestionnaire } from '@pulse/shared';

export interface SeededMember {
  id: string;
  email: string;
  name: string;
  teamId: string;
}
export interface SeededTeam {
  id: string;
  name: string;
  members: SeededMember[];
}

let counter = 0;

/** Inserts teams with active members straight into the database. */
export async function seedTeams(app: App, sizes: Record<string, number>): Promise<SeededTeam[]> {
  const teams: SeededTeam[] = [];
  for (const [name, size] of Object.entries(sizes)) {
    const team = await app.db.insertInto('teams').values({ name }).returning('id').executeTakeFirstOrThrow();
    const members: SeededMember[] = [];
    for (let i = 0; i < size; i++) {
      const n = ++counter;
      const values = { email: `member${n}@example.test`, name: `Member ${n}`, role: 'member' as const, team_id: team.id };
      const user = await app.db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
      members.push({ id: user.id, email: values.email, name: values.name, teamId: team.id });
    }
    teams.push({ id: team.id, name, members });
  }
  return teams;
}

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  /** The token of the first pulse link in the mail, if any. */
  token: string | undefined;
  link: string | undefined;
}

/** Undoes quoted-printable soft line breaks and escapes, as a mail client would. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every .eml in the outbox, oldest first, with its recipient, subject and pulse link. */
export async function readOutbox(app: App): Promise<OutboxMail[]> {
  const dir = app.mailer.outboxDir;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const raw = await readFile(path.join(dir, name), 'utf8');
      const header = (field: string) => raw.match(new RegExp(`^${field}: (.*)$`, 'mi'))?.[1]?.trim() ?? '';
      const link = decodeQuotedPrintable(raw).match(/https?:\/\/\S+?\/p\/([A-Za-z0-9_-]{43})/);
      return { file: name, to: header('To'), subject: header('Subject'), link: link?.[0], token: link?.[1] };
    }),
  );
}

/**
 * A complete, valid set of answers for a cycle created now: every statement `value` (1–5) and
 * eNPS, asked by default, `2 · value` (0–10).
 */
export function fullAnswers(value = 4): Record<string, number> {
  return { ...Object.fromEntries(currentQuestionnaire.items.map((item) => [item.id, value])), enps: 2 * value };
}

/** A cycle window around `now`: opened an hour ago, closing in a week. */
export function openWindow(now = new Date()) {
  return {
    opensAt: new Date(now.getTime() - 3_600_000).toISOString(),
    closesAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  };
}

/** Empties the outbox (truncate() leaves files alone). */
export async function clearOutbox(app: App): Promise<void> {
  await rm(app.mailer.outboxDir, { recursive: true, force: true });
}
