import type { OverviewRow } from '@pulse/shared';
import { Link } from 'wouter';
import { fmt, fortressWatch } from '../../charts/shape.js';
import { t } from '../../i18n/messages.js';

/** Teams drifting toward a fortress: by alert level, then fortress index, highest first. */
export function FortressWatch({ rows }: { rows: OverviewRow[] }) {
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
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
