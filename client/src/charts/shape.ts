import type { OverviewRow, TrendPoint, TrendsResponse } from '@pulse/shared';
import { formatMonthShort, formatScore } from '../i18n/dates.js';

export const CONSTRUCTS = ['autonomy', 'competence', 'relatedness', 'openness'] as const;
export type ConstructKey = (typeof CONSTRUCTS)[number];

/** One cycle of a chart; `hidden` is the reason when the cycle's figures are suppressed. */
interface CycleDatum {
  key: string;
  label: string;
  tick: string;
  hidden: string | null;
}

export interface TrendDatum extends CycleDatum {
  mean: number | null;
  /** The 95% confidence interval, drawn as a band. */
  band: [number, number] | null;
  n: number | null;
  comparison: number | null;
  comparisonHidden: boolean;
}

export interface FortressDatum extends CycleDatum {
  value: number | null;
}

export interface ResponseDatum extends CycleDatum {
  /** Percent of invited people who answered; null when nobody was invited. */
  rate: number | null;
  invited: number;
  responded: number;
}

/** "Oct 26" for a cycle opening in October 2026 (in the interface's language): short enough for an axis at 360 px. */
export const shortLabel = (opensAt: string): string => formatMonthShort(opensAt);

const cycleOf = (p: TrendPoint): CycleDatum => ({
  key: p.cycleId,
  label: p.label,
  tick: shortLabel(p.opensAt),
  hidden: p.suppressed ? (p.reason ?? 'hidden') : null,
});

/** One construct's line, CI band and comparison line, cycle by cycle; hidden cycles stay gaps. */
export function constructSeries(trends: TrendsResponse, construct: ConstructKey): TrendDatum[] {
  return figureSeries(trends, (p) => p.scores?.[construct]);
}

/** A cell's figure with its interval, n and the comparison's, as a chart draws it. */
type Figure = { mean: number; ciLow: number | null; ciHigh: number | null; n: number } | undefined;

/** A figure's line, band and comparison line, cycle by cycle; hidden cycles stay gaps. */
function figureSeries(trends: TrendsResponse, pick: (p: TrendPoint) => Figure): TrendDatum[] {
  const comparison = new Map((trends.comparison?.series ?? []).map((p) => [p.cycleId, p]));
  return trends.series.map((point) => {
    const figure = pick(point);
    const other = comparison.get(point.cycleId);
    return {
      ...cycleOf(point),
      mean: figure?.mean ?? null,
      band: figure && figure.ciLow !== null && figure.ciHigh !== null ? [figure.ciLow, figure.ciHigh] : null,
      n: figure?.n ?? null,
      comparison: (other && pick(other)?.mean) ?? null,
      comparisonHidden: other?.suppressed ?? false,
    };
  });
}

/** Cycles that show the figure, and hidden ones (gaps): a shown cycle that did not ask it is left out. */
const askedSeries = (trends: TrendsResponse, pick: (p: TrendPoint) => Figure): TrendDatum[] =>
  figureSeries(trends, pick).filter((d) => d.hidden !== null || d.mean !== null);

/** eNPS (−100…100) per cycle with its 95% interval; hidden cycles stay gaps. */
export const enpsSeries = (trends: TrendsResponse): TrendDatum[] =>
  askedSeries(trends, (p) => p.enps && { mean: p.enps.score, ciLow: p.enps.ciLow, ciHigh: p.enps.ciHigh, n: p.enps.n });

/** One of HR's questions per cycle, on its own scale. */
export const itemSeries = (trends: TrendsResponse, id: string): TrendDatum[] =>
  askedSeries(trends, (p) => p.customItems?.find((i) => i.id === id));

/** HR's questions the team's series shows anywhere, with their latest wording and scale. */
export function shownItems(trends: TrendsResponse): { id: string; text: string; min: number; max: number }[] {
  const items = new Map<string, { id: string; text: string; min: number; max: number }>();
  for (const p of trends.series) for (const i of p.customItems ?? []) items.set(i.id, { id: i.id, text: i.text, min: i.min, max: i.max });
  return [...items.values()];
}

/** The fortress index per cycle (null: hidden, or not enough history for a baseline yet). */
export function fortressSeries(trends: TrendsResponse): FortressDatum[] {
  return trends.series.map((point) => ({ ...cycleOf(point), value: point.fortressIndex ?? null }));
}

/** Participation per cycle: shown for hidden cycles too, as on every screen. */
export function responseSeries(trends: TrendsResponse): ResponseDatum[] {
  return trends.series.map((point) => ({
    ...cycleOf(point),
    rate: point.invited > 0 ? (100 * point.responded) / point.invited : null,
    invited: point.invited,
    responded: point.responded,
  }));
}

export interface ParticipationDatum {
  id: string;
  name: string;
  path: string;
  rate: number;
  invited: number;
  responded: number;
}

/** The `limit` teams with the lowest participation in a cycle, lowest first. */
export function lowestParticipation(rows: readonly OverviewRow[], limit: number): ParticipationDatum[] {
  return rows
    .filter((r) => r.invited > 0)
    .map((r) => ({
      id: r.team.id,
      name: r.team.name,
      path: r.team.path,
      rate: (100 * r.responded) / r.invited,
      invited: r.invited,
      responded: r.responded,
    }))
    .sort((a, b) => a.rate - b.rate || a.path.localeCompare(b.path))
    .slice(0, limit);
}

const levelRank = { critical: 3, warning: 2, watch: 1 } as const;

/**
 * Teams to watch for a fortress: any with an open alert or a fortress index of at least
 * `minIndex`, by alert level, then fortress index, highest first.
 */
export function fortressWatch(rows: readonly OverviewRow[], minIndex = 20): OverviewRow[] {
  return rows
    .filter((r) => r.alertLevel !== null || (r.fortressIndex ?? 0) >= minIndex)
    .sort(
      (a, b) =>
        (b.alertLevel ? levelRank[b.alertLevel] : 0) - (a.alertLevel ? levelRank[a.alertLevel] : 0) ||
        (b.fortressIndex ?? -1) - (a.fortressIndex ?? -1) ||
        a.team.path.localeCompare(b.team.path),
    );
}

/** A figure as shown on screen and in the data tables: one decimal, in the interface's language. */
export const fmt = (value: number) => formatScore(value);

/** eNPS with its sign: "+12.5", "−3.0", "0.0". */
export const fmtSigned = (value: number) => (value > 0 ? `+${fmt(value)}` : value < 0 ? `−${fmt(-value)}` : fmt(0));

/** "55.0–70.0" */
export const fmtCi = (band: readonly [number, number] | null) => (band ? `${fmt(band[0])}–${fmt(band[1])}` : '');
