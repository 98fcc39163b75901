/**
 * npm run simulate -- [--scenario FILE] [--json]
 * Runs a scenario (default: shared/scenarios/default.json) and prints a table, or with --json
 * the object `simulate` (run.ts) returns; docs/insights.md, "Simulation".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rates } from './evaluate.js';
import { simulate, simulatePartners, type PartnerComparison, type PartnerGroup, type SimulationReport } from './run.js';
import { parseScenario } from './scenario.js';

const defaultScenario = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));

function parseArgs(argv: readonly string[]): { scenario: string; json: boolean } {
  let scenario = defaultScenario;
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

/** The report as a fixed-width table (also pasted into docs/insights.md). */
export function formatTable(r: SimulationReport): string {
  const rows: [string, Rates][] = [
    ['engine, all teams', r.engine.all],
    ['engine, teams of 8+', r.engine.teams8plus],
    ['naive, all teams', r.naive.all],
    ['naive, teams of 8+', r.naive.teams8plus],
  ];
  const head = ['', 'drifting', 'stable', 'detected ≤3 cycles', 'median delay', 'stable flagged/year'];
  const body = rows.map(([name, x]) => [
    name,
    String(x.drifting),
    String(x.stable),
    pct(x.detectionWithin3),
    x.medianDelay === null ? '–' : `${x.medianDelay} cycle${x.medianDelay === 1 ? '' : 's'}`,
    pct(x.stableFlaggedPerYear),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [`scenario: ${r.scenario}`, line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
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
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  return [
    `partner signal, same answers (partner score shown for ${pct(c.partnerVisibleShare)} of rated provider-cycles):`,
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const scenario = parseScenario(JSON.parse(readFileSync(args.scenario, 'utf8')));
  const report = simulate(scenario);
  const partners = scenario.partners ? simulatePartners(scenario) : undefined;
  if (args.json) console.log(JSON.stringify(partners ? { ...report, partners } : report, null, 2));
  else console.log([formatTable(report), ...(partners ? ['', formatPartnerTable(partners)] : [])].join('\n'));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
