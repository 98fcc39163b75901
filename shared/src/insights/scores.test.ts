import { describe, expect, it } from 'vitest';
import { currentQuestionnaire, type Questionnaire } from '../questionnaire.js';
import { scoreResponse } from './scores.js';

const all = (value: number) => Object.fromEntries(currentQuestionnaire.items.map((i) => [i.id, value]));

describe('scoreResponse', () => {
  it('maps the scale to 0–100 and flips reverse items', () => {
    // Everyone answers 4 (= 75 on 0–100). Autonomy: two satisfaction items at 75 and the
    // frustration item flipped to 25 → (75 + 75 + 25) / 3 = 58.33.
    const s = scoreResponse(1, all(4));
    expect(s.constructs.autonomy).toBeCloseTo(175 / 3, 10);
    expect(s.constructs.competence).toBeCloseTo(175 / 3, 10);
    expect(s.constructs.relatedness).toBeCloseTo(175 / 3, 10);
    // Openness: three items at 75, "keeps other groups at arm's length" flipped to 25 → 62.5.
    expect(s.constructs.openness).toBe(62.5);
  });

  it('keeps frustration facets unflipped: higher means more frustration', () => {
    const answers = { ...all(3), aut_pushed: 5, com_crowded: 1 };
    const s = scoreResponse(1, answers);
    expect(s.facets.autonomy).toEqual({ satisfaction: 50, frustration: 100 });
    expect(s.facets.competence).toEqual({ satisfaction: 50, frustration: 0 });
    // In the construct score the same frustration lowers autonomy: (50 + 50 + 0) / 3.
    expect(s.constructs.autonomy).toBeCloseTo(100 / 3, 10);
    expect(s.constructs.competence).toBeCloseTo(200 / 3, 10);
  });

  it('gives the best possible respondent 100 everywhere except frustration 0', () => {
    const best = Object.fromEntries(currentQuestionnaire.items.map((i) => [i.id, i.reverse ? 1 : 5]));
    const s = scoreResponse(currentQuestionnaire, best);
    expect(s.constructs).toEqual({ autonomy: 100, competence: 100, relatedness: 100, openness: 100 });
    expect(s.facets.relatedness).toEqual({ satisfaction: 100, frustration: 0 });
  });

  it('scores with the questionnaire version it is given, on that version’s scale', () => {
    const seven: Questionnaire = {
      version: 99,
      items: currentQuestionnaire.items.map((i) => ({ ...i, id: `${i.id}_7`, scale: { ...i.scale, min: 1, max: 7 } })),
    };
    const answers = Object.fromEntries(seven.items.map((i) => [i.id, 4]));
    // 4 on 1..7 is the midpoint: 50 whether flipped or not.
    expect(scoreResponse(seven, answers).constructs.openness).toBe(50);
    expect(() => scoreResponse(12345, all(3))).toThrow(/Unknown questionnaire version/);
  });

  it('refuses missing or out-of-range answers instead of scoring them', () => {
    const { aut_say: _dropped, ...missing } = all(3);
    expect(() => scoreResponse(1, missing)).toThrow(/aut_say/);
    expect(() => scoreResponse(1, { ...all(3), rel_team: 6 })).toThrow(RangeError);
    expect(() => scoreResponse(1, { ...all(3), rel_team: 2.5 })).toThrow(RangeError);
  });
});
