import type { QuestionnaireTexts } from './texts.js';

/** German ("Sie"). Item ids and versions as in shared/src/questionnaire.ts. */
const de: QuestionnaireTexts = {
  versions: {
    1: {
      aut_say: 'Ich habe echten Einfluss darauf, wie ich meine Arbeit mache.',
      aut_values: 'Meine Arbeit spiegelt wider, was mir wichtig ist.',
      aut_pushed: 'Ich fühle mich zu Arbeit gedrängt, mit der ich nicht einverstanden bin.',
      com_well: 'Ich kann meine Arbeit gut machen.',
      com_grow: 'Ich entwickle mich in meiner Arbeit weiter.',
      com_crowded: 'Eingehende Anfragen verdrängen die Arbeit, die ich gut kann.',
      rel_team: 'Ich fühle mich mit den Menschen in meinem Team verbunden.',
      rel_beyond: 'Ich fühle mich auch mit Menschen außerhalb meines Teams verbunden.',
      rel_outsider: 'In der Organisation als Ganzes fühle ich mich außen vor.',
      ope_yes: 'Wenn andere Teams uns um etwas bitten, suchen wir nach einem Weg, Ja zu sagen.',
      ope_direct: 'Wir lösen Probleme direkt mit anderen Teams, ohne zu eskalieren.',
      ope_values: 'Wir teilen Werte mit den Gruppen, für die wir da sind.',
      ope_walls: 'Unser Team hält andere Gruppen auf Abstand.',
    },
  },
  labels: {
    // The numbers between the ends of the 0–10 scale label themselves.
    ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), String(i + 1)])),
    'Strongly disagree': 'Stimme überhaupt nicht zu',
    Disagree: 'Stimme nicht zu',
    Neither: 'Weder noch',
    Agree: 'Stimme zu',
    'Strongly agree': 'Stimme voll zu',
    'Not at all likely': 'Sehr unwahrscheinlich',
    'Extremely likely': 'Äußerst wahrscheinlich',
  },
  extras: {
    par_yes: 'Sie haben nach einem Weg gesucht, zu unseren Anfragen Ja zu sagen.',
    par_direct: 'Wir konnten direkt mit ihnen zusammenarbeiten, ohne zu eskalieren.',
    val_aligned: 'Diesen Monat passten die Entscheidungen unseres Teams zu diesen Werten.',
    valueStatement: '{value}, auch um den Preis von {cost}',
    action: 'Diese Veränderung macht für uns einen Unterschied.',
    notNoticed: 'Noch nicht bemerkt',
    enps: 'Wie wahrscheinlich ist es, dass Sie dieses Team einem Freund oder einer Freundin als Arbeitsplatz empfehlen?',
  },
};

export default de;
