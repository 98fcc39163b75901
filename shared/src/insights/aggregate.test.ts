import { describe, expect, it } from 'vitest';
import { currentQuestionnaire, questionnaireVersion } from '../questionnaire.js';
import { aggregateCycle, cellScores, directMoments, visibleMoments } from './aggregate.js';
import { scoreResponse } from './scores.js';
import { buildTeamTree, ORGANISATION_ID } from './tree.js';

/** A response answering every item `v`. */
const uniform = (v: number) => scoreResponse(1, Object.fromEntries(currentQuestionnaire.items.map((i) => [i.id, v])));

const tree = buildTeamTree([
  { id: 'P', parentId: null },
  { id: 'A', parentId: 'P' },
  { id: 'B', parentId: 'P' },
]);

describe('aggregateCycle', () => {
  it('summarizes a visible cell by hand and hides small cells and their complements', () => {
    const a = [1, 2, 3, 4, 5].map(uniform);
    const alone = aggregateCycle('c1', tree, new Map([['A', { invited: 6, responses: a }]]), 5);
    const cellA = cellScores(alone, tree.indexOf.get('A')!);
    if (!cellA.visible) throw new Error('A should be visible');
    // Openness for answer v: (3·(v−1)·25 + (5−v)·25) / 4 = 12.5·v + 12.5 → 25, 37.5, …, 75; mean 50.
    expect(cellA.scores.openness.mean).toBe(50);
    expect(cellA.scores.openness.n).toBe(5);
    // sd of 25, 37.5, 50, 62.5, 75 = 12.5·√2.5 = 19.764; half-width 2.776·19.764/√5 = 24.54.
    expect(cellA.scores.openness.sd).toBeCloseTo(19.7642, 3);
    expect(cellA.scores.openness.ciLow).toBeCloseTo(25.46, 1);
    expect(cellA.invited).toBe(6);

    // Add B with 2 respondents: B is hidden, and P − A would reveal B. Hiding A (a team,
    // weight 2) ties with hiding P and the organisation (two roll-ups): the team stays.
    const withB = aggregateCycle(
      'c1',
      tree,
      new Map([
        ['A', { invited: 6, responses: a }],
        ['B', { invited: 4, responses: [5, 5].map(uniform) }],
      ]),
      5,
    );
    expect(cellScores(withB, tree.indexOf.get('B')!)).toMatchObject({ visible: false, reason: 'below_threshold', n: 2, invited: 4 });
    expect(cellScores(withB, tree.indexOf.get('P')!)).toMatchObject({ visible: false, reason: 'complementary', n: 7, invited: 10 });
    expect(visibleMoments(withB, tree.indexOf.get('P')!, 'openness')).toBeNull();
    expect(cellScores(withB, tree.indexOf.get('A')!)).toMatchObject({ visible: true, n: 5 });
  });

  it('gives the parent the pooled figures of all its subtree responses', () => {
    const agg = aggregateCycle(
      'c1',
      tree,
      new Map([
        ['A', { invited: 5, responses: [1, 1, 1, 1, 1].map(uniform) }],
        ['B', { invited: 5, responses: [5, 5, 5, 5, 5].map(uniform) }],
      ]),
      5,
    );
    const p = cellScores(agg, tree.indexOf.get('P')!);
    if (!p.visible) throw new Error('P should be visible');
    // Five respondents at 25 and five at 75 on openness: mean 50, sd = √(10·625/9) = 26.35.
    expect(p.scores.openness.mean).toBe(50);
    expect(p.scores.openness.sd).toBeCloseTo(26.352, 3);
    // Autonomy frustration facet: answer 1 → 0, answer 5 → 100; mean 50.
    expect(p.frustration.autonomy.mean).toBe(50);
    expect(cellScores(agg, tree.indexOf.get(ORGANISATION_ID)!).n).toBe(10);
  });

  it('clips an interval to the 0–100 scale', () => {
    const agg = aggregateCycle('c', tree, new Map([['A', { invited: 5, responses: [5, 5, 5, 5, 4].map(uniform) }]]), 5);
    const a = cellScores(agg, tree.indexOf.get('A')!);
    if (!a.visible) throw new Error('visible');
    expect(a.scores.openness.ciHigh).toBeLessThanOrEqual(100);
  });
});

describe('aggregating from stored moments', () => {
  it('gives exactly the figures of aggregating the responses themselves', () => {
    const q = questionnaireVersion(1);
    const answers = (v: number) => Object.fromEntries(q.items.map((item, i) => [item.id, ((v + i) % 5) + 1]));
    const chain = buildTeamTree([
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
    ]);
    const a = [1, 2, 3].map((v) => scoreResponse(q, answers(v)));
    const b = [4, 5, 6, 7, 8].map((v) => scoreResponse(q, answers(v)));
    const fromResponses = aggregateCycle(
      'c',
      chain,
      new Map([
        ['a', { invited: 4, responses: a }],
        ['b', { invited: 6, responses: b }],
      ]),
      3,
    );
    const fromMoments = aggregateCycle(
      'c',
      chain,
      new Map([
        ['a', { invited: 4, moments: Array.from(directMoments(a)) }],
        ['b', { invited: 6, moments: directMoments(b) }],
      ]),
      3,
    );
    expect(Array.from(fromMoments.moments)).toEqual(Array.from(fromResponses.moments));
    expect(fromMoments.suppression.visible).toEqual(fromResponses.suppression.visible);
    expect(cellScores(fromMoments, chain.indexOf.get('a')!)).toEqual(cellScores(fromResponses, chain.indexOf.get('a')!));
  });

  it('refuses moments of the wrong length and more respondents than invitations', () => {
    const single = buildTeamTree([{ id: 'a', parentId: null }]);
    expect(() => aggregateCycle('c', single, new Map([['a', { invited: 1, moments: [1, 2] }]]), 3)).toThrow(/malformed/);
    const q = questionnaireVersion(1);
    const r = scoreResponse(q, Object.fromEntries(q.items.map((item) => [item.id, 3])));
    expect(() => aggregateCycle('c', single, new Map([['a', { invited: 1, responses: [r, r] }]]), 3)).toThrow(/more responses/);
  });
});
