import type { TrendsResponse } from '@pulse/shared';
import type { Action } from '@pulse/shared/api/actions';
import { useState } from 'react';
import { Link } from 'wouter';
import { useTeamActions } from '../api/actions.js';
import { useTrends } from '../api/insights.js';
import { ChartFigure } from '../charts/ChartFigure.js';
import { FortressChart, ResponseChart, TrendChart } from '../charts/lazy.js';
import { PANEL_HEIGHT_PX } from '../charts/sizes.js';
import { constructSeries, CONSTRUCTS, fortressSeries, responseSeries } from '../charts/shape.js';
import { useSession } from '../components/SessionProvider.js';
import { EmptyState, Resource } from '../components/states.js';
import { t } from '../i18n/messages.js';
import { PartnerLine } from '../partners/PartnerLine.js';
import { NotePanel } from './insights/NotePanel.js';
import { ActionsPanel, draftFromAlert, type ActionDraft } from './insights/ActionsPanel.js';
import { AlertsPanel } from './insights/AlertsPanel.js';
import { CommentsPanel } from './insights/CommentsPanel.js';
import { LeadAlert } from './insights/LeadAlert.js';
import { RangeForm } from './insights/RangeForm.js';
import { FortressTable, ResponseTable, TrendTable } from './insights/team-tables.js';
import { useQueryState } from './insights/use-query-state.js';
import './insights/insights.css';
import './insights/print.css';
import { InstrumentPanel } from './insights/InstrumentPanel.js';

/**
 * A team's view (/insights/teams/:id?from=&to=&cycle=): trends with confidence bands and a
 * comparison line, the fortress index, participation, alerts and comments. Team, range and
 * comments cycle live in the address, so a link shows the same view.
 */
export function TeamInsightsPage({ id }: { id: string }) {
  const [params, setParam] = useQueryState();
  const range = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
  const trends = useTrends(id, range);
  const [actionsVersion, setActionsVersion] = useState(0);
  const actions = useTeamActions(id, actionsVersion);
  const [draft, setDraft] = useState<ActionDraft | null>(null);
  const title = trends.status === 'ready' ? trends.data.team.name : t('team.title');
  const { user } = useSession();
  return (
    <div className="insights">
      <nav aria-label={t('team.breadcrumb')} className="breadcrumb">
        <Link href="/insights">{user?.role === 'leader' ? t('overview.short') : t('overview.title')}</Link>
        {trends.status === 'ready' && <span> › {trends.data.team.path}</span>}
      </nav>
      <div className="title-row">
        <h1>{title}</h1>
        <button type="button" className="button-secondary print-button" onClick={() => window.print()}>
          {t('team.print')}
        </button>
      </div>
      <LeadAlert teamId={id} actions={actions.data?.actions ?? []} />
      <RangeForm
        key={`${range.from ?? ''}:${range.to ?? ''}`}
        range={range}
        onChange={(next) => setParam({ from: next.from, to: next.to })}
      />
      <Resource state={trends}>
        {(data) => (
          <>
            <TeamCharts data={data} actions={actions.data?.actions ?? []} />
            {data.series.some((p) => p.partner) && <PartnerLine series={data.series} team={data.team.name} threshold={data.threshold} />}
            <div className="insights-columns">
              <AlertsPanel teamId={id} actions={actions.data?.actions} onPlanAction={(alert) => setDraft(draftFromAlert(alert))} />
              <CommentsPanel
                teamId={id}
                series={data.series}
                cycleId={params.get('cycle') ?? undefined}
                onCycle={(cycle) => setParam({ cycle })}
              />
            </div>
            {user?.role !== 'admin' && data.series.length > 0 && (
              <NotePanel teamId={id} cycle={{ id: data.series.at(-1)!.cycleId, label: data.series.at(-1)!.label }} />
            )}
            <Resource state={actions}>
              {(list) => (
                <ActionsPanel teamId={id} data={list} draft={draft} onDraft={setDraft} onChanged={() => setActionsVersion((v) => v + 1)} />
              )}
            </Resource>
          </>
        )}
      </Resource>
    </div>
  );
}

function TeamCharts({ data, actions }: { data: TrendsResponse; actions: readonly Action[] }) {
  if (data.series.length === 0) return <EmptyState>{t('team.noCycles')}</EmptyState>;
  const comparisonName = data.comparison?.series.length ? data.comparison.name : null;
  const allHidden = data.series.every((p) => p.suppressed);
  const fortress = fortressSeries(data);
  const responses = responseSeries(data);
  return (
    <>
      <section aria-labelledby="trends-title" className="panel">
        <h2 id="trends-title">{t('team.trendsTitle')}</h2>
        <p className="hint">{t('team.trendsIntro', { threshold: data.threshold })}</p>
        {allHidden ? (
          <EmptyState>{t('team.allHidden', { reason: data.series[0]!.reason ?? '' })}</EmptyState>
        ) : (
          <>
            <ChartLegend team={data.team.name} comparison={comparisonName} />
            <div className="chart-grid">
              {CONSTRUCTS.map((construct) => {
                const series = constructSeries(data, construct);
                const name = t(`construct.${construct}`);
                const started = actions.filter((a) => a.construct === construct && a.effect?.startCycleId && a.status !== 'dropped');
                return (
                  <ChartFigure
                    key={construct}
                    title={name}
                    height={PANEL_HEIGHT_PX}
                    note={
                      started.length > 0 && (
                        <p className="hint">
                          {t('actions.chartNote', {
                            actions: started.map((a) => `“${a.title}” (${a.effect!.startCycleLabel})`).join(', '),
                          })}
                        </p>
                      )
                    }
                    chart={
                      <TrendChart
                        construct={construct}
                        data={series}
                        comparisonName={comparisonName}
                        actionStarts={started.map((a) => a.effect!.startCycleId!)}
                      />
                    }
                    table={<TrendTable title={name} data={series} comparisonName={comparisonName} />}
                  />
                );
              })}
            </div>
            <HiddenCycles data={data} />
          </>
        )}
      </section>
      <InstrumentPanel data={data} comparisonName={comparisonName} />
      <div className="chart-grid">
        <section aria-labelledby="fortress-title" className="panel">
          <h2 id="fortress-title">{t('charts.fortressIndex')}</h2>
          {fortress.every((d) => d.value === null) ? (
            <EmptyState>{t('team.noFortress')}</EmptyState>
          ) : (
            <ChartFigure
              title={t('team.fortressCaption')}
              note={<p className="hint">{t('team.fortressIntro')}</p>}
              height={PANEL_HEIGHT_PX}
              chart={<FortressChart data={fortress} />}
              table={<FortressTable title={t('charts.fortressIndex')} data={fortress} />}
            />
          )}
        </section>
        <section aria-labelledby="response-title" className="panel">
          <h2 id="response-title">{t('charts.responseRate')}</h2>
          <ChartFigure
            title={t('team.responseCaption')}
            note={<p className="hint">{t('team.responseIntro')}</p>}
            height={PANEL_HEIGHT_PX}
            chart={<ResponseChart data={responses} />}
            table={<ResponseTable title={t('charts.responseRate')} data={responses} />}
          />
        </section>
      </div>
    </>
  );
}

/** Each hidden cycle with its real reason, in plain words. */
function HiddenCycles({ data }: { data: TrendsResponse }) {
  const hidden = data.series.filter((p) => p.suppressed);
  if (hidden.length === 0) return null;
  return (
    <>
      <h3 className="hidden-cycles-title">{t('hiddenCycles.title')}</h3>
      <ul className="hidden-cycles" aria-label={t('hiddenCycles.label')}>
        {hidden.map((p) => (
          <li key={p.cycleId}>
            {t('hiddenCycles.line', {
              label: p.label,
              responded: p.responded,
              invited: p.invited,
              why: p.reasonCode ? t(`hiddenWhy.${p.reasonCode}`, { k: data.threshold }) : (p.reason ?? ''),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the lines and bands mean, once for the four panels. */
function ChartLegend({ team, comparison }: { team: string; comparison: string | null }) {
  return (
    <ul className="chart-legend">
      <li>
        <span className="legend-line" aria-hidden="true" /> {t('legend.team', { name: team })}
      </li>
      <li>
        <span className="legend-band" aria-hidden="true" /> {t('legend.band')}
      </li>
      {comparison && (
        <li>
          <span className="legend-line legend-dashed" aria-hidden="true" /> {t('legend.comparison', { name: comparison })}
        </li>
      )}
      <li>
        <span className="legend-line legend-hidden" aria-hidden="true" /> {t('legend.hidden')}
      </li>
    </ul>
  );
}
