import type { OverviewRow } from '@pulse/shared';
import { useMemo, useState, type CSSProperties } from 'react';
import { Link } from 'wouter';
import { heatBins, heatColours } from '../../charts/palette.js';
import { CONSTRUCTS, fmt, fmtCi } from '../../charts/shape.js';
import { t } from '../../i18n/messages.js';
import { heatTree, sortKeys, visibleRows, type HeatNode, type SortKey } from './heat-tree.js';

export interface HeatmapProps {
  rows: OverviewRow[];
  cycleLabel: string;
  sort: SortKey;
  descending: boolean;
  onSort(sort: SortKey, descending: boolean): void;
}

/** A construct's heading: the full name, and on a phone a short one on screen (the name still read out). */
function ColumnLabel({ sortKey }: { sortKey: SortKey }) {
  if (!(CONSTRUCTS as readonly string[]).includes(sortKey)) return <>{columnLabel(sortKey)}</>;
  return (
    <>
      <span className="col-full">{columnLabel(sortKey)}</span>
      <span className="col-short" aria-hidden="true">
        {t(`heatmap.short.${sortKey as (typeof CONSTRUCTS)[number]}`)}
      </span>
    </>
  );
}

const columnLabel = (key: SortKey) => {
  if (key === 'team') return t('heatmap.team');
  if (key === 'fortress') return t('charts.fortressIndex');
  if (key === 'partner') return t('heatmap.partner');
  if (key === 'participation') return t('heatmap.participation');
  return t(`construct.${key}`);
};

/**
 * Teams × constructs for one cycle, following the hierarchy: each team's sub-teams sit beneath
 * it (collapsible) and are sorted among themselves. Colour shows the score; every cell also
 * shows its number, and hidden cells say why instead.
 */
export function Heatmap({ rows, cycleLabel, sort, descending, onSort }: HeatmapProps) {
  const roots = useMemo(() => heatTree(rows, sort, descending), [rows, sort, descending]);
  // Large organisations open with the top level only.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() =>
    rows.length > 60 ? new Set(rows.filter((r) => rows.some((c) => c.team.parentId === r.team.id)).map((r) => r.team.id)) : new Set(),
  );
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const shown = visibleRows(roots, collapsed);
  const hasTree = rows.some((r) => rows.some((c) => c.team.parentId === r.team.id));
  return (
    <>
      {hasTree && (
        <div className="actions heatmap-tools">
          <button type="button" className="button-secondary" onClick={() => setCollapsed(new Set())}>
            {t('heatmap.expandAll')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setCollapsed(new Set(rows.map((r) => r.team.id)))}>
            {t('heatmap.collapseAll')}
          </button>
        </div>
      )}
      <div className="table-scroll" role="region" aria-label={t('heatmap.label')} tabIndex={0}>
        <table className="heatmap">
          <caption>{t('heatmap.caption', { cycle: cycleLabel })}</caption>
          <thead>
            <tr>
              {sortKeys.map((key) => (
                <th key={key} scope="col" aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(key, sort === key ? !descending : key !== 'team')}>
                    <ColumnLabel sortKey={key} />
                    <span aria-hidden="true">{sort === key ? (descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="plain-head">
                {t('heatmap.alert')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((node) => (
              <HeatRow key={node.row.team.id} node={node} collapsed={collapsed.has(node.row.team.id)} onToggle={toggle} />
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}

function HeatRow({ node, collapsed, onToggle }: { node: HeatNode; collapsed: boolean; onToggle(id: string): void }) {
  const { row } = node;
  const name = row.team.name;
  return (
    <tr>
      <th scope="row">
        <div className="heat-team" style={{ '--level': node.level } as CSSProperties}>
          {node.children.length > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={!collapsed}
              aria-label={t(collapsed ? 'heatmap.expand' : 'heatmap.collapse', { name })}
              onClick={() => onToggle(row.team.id)}
            >
              {collapsed ? '▸' : '▾'}
            </button>
          ) : (
            <span className="tree-toggle-space" aria-hidden="true" />
          )}
          <Link href={`/insights/teams/${row.team.id}`}>{name}</Link>
        </div>
      </th>
      {row.suppressed || !row.scores ? (
        <td colSpan={CONSTRUCTS.length + 1} className="cell-hidden heat-hidden">
          {t('charts.hiddenBecause', { reason: row.reason ?? '' })}
        </td>
      ) : (
        <>
          {CONSTRUCTS.map((construct) => {
            const score = row.scores![construct];
            const detail = t('heatmap.cellDetail', { ci: fmtCi(score.ciLow !== null && score.ciHigh !== null ? [score.ciLow, score.ciHigh] : null), n: score.n });
            return (
              <td key={construct} className="heat-cell" style={heatColours(score.mean)} title={`${t(`construct.${construct}`)} ${fmt(score.mean)}: ${detail}`}>
                <span className="heat-value">{fmt(score.mean)}</span>
                <span className="visually-hidden">, {detail}</span>
              </td>
            );
          })}
          <td>{row.fortressIndex === undefined ? <span className="hint">{t('heatmap.noBaseline')}</span> : fmt(row.fortressIndex)}</td>
        </>
      )}
      <PartnerCell row={row} />
      <td>
        {row.invited > 0 ? t('heatmap.participationCell', { responded: row.responded, invited: row.invited, rate: Math.round((100 * row.responded) / row.invited) }) : '—'}
      </td>
      <td>{row.alertLevel && <span className={`badge level-${row.alertLevel}`}>{t(`level.${row.alertLevel}`)}</span>}</td>
    </tr>
  );
}

/** What the teams that rely on this one rate it: only where its own rule lets it show. */
function PartnerCell({ row }: { row: HeatNode['row'] }) {
  const partner = row.partner;
  if (!partner) return <td className="partner-cell">—</td>;
  const detail = t('heatmap.partnerDetail', { n: partner.n, teams: partner.raterTeams, ci: fmtCi(partner.ciLow !== null && partner.ciHigh !== null ? [partner.ciLow, partner.ciHigh] : null) });
  return (
    <td className="partner-cell" title={detail}>
      {fmt(partner.mean)}
      <span className="visually-hidden">, {detail}</span>
    </td>
  );
}

function HeatLegend() {
  return (
    <div className="heat-legend">
      <span>{t('heatmap.legend')}</span>
      <ul>
        {heatBins.map((bin, i) => {
          const next = heatBins[i + 1];
          const label = bin.min === -Infinity ? `< ${next!.min}` : next ? `${bin.min}–${next.min}` : `≥ ${bin.min}`;
          return (
            <li key={bin.colour} style={heatColours(bin.min === -Infinity ? 0 : bin.min)}>
              {label}
            </li>
          );
        })}
        <li className="cell-hidden">{t('heatmap.legendHidden')}</li>
      </ul>
    </div>
  );
}
