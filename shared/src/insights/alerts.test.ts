import { describe, expect, it } from 'vitest';
import { alertsForTeam, defaultAlertRules, remedies, type Alert } from './alerts.js';
import type { ChartedMeasure, DriftPoint, MeasureDrift } from './drift.js';
import { calm, reading } from './testing/drift-readings.js';

const L = defaultAlertRules.L;

function point(t: number, measures: Partial<Record<ChartedMeasure, MeasureDrift>> | null, extra: Partial<DriftPoint> = {}): DriftPoint {
  return {
    teamId: 'legal',
    cycleIndex: t,
    cycleId: `2025-${String(t + 1).padStart(2, '0')}`,
    visible: measures !== null,
    invited: 10,
    responded: measures ? 8 : 3,
    ...(measures ? { measures: { ...calm(), ...measures }, fortressIndex: 0 } : {}),
    participation: { rate: 0.8, baselineRate: 0.8, z: 0 },
    ...extra,
  };
}

const only = (alerts: Alert[], kind: Alert['kind'], cycle: number) => alerts.filter((a) => a.kind === kind && a.cycleIndex === cycle);

describe('fortress alerts', () => {
  const retreat = (t: number, autonomy: MeasureDrift, fortressIndex: number) =>
    point(
      t,
      {
        relatedness: reading(-18, -3.1, -12),
        openness: reading(-15, -2.9, -10),
        retreat: reading(-16.5, -3.4, -11),
        autonomy,
      },
      { fortressIndex },
    );

  it('warns when relatedness and openness fall together, naming both with points and evidence', () => {
    // Autonomy fell as well (−9 smoothed, more than a third of the 11-point fall): a slump, so
    // it stays a warning.
    const alerts = alertsForTeam([
      point(0, {}),
      point(1, { retreat: reading(-2, -0.5, -1), relatedness: reading(-3, -0.4, -1), openness: reading(-1, -0.2, -1) }),
      point(2, null),
      retreat(3, reading(-10, -1.9, -9), 30),
    ]);
    const [a] = only(alerts, 'fortress', 3);
    expect(a).toBeDefined();
    expect(a!.level).toBe('warning');
    expect(a!.key).toBe('legal:2025-04:fortress');
    expect(a!.summary).toContain(
      'Relatedness fell 12 points and openness fell 10 points over 3 cycles, 1 of them without enough responses to show',
    );
    expect(a!.summary).toContain('EWMA 3.4σ below baseline for the two together');
    expect(a!.summary).toContain('autonomy fell too (9 points)');
    // Each signal quotes the very number of the summary (the smoothed change), not a second one.
    expect(a!.signals.map((s) => [s.construct, s.change])).toEqual([
      ['relatedness', -12],
      ['openness', -10],
      ['autonomy', -9],
    ]);
    expect(a!.actions).toEqual([remedies.customers, remedies.sortByNeed, remedies.automate, remedies.sharedValues]);
  });

  it('is critical when autonomy holds while they fall and the index is high', () => {
    const [a] = only(alertsForTeam([retreat(0, reading(2, 0.3, 1), 55)]), 'fortress', 0);
    expect(a!.level).toBe('critical');
    expect(a!.summary).toContain('while autonomy held (+1 point): independence rather than autonomy');
  });

  it('mentions pressure signs before, and they make it critical', () => {
    const pressured = point(0, {
      pressure: reading(9, 2.5),
      autonomy_frustration: reading(10, 2.2),
      competence_frustration: reading(8, 2.1),
    });
    const alerts = alertsForTeam([pressured, point(1, {}), retreat(2, reading(0, 0, 0), 30)]);
    const [a] = only(alerts, 'fortress', 2);
    expect(a!.level).toBe('critical');
    expect(a!.summary).toContain('Pressure signs came first: autonomy and competence frustration rose 2 cycles earlier.');
  });

  it('only watches a fall too small to matter, however significant', () => {
    const big = point(0, { relatedness: reading(-3, -2.5, -3), openness: reading(-3, -2.6, -3), retreat: reading(-3, -3.5, -3) });
    expect(only(alertsForTeam([big]), 'fortress', 0).map((a) => a.level)).toEqual(['watch']);
  });

  it('stays silent when one of the pair rises', () => {
    const mixed = point(0, { relatedness: reading(-12, -2, -8), openness: reading(4, 0.8, 3), retreat: reading(-4, -1.2, -2.5) });
    expect(only(alertsForTeam([mixed]), 'fortress', 0)).toEqual([]);
  });
});

describe('other alert kinds', () => {
  it('need_drop: a need falling far and significantly is a warning with that need’s remedies', () => {
    const alerts = alertsForTeam([point(0, { competence: reading(-14, -4.3, -11) })]);
    const [a] = only(alerts, 'need_drop', 0);
    expect(a!.level).toBe('warning');
    expect(a!.summary).toBe('Competence fell 11 points (EWMA 4.3σ below baseline), over 1 cycle.');
    expect(a!.actions).toEqual([remedies.automate, remedies.sortByNeed]);
    // Just beyond the limit is only worth watching.
    expect(only(alertsForTeam([point(0, { competence: reading(-6, -(L + 0.1), -5) })]), 'need_drop', 0)[0]!.level).toBe('watch');
  });

  it('pressure: both frustrations rising', () => {
    const p = point(0, {
      pressure: reading(12, 3.9, 10),
      autonomy_frustration: reading(14, 3.4, 11),
      competence_frustration: reading(10, 3.1, 9),
    });
    const [a] = only(alertsForTeam([p]), 'pressure', 0);
    expect(a!.level).toBe('warning');
    expect(a!.signals).toEqual([
      { construct: 'autonomy', facet: 'frustration', change: 11, evidence: 'EWMA 3.4σ above baseline (n = 8, baseline 70)' },
      { construct: 'competence', facet: 'frustration', change: 9, evidence: 'EWMA 3.1σ above baseline (n = 8, baseline 70)' },
    ]);
  });

  it('participation: escalates with consecutive low cycles and quotes no figure of a suppressed one', () => {
    const low = (t: number, visible: boolean) =>
      point(t, visible ? {} : null, {
        responded: visible ? 5 : 3,
        participation: { rate: visible ? 0.5 : 0.3, baselineRate: 0.8, z: visible ? -2.6 : -3.8 },
      });
    const alerts = alertsForTeam([point(0, {}), low(1, true), low(2, true), low(3, false)]);
    expect(alerts.filter((a) => a.kind === 'participation').map((a) => a.level)).toEqual(['watch', 'warning', 'critical']);
    const last = only(alerts, 'participation', 3)[0]!;
    expect(last.summary).toBe(
      'The response rate fell from 80% at baseline to too few responses to show scores, low for 3 cycles in a row.',
    );
    expect(last.summary).not.toMatch(/30%|3 of 10/);
    expect(only(alerts, 'participation', 1)[0]!.summary).toContain('to 50% (5 of 10 invited)');
  });

  it('participation: stays quiet for a team of fewer than five, where one absence swings the rate', () => {
    const tiny = (t: number) => point(t, null, { invited: 3, responded: 1, participation: { rate: 1 / 3, baselineRate: 0.9, z: -3.1 } });
    expect(alertsForTeam([point(0, null, { invited: 3 }), tiny(1), tiny(2)]).filter((a) => a.kind === 'participation')).toEqual([]);
  });

  it('raises nothing for a calm series, and the same alerts every time for the same input', () => {
    expect(alertsForTeam([point(0, {}), point(1, {}), point(2, null)])).toEqual([]);
    const series = [
      point(0, { competence: reading(-14, -4.3, -11) }),
      point(1, { relatedness: reading(-20, -4, -15), openness: reading(-20, -4, -15), retreat: reading(-20, -4.5, -15) }),
    ];
    expect(alertsForTeam(series)).toEqual(alertsForTeam(series));
    const keys = alertsForTeam(series).map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
