import type { Database, StoredTeamItems, VersionItem } from '@pulse/db';
import { currentQuestionnaire, enpsItem, questionnaireVersion, scaleOf, type ExtraItem, type Questionnaire } from '@pulse/shared';
import {
  MAX_CUSTOM_ITEMS,
  type CustomItem,
  type CustomItemCreate,
  type CustomItemUpdate,
  type Instrument,
} from '@pulse/shared/api/questionnaire';
import { enpsCounts, momentsOf, type ItemMeta, type ItemsInput, type TeamItems } from '@pulse/shared/insights';
import type { Kysely, Transaction } from 'kysely';
import { badRequest, conflict, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  allItemMoments,
  allVersions,
  countActive,
  cycleAnswers,
  findItem,
  findVersion,
  insertItem,
  insertVersion,
  existingTeams,
  latestVersion,
  listItems,
  lockInstrument,
  replaceItemTeams,
  retire,
  setItemText,
  storeItemMoments,
  type ItemRow,
  type VersionRow,
} from './questionnaire.repository.js';

/** Who changed the instrument, for the audit log. */
type Actor = Pick<SessionUser, 'id' | 'email'>;

const toItem = (row: ItemRow): CustomItem => ({
  id: row.id,
  text: row.text,
  scale: row.scale,
  teamIds: row.team_ids,
  createdAt: row.created_at.toISOString(),
  retiredAt: row.retired_at?.toISOString() ?? null,
});

/** The version number a cycle created now asks. */
export async function currentVersion(db: Kysely<Database>): Promise<number> {
  return (await latestVersion(db)).version;
}

/** GET /questionnaire/items */
export async function instrument(db: Kysely<Database>): Promise<Instrument> {
  const [latest, items] = await Promise.all([latestVersion(db), listItems(db)]);
  return { version: latest.version, enps: latest.enps, items: items.map(toItem), maxActive: MAX_CUSTOM_ITEMS };
}

/** Writes the next version from the instrument as it is now (callers hold the lock). */
async function nextVersion(trx: Transaction<Database>, enps?: boolean): Promise<number> {
  const latest = await latestVersion(trx);
  const items: VersionItem[] = (await listItems(trx))
    .filter((i) => i.retired_at === null)
    .map((i) => ({ id: i.id, text: i.text, scale: i.scale, teamIds: i.team_ids }));
  unscoped = undefined;
  return insertVersion(trx, { core: currentQuestionnaire.version, enps: enps ?? latest.enps, items });
}

async function checkTeams(db: Kysely<Database>, teamIds: readonly string[] | undefined): Promise<string[]> {
  const teams = [...new Set(teamIds ?? [])];
  const live = await existingTeams(db, teams);
  const unknown = (teamIds ?? []).flatMap((id, i) => (live.has(id) ? [] : [{ path: `teamIds.${i}`, message: 'is not a team' }]));
  if (unknown.length) throw badRequest('teams.someMissing', unknown);
  return teams;
}

const tooMany = () => conflict(['questionnaire.tooMany', { max: MAX_CUSTOM_ITEMS }]);

/** POST /questionnaire/items: a new question for cycles created from now on (a new version). */
export async function addItem(db: Kysely<Database>, actor: Actor, body: CustomItemCreate): Promise<{ item: CustomItem; version: number }> {
  const teams = await checkTeams(db, body.teamIds);
  const { id, version } = await db.transaction().execute(async (trx) => {
    await lockInstrument(trx);
    if ((await countActive(trx)) >= MAX_CUSTOM_ITEMS) throw tooMany();
    const id = await insertItem(trx, { text: body.text, scale: body.scale });
    await replaceItemTeams(trx, id, teams);
    return { id, version: await nextVersion(trx) };
  });
  await recordAudit(db, actor, 'questionnaire.add', id, { scale: body.scale, teams: teams.length, version });
  return { item: toItem((await findItem(db, id))!), version };
}

async function activeItem(trx: Kysely<Database>, id: string): Promise<ItemRow> {
  const item = await findItem(trx, id);
  if (!item) throw notFound('question');
  if (item.retired_at) throw conflict('questionnaire.retired');
  return item;
}

/** PATCH /questionnaire/items/:id: rewording or new teams keep the id and make a new version. */
export async function updateItem(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  body: CustomItemUpdate,
): Promise<{ item: CustomItem; version: number }> {
  const teams = body.teamIds === undefined ? undefined : await checkTeams(db, body.teamIds);
  const version = await db.transaction().execute(async (trx) => {
    await lockInstrument(trx);
    await activeItem(trx, id);
    if (body.text !== undefined) await setItemText(trx, id, body.text);
    if (teams !== undefined) await replaceItemTeams(trx, id, teams);
    return nextVersion(trx);
  });
  await recordAudit(db, actor, 'questionnaire.update', id, { text: body.text !== undefined, teams: teams?.length ?? null, version });
  return { item: toItem((await findItem(db, id))!), version };
}

/** POST /questionnaire/items/:id/retire: cycles created from now on no longer ask it. */
export async function retireItem(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ item: CustomItem; version: number }> {
  const version = await db.transaction().execute(async (trx) => {
    await lockInstrument(trx);
    await activeItem(trx, id);
    await retire(trx, id, now);
    return nextVersion(trx);
  });
  await recordAudit(db, actor, 'questionnaire.retire', id, { version });
  return { item: toItem((await findItem(db, id))!), version };
}

/** PUT /questionnaire/enps: eNPS on or off for cycles created from now on. */
export async function setEnps(db: Kysely<Database>, actor: Actor, enabled: boolean): Promise<Instrument> {
  const changed = await db.transaction().execute(async (trx) => {
    await lockInstrument(trx);
    if ((await latestVersion(trx)).enps === enabled) return false;
    await nextVersion(trx, enabled);
    return true;
  });
  if (changed) await recordAudit(db, actor, 'questionnaire.enps', null, { enabled });
  return instrument(db);
}

/** The extra items of a version a member of `teamId` is asked: eNPS when on, then HR's questions for everyone or for that team. */
function extraItemsOf(row: VersionRow, teamId: string): ExtraItem[] {
  const custom = row.custom_items
    .filter((i) => i.teamIds.length === 0 || i.teamIds.includes(teamId))
    .map((i): ExtraItem => ({ id: i.id, kind: 'custom', text: i.text, scale: scaleOf(i.scale) }));
  return [...(row.enps ? [enpsItem] : []), ...custom];
}

const questionnaireOf = (row: VersionRow, teamId: string): Questionnaire => {
  const core = questionnaireVersion(row.core_version);
  return { version: row.version, items: core.items, extraItems: extraItemsOf(row, teamId) };
};

/** Each stored version's core questionnaire (the construct items, in code): what the scales' statistics read. */
export async function coreVersions(db: Kysely<Database>): Promise<Map<number, number>> {
  return new Map((await allVersions(db)).map((row) => [row.version, row.core_version]));
}

/** The questionnaire of `version` as a member of `teamId` sees it. */
export async function questionnaireFor(db: Kysely<Database>, version: number, teamId: string): Promise<Questionnaire> {
  const row = await findVersion(db, version);
  if (!row) throw new Error(`Unknown questionnaire version ${version}`);
  // A version another instance wrote since this one cached them: guess among it too from now on.
  if (unscoped && !unscoped.known.has(version)) unscoped = undefined;
  return questionnaireOf(row, teamId);
}

/**
 * Versions whose every item is asked of everyone, as questionnaires: answering's fast path
 * guesses among them. A version never changes, so a cached one stays right; one made by another
 * instance since is not guessed until a checked answer meets it (`questionnaireFor`), and the
 * claim itself checks the cycle's version, so a wrong guess only costs the checked path.
 */
let unscoped: { known: ReadonlySet<number>; list: readonly Questionnaire[] } | undefined;
export async function unscopedQuestionnaires(db: Kysely<Database>): Promise<readonly Questionnaire[]> {
  if (!unscoped) {
    const rows = await allVersions(db);
    const list = rows.filter((r) => r.custom_items.every((i) => i.teamIds.length === 0)).map((r) => questionnaireOf(r, ''));
    unscoped = { known: new Set(rows.map((r) => r.version)), list };
  }
  return unscoped.list;
}

/** At close: each team's own eNPS counts and custom-item moments, next to its other moments. */
export async function storeCycleItems(trx: Transaction<Database>, cycleId: string): Promise<void> {
  const versions = new Map((await allVersions(trx)).map((v) => [v.version, v]));
  const answers = new Map<string, { enps: number[]; custom: Map<string, number[]> }>();
  for (const r of await cycleAnswers(trx, cycleId)) {
    const version = versions.get(r.questionnaire_version)!;
    let team = answers.get(r.team_id);
    if (!team) answers.set(r.team_id, (team = { enps: [], custom: new Map() }));
    if (version.enps && typeof r.answers.enps === 'number') team.enps.push(r.answers.enps);
    for (const item of version.custom_items) {
      const value = r.answers[item.id];
      if (typeof value === 'number') team.custom.set(item.id, [...(team.custom.get(item.id) ?? []), value]);
    }
  }
  const stored = new Map<string, StoredTeamItems>();
  for (const [teamId, team] of answers) {
    const items: StoredTeamItems = {};
    if (team.enps.length) {
      const c = enpsCounts(team.enps);
      items.enps = [c.n, c.promoters, c.detractors];
    }
    if (team.custom.size) {
      items.custom = Object.fromEntries(
        [...team.custom].map(([id, values]) => {
          const m = momentsOf(values);
          return [id, [m.n, m.mean, m.m2]];
        }),
      );
    }
    if (items.enps || items.custom) stored.set(teamId, items);
  }
  await storeItemMoments(trx, cycleId, stored);
}

/** Every closed cycle's extra-item input, as the engine takes it. */
export async function itemInputs(db: Kysely<Database>): Promise<Map<string, ItemsInput>> {
  const versions = new Map((await allVersions(db)).map((v) => [v.version, v]));
  const out = new Map<string, { byTeam: Map<string, TeamItems>; custom: Map<string, ItemMeta> }>();
  for (const row of await allItemMoments(db)) {
    let cycle = out.get(row.cycle_id);
    if (!cycle) {
      const custom = new Map(
        versions.get(row.questionnaire_version)!.custom_items.map((i) => {
          const scale = scaleOf(i.scale);
          return [i.id, { text: i.text, min: scale.min, max: scale.max }] as const;
        }),
      );
      out.set(row.cycle_id, (cycle = { byTeam: new Map(), custom }));
    }
    const stored = row.items!;
    const team: TeamItems = {};
    if (stored.enps) team.enps = { n: stored.enps[0], promoters: stored.enps[1], detractors: stored.enps[2] };
    if (stored.custom) team.custom = Object.fromEntries(Object.entries(stored.custom).map(([id, [n, mean, m2]]) => [id, { n, mean, m2 }]));
    cycle.byTeam.set(row.team_id, team);
  }
  return out;
}
