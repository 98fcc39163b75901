import type { OverviewResponse } from '@pulse/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useAllActions } from '../api/actions.js';
import { overviewChildren, useOverviewSearch, useOverviewTeams, useOverviewWorst } from '../api/insights.js';
import { ChartFigure } from '../charts/ChartFigure.js';
import { ParticipationChart } from '../charts/lazy.js';
import { lowestParticipation } from '../charts/shape.js';
import { CycleSelect } from '../components/CycleSelect.js';
import { Field } from '../components/forms.js';
import { ScrollTable } from '../components/ScrollTable.js';
import { useSession } from '../components/SessionProvider.js';
import { Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { DriversPanel } from './insights/DriversPanel.js';
import { FortressWatch } from './insights/FortressWatch.js';
import { Heatmap } from './insights/Heatmap.js';
import { isSortKey, type SortKey } from './insights/heat-tree.js';
import { useQueryState } from './insights/use-query-state.js';
import './insights/insights.css';

const PARTICIPATION_LIMIT = 15;
const WATCH_LIMIT = 25;
const SEARCH_LIMIT = 50;

/**
 * The organisation overview (/insights?cycle=&sort=&dir=&q=): a heatmap of teams × constructs
 * that opens with the viewer's top teams and loads a team's sub-teams when it is expanded, a
 * search by team name, the fortress watch list and the lowest participation, for one cycle,
 * each loaded as the server sorts it. HR sees every team, a leader their subtree (the server
 * decides).
 */
export function OverviewPage() {
  const [params, update] = useQueryState();
  const cycleParam = params.get('cycle') ?? undefined;
  const overview = useOverviewTeams(cycleParam);
  const actions = useAllActions();
  const sortParam = params.get('sort');
  const sort = isSortKey(sortParam) ? sortParam : 'team';
  const descending = params.get('dir') === 'desc';
  const onSort = (key: string, desc: boolean) => update({ sort: key === 'team' ? null : key, dir: desc ? 'desc' : null });
  const { user } = useSession();
  // A leader sees their own teams, not the organisation: "Your team" when it is one.
  const rowCount = overview.status === 'ready' ? overview.data.rows.length : 0;
  const manager = user?.role === 'hr' || user?.role === 'admin';
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
                key={data.cycle!.id}
                rows={data.rows}
                cycleLabel={data.cycle!.label}
                sort={sort}
                descending={descending}
                onSort={onSort}
                loadChildren={(id) => overviewChildren(data.cycle!.id, id)}
              />
            </section>
            {data.rows.length > 1 && (
              <TeamSearch
                data={data}
                q={params.get('q') ?? ''}
                onSearch={(q) => update({ q: q || null })}
                heat={{ sort, descending, onSort }}
              />
            )}
            <div className="chart-grid">
              <Watch data={data} actions={actions.data?.actions} />
              <Participation data={data} />
            </div>
            {manager && <DriversPanel cycleId={data.cycle!.id} />}
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
      <CycleSelect label={t('overview.cycle')} cycles={data.cycles} value={data.cycle!.id} onChange={onCycle} />
      {canExport && <Link href="/exports">{t('overview.exportLink')}</Link>}
      {canExport && (
        <a href={`/api/v1/overview?cycleId=${encodeURIComponent(data.cycle!.id)}&download=true`} download>
          {t('overview.downloadAll')}
        </a>
      )}
      {canExport && <Link href={`/insights/scales?cycle=${encodeURIComponent(data.cycle!.id)}`}>{t('scales.link')}</Link>}
    </div>
  );
}

/** Find teams by part of their name; the results are a heatmap of their own, expandable too. */
function TeamSearch({
  data,
  q,
  onSearch,
  heat,
}: {
  data: OverviewResponse;
  q: string;
  onSearch(q: string): void;
  heat: { sort: SortKey; descending: boolean; onSort(key: string, desc: boolean): void };
}) {
  const [text, setText] = useState(q);
  const found = useOverviewSearch(data.cycle!.id, q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <section aria-labelledby="search-title" className="panel">
      <h2 id="search-title">{t('overviewSearch.title')}</h2>
      <form className="filters" role="search" onSubmit={submit}>
        <Field label={t('overviewSearch.label')}>
          {(props) => <input {...props} type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button type="submit">{t('overviewSearch.find')}</button>
        {q && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            {t('overviewSearch.clear')}
          </button>
        )}
      </form>
      {q && (
        <Resource state={found} isEmpty={(d) => d.rows.length === 0} empty={t('overviewSearch.none', { q })}>
          {(result) => (
            <>
              <p className="hint" role="status">
                {result.rows.length >= SEARCH_LIMIT
                  ? t('overviewSearch.many', { count: result.rows.length })
                  : t('overviewSearch.count', { count: result.rows.length, q })}
              </p>
              <Heatmap
                key={`${q}:${data.cycle!.id}`}
                rows={result.rows}
                cycleLabel={data.cycle!.label}
                sort={heat.sort}
                descending={heat.descending}
                onSort={heat.onSort}
                loadChildren={(id) => overviewChildren(data.cycle!.id, id)}
                label={t('overviewSearch.results')}
              />
            </>
          )}
        </Resource>
      )}
    </section>
  );
}

/** The fortress watch, worst first as the server sorts it. */
function Watch({ data, actions }: { data: OverviewResponse; actions: Parameters<typeof FortressWatch>[0]['actions'] }) {
  const watch = useOverviewWorst(data.cycle!.id, 'fortress', WATCH_LIMIT);
  return <Resource state={watch}>{(result) => <FortressWatch rows={result.rows} actions={actions} />}</Resource>;
}

function Participation({ data }: { data: OverviewResponse }) {
  const worst = useOverviewWorst(data.cycle!.id, 'participation', PARTICIPATION_LIMIT);
  return <Resource state={worst}>{(result) => <ParticipationPanel data={data} rows={result.rows} />}</Resource>;
}

function ParticipationPanel({ data, rows }: { data: OverviewResponse; rows: OverviewResponse['rows'] }) {
  const lowest = lowestParticipation(rows, PARTICIPATION_LIMIT);
  const title =
    lowest.length === 1
      ? t('participation.captionOne', { cycle: data.cycle!.label })
      : t('participation.caption', { count: lowest.length, cycle: data.cycle!.label });
  return (
    <section aria-labelledby="participation-title" className="panel">
      <h2 id="participation-title">{t('participation.title')}</h2>
      <ChartFigure
        title={title}
        height={40 + lowest.length * 28}
        chart={<ParticipationChart data={lowest} />}
        table={
          <ScrollTable
            label={t('table.label', { title })}
            headers={[t('heatmap.team'), t('table.responded'), t('table.invited'), t('table.rate')]}
          >
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
