import type { Database } from '@pulse/db';
import type { Construct, ExportQuery, ExportRow, Scores } from '@pulse/shared';
import { alertLevels, suppressionMessage, type SuppressionReason } from '@pulse/shared/insights';
import type { Kysely } from 'kysely';
import { allTeams, type StatsView } from '../insights/insights-read.repository.js';
import { getAnonymityThreshold, type ThresholdSettings } from '../settings/settings.service.js';
import { alertSpans, statsPage, type AlertSpan, type CycleRange } from './exports.repository.js';

/** Teams per query: with 36 cycles a page holds 3,600 stats rows, so memory stays flat. */
export const TEAMS_PER_PAGE = 20;
const CONSTRUCTS: readonly Construct[] = ['autonomy', 'competence', 'relatedness', 'openness'];
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
  /** Rows in team-path order (the organisation first), each team's cycles oldest first. */
  rows: AsyncGenerator<ExportRow>;
}

/**
 * The aggregate export (API.md, "Export"): read page by page from the stored, already
 * suppressed figures, so it hides exactly what the screen hides and memory does not grow with
 * the number of rows. Every team is included, archived ones too (history stays readable).
 */
export async function aggregateExport(db: Kysely<Database>, settings: ThresholdSettings, query: ExportQuery): Promise<AggregateExport> {
  const threshold = await getAnonymityThreshold(db, settings);
  const range: CycleRange = { from: query.from ? new Date(query.from) : undefined, to: query.to ? endOfDay(query.to) : undefined };
  const teams = await teamsByPath(db);
  const levelOf = alertLevelLookup(await alertSpans(db));

  const rowsOf = (stat: StatsView, team: TeamLabel): ExportRow[] => {
    const scores = stat.suppressed ? undefined : (stat.scores as Scores);
    const shared = {
      team: team.name,
      team_path: team.path,
      cycle: stat.label,
      response_rate: stat.invited > 0 ? stat.responded / stat.invited : null,
      fortress_index: scores ? stat.fortress_index : null,
      alert_level: team.id ? levelOf(team.id, stat.opens_at) : null,
      suppressed: stat.suppressed ? suppressionMessage(stat.reason as SuppressionReason, threshold) : null,
      cycle_opens_at: stat.opens_at.toISOString().slice(0, 10),
    };
    return CONSTRUCTS.map((construct) => {
      const score = scores?.[construct];
      return {
        team: shared.team,
        team_path: shared.team_path,
        cycle: shared.cycle,
        construct,
        n: score?.n ?? null,
        mean: score?.mean ?? null,
        ci_low: score?.ciLow ?? null,
        ci_high: score?.ciHigh ?? null,
        response_rate: shared.response_rate,
        fortress_index: shared.fortress_index,
        alert_level: shared.alert_level,
        suppressed: shared.suppressed,
        cycle_opens_at: shared.cycle_opens_at,
      };
    });
  };

  async function* rows(): AsyncGenerator<ExportRow> {
    for (const stat of await statsPage(db, null, range)) yield* rowsOf(stat, ORGANISATION);
    for (let i = 0; i < teams.length; i += TEAMS_PER_PAGE) {
      const page = teams.slice(i, i + TEAMS_PER_PAGE);
      const byTeam = new Map<string, StatsView[]>();
      for (const stat of await statsPage(db, page.map((t) => t.id), range)) {
        let list = byTeam.get(stat.team_id!);
        if (!list) byTeam.set(stat.team_id!, (list = []));
        list.push(stat);
      }
      for (const team of page) for (const stat of byTeam.get(team.id) ?? []) yield* rowsOf(stat, team);
    }
  }

  return { threshold, from: query.from ?? null, to: query.to ?? null, rows: rows() };
}

/** Every team with its slash-separated path, sorted by path so sub-teams follow their parent. */
async function teamsByPath(db: Kysely<Database>): Promise<(TeamLabel & { id: string })[]> {
  const all = await allTeams(db);
  const byId = new Map(all.map((t) => [t.id, t]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const team = byId.get(id)!;
    const path = team.parent_id && byId.has(team.parent_id) ? [...pathOf(team.parent_id), team.name] : [team.name];
    paths.set(id, path);
    return path;
  };
  return all
    .map((t) => ({ id: t.id, name: t.name, segments: pathOf(t.id) }))
    .sort((a, b) => compareSegments(a.segments, b.segments))
    .map(({ segments, ...t }) => ({ ...t, path: segments.join('/') }));
}

/** Orders paths level by level, so "Finance/Payroll" follows "Finance" before "Finance Ops". */
function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = a[i]!.localeCompare(b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
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
