import type { Database } from '@pulse/db';
import type { ErrorDetail } from '@pulse/shared';
import type { Customer, CustomerImportResult, CustomerMapResponse, CustomersBody } from '@pulse/shared/api/customers';
import type { CustomerMix } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { badRequest, notFound } from '../../errors.js';
import type { SessionUser } from '../../plugins/auth.js';
import { inScope, type TeamScope } from '../../plugins/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseCustomerCsv } from './customers.csv.js';
import { listLinks, replaceCustomers, upsertLinks, type LinkRow } from './customers.repository.js';

/** Who serves whom, for the partners' ratings. */
export { listLinks, liveProvidersOf } from './customers.repository.js';
import { teamDirectory, type TeamDirectory } from '../teams/team-directory.js';

const PREVIEW_ROWS = 10;

/** A live team inside the caller's scope, or 404 (a team outside it does not exist for them). */
function providerInScope(teams: TeamDirectory, scope: TeamScope, teamId: string) {
  const team = teams.byId.get(teamId);
  if (!team || team.archived || !inScope(scope, teamId)) throw notFound('team');
  return team;
}

/** The one place a map row becomes a customer in the API. */
function toCustomers(teams: TeamDirectory, rows: readonly LinkRow[]): Customer[] {
  return rows
    .map((r) => {
      const t = teams.byId.get(r.customer_team_id)!;
      return { teamId: t.id, name: t.name, path: t.path, relationship: r.relationship };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** GET /teams/:id/customers */
export async function customersOf(db: Kysely<Database>, scope: TeamScope, teamId: string): Promise<Customer[]> {
  const teams = await teamDirectory(db);
  providerInScope(teams, scope, teamId);
  return toCustomers(teams, await listLinks(db, [teamId]));
}

/** PUT /teams/:id/customers: replaces the list; every customer must be another live team, once. */
export async function setCustomers(
  db: Kysely<Database>,
  actor: SessionUser,
  scope: TeamScope,
  teamId: string,
  body: CustomersBody,
): Promise<Customer[]> {
  const teams = await teamDirectory(db);
  const provider = providerInScope(teams, scope, teamId);
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  body.customers.forEach((c, i) => {
    const customer = teams.byId.get(c.teamId);
    const path = `customers.${i}.teamId`;
    if (!customer || customer.archived) problems.push({ path, message: 'is not a team.' });
    else if (c.teamId === teamId) problems.push({ path, message: 'A team cannot be its own customer.' });
    else if (seen.has(c.teamId)) problems.push({ path, message: `${customer.name} appears twice.` });
    seen.add(c.teamId);
  });
  if (problems.length) throw badRequest('customers.invalid', problems);
  const rows = body.customers.map((c) => ({ provider_team_id: teamId, customer_team_id: c.teamId, relationship: c.relationship }));
  await db.transaction().execute((trx) => replaceCustomers(trx, teamId, rows));
  await recordAudit(db, actor, 'customers.update', teamId, { team: provider.path, customers: rows.length });
  return toCustomers(teams, rows);
}

/**
 * GET /customer-map: every relationship whose provider is in scope, and every live team by path
 * (names only: a leader chooses customers among all teams, and the map names them).
 */
export async function customerMap(db: Kysely<Database>, scope: TeamScope): Promise<CustomerMapResponse> {
  const rows = await listLinks(db, scope === 'all' ? undefined : [...scope]);
  const teams = [...(await teamDirectory(db)).byId.values()].filter((t) => !t.archived).sort((a, b) => a.path.localeCompare(b.path));
  return {
    links: rows.map((r) => ({ providerId: r.provider_team_id, customerId: r.customer_team_id, relationship: r.relationship })),
    teams: teams.map((t) => ({ id: t.id, path: t.path })),
  };
}

/**
 * POST /customer-map/import: adds the CSV's relationships and changes the kind of those that
 * exist, all or nothing: any bad line means a 400 listing every bad line, and nothing changes.
 * Relationships that are not in the file stay as they are.
 */
export async function importCustomerMap(
  db: Kysely<Database>,
  actor: SessionUser,
  csv: string,
  options: { dryRun: boolean },
): Promise<CustomerImportResult> {
  const parsed = parseCustomerCsv(csv);
  if (!parsed.errors.length && !parsed.rows.length) {
    throw badRequest('customers.emptyFile', [{ path: 'line 2', message: 'No rows.' }]);
  }
  const teams = await teamDirectory(db);
  const errors = [...parsed.errors];
  const links: LinkRow[] = [];
  for (const row of parsed.rows) {
    const problems: string[] = [];
    const resolve = (name: string, role: string) => {
      const found = teams.find(name);
      if (found.length === 1) return found[0]!;
      problems.push(
        found.length === 0
          ? `The ${role} team "${name}" does not exist.`
          : `The ${role} team "${name}" is ambiguous: write its path, e.g. ${found[0]!.path}.`,
      );
      return undefined;
    };
    const provider = resolve(row.provider, 'provider');
    const customer = resolve(row.customer, 'customer');
    if (provider && customer && provider.id === customer.id) problems.push('A team cannot be its own customer.');
    if (problems.length) errors.push({ path: `line ${row.line}`, message: problems.join(' ') });
    else links.push({ provider_team_id: provider!.id, customer_team_id: customer!.id, relationship: row.relationship });
  }
  if (errors.length) {
    errors.sort((a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)));
    throw badRequest(['import.lineProblems', { count: errors.length }], errors);
  }
  const preview = parsed.rows
    .slice(0, PREVIEW_ROWS)
    .map(({ line, provider, customer, relationship }) => ({ line, provider, customer, relationship }));
  return db.transaction().execute(async (trx) => {
    const existing = new Map((await listLinks(trx)).map((r) => [`${r.provider_team_id}|${r.customer_team_id}`, r.relationship]));
    // The same pair written two ways (name and path) counts once.
    const unique = new Map(links.map((l) => [`${l.provider_team_id}|${l.customer_team_id}`, l]));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const [key, link] of unique) {
      const before = existing.get(key);
      if (before === undefined) counts.created++;
      else if (before !== link.relationship) counts.updated++;
      else counts.unchanged++;
    }
    if (options.dryRun) return { ...counts, dryRun: true, preview };
    await upsertLinks(trx, [...unique.values()]);
    await recordAudit(trx, actor, 'customers.import', null, { ...counts, rows: parsed.rows.length });
    return { ...counts, dryRun: false, preview };
  });
}

/** Each provider's customers by relationship, for fitting alert actions to the map. */
export async function customerMix(db: Kysely<Database>): Promise<Map<string, CustomerMix>> {
  const mix = new Map<string, CustomerMix>();
  for (const r of await listLinks(db)) {
    const m = mix.get(r.provider_team_id) ?? { driveThru: 0, strategic: 0 };
    if (r.relationship === 'strategic') m.strategic++;
    else m.driveThru++;
    mix.set(r.provider_team_id, m);
  }
  return mix;
}
