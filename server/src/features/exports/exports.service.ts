import type { Database } from '@pulse/db';
import type { ExportQuery, ExportRow } from '@pulse/shared';
import { alertLevels, partnerSuppressionMessage, suppressionMessage } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { teamsInPathOrder } from '../teams/team-directory.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import type { EXTRA_SCORES } from './exports.repository.js';
import { alertSpans, CONSTRUCTS, statsPage, type AlertSpan, type CycleRange, type ExportStat } from './exports.repository.js';

/** Teams per query: with 36 cycles a page holds 720 stored cells, so memory stays flat. */
const TEAMS_PER_PAGE = 20;
/** Stored cells per batch of rows handed to a format (four rows each). */
const STATS_PER_BATCH = 50;
/** The organisation's row in the export: no team of its own, so an empty path. */
const ORGANISATION = { id: null, name: 'Organisation', path: '' };

interface TeamLabel {
  id: string | null;
  name: string;
  path: string;
}

export interface AggregateExport {
  threshold: number;
  from: string | null;
  to: string | null;
  /** Pages of rows in team-path order (the organisation first), each team's cycles oldest first. */
  pages: AsyncGenerator<ExportRow[]>;
}

/**
 * The aggregate export (zExportRow in shared/src/api/exports.ts): read page by page from the stored, already
 * suppressed figures, so it hides exactly what the screen hides and memory does not grow with
 * the number of rows. Every team is included, archived ones too (history stays readable).
 */
export async function aggregateExport(db: Kysely<Database>, settings: ThresholdSettings, query: ExportQuery): Promise<AggregateExport> {
  const threshold = await getAnonymityThreshold(db, settings);
  const range: CycleRange = { from: query.from ? new Date(query.from) : undefined, to: query.to ? endOfDay(query.to) : undefined };
  const teams = await teamsInPathOrder(db);
  const levelOf = alertLevelLookup(await alertSpans(db));

  const rowsOf = (stat: ExportStat, team: TeamLabel): ExportRow[] => {
    const shared = {
      team: team.name,
      team_path: team.path,
      cycle: stat.label,
      response_rate: stat.invited > 0 ? stat.responded / stat.invited : null,
      fortress_index: stat.suppressed ? null : stat.fortress_index,
      alert_level: team.id ? levelOf(team.id, stat.opens_at) : null,
      suppressed: stat.suppressed ? suppressionMessage(stat.reason!, stat.threshold ?? threshold) : null,
      cycle_opens_at: stat.opens_at.toISOString().slice(0, 10),
    };
    const figuresOf = (key: (typeof CONSTRUCTS)[number] | (typeof EXTRA_SCORES)[number]) => ({
      n: stat[`${key}_n`],
      mean: stat[`${key}_mean`],
      ci_low: stat[`${key}_ci_low`],
      ci_high: stat[`${key}_ci_high`],
    });
    // A suppressed cell has no stored figures (a check constraint), so these are null there.
    const rows: ExportRow[] = CONSTRUCTS.map((construct) => ({ ...shared, construct, ...figuresOf(construct) }));
    // Shown only where the screen shows it: alignment of a visible cell of a team with values.
    if (stat.alignment_n !== null) rows.push({ ...shared, construct: 'values_alignment', ...figuresOf('alignment') });
    rows.push(...instrumentRows(stat, team.id, shared));
    // The partners' view has its own rule (k ratings from two teams) and its own reason.
    if (stat.partner_rated) {
      const reason = stat.partner_reason ? partnerSuppressionMessage(stat.partner_reason, stat.partner_threshold ?? threshold) : null;
      rows.push({ ...shared, construct: 'partner_responsiveness', ...figuresOf('partner'), suppressed: reason });
    }
    return rows;
  };

  // Rows leave in small batches: their objects and the text made of them die young, so the
  // garbage collector frees them cheaply and memory stays flat.
  async function* batches(stats: ExportStat[], teamOf: (stat: ExportStat) => TeamLabel): AsyncGenerator<ExportRow[]> {
    for (let i = 0; i < stats.length; i += STATS_PER_BATCH) {
      yield stats.slice(i, i + STATS_PER_BATCH).flatMap((stat) => rowsOf(stat, teamOf(stat)));
    }
  }

  async function* pages(): AsyncGenerator<ExportRow[]> {
    yield* batches(await statsPage(db, null, range), () => ORGANISATION);
    for (let i = 0; i < teams.length; i += TEAMS_PER_PAGE) {
      const page = teams.slice(i, i + TEAMS_PER_PAGE);
      const order = new Map(page.map((team, index) => [team.id, index]));
      // The query orders by team id; the export follows the teams' path order.
      const stats = (
        await statsPage(
          db,
          page.map((t) => t.id),
          range,
        )
      ).sort((x, y) => order.get(x.team_id!)! - order.get(y.team_id!)!);
      yield* batches(stats, (stat) => page[order.get(stat.team_id!)!]!);
    }
  }

  return { threshold, from: query.from ?? null, to: query.to ?? null, pages: pages() };
}

const hidden = { n: null, mean: null, ci_low: null, ci_high: null };

/**
 * eNPS (`enps`, −100…100) and HR's questions (`custom:<id>`, on their own scale): figures where
 * the stored cell shows them, which is only in a visible cell; a hidden cell has the same empty
 * row with its reason for each item the cycle asked there, exactly like the constructs.
 */
function instrumentRows(
  stat: ExportStat,
  teamId: string | null,
  shared: Omit<ExportRow, 'construct' | 'n' | 'mean' | 'ci_low' | 'ci_high'>,
): ExportRow[] {
  const rows: ExportRow[] = [];
  if (stat.enps)
    rows.push({ ...shared, construct: 'enps', n: stat.enps.n, mean: stat.enps.score, ci_low: stat.enps.ciLow, ci_high: stat.enps.ciHigh });
  else if (stat.suppressed && stat.enps_asked) rows.push({ ...shared, construct: 'enps', ...hidden });
  for (const item of stat.custom_items ?? []) {
    rows.push({ ...shared, construct: `custom:${item.id}`, n: item.n, mean: item.mean, ci_low: item.ciLow, ci_high: item.ciHigh });
  }
  if (stat.suppressed) {
    const asked = stat.version_items.filter((i) => i.teamIds.length === 0 || (teamId !== null && i.teamIds.includes(teamId)));
    for (const item of asked) rows.push({ ...shared, construct: `custom:${item.id}`, ...hidden });
  }
  return rows;
}

/** The highest level of the alert episodes covering a team in the cycle opening at `opensAt`. */
function alertLevelLookup(spans: AlertSpan[]) {
  const byTeam = new Map<string, AlertSpan[]>();
  for (const span of spans) {
    let list = byTeam.get(span.team_id);
    if (!list) byTeam.set(span.team_id, (list = []));
    list.push(span);
  }
  return (teamId: string, opensAt: Date): AlertSpan['level'] | null => {
    let best: AlertSpan['level'] | null = null;
    for (const span of byTeam.get(teamId) ?? []) {
      const covers = span.first_opens_at <= opensAt && opensAt <= span.last_opens_at;
      if (covers && (best === null || alertLevels.indexOf(span.level) > alertLevels.indexOf(best))) best = span.level;
    }
    return best;
  };
}

/** A date-only bound includes that whole day (as in the trends route). */
function endOfDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}
