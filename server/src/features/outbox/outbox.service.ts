import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutboxMessage, OutboxMessageDetail } from '@pulse/shared';
import { simpleParser, type AddressObject } from 'mailparser';
import { notFound } from '../../errors.js';

/** The newest messages listed; an outbox fills up as cycles mail every member. */
export const LIST_LIMIT = 200;

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  [value ?? []]
    .flat()
    .map((a) => a.text)
    .join(', ');

async function parse(dir: string, id: string) {
  const raw = await readFile(path.join(dir, id)).catch(() => undefined);
  if (!raw) throw notFound('message');
  return simpleParser(raw);
}

function summary(id: string, mail: Awaited<ReturnType<typeof simpleParser>>): OutboxMessage {
  return { id, at: (mail.date ?? new Date(0)).toISOString(), to: addresses(mail.to), subject: mail.subject ?? '' };
}

/** The newest .eml files first (their names start with the time they were written). */
export async function listOutbox(dir: string): Promise<{ messages: OutboxMessage[]; total: number }> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const emls = names
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .reverse();
  const messages = await Promise.all(emls.slice(0, LIST_LIMIT).map(async (id) => summary(id, await parse(dir, id))));
  return { messages, total: emls.length };
}

/**
 * A link that carries a credential is never shown, not even to an admin: a personal pulse link
 * is the member's only credential (whoever holds it can see whether it was used and answer in
 * their place), and an invitation or reset link sets the password of someone else's account.
 * Whoever needs one reads the .eml file on the server (DATA_DIR/outbox) or uses real mail.
 */
const CREDENTIAL_LINKS: Array<[RegExp, string]> = [
  [/(https?:\/\/[^\s<>"')]+)?\/p\/[A-Za-z0-9_-]{20,}/g, '[personal pulse link hidden]'],
  [/(https?:\/\/[^\s<>"')]+)?\/set-password\?[^\s<>"')]*/g, '[password link hidden]'],
];

/** One message with its text and the links in it, so a newcomer can follow them. */
export async function readOutboxMessage(dir: string, id: string): Promise<OutboxMessageDetail> {
  const mail = await parse(dir, path.basename(id));
  const text = CREDENTIAL_LINKS.reduce((t, [pattern, hidden]) => t.replace(pattern, hidden), mail.text ?? '');
  const links = [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
  return { ...summary(id, mail), from: addresses(mail.from), text, links };
}
