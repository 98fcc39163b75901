import type { OverviewResponse } from '@pulse/shared';
import { Link } from 'wouter';
import { useAllActions } from '../api/actions.js';
import { useOverview } from '../api/insights.js';
import { ChartFigure } from '../charts/ChartFigure.js';
import { ParticipationChart } from '../charts/lazy.js';
import { lowestParticipation } from '../charts/shape.js';
import { Field } from '../components/forms.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { useSession } from '../components/SessionProvider.js';
import { Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { FortressWatch } from './insights/FortressWatch.js';
import { Heatmap } from './insights/Heatmap.js';
import { isSortKey } from './insights/heat-tree.js';
import { useQueryState } from './insights/use-query-state.js';
import './insights/insights.css';

const PARTICIPATION_LIMIT = 15;

/**
 * The organisation overview (/insights?cycle=&sort=&dir=): a heatmap of teams × constructs,
 * the fortress watch list and participation, for one cycle. HR sees every team, a leader their
 * subtree (the server decides).
 */
export function OverviewPage() {
  const [params, update] = useQueryState();
  const overview = useOverview(params.get('cycle') ?? undefined);
  const actions = useAllActions();
  const sortParam = params.get('sort');
  const sort = isSortKey(sortParam) ? sortParam : 'team';
  const descending = params.get('dir') === 'desc';
  const { user } = useSession();
  // A leader sees their own teams, not the organisation: "Your team" when it is one.
  const rowCount = overview.status === 'ready' ? overview.data.rows.length : 0;
  const title = user?.role !== 'leader' ? t('overview.title') : rowCount === 1 ? t('overview.yourTeam') : t('overview.yourTeams');
  return (
    <div className="insights">
      <h1>{title}</h1>
      <Resource state={overview} isEmpty={(d) => d.cycle === null || d.rows.length === 0} empty={t('overview.empty')}>
        {(data) => (
          <>
            <OverviewControls data={data} onCycle={(cycle) => update({ cycle })} />
            <section aria-labelledby="heatmap-title" className="panel">
              <h2 id="heatmap-title">{t('heatmap.title')}</h2>
              <p className="hint">{t('heatmap.intro', { threshold: data.threshold })}</p>
              <Heatmap
                rows={data.rows}
                cycleLabel={data.cycle!.label}
                sort={sort}
                descending={descending}
                onSort={(key, desc) => update({ sort: key === 'team' ? null : key, dir: desc ? 'desc' : null })}
              />
            </section>
            <div className="chart-grid">
              <FortressWatch rows={data.rows} actions={actions.data?.actions} />
              <Participation data={data} />
            </div>
          </>
        )}
      </Resource>
    </div>
  );
}

function OverviewControls({ data, onCycle }: { data: OverviewResponse; onCycle(cycle: string): void }) {
  const { user } = useSession();
  const canExport = user?.role === 'hr' || user?.role === 'admin';
  return (
    <div className="filters">
      <Field label={t('overview.cycle')}>
        {(props) => (
          <select {...props} value={data.cycle!.id} onChange={(e) => onCycle(e.target.value)}>
            {data.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {canExport && <Link href="/exports">{t('overview.exportLink')}</Link>}
    </div>
  );
}

function Participation({ data }: { data: OverviewResponse }) {
  const lowest = lowestParticipation(data.rows, PARTICIPATION_LIMIT);
  const title = lowest.length === 1 ? t('participation.captionOne', { cycle: data.cycle!.label }) : t('participation.caption', { count: lowest.length, cycle: data.cycle!.label });
  return (
    <section aria-labelledby="participation-title" className="panel">
      <h2 id="participation-title">{t('participation.title')}</h2>
      <ChartFigure
        title={title}
        height={40 + lowest.length * 28}
        chart={<ParticipationChart data={lowest} />}
        table={
          <ScrollTable label={t('table.label', { title })} headers={[t('heatmap.team'), t('table.responded'), t('table.invited'), t('table.rate')]}>
            {lowest.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.path}</th>
                <td>{d.responded}</td>
                <td>{d.invited}</td>
                <td>{Math.round(d.rate)}%</td>
              </tr>
            ))}
          </ScrollTable>
        }
      />
    </section>
  );
}
