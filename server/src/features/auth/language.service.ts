import type { Database } from '@pulse/db';
import { isLanguage, type Language } from '@pulse/shared';
import type { Kysely } from 'kysely';
import { chooseLanguage } from '../../i18n/language.js';
import { getDefaultLanguage } from '../settings/settings.service.js';

/** The dashboard's language for this person: their own choice, else `Accept-Language`, else the organisation's default. */
export async function sessionLanguage(
  db: Kysely<Database>,
  userId: string,
  acceptLanguage: string | undefined,
): Promise<{ language: Language; ownLanguage: Language | null }> {
  const row = await db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst();
  const ownLanguage = isLanguage(row?.language) ? row.language : null;
  return { language: chooseLanguage([ownLanguage], acceptLanguage, await getDefaultLanguage(db)), ownLanguage };
}

/** Stores the person's own language (null: none of their own). */
export async function setOwnLanguage(db: Kysely<Database>, userId: string, language: Language | null): Promise<void> {
  await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
}
