import type { OverviewRow } from '@pulse/shared';
import type { Action } from '@pulse/shared/api/actions';
import { Link } from 'wouter';
import { fmt, fortressWatch } from '../../charts/shape.js';
import { t } from '../../i18n/messages.js';

/** Teams drifting toward a fortress: by alert level, then fortress index, highest first; with what each alerted team is doing about it. */
export function FortressWatch({ rows, actions }: { rows: OverviewRow[]; actions?: readonly Action[] | undefined }) {
  const watched = fortressWatch(rows);
  return (
    <section aria-labelledby="watch-title" className="panel">
      <h2 id="watch-title">{t('watch.title')}</h2>
      <p className="hint">{t('watch.intro')}</p>
      {watched.length === 0 ? (
        <p>{t('watch.none')}</p>
      ) : (
        <ol className="watch-list">
          {watched.map((row) => (
            <li key={row.team.id}>
              <Link href={`/insights/teams/${row.team.id}`}>{row.team.path}</Link>
              {row.alertLevel && <span className={`badge level-${row.alertLevel}`}>{t(`level.${row.alertLevel}`)}</span>}
              <span className="watch-index">
                {row.fortressIndex === undefined ? t('watch.noIndex') : t('watch.index', { value: fmt(row.fortressIndex) })}
              </span>
              {row.alertLevel && actions && (
                <WatchActions actions={actions.filter((a) => a.teamId === row.team.id && a.alertId && a.status !== 'dropped')} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "2 actions: 1 in progress, 1 planned", or that the alert has none yet. */
function WatchActions({ actions }: { actions: readonly Action[] }) {
  if (actions.length === 0) return <span className="watch-actions watch-actions-none">{t('actions.watchNone')}</span>;
  const counts = new Map<Action['status'], number>();
  for (const a of actions) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  const states = [...counts].map(([status, n]) => `${n} ${t(`actions.status.${status}`).toLowerCase()}`).join(', ');
  return <span className="watch-actions">{t('actions.watchCount', { count: actions.length, states })}</span>;
}
