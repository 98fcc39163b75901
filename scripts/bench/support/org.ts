// The synthetic large organisation: 5,000 teams four levels deep (5 divisions, 45
// departments, 450 groups, 4,500 teams), every team with 10–30 members of its own (about
// 100,000 in all), 36 monthly cycles answered at 60–80% from the simulation's generator, so
// the drift patterns (fortress, pressure, noisy and stable teams) are the engine's own.
import { randomUUID } from 'node:crypto';
import { generateScenario, parseScenario, type GeneratedScenario } from '@pulse/shared/simulation';

/** Children per node at each level below the divisions. */
const FAN_OUT = [9, 10, 10] as const;
const DIVISIONS = 5;
const LEVEL_NAMES = ['Division', 'Department', 'Group', 'Team'] as const;

export const orgScenario = parseScenario({
  name: 'bench-100k',
  seed: 100_000,
  cycles: 36,
  teams: DIVISIONS * (1 + FAN_OUT[0] * (1 + FAN_OUT[1] * (1 + FAN_OUT[2]))),
  teamSize: { min: 10, max: 30 },
  responseRate: { min: 0.6, max: 0.8 },
  teamsPerDepartment: 0,
  patterns: [
    { pattern: 'stable', share: 0.8 },
    { pattern: 'stable-noisy', share: 0.05 },
    { pattern: 'fortress', share: 0.1, onset: { min: 12, max: 30 }, pressureLead: 2 },
    { pattern: 'pressure-only', share: 0.05, onset: { min: 12, max: 30 } },
  ],
});

export interface OrgTeam {
  id: string;
  /** The generator's id for this team's answers. */
  simId: string;
  name: string;
  parentId: string | null;
  depth: number;
  size: number;
}

export interface Org {
  teams: OrgTeam[];
  generated: GeneratedScenario;
  members: number;
}

/** Builds the tree breadth-first: generator team i becomes node i, divisions first. */
export function buildOrg(): Org {
  const generated = generateScenario(orgScenario);
  const teams: OrgTeam[] = [];
  const sim = generated.teams;
  let next = 0;
  const add = (parent: OrgTeam | null, path: number[]) => {
    const s = sim[next++]!;
    const depth = path.length - 1;
    const team = {
      id: randomUUID(),
      simId: s.id,
      name: `${LEVEL_NAMES[depth]} ${path.join('.')}`,
      parentId: parent?.id ?? null,
      depth,
      size: s.size,
    };
    teams.push(team);
    return team;
  };
  let level: { team: OrgTeam; path: number[] }[] = [];
  for (let d = 1; d <= DIVISIONS; d++) level.push({ team: add(null, [d]), path: [d] });
  for (const fan of FAN_OUT) {
    const below: typeof level = [];
    for (const { team, path } of level) {
      for (let c = 1; c <= fan; c++) below.push({ team: add(team, [...path, c]), path: [...path, c] });
    }
    level = below;
  }
  if (next !== sim.length) throw new Error(`tree has ${next} teams, scenario ${sim.length}`);
  return { teams, generated, members: teams.reduce((sum, t) => sum + t.size, 0) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The 36 monthly cycles, January 2023 to December 2025, each open two weeks. */
export function orgCycles(count = orgScenario.cycles) {
  return Array.from({ length: count }, (_, i) => {
    const year = 2023 + Math.floor(i / 12);
    const opensAt = new Date(Date.UTC(year, i % 12, 5, 9));
    return {
      id: randomUUID(),
      label: `${MONTHS[i % 12]} ${year}`,
      opensAt,
      closesAt: new Date(opensAt.getTime() + 14 * 86_400_000),
    };
  });
}
