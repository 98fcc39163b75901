import type { Database } from '@pulse/db';
import type { Kysely } from 'kysely';

/** Responses given in one language, for a whole cycle. */
export interface LanguageCount {
  language: string;
  responses: number;
}

/** How many of a cycle's responses were given in each language (the claim counts them; nothing per team or per response). */
export async function languageCounts(db: Kysely<Database>, cycleId: string): Promise<LanguageCount[]> {
  return db.selectFrom('cycle_language_counts').select(['language', 'responses']).where('cycle_id', '=', cycleId).execute();
}

/**
 * The languages that may be shown, most answers first: none with fewer than `threshold`
 * responses, and none whose count the others would give away. The cycle's total is known, so
 * whatever is left out (the rest) is known too: a rest of one language would be that language's
 * count, and a rest below the threshold would tell of a small group all the same. While the rest
 * is either, the smallest shown language joins it; when that cannot help, nothing is shown.
 */
export function reportableLanguages(counts: readonly LanguageCount[], threshold: number): LanguageCount[] {
  const sorted = counts.filter((c) => c.responses > 0).sort((a, b) => b.responses - a.responses || a.language.localeCompare(b.language));
  const shown = sorted.filter((c) => c.responses >= threshold);
  const rest = sorted.filter((c) => c.responses < threshold);
  const restTotal = () => rest.reduce((sum, c) => sum + c.responses, 0);
  while (rest.length > 0 && (rest.length === 1 || restTotal() < threshold)) {
    const smallest = shown.pop();
    if (!smallest) return [];
    rest.push(smallest);
  }
  return shown.map(({ language, responses }) => ({ language, responses }));
}
