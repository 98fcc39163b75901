import type { QuestionnaireTexts } from './texts.js';

/** French ("vous"), worded so that no item needs a gendered form. Item ids and versions as in shared/src/questionnaire.ts. */
const fr: QuestionnaireTexts = {
  versions: {
    1: {
      aut_say: 'J’ai vraiment mon mot à dire sur la façon dont je fais mon travail.',
      aut_values: 'Mon travail reflète ce qui compte pour moi.',
      aut_pushed: 'On me pousse vers un travail avec lequel je ne suis pas d’accord.',
      com_well: 'Je peux bien faire mon travail.',
      com_grow: 'Je progresse dans mon travail.',
      com_crowded: 'Les demandes qui arrivent évincent le travail que je sais bien faire.',
      rel_team: 'Je ressens un lien avec les personnes de mon équipe.',
      rel_beyond: 'Je ressens un lien avec des personnes au-delà de mon équipe.',
      rel_outsider: 'Je me sens à l’écart dans l’organisation au sens large.',
      ope_yes: 'Quand d’autres équipes nous demandent quelque chose, nous cherchons un moyen de dire oui.',
      ope_direct: 'Nous réglons les problèmes directement avec les autres équipes, sans passer par la hiérarchie.',
      ope_values: 'Nous partageons des valeurs avec les groupes que nous servons.',
      ope_walls: 'Notre équipe tient les autres groupes à distance.',
    },
  },
  labels: {
    // The numbers between the ends of the 0–10 scale label themselves.
    ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), String(i + 1)])),
    'Strongly disagree': 'Pas du tout d’accord',
    Disagree: 'Pas d’accord',
    Neither: 'Ni l’un ni l’autre',
    Agree: 'D’accord',
    'Strongly agree': 'Tout à fait d’accord',
    'Not at all likely': 'Pas du tout probable',
    'Extremely likely': 'Extrêmement probable',
  },
  extras: {
    par_yes: 'Ils ont cherché un moyen de dire oui à nos demandes.',
    par_direct: 'Nous avons pu travailler directement avec eux, sans passer par la hiérarchie.',
    val_aligned: 'Ce mois-ci, les choix de notre équipe ont correspondu à ces valeurs.',
    valueStatement: '{value}, même au prix de {cost}',
    action: 'Ce changement fait une différence pour nous.',
    notNoticed: 'Pas encore remarqué',
    enps: 'Quelle est la probabilité que vous recommandiez cette équipe comme lieu de travail à un ami ?',
  },
};

export default fr;
