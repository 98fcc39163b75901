import { alertSeverityRank, type AlertStatus, type Database } from '@pulse/db';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AlertsTable } from '@pulse/db';

export type AlertRow = Selectable<AlertsTable>;
/** The columns an alert is shown with (alerts.service `toAlert`), and its team's and cycle's names. */
const viewColumns = [
  'id',
  'team_id',
  'cycle_id',
  'kind',
  'level',
  'status',
  'summary',
  'signals',
  'actions',
  'acknowledged_at',
  'note',
] as const;
export type AlertView = Pick<AlertRow, (typeof viewColumns)[number]> & { team_name: string; cycle_label: string };

export async function allAlertRows(trx: Transaction<Database>): Promise<AlertRow[]> {
  return trx.selectFrom('alerts').selectAll().execute();
}

export async function deleteAlerts(trx: Transaction<Database>, ids: string[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('alerts').where('id', 'in', ids).execute();
}

export async function insertAlerts(
  trx: Transaction<Database>,
  rows: Omit<AlertRow, 'id' | 'acknowledged_at' | 'acknowledged_by' | 'acknowledged_level' | 'note'>[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, signals: JSON.stringify(r.signals), actions: JSON.stringify(r.actions) }));
    await trx.insertInto('alerts').values(chunk).execute();
  }
}

export async function updateAlert(trx: Transaction<Database>, id: string, changes: Partial<Omit<AlertRow, 'id'>>): Promise<void> {
  const { signals, actions, ...rest } = changes;
  await trx
    .updateTable('alerts')
    .set({
      ...rest,
      ...(signals === undefined ? {} : { signals: JSON.stringify(signals) }),
      ...(actions === undefined ? {} : { actions: JSON.stringify(actions) }),
    })
    .where('id', '=', id)
    .execute();
}

/** Alerts with their team and cycle names, newest first; `teamIds` null means every team. */
export async function listAlerts(
  db: Kysely<Database>,
  filter: { statuses: AlertStatus[]; teamIds: readonly string[] | null; id?: string },
): Promise<AlertView[]> {
  if (filter.teamIds && filter.teamIds.length === 0) return [];
  let query = db
    .selectFrom('alerts as a')
    .innerJoin('teams as t', 't.id', 'a.team_id')
    .innerJoin('cycles as c', 'c.id', 'a.cycle_id')
    .select(viewColumns.map((column) => `a.${column}` as const))
    .select(['t.name as team_name', 'c.label as cycle_label'])
    .where('a.status', 'in', filter.statuses);
  if (filter.teamIds) query = query.where('a.team_id', 'in', filter.teamIds);
  if (filter.id) query = query.where('a.id', '=', filter.id);
  return query.orderBy(alertSeverityRank('a.level')).orderBy('c.opens_at', 'desc').orderBy('t.name').execute();
}
