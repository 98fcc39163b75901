import type { OverviewRow } from '@pulse/shared';
import { useMemo, useState, type CSSProperties } from 'react';
import { Link } from 'wouter';
import { heatBins, heatColours } from '../../charts/palette.js';
import { CONSTRUCTS, fmt, fmtCi, fmtSigned } from '../../charts/shape.js';
import { t } from '../../i18n/messages.js';
import { heatTree, sortKeys, visibleRows, type HeatNode, type SortKey } from './heat-tree.js';

export interface HeatmapProps {
  /** The rows loaded first; a row with `childCount` but no loaded sub-teams loads them when expanded. */
  rows: OverviewRow[];
  cycleLabel: string;
  sort: SortKey;
  descending: boolean;
  onSort(sort: SortKey, descending: boolean): void;
  loadChildren(teamId: string): Promise<OverviewRow[]>;
  /** Accessible name of the scrolling region (two heatmaps can share a page). */
  label?: string;
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
  if (key === 'enps') return t('enps.column');
  if (key === 'partner') return t('heatmap.partner');
  if (key === 'participation') return t('heatmap.participation');
  return t(`construct.${key}`);
};

/**
 * Teams × constructs for one cycle, following the hierarchy: each team's sub-teams sit beneath
 * it (collapsible) and are sorted among themselves. Sub-teams load from the server when their
 * parent is first expanded, so the page holds what it shows. Colour shows the score; every cell
 * also shows its number, and hidden cells say why instead.
 */
export function Heatmap({ rows, cycleLabel, sort, descending, onSort, loadChildren, label = t('heatmap.label') }: HeatmapProps) {
  const [more, setMore] = useState<readonly OverviewRow[]>([]);
  const loaded = useMemo(() => [...rows, ...more], [rows, more]);
  const roots = useMemo(() => heatTree(loaded, sort, descending), [loaded, sort, descending]);
  // Open: the teams whose sub-teams came with the first load. A search may bring only some of a
  // team's sub-teams: they show under it, and expanding it again loads the rest.
  const childrenIn = (list: readonly OverviewRow[], id: string) => list.filter((c) => c.team.parentId === id).length;
  const complete = (list: readonly OverviewRow[], row: OverviewRow) => childrenIn(list, row.team.id) >= (row.childCount ?? 0);
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(rows.filter((r) => childrenIn(rows, r.team.id) > 0).map((r) => r.team.id)),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const toggle = async (id: string) => {
    if (open.has(id)) {
      setOpen((prev) => new Set([...prev].filter((x) => x !== id)));
      return;
    }
    const row = loaded.find((r) => r.team.id === id);
    if (row && !complete(loaded, row)) {
      setBusy(id);
      setFailed(false);
      try {
        const children = await loadChildren(id);
        setMore((prev) => [...prev, ...children.filter((c) => !loaded.some((r) => r.team.id === c.team.id))]);
      } catch {
        setFailed(true);
        return;
      } finally {
        setBusy(null);
      }
    }
    setOpen((prev) => new Set([...prev, id]));
  };
  const collapsed = new Set(loaded.map((r) => r.team.id).filter((id) => !open.has(id)));
  const shown = visibleRows(roots, collapsed);
  const hasTree = loaded.some((r) => (r.childCount ?? 0) > 0 || loaded.some((c) => c.team.parentId === r.team.id));
  return (
    <>
      {hasTree && open.size > 0 && (
        <div className="actions heatmap-tools">
          <button type="button" className="button-secondary" onClick={() => setOpen(new Set())}>
            {t('heatmap.collapseAll')}
          </button>
        </div>
      )}
      {failed && (
        <p role="alert" className="state state-error">
          {t('heatmap.loadFailed')}
        </p>
      )}
      <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
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
          <tbody aria-busy={busy !== null}>
            {shown.map((node) => (
              <HeatRow key={node.row.team.id} node={node} open={open.has(node.row.team.id)} onToggle={(id) => void toggle(id)} />
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}

function HeatRow({ node, open, onToggle }: { node: HeatNode; open: boolean; onToggle(id: string): void }) {
  const { row } = node;
  const name = row.team.name;
  const collapsed = !open || node.children.length === 0;
  return (
    <tr>
      <th scope="row">
        <div className="heat-team" style={{ '--level': node.level } as CSSProperties}>
          {node.children.length > 0 || (row.childCount ?? 0) > 0 ? (
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
        <td colSpan={CONSTRUCTS.length + 2} className="cell-hidden heat-hidden">
          {t('charts.hiddenBecause', { reason: row.reason ?? '' })}
        </td>
      ) : (
        <>
          {CONSTRUCTS.map((construct) => {
            const score = row.scores![construct];
            const detail = t('heatmap.cellDetail', {
              ci: fmtCi(score.ciLow !== null && score.ciHigh !== null ? [score.ciLow, score.ciHigh] : null),
              n: score.n,
            });
            return (
              <td
                key={construct}
                className="heat-cell"
                style={heatColours(score.mean)}
                title={`${t(`construct.${construct}`)} ${fmt(score.mean)}: ${detail}`}
              >
                <span className="heat-value">{fmt(score.mean)}</span>
                <span className="visually-hidden">, {detail}</span>
              </td>
            );
          })}
          <td>{row.fortressIndex === undefined ? <span className="hint">{t('heatmap.noBaseline')}</span> : fmt(row.fortressIndex)}</td>
          <EnpsCell row={row} />
        </>
      )}
      <PartnerCell row={row} />
      <td>
        {row.invited > 0
          ? t('heatmap.participationCell', {
              responded: row.responded,
              invited: row.invited,
              rate: Math.round((100 * row.responded) / row.invited),
            })
          : '—'}
      </td>
      <td>{row.alertLevel && <span className={`badge level-${row.alertLevel}`}>{t(`level.${row.alertLevel}`)}</span>}</td>
    </tr>
  );
}

/** eNPS of a visible cell whose every respondent was asked it; "—" otherwise. */
function EnpsCell({ row }: { row: HeatNode['row'] }) {
  const enps = row.enps;
  if (!enps) return <td className="enps-cell">—</td>;
  const detail = t('enps.cellDetail', { ci: fmtCi([enps.ciLow, enps.ciHigh]), n: enps.n });
  return (
    <td className="enps-cell" title={detail}>
      {fmtSigned(enps.score)}
      <span className="visually-hidden">, {detail}</span>
    </td>
  );
}

/** What the teams that rely on this one rate it: only where its own rule lets it show. */
function PartnerCell({ row }: { row: HeatNode['row'] }) {
  const partner = row.partner;
  if (!partner) return <td className="partner-cell">—</td>;
  const detail = t('heatmap.partnerDetail', {
    n: partner.n,
    teams: partner.raterTeams,
    ci: fmtCi(partner.ciLow !== null && partner.ciHigh !== null ? [partner.ciLow, partner.ciHigh] : null),
  });
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
