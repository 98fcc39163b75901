/**
 * npm run simulate -- [--scenario FILE] [--json]
 * Without --scenario: every scenario of the suite (a team's drift starting in its months 3–6,
 * 6–10 and 12–20, teams joining mid-way, teams whose level steps once, the mixed scenario), each
 * table, the suite against the targets, and the detection curve. With --scenario: that one
 * scenario's table (and its partner comparison when it has partners). --json prints the objects.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rates } from './evaluate.js';
import {
  detectionCurve,
  simulate,
  simulatePartners,
  type CurvePoint,
  type PartnerComparison,
  type PartnerGroup,
  type SimulationReport,
} from './run.js';
import { parseScenario, type Scenario } from './scenario.js';

const scenarioFile = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
/** The suite, in the order of a team's life. */
export const suite = ['early', 'first-year', 'default', 'joining', 'step', 'mixed'] as const;
export const curveDrops = [0.25, 0.5, 0.75, 1, 1.25] as const;
export const curveRamps = [2, 3, 4] as const;
/** The targets for teams of 8 or more, in every scenario (issue 14). */
export const targets = { detectionWithin3: 0.9, medianDelay: 2, stableFlaggedPerYear: 0.05 } as const;

function parseArgs(argv: readonly string[]): { scenario: string | null; json: boolean } {
  let scenario: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--scenario') {
      const file = argv[++i];
      if (!file) throw new Error('--scenario needs a file name');
      scenario = file;
    } else if (arg.startsWith('--scenario=')) scenario = arg.slice('--scenario='.length);
    else throw new Error(`Unknown argument ${arg}; usage: npm run simulate -- [--scenario FILE] [--json]`);
  }
  return { scenario, json };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const delay = (x: number | null) => (x === null ? '–' : `${x} cycle${x === 1 ? '' : 's'}`);

/** Rows of cells as a fixed-width markdown table, the first column left-aligned. */
function grid(head: string[], body: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
}

/** The report as a fixed-width table (also pasted into docs/insights.md). */
export function formatTable(r: SimulationReport): string {
  const rows: [string, Rates][] = [
    ['engine, all teams', r.engine.all],
    ['engine, teams of 8+', r.engine.teams8plus],
    ['engine, teams of 5–7', r.engine.teams5to7],
    ['naive, all teams', r.naive.all],
    ['naive, teams of 8+', r.naive.teams8plus],
  ];
  const head = ['', 'drifting', 'stable', 'detected ≤3 cycles', 'median delay', 'stable flagged/year', 'in year 1'];
  const body = rows.map(([name, x]) => [
    name,
    String(x.drifting),
    String(x.stable),
    pct(x.detectionWithin3),
    delay(x.medianDelay),
    pct(x.stableFlaggedPerYear),
    pct(x.stableFlaggedFirstYear),
  ]);
  return [`scenario: ${r.scenario}`, ...grid(head, body)].join('\n');
}

/** Whether a group's rates meet the targets. */
export function meetsTargets(x: Rates): boolean {
  return (
    x.detectionWithin3 !== null &&
    x.detectionWithin3 >= targets.detectionWithin3 &&
    x.medianDelay !== null &&
    x.medianDelay <= targets.medianDelay &&
    x.stableFlaggedPerYear !== null &&
    x.stableFlaggedPerYear <= targets.stableFlaggedPerYear
  );
}

/** Every scenario of the suite against the targets: teams of 8+ (the target) and of 5–7 (reported). */
export function formatSuite(reports: readonly SimulationReport[]): string {
  const head = [
    'scenario',
    '8+: detected ≤3',
    'median delay',
    'stable flagged/year',
    'in year 1',
    'targets',
    '5–7: detected ≤3',
    'median delay',
    'flagged/year',
    'pressure ≤3: 8+',
    '5–7',
  ];
  const body = reports.map((r) => {
    const big = r.engine.teams8plus;
    const small = r.engine.teams5to7;
    return [
      r.scenario,
      pct(big.detectionWithin3),
      delay(big.medianDelay),
      pct(big.stableFlaggedPerYear),
      pct(big.stableFlaggedFirstYear),
      meetsTargets(big) ? 'met' : 'MISSED',
      pct(small.detectionWithin3),
      delay(small.medianDelay),
      pct(small.stableFlaggedPerYear),
      pct(r.pressure.teams8plus.detectionWithin3),
      pct(r.pressure.teams5to7.detectionWithin3),
    ];
  });
  return [
    'targets, teams of 8+: ≥ 90% detected within 3 cycles, median delay ≤ 2 cycles, ≤ 5% of stable team-years flagged',
    ...grid(head, body),
  ].join('\n');
}

/** Detection within 3 cycles against drift size, one row per ramp length. */
export function formatCurve(points: readonly CurvePoint[]): string {
  const drops = [...new Set(points.map((p) => p.drop))];
  const ramps = [...new Set(points.map((p) => p.rampCycles))];
  const head = ['ramp', ...drops.map((d) => `${d} pt (${d * 25})`)];
  const body = ramps.flatMap((ramp) =>
    (['teams8plus', 'teams5to7'] as const).map((group) => [
      `${ramp} cycles, ${group === 'teams8plus' ? '8+' : '5–7'}`,
      ...drops.map((d) => pct(points.find((p) => p.drop === d && p.rampCycles === ramp)![group])),
    ]),
  );
  return ['detection within 3 cycles of onset, by drift size (scale points, points) and ramp', ...grid(head, body)].join('\n');
}

/** The engine without and with the partner signal, with detection by delay (docs/partners.md). */
export function formatPartnerTable(c: PartnerComparison): string {
  const rows: [string, PartnerGroup][] = [
    ['all teams, without partners', c.without.all],
    ['all teams, with partners', c.with.all],
    ['teams of 8+, without partners', c.without.teams8plus],
    ['teams of 8+, with partners', c.with.teams8plus],
    ['teams of 5–7, without partners', c.without.teams5to7],
    ['teams of 5–7, with partners', c.with.teams5to7],
  ];
  const head = ['', 'drifting', 'detected ≤1', '≤2', '≤3 cycles', 'mean delay', 'never', 'stable flagged/year'];
  const body = rows.map(([name, g]) => [
    name,
    String(g.rates.drifting),
    pct(g.delays.byDelay[1] ?? null),
    pct(g.delays.byDelay[2] ?? null),
    pct(g.rates.detectionWithin3),
    g.delays.meanDelay === null ? '–' : `${g.delays.meanDelay.toFixed(2)} cycles`,
    String(g.delays.missed),
    pct(g.rates.stableFlaggedPerYear),
  ]);
  return [
    `partner signal, same answers (partner score shown for ${pct(c.partnerVisibleShare)} of rated provider-cycles):`,
    ...grid(head, body),
  ].join('\n');
}

const load = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(file, 'utf8')));

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.scenario) {
    const scenario = load(args.scenario);
    const report = simulate(scenario);
    const partners = scenario.partners ? simulatePartners(scenario) : undefined;
    if (args.json) console.log(JSON.stringify(partners ? { ...report, partners } : report, null, 2));
    else console.log([formatTable(report), ...(partners ? ['', formatPartnerTable(partners)] : [])].join('\n'));
    return;
  }
  const reports: SimulationReport[] = [];
  for (const name of suite) {
    const report = simulate(load(scenarioFile(name)));
    reports.push(report);
    if (!args.json) console.log(`${formatTable(report)}\n`);
  }
  const { partners: _partners, ...curveBase } = load(scenarioFile('default'));
  const curve = detectionCurve({ ...curveBase, teams: 600 }, curveDrops, curveRamps);
  if (args.json) console.log(JSON.stringify({ suite: reports, curve }, null, 2));
  else console.log([formatSuite(reports), '', formatCurve(curve)].join('\n'));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
