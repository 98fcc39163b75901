import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { constructs } from '@pulse/shared';
import { fQuantile, reliabilityByConstruct, relativeWeightsOf, constructRows, type StoredAnswers } from '@pulse/shared/instrument';
import { currentQuestionnaire } from '@pulse/shared';

/**
 * Our reliability figures against R's psych on a stored synthetic response set
 * (tests/fixtures/reliability: responses.csv from the simulator, reference.csv from psych.R).
 * CI has no R: the figures psych gave are stored. "Agree to 3 decimals": |ours − psych| < 0.0005.
 */
const dir = fileURLToPath(new URL('../fixtures/reliability/', import.meta.url));
const responsesCsv: Record<string, string>[] = parse(readFileSync(`${dir}responses.csv`, 'utf8'), { columns: true });
const reference: { construct: string; figure: string; item: string; value: string }[] = parse(readFileSync(`${dir}reference.csv`, 'utf8'), {
  columns: true,
  comment: '#',
});
const figure = (construct: string, name: string, item = '') => {
  const row = reference.find((r) => r.construct === construct && r.figure === name && r.item === item);
  if (!row) throw new Error(`reference.csv has no ${name} for ${construct} ${item}`);
  return Number(row.value);
};
const responses: StoredAnswers[] = responsesCsv.map((row) => ({
  questionnaireVersion: 1,
  answers: Object.fromEntries(Object.entries(row).map(([id, v]) => [id, Number(v)])),
}));
const ours = reliabilityByConstruct(responses);

describe('reliability against R psych (tests/fixtures/reliability)', () => {
  it('has a realistic fixture: every construct computed over every respondent', () => {
    expect(responses.length).toBeGreaterThan(250);
    expect(ours.map((c) => c.construct)).toEqual([...constructs]);
    for (const c of ours) expect(c.n).toBe(figure(c.construct, 'n'));
  });

  for (const construct of constructs) {
    it(`${construct}: α, Feldt's interval, ω total and every r.drop agree to 3 decimals`, () => {
      const c = ours.find((x) => x.construct === construct)!;
      expect(c.alpha).toBeCloseTo(figure(construct, 'alpha'), 3);
      expect(c.alphaCi[0]).toBeCloseTo(figure(construct, 'alpha_feldt_lower'), 3);
      expect(c.alphaCi[1]).toBeCloseTo(figure(construct, 'alpha_feldt_upper'), 3);
      expect(c.omega).toBeCloseTo(figure(construct, 'omega_total'), 3);
      for (const item of c.items) expect(item.itemTotal, item.id).toBeCloseTo(figure(construct, 'r_drop', item.id), 3);
    });
  }

  it('puts ω’s bootstrap interval around ω', () => {
    for (const c of ours) {
      expect(c.omegaCi![0]).toBeLessThan(c.omega);
      expect(c.omegaCi![1]).toBeGreaterThan(c.omega);
      expect(c.omegaCi![1] - c.omegaCi![0]).toBeLessThan(0.3);
    }
  });
});

describe('F quantiles against R qf', () => {
  for (const row of reference.filter((r) => r.figure === 'qf')) {
    const [p, d1, d2] = row.item.split('|').map(Number) as [number, number, number];
    it(`qf(${p}, ${d1}, ${d2})`, () => expect(fQuantile(p, d1, d2)).toBeCloseTo(Number(row.value), 8));
  }
});

describe('Johnson’s relative weights against R (base R, as Johnson 2000 gives them)', () => {
  const scores = responses.map((r) =>
    constructs.map((c) => {
      const row = constructRows(currentQuestionnaire, c, [r])[0]!;
      return row.reduce((a, b) => a + b, 0) / row.length;
    }),
  );
  const enps = responses.map((r) => r.answers.enps as number);
  const result = relativeWeightsOf(scores, enps)!;

  it('gives each need’s weight and R² (equal to the regression’s R²) to 6 decimals', () => {
    constructs.forEach((c, j) => expect(result.weights[j], c).toBeCloseTo(figure(c, 'johnson_weight'), 6));
    expect(result.rSquared).toBeCloseTo(figure('', 'johnson_r_squared'), 6);
    expect(result.rSquared).toBeCloseTo(figure('', 'lm_r_squared'), 6);
  });

  it('stays within 0.01 of general dominance (lmg; a different method, which Johnson’s weights approximate)', () => {
    constructs.forEach((c, j) => expect(Math.abs(result.weights[j]! - figure(c, 'lmg')), c).toBeLessThan(0.01));
  });
});
