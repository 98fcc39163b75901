// What every benchmark prints: the machine, then Markdown tables ready for docs/benchmarks.md.
import { cpus, loadavg, totalmem } from 'node:os';

/** The q-quantile (0..1) of `values`, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** Milliseconds with a sensible number of decimals. */
export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
export const seconds = (valueMs: number) => (valueMs / 1000).toFixed(1);

/** A Markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One line naming the date, the machine, its load and PostgreSQL, to head a result table. */
export function machineLine(postgresVersion?: string): string {
  const cpu = cpus();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'} · ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}` +
    (postgresVersion ? ` · ${postgresVersion}` : '') +
    ` · load average at start ${load}`
  );
}

/** Times `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
