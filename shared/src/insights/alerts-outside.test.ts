import { describe, expect, it } from 'vitest';
import { alertsForTeam, defaultAlertRules, fortressActions, remedies, remedyAnchor } from './alerts.js';
import type { ChartedMeasure, DriftPoint, MeasureDrift, OutsideDrift, PartnerDrift } from './drift.js';
import { calm, reading } from './testing/drift-readings.js';

const L = defaultAlertRules.L;
const partnerReading = (change: number, score: number, smoothed = change): PartnerDrift => ({
  ...reading(change, score, smoothed, 68),
  n: 18,
  raterTeams: 3,
});

function point(t: number, measures: Partial<Record<ChartedMeasure, MeasureDrift>> | null, outside?: OutsideDrift): DriftPoint {
  return {
    teamId: 'legal',
    cycleIndex: t,
    cycleId: `c${t}`,
    visible: measures !== null,
    invited: 10,
    responded: measures ? 8 : 3,
    ...(measures ? { measures: { ...calm(), ...measures }, fortressIndex: 20 } : {}),
    participation: { rate: 0.8, baselineRate: 0.8, z: 0 },
    ...(outside ? { outside } : {}),
  };
}
const outside = (partner: PartnerDrift | undefined, combinedScore: number): OutsideDrift => ({
  ...(partner ? { partner } : {}),
  partnerSmoothed: partner?.smoothedChange ?? 0,
  combined: { ewma: combinedScore * 0.42, score: combinedScore, signal: combinedScore < -L ? -1 : 0, sources: partner ? 'both' : 'own' },
});

/** The team itself reports only a mild retreat: watch level on its own. */
const mildSelf = { relatedness: reading(-8, -2.3, -6), openness: reading(-3, -1.2, -2), retreat: reading(-5.5, -2.4, -4) };

describe('fortress alerts seen from outside', () => {
  it('warns when the partners see a fall the team barely reports, naming both views and the gap', () => {
    const partner = partnerReading(-16, -3.8, -14);
    const alerts = alertsForTeam([
      point(0, mildSelf, outside(partnerReading(-6, -1.5, -4), -2.5)),
      point(1, mildSelf, outside(partner, -3.9)),
    ]);
    const a = alerts.find((x) => x.kind === 'fortress' && x.cycleIndex === 1)!;
    expect(a.level).toBe('warning');
    expect(a.summary).toContain("EWMA 2.4σ below baseline for the two together, 3.9σ below with the partners' view");
    expect(a.summary).toContain(
      'Seen from outside: the teams that rely on this team rate its responsiveness 14 points lower over 2 cycles (52 now from 18 ratings by 3 teams; EWMA 3.8σ below baseline)',
    );
    // Own openness −2 smoothed, partners −14: the gap widened by 12 points.
    expect(a.summary).toContain(
      'while the team rates its own openness 2 points lower: a self-vs-partner gap 12 points wider than at baseline',
    );
    expect(a.summary).toContain('the team rates its openness 67, its partners rate its responsiveness 52');
    // The partners' fall is quoted once, as the summary's smoothed 14 points.
    expect(a.signals.at(-1)).toEqual({
      construct: 'openness',
      facet: 'partner',
      change: -14,
      evidence: 'EWMA 3.8σ below baseline (18 ratings from 3 teams, baseline 68)',
    });
  });

  it('without the partners the same self-report is only watched', () => {
    const alerts = alertsForTeam([point(0, mildSelf), point(1, mildSelf)]);
    expect(alerts.filter((x) => x.kind === 'fortress').map((x) => x.level)).toEqual(['watch', 'watch']);
  });

  it('never lets partners who see nothing veto a retreat the team reports itself', () => {
    const strong = { relatedness: reading(-18, -3.1, -12), openness: reading(-15, -2.9, -10), retreat: reading(-16.5, -3.4, -11) };
    const [a] = alertsForTeam([point(0, strong, outside(partnerReading(0, 0, 0), -2.4))]).filter((x) => x.kind === 'fortress');
    expect(a!.level).not.toBe('watch');
    expect(a!.summary).toContain('rate its responsiveness about as before');
  });

  it('raises a warning from the outside view alone when the team’s own cell is hidden, quoting none of it', () => {
    const series = [
      point(0, null, outside(partnerReading(-8, -2.6, -6), -2.6)),
      point(1, null, outside(partnerReading(-18, -(L + 0.7), -15), -(L + 0.7))),
    ];
    const a = alertsForTeam(series).find((x) => x.kind === 'fortress' && x.cycleIndex === 1)!;
    expect(a.level).toBe('warning');
    expect(a.summary).toBe(
      "Seen from outside: the teams that rely on this team rate its responsiveness 15 points lower over 2 cycles (50 now from 18 ratings by 3 teams; EWMA 3.8σ below baseline). Only the outside view is charted: the team's own answers are too few to show this cycle.",
    );
    expect(a.signals.map((s) => s.facet)).toEqual(['partner']);
    // Just beyond the limit is not enough on its own: watch.
    const weak = alertsForTeam([point(0, null, outside(partnerReading(-10, -(L + 0.1), -8), -(L + 0.1)))]);
    expect(weak.map((x) => x.level)).toEqual(['watch']);
  });
});

describe('actions that fit the customer map', () => {
  it('points a drive-thru provider at a request menu and automation, a strategic one at a joint review', () => {
    expect(fortressActions(undefined)).toEqual([remedies.customers, remedies.sortByNeed, remedies.automate, remedies.sharedValues]);
    expect(fortressActions({ driveThru: 4, strategic: 1 })).toEqual([
      remedies.requestMenu,
      remedies.automate,
      remedies.jointReview,
      remedies.sharedValues,
    ]);
    expect(fortressActions({ driveThru: 1, strategic: 2 })).toEqual([remedies.jointReview, remedies.automate, remedies.sharedValues]);
    expect(fortressActions({ driveThru: 0, strategic: 2 })).toEqual([remedies.jointReview, remedies.sharedValues]);
    const [a] = alertsForTeam([point(0, mildSelf, outside(partnerReading(-16, -3.8, -14), -3.9))], defaultAlertRules, {
      driveThru: 3,
      strategic: 0,
    });
    expect(a!.actions[0]).toBe(remedies.requestMenu);
  });

  it('links every action to its section of the guide', () => {
    expect(remedyAnchor(remedies.requestMenu)).toBe('simplify-and-automate');
    expect(remedyAnchor(remedies.jointReview)).toBe('sort-by-need');
    expect(remedyAnchor(remedies.customers)).toBe('know-your-customers');
    expect(remedyAnchor('something else')).toBeUndefined();
  });
});
